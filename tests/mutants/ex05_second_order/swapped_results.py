# Returns the two derivatives in the wrong order, (f'', f').
MUTANT = {"task": "first_and_second_derivative", "hints": ["wrong-value"]}


def first_and_second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x)
    d2y_dx2 = outer.gradient(dy_dx, x)
    return d2y_dx2, dy_dx
