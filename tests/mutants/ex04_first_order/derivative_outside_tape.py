# Evaluates f(v) before the `with` block, so the tape has nothing to differentiate.
MUTANT = {"task": "derivative", "hints": ["gradient-none-outside-tape"]}


def derivative(f, x):
    v = tf.Variable(x)
    y = f(v)
    with tf.GradientTape() as tape:
        tape.watch(v)
    return tape.gradient(y, v)
