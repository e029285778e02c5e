# Differentiates the gradient with outer.gradient: H summed over rows, shape (n,), not (n, n).
MUTANT = {"task": "hessian", "hints": ["wrong-shape", "jacobian-vs-gradient"]}


def hessian(f, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
    return outer.gradient(g, x)
