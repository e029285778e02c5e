# Uses a tf.constant without tape.watch, so the tape records nothing and the gradient is None.
MUTANT = {"task": "cube_gradient", "hints": ["gradient-none-unwatched"]}


def cube_gradient(x):
    c = tf.constant(x)
    with tf.GradientTape() as tape:
        y = c**3
    return tape.gradient(y, c)
