# Loops over the outputs calling gradient() on a tape that is not persistent.
MUTANT = {"task": "gradients_from_one_tape", "hints": ["tape-not-persistent"]}


def gradients_from_one_tape(fs, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        ys = [f(x) for f in fs]
    return [tape.gradient(y, x) for y in ys]
