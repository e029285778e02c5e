# Calls tape.watch(c) only after computing c**3, too late for the tape to record the cube.
MUTANT = {"task": "constant_cube_gradient", "hints": []}


# Misdiagnosed as gradient-none-outside-tape (reported): the tape did watch c, too late.
def constant_cube_gradient(c):
    with tf.GradientTape() as tape:
        y = c**3
        tape.watch(c)
    return tape.gradient(y, c)
