# Returns the hand-derived formula 3x² instead of computing the derivative with a tape.
MUTANT = {"task": "cube_gradient", "hints": ["no-tape"]}


def cube_gradient(x):
    return tf.constant(3.0 * x**2)
