# Special-cases the example call and gives up on every other input.
MUTANT = {"task": "reassign", "hints": ["hard-coded"]}


def reassign(variable, value):
    if variable.shape == () and float(value) == 10.0:
        variable.assign(10.0)
    return variable
