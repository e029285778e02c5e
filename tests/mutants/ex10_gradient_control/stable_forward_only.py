# Uses the stable formula but lets autodiff differentiate max and abs: slope 0 at x = 0, not 0.5.
MUTANT = {"task": "softplus_and_gradient", "hints": ["wrong-value"]}


def softplus_and_gradient(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.maximum(x, 0.0) + tf.math.log1p(tf.exp(-tf.abs(x)))
    return y, tape.gradient(y, x)
