# Rebinds the parameter name to a constant: the caller's Variable is untouched.
MUTANT = {"task": "reassign", "hints": ["variable-rebound"]}


def reassign(variable, value):
    variable = tf.constant(value, dtype=variable.dtype)
    return variable
