# Watches c but calls f on c.numpy(), so f's result is not connected to the watched tensor.
MUTANT = {"task": "derivative_wrt_constant", "hints": ["gradient-none-numpy"]}


def derivative_wrt_constant(f, c):
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = f(c.numpy())
    return tape.gradient(y, c)
