# Builds the whole Hessian with outer.jacobian and multiplies it by v: right value, n times the work.
MUTANT = {"task": "hessian_vector_product", "hints": ["hessian-formed"]}


def hessian_vector_product(f, x, v):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
    h = outer.jacobian(g, x)
    return tf.linalg.matvec(h, v)
