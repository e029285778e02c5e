# Converts the first derivative to NumPy inside the outer tape, which cuts the gradient path.
MUTANT = {"task": "second_derivative", "hints": ["gradient-none-numpy"]}


def second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x).numpy()
    return outer.gradient(dy_dx, x)
