# Uses a non-persistent tape for three gradient() calls.
MUTANT = {"task": "composite_gradients", "hints": ["tape-not-persistent"]}


def composite_gradients(f, g, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(x)
        z = g(y)
    dz_dy = tape.gradient(z, y)
    dy_dx = tape.gradient(y, x)
    dz_dx = tape.gradient(z, x)
    return dz_dy, dy_dx, dz_dx
