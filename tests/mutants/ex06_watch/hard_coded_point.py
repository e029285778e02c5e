# Watches a new constant 3.0 from the example instead of the argument c.
MUTANT = {"task": "constant_cube_gradient", "hints": ["hard-coded"]}


def constant_cube_gradient(c):
    c = tf.constant(3.0)
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = c**3
    return tape.gradient(y, c)
