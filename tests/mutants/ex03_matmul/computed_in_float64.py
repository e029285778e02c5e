# Casts the weights up to float64 instead of the data down, so the result is float64.
MUTANT = {"task": "mixed_precision_matmul", "hints": ["dtype-mismatch"]}


def mixed_precision_matmul(x, w):
    return tf.matmul(tf.constant(x), tf.cast(w, tf.float64))
