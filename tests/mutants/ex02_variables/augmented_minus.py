# Writes `variable -= amount`, which TensorFlow refuses for a tf.Variable (use assign_sub).
MUTANT = {"task": "decrement", "hints": []}


# No specific hint yet for TensorFlow's own "`variable -= value` ... not supported" error.
def decrement(variable, amount):
    variable -= amount
    return variable
