# Takes both derivatives from one non-persistent tape, which allows only one gradient() call.
MUTANT = {"task": "first_and_second_derivative", "hints": ["tape-not-persistent"]}


def first_and_second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(x)
        dy_dx = tape.gradient(y, x)
    d2y_dx2 = tape.gradient(dy_dx, x)
    return dy_dx, d2y_dx2
