# Nests the tapes but takes the inner gradient after leaving the outer block, so it is not recorded.
MUTANT = {"task": "cube_second_derivative", "hints": ["tapes-not-nested"]}


def cube_second_derivative(x):
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = x**3
    dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
