# Takes the second derivative after the outermost tape has closed, so the third is None.
MUTANT = {"task": "third_derivative", "hints": ["tapes-not-nested"]}


def third_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape3:
        with tf.GradientTape() as tape2:
            with tf.GradientTape() as tape1:
                y = f(x)
            d1 = tape1.gradient(y, x)
    d2 = tape2.gradient(d1, x)
    return tape3.gradient(d2, x)
