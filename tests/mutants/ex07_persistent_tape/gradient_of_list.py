# Passes the whole list of outputs to one gradient() call, which sums them into one tensor.
MUTANT = {"task": "gradients_from_one_tape", "hints": ["wrong-type"]}


def gradients_from_one_tape(fs, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        ys = [f(x) for f in fs]
    return tape.gradient(ys, x)
