# Opens the second tape after the first one closed, so the first derivative is never recorded.
MUTANT = {"task": "cube_second_derivative", "hints": ["tapes-not-nested"]}


def cube_second_derivative(x):
    x = tf.Variable(x)
    with tf.GradientTape() as inner:
        y = x**3
    dy_dx = inner.gradient(y, x)
    with tf.GradientTape() as outer:
        outer.watch(x)
    return outer.gradient(dy_dx, x)
