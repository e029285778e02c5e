# "Transposes" b with tf.reshape, which keeps the element order and scrambles the matrix.
MUTANT = {"task": "matmul_transpose_b", "hints": ["wrong-value"]}


def matmul_transpose_b(a, b):
    b = tf.convert_to_tensor(b)
    return tf.matmul(a, tf.reshape(b, (b.shape[1], b.shape[0])))
