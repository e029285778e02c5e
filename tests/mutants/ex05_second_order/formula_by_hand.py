# Returns the hand-derived 6x instead of differentiating twice with tapes.
MUTANT = {"task": "cube_second_derivative", "hints": ["no-tape"]}


def cube_second_derivative(x):
    return tf.constant(6.0 * x)
