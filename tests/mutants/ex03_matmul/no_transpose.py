# Forgets to transpose b: tf.matmul(a, b) instead of tf.matmul(a, b, transpose_b=True).
MUTANT = {"task": "matmul_transpose_b", "hints": ["transpose-missing"]}


def matmul_transpose_b(a, b):
    return tf.matmul(a, b)
