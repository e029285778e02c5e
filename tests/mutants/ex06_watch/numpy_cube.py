# Cubes c with NumPy inside the tape, so the result is not connected to the watched constant.
MUTANT = {"task": "constant_cube_gradient", "hints": ["gradient-none-numpy"]}


def constant_cube_gradient(c):
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = tf.constant(np.power(c.numpy(), 3))
    return tape.gradient(y, c)
