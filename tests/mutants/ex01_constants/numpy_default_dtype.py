# Goes through NumPy first, so the tensor gets NumPy's 64-bit default dtype instead of TensorFlow's.
MUTANT = {"task": "make_constant", "hints": ["wrong-dtype"]}


def make_constant(values):
    return tf.constant(np.array(values))
