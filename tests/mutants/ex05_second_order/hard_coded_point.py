# Differentiates at the example's point 3.0 instead of at the argument x.
MUTANT = {"task": "cube_second_derivative", "hints": ["hard-coded"]}


def cube_second_derivative(x):
    x = tf.Variable(3.0)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = x**3
        dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
