# Uses tf.multiply, which (like `*`) multiplies element by element.
MUTANT = {"task": "matmul", "hints": ["elementwise-not-matmul"]}


def matmul(a, b):
    return tf.multiply(a, b)
