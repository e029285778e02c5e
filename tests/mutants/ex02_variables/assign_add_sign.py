# Uses assign_add instead of assign_sub, so the amount is added.
MUTANT = {"task": "decrement", "hints": ["wrong-value"]}


def decrement(variable, amount):
    variable.assign_add(amount)
    return variable
