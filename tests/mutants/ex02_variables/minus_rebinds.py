# `variable = variable - amount` makes a new tensor and leaves the Variable unchanged.
MUTANT = {"task": "decrement", "hints": ["variable-rebound"]}


def decrement(variable, amount):
    variable = variable - amount
    return variable
