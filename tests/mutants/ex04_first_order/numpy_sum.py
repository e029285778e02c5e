# Sums the outputs with np.sum inside the tape, which leaves TensorFlow and loses the gradient.
MUTANT = {"task": "gradient_of_sum", "hints": ["gradient-none-numpy"]}


def gradient_of_sum(f, xs):
    v = tf.Variable(xs)
    with tf.GradientTape() as tape:
        y = np.sum(f(v))
    return tape.gradient(y, v)
