# Calls .numpy() on the gradient, returning a NumPy value instead of a tensor.
MUTANT = {"task": "cube_gradient", "hints": ["not-a-tensor"]}


def cube_gradient(x):
    v = tf.Variable(float(x))
    with tf.GradientTape() as tape:
        y = v**3
    return tape.gradient(y, v).numpy()
