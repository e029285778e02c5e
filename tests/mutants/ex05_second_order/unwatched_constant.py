# Works on a constant that neither tape watches, so the first derivative is already None.
MUTANT = {"task": "second_derivative", "hints": []}


# Should earn gradient-none-unwatched; the grader says gradient-none-numpy (reported).
def second_derivative(f, x):
    x = tf.convert_to_tensor(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
