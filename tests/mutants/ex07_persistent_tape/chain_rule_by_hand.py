# Applies the chain rule by hand with the outer derivative taken at x instead of at y = f(x).
MUTANT = {"task": "composite_gradients", "hints": ["wrong-value"]}


def composite_gradients(f, g, x):
    x = tf.Variable(x)
    with tf.GradientTape(persistent=True) as tape:
        y = f(x)
        z = g(y)
        gx = g(x)
    dz_dy = tape.gradient(z, y)
    dy_dx = tape.gradient(y, x)
    dz_dx = tape.gradient(gx, x) * dy_dx
    del tape
    return dz_dy, dy_dx, dz_dx
