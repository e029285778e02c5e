# Cubes with NumPy (np.power on v.numpy()) inside the tape, which breaks the gradient path.
MUTANT = {"task": "cube_gradient", "hints": ["gradient-none-numpy"]}


def cube_gradient(x):
    v = tf.Variable(float(x))
    with tf.GradientTape() as tape:
        y = np.power(v.numpy(), 3)
    return tape.gradient(y, v)
