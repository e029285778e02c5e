# Makes an integer Variable (int(x)), so even the first derivative is None.
MUTANT = {"task": "cube_second_derivative", "hints": []}


# Should earn gradient-none-integer; the grader says gradient-none-numpy (reported).
def cube_second_derivative(x):
    x = tf.Variable(int(x))
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = x**3
        dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
