# Returns a NumPy array instead of a TensorFlow tensor.
MUTANT = {"task": "make_constant", "hints": ["not-a-tensor"]}


def make_constant(values):
    return np.array(values)
