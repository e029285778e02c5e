# Forgets tape.watch(c): a constant is not watched automatically, so df/dc is None.
MUTANT = {"task": "derivative_wrt_constant", "hints": ["gradient-none-unwatched"]}


def derivative_wrt_constant(f, c):
    with tf.GradientTape() as tape:
        y = f(c)
    return tape.gradient(y, c)
