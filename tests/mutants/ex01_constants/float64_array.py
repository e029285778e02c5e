# Builds the array with dtype=float, which turns every tensor into float64 whatever its dtype.
MUTANT = {"task": "to_numpy", "hints": ["wrong-dtype"]}


def to_numpy(tensor):
    return np.array(tensor.numpy(), dtype=float)
