# Multiplies the constant and the variable with `*` instead of tf.matmul.
MUTANT = {"task": "constant_times_variable", "hints": ["elementwise-not-matmul"]}


def constant_times_variable(c, v):
    return tf.constant(c) * tf.Variable(v)
