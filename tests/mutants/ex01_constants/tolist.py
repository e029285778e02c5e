# Returns a nested Python list (.tolist()) instead of a NumPy array.
MUTANT = {"task": "to_numpy", "hints": ["wrong-type"]}


def to_numpy(tensor):
    return tensor.numpy().tolist()
