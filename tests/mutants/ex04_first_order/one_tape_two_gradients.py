# Calls gradient() twice on a non-persistent tape (one call per partial derivative).
MUTANT = {"task": "partial_derivatives", "hints": ["tape-not-persistent"]}


def partial_derivatives(f, x, y):
    vx = tf.Variable(x)
    vy = tf.Variable(y)
    with tf.GradientTape() as tape:
        z = f(vx, vy)
    df_dx = tape.gradient(z, vx)
    df_dy = tape.gradient(z, vy)
    return df_dx, df_dy
