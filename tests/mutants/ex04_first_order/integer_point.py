# Rounds the point to integer Variables, whose gradients are always None.
MUTANT = {"task": "partial_derivatives", "hints": []}


def partial_derivatives(f, x, y):
    vx = tf.Variable(int(x))
    vy = tf.Variable(int(y))
    with tf.GradientTape() as tape:
        z = f(vx, vy)
    df_dx, df_dy = tape.gradient(z, [vx, vy])
    return df_dx, df_dy
