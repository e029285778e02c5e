# Multiplies float64 data by float32 weights without a cast: TensorFlow refuses to mix dtypes.
MUTANT = {"task": "mixed_precision_matmul", "hints": ["dtype-mismatch"]}


def mixed_precision_matmul(x, w):
    return tf.matmul(x, w)
