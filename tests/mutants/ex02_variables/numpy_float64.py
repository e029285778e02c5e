# Wraps the value in np.array first, so the Variable gets NumPy's float64 instead of float32.
MUTANT = {"task": "make_variable", "hints": ["wrong-dtype"]}


def make_variable(value):
    return tf.Variable(np.array(value))
