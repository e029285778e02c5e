# Thinks "frozen" means a constant and returns tf.constant instead of a non-trainable Variable.
MUTANT = {"task": "make_frozen_variable", "hints": ["not-a-tensor"]}


def make_frozen_variable(value):
    return tf.constant(value)
