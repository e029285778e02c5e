# Returns the Hessian of the text's example (Rosenbrock at [1, 1, 1]) whatever f and x are.
MUTANT = {"task": "hessian", "hints": ["hard-coded"]}


def hessian(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    tape.gradient(y, x)
    return tf.constant([[802.0, -400.0, 0.0], [-400.0, 1002.0, -400.0], [0.0, -400.0, 200.0]],
                       dtype=x.dtype)
