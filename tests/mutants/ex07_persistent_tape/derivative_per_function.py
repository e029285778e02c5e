# Calls a one-tape derivative helper for each function, so it makes one tape per function.
MUTANT = {"task": "gradients_from_one_tape", "hints": ["multiple-tapes"]}


def gradients_from_one_tape(fs, x):
    grads = []
    for f in fs:
        v = tf.Variable(x)
        with tf.GradientTape() as tape:
            y = f(v)
        grads.append(tape.gradient(y, v))
    return grads
