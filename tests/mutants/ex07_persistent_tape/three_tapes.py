# Records the computation three times on three separate tapes instead of one persistent tape.
MUTANT = {"task": "chain_rule_gradients", "hints": ["multiple-tapes"]}


def chain_rule_gradients(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape1:
        y = x**3
        z = 2 * y
    dz_dy = tape1.gradient(z, y)
    with tf.GradientTape() as tape2:
        y = x**3
    dy_dx = tape2.gradient(y, x)
    with tf.GradientTape() as tape3:
        z = 2 * x**3
    dz_dx = tape3.gradient(z, x)
    return {"dz_dy": dz_dy, "dy_dx": dy_dx, "dz_dx": dz_dx}
