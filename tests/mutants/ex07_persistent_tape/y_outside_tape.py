# Computes y = x**3 before opening the tape, so dy/dx and dz/dx are None.
MUTANT = {"task": "chain_rule_gradients", "hints": ["gradient-none-outside-tape"]}


def chain_rule_gradients(x):
    x = tf.Variable(x)
    y = x**3
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(y)
        z = 2 * y
    result = {
        "dz_dy": tape.gradient(z, y),
        "dy_dx": tape.gradient(y, x),
        "dz_dx": tape.gradient(z, x),
    }
    del tape
    return result
