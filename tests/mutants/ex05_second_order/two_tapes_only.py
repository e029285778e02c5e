# Nests only two tapes, so it returns the second derivative instead of the third.
MUTANT = {"task": "third_derivative", "hints": ["wrong-value"]}


def third_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
