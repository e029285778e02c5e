# Opens a fresh tape for each derivative instead of asking one persistent tape three times.
MUTANT = {"task": "composite_gradients", "hints": ["multiple-tapes"]}


def composite_gradients(f, g, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(x)
        z = g(y)
    dz_dy = tape.gradient(z, y)
    with tf.GradientTape() as tape:
        y = f(x)
    dy_dx = tape.gradient(y, x)
    with tf.GradientTape() as tape:
        z = g(f(x))
    dz_dx = tape.gradient(z, x)
    return dz_dy, dy_dx, dz_dx
