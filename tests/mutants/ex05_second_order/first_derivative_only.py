# Stops after one tape and returns the first derivative 3x² instead of the second.
MUTANT = {"task": "cube_second_derivative", "hints": ["wrong-value"]}


def cube_second_derivative(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = x**3
    return tape.gradient(y, x)
