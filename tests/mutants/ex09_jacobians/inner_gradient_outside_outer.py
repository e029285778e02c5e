# Computes the inner gradient after the outer tape stopped recording: the Hessian is None.
MUTANT = {"task": "hessian", "hints": ["tapes-not-nested"]}


def hessian(f, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
    g = inner.gradient(y, x)
    return outer.jacobian(g, x)
