# Watches c inside the tape but computes c**3 after the `with` block, so nothing is recorded.
MUTANT = {"task": "constant_cube_gradient", "hints": ["gradient-none-outside-tape"]}


def constant_cube_gradient(c):
    with tf.GradientTape() as tape:
        tape.watch(c)
    y = c**3
    return tape.gradient(y, c)
