# Builds the Variable from the example's 3.0 instead of the argument x.
MUTANT = {"task": "chain_rule_gradients", "hints": ["hard-coded"]}


def chain_rule_gradients(x):
    x = tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as tape:
        y = x**3
        z = 2 * y
    result = {
        "dz_dy": tape.gradient(z, y),
        "dy_dx": tape.gradient(y, x),
        "dz_dx": tape.gradient(z, x),
    }
    del tape
    return result
