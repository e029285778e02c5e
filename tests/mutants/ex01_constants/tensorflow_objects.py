# Returns the TensorShape and DType objects themselves, not a tuple of ints and a string.
MUTANT = {"task": "shape_and_dtype", "hints": ["wrong-type"]}


def shape_and_dtype(tensor):
    return tensor.shape, tensor.dtype
