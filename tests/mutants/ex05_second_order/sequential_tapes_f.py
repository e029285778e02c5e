# Uses two tapes one after the other instead of one inside the other.
MUTANT = {"task": "second_derivative", "hints": ["tapes-not-nested"]}


def second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as first:
        y = f(x)
    dy_dx = first.gradient(y, x)
    with tf.GradientTape() as second:
        dy_dx = dy_dx * 1.0
    return second.gradient(dy_dx, x)
