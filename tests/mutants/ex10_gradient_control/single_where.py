# One tf.where with the unsafe branch x * log(x): the values are right, the gradient is NaN
# wherever x <= 0.
MUTANT = {"task": "xlogx_and_gradient", "hints": ["nan-gradient"]}


def xlogx_and_gradient(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.where(x > 0, x * tf.math.log(x), tf.zeros_like(x))
    return y, tape.gradient(y, x)
