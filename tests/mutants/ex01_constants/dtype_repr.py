# Uses str(dtype), which gives "<dtype: 'int32'>" rather than the name "int32".
MUTANT = {"task": "shape_and_dtype", "hints": ["wrong-value"]}


def shape_and_dtype(tensor):
    return tuple(tensor.shape), str(tensor.dtype)
