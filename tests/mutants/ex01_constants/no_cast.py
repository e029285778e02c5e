# Converts to a tensor but never casts, so float64 arrays and int inputs keep their dtype.
MUTANT = {"task": "to_float32", "hints": ["wrong-dtype"]}


def to_float32(values):
    return tf.convert_to_tensor(values)
