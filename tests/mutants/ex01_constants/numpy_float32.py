# Converts with NumPy, so the result is a float32 NumPy array, not a tensor.
MUTANT = {"task": "to_float32", "hints": ["not-a-tensor"]}


def to_float32(values):
    return np.array(values, dtype=np.float32)
