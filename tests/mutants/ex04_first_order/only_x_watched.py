# Watches x but forgets y (both are constants), so df/dy comes back None.
MUTANT = {"task": "partial_derivatives", "hints": ["gradient-none-unwatched"]}


def partial_derivatives(f, x, y):
    cx = tf.constant(x)
    cy = tf.constant(y)
    with tf.GradientTape() as tape:
        tape.watch(cx)
        z = f(cx, cy)
    df_dx, df_dy = tape.gradient(z, [cx, cy])
    return df_dx, df_dy
