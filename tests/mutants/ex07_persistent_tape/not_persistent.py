# Forgets persistent=True, so the second gradient() call on the tape raises.
MUTANT = {"task": "chain_rule_gradients", "hints": ["tape-not-persistent"]}


def chain_rule_gradients(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = x**3
        z = 2 * y
    return {
        "dz_dy": tape.gradient(z, y),
        "dy_dx": tape.gradient(y, x),
        "dz_dx": tape.gradient(z, x),
    }
