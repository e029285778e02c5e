# Marks an ordinary Variable trainable=False, so tapes would not watch it.
MUTANT = {"task": "make_variable", "hints": ["not-trainable"]}


def make_variable(value):
    return tf.Variable(value, trainable=False)
