# Replaces a None gradient by the scalar 0.0, which has neither x's shape nor its dtype.
MUTANT = {"task": "gradient_or_zero", "hints": ["wrong-shape"]}


def gradient_or_zero(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    grad = tape.gradient(y, x)
    if grad is None:
        return tf.constant(0.0)
    return grad
