# Converts each derivative to a Python float, so the list holds numbers instead of tensors.
MUTANT = {"task": "gradients_from_one_tape", "hints": ["not-a-tensor"]}


def gradients_from_one_tape(fs, x):
    x = tf.Variable(x)
    with tf.GradientTape(persistent=True) as tape:
        ys = [f(x) for f in fs]
    grads = [float(tape.gradient(y, x)) for y in ys]
    del tape
    return grads
