# Uses tape.jacobian on the batch: (batch, m, batch, n), mostly zeros, not (batch, m, n).
MUTANT = {"task": "batch_jacobian", "hints": ["wrong-shape", "batch-jacobian"]}


def batch_jacobian(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.jacobian(y, x)
