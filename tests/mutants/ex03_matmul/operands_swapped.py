# Multiplies in the wrong order (b times a): the matrix product is not commutative.
MUTANT = {"task": "matmul", "hints": ["wrong-value"]}


def matmul(a, b):
    return tf.matmul(b, a)
