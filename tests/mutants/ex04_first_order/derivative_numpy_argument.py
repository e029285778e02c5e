# Passes v.numpy() to f inside the tape, so f never sees the Variable and the gradient is None.
MUTANT = {"task": "derivative", "hints": ["gradient-none-numpy"]}


def derivative(f, x):
    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v.numpy())
    return tape.gradient(y, v)
