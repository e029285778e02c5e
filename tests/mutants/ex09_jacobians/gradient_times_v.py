# Takes outer.gradient(g, x), which is H·[1, ..., 1], and multiplies it by v element-wise.
MUTANT = {"task": "hessian_vector_product", "hints": ["hvp-not-directional"]}


def hessian_vector_product(f, x, v):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
    return outer.gradient(g, x) * v
