# Returns 3 * c**2 worked out by hand instead of watching c on a tape.
MUTANT = {"task": "constant_cube_gradient", "hints": ["no-tape"]}


def constant_cube_gradient(c):
    return 3.0 * c**2
