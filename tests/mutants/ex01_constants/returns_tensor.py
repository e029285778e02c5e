# Returns the tensor itself instead of leaving TensorFlow with .numpy().
MUTANT = {"task": "to_numpy", "hints": ["wrong-type"]}


def to_numpy(tensor):
    return tensor
