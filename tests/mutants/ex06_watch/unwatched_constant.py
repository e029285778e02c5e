# The constant is never watched, so the tape records nothing and the gradient is None.
MUTANT = {"task": "constant_cube_gradient", "hints": ["gradient-none-unwatched"]}


def constant_cube_gradient(c):
    with tf.GradientTape() as tape:
        y = c**3
    return tape.gradient(y, c)
