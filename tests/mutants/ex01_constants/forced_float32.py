# Always asks for float32, so integer lists do not get TensorFlow's default int32 dtype.
MUTANT = {"task": "make_constant", "hints": ["wrong-dtype"]}


def make_constant(values):
    return tf.constant(values, dtype=tf.float32)
