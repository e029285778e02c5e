# Returns the gradient as a NumPy array (.numpy()) instead of a tensor.
MUTANT = {"task": "gradient_of_sum", "hints": ["not-a-tensor"]}


def gradient_of_sum(f, xs):
    v = tf.Variable(xs)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v).numpy()
