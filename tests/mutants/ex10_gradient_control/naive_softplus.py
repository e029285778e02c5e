# Writes log(1 + exp(x)) as it reads: exp(100) overflows, the value is inf and the gradient NaN.
MUTANT = {"task": "softplus_and_gradient", "hints": ["nan-gradient"]}


def softplus_and_gradient(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.math.log(1.0 + tf.exp(x))
    return y, tape.gradient(y, x)
