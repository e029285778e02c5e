# Uses assign_add where the task asks to overwrite the value, so the old value is kept in the sum.
MUTANT = {"task": "reassign", "hints": ["wrong-value"]}


def reassign(variable, value):
    variable.assign_add(value)
    return variable
