# Transposes the wrong operand: transpose_a=True instead of transpose_b=True.
MUTANT = {"task": "matmul_transpose_b", "hints": ["wrong-shape"]}


def matmul_transpose_b(a, b):
    return tf.matmul(a, b, transpose_a=True)
