# Forgets trainable=False, so the "frozen" Variable is still trainable.
MUTANT = {"task": "make_frozen_variable", "hints": ["not-trainable"]}


def make_frozen_variable(value):
    return tf.Variable(value)
