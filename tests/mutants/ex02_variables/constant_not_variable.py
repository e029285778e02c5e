# Returns tf.constant(value): an immutable tensor, where the task asks for a tf.Variable.
MUTANT = {"task": "make_variable", "hints": ["not-a-tensor"]}


def make_variable(value):
    return tf.constant(value)
