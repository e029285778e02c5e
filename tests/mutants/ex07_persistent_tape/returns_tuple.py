# Returns a tuple of the three derivatives where the task asks for a dict keyed by name.
MUTANT = {"task": "chain_rule_gradients", "hints": ["wrong-type"]}


def chain_rule_gradients(x):
    x = tf.Variable(x)
    with tf.GradientTape(persistent=True) as tape:
        y = x**3
        z = 2 * y
    result = (tape.gradient(z, y), tape.gradient(y, x), tape.gradient(z, x))
    del tape
    return result
