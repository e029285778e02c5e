# Uses np.matmul, so the product comes back as a NumPy array, not a tensor.
MUTANT = {"task": "matmul", "hints": ["not-a-tensor"]}


def matmul(a, b):
    return np.matmul(a, b)
