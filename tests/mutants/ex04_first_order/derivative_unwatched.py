# Turns x into a constant and never watches it, so the gradient is None.
MUTANT = {"task": "derivative", "hints": ["gradient-none-unwatched"]}


def derivative(f, x):
    c = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        y = f(c)
    return tape.gradient(y, c)
