# Uses a single non-persistent tape and calls gradient() on it twice.
MUTANT = {"task": "cube_second_derivative", "hints": ["tape-not-persistent"]}


def cube_second_derivative(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = x**3
        dy_dx = tape.gradient(y, x)
    return tape.gradient(dy_dx, x)
