# Computes the first derivative after the outer tape has closed, so the second one is None.
MUTANT = {"task": "first_and_second_derivative", "hints": ["tapes-not-nested"]}


def first_and_second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
    dy_dx = inner.gradient(y, x)
    d2y_dx2 = outer.gradient(dy_dx, x)
    return dy_dx, d2y_dx2
