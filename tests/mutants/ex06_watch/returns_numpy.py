# Returns the gradient as a NumPy value (.numpy()) instead of a tensor.
MUTANT = {"task": "derivative_wrt_constant", "hints": ["not-a-tensor"]}


def derivative_wrt_constant(f, c):
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = f(c)
    return tape.gradient(y, c).numpy()
