# Uses tape.gradient, which sums over the outputs and returns x's shape, instead of the Jacobian.
MUTANT = {"task": "jacobian", "hints": ["wrong-shape", "jacobian-vs-gradient"]}


def jacobian(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)
