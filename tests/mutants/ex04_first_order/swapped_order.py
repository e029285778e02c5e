# Returns the two partial derivatives in the wrong order, (df/dy, df/dx).
MUTANT = {"task": "partial_derivatives", "hints": ["wrong-value"]}


def partial_derivatives(f, x, y):
    vx = tf.Variable(x)
    vy = tf.Variable(y)
    with tf.GradientTape() as tape:
        z = f(vx, vy)
    df_dx, df_dy = tape.gradient(z, [vx, vy])
    return df_dy, df_dx
