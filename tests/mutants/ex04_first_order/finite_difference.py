# Approximates the derivative with a central finite difference instead of a gradient tape.
MUTANT = {"task": "derivative", "hints": ["no-tape"]}


def derivative(f, x):
    h = 1e-3
    return (f(x + h) - f(x - h)) / (2 * h)
