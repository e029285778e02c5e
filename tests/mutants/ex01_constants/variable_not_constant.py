# Returns a tf.Variable where the task asks for a constant tf.Tensor.
MUTANT = {"task": "make_constant", "hints": ["not-a-tensor"]}


def make_constant(values):
    return tf.Variable(values)
