# Computes y before opening the tape, so nothing is recorded and the gradient is None.
MUTANT = {"task": "cube_gradient", "hints": ["gradient-none-outside-tape"]}


def cube_gradient(x):
    v = tf.Variable(float(x))
    y = v**3
    with tf.GradientTape() as tape:
        pass
    return tape.gradient(y, v)
