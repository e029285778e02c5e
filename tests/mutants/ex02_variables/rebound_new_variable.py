# Creates a new Variable instead of assigning into the one it was given.
MUTANT = {"task": "reassign", "hints": ["variable-rebound"]}


def reassign(variable, value):
    variable = tf.Variable(value)
    return variable
