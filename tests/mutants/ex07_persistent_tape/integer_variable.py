# Builds the Variable from int(x): integer tensors are never watched, so every gradient is None.
MUTANT = {"task": "chain_rule_gradients", "hints": ["gradient-none-integer"]}


def chain_rule_gradients(x):
    x = tf.Variable(int(x))
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
