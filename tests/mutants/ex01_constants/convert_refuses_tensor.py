# Asks tf.convert_to_tensor for float32, which refuses an int32 tensor: a tensor needs tf.cast.
MUTANT = {"task": "to_float32", "hints": ["dtype-mismatch"]}


def to_float32(values):
    return tf.convert_to_tensor(values, dtype=tf.float32)
