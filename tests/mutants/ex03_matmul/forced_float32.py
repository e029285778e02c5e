# Forces float32 on the float64 inputs, so the result does not keep the inputs' dtype.
MUTANT = {"task": "constant_times_variable", "hints": ["wrong-dtype"]}


def constant_times_variable(c, v):
    constant = tf.constant(c, dtype=tf.float32)
    variable = tf.Variable(v, dtype=tf.float32)
    return tf.matmul(constant, variable)
