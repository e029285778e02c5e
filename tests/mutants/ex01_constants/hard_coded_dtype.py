# Copies the example's dtype name "int32" instead of reading the tensor's own dtype.
MUTANT = {"task": "shape_and_dtype", "hints": ["hard-coded"]}


def shape_and_dtype(tensor):
    return tuple(int(d) for d in tensor.shape), "int32"
