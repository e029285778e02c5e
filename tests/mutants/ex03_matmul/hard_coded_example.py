# Returns the example's answer [[11.]] for the example and a zero placeholder for anything else.
MUTANT = {"task": "mixed_precision_matmul", "hints": ["hard-coded"]}


def mixed_precision_matmul(x, w):
    if x.shape == (1, 2) and w.shape == (2, 1):
        return tf.constant([[11.0]])
    return tf.zeros((x.shape[0], w.shape[1]), dtype=tf.float32)
