# Uses `*`, the element-wise product, instead of the matrix product tf.matmul.
MUTANT = {"task": "matmul", "hints": ["elementwise-not-matmul"]}


def matmul(a, b):
    return tf.convert_to_tensor(a) * tf.convert_to_tensor(b)
