# Watches an integer constant (tf.constant(int(x))), and integer tensors never get a gradient.
MUTANT = {"task": "cube_gradient", "hints": ["gradient-none-integer"]}


def cube_gradient(x):
    c = tf.constant(int(x))
    with tf.GradientTape() as tape:
        tape.watch(c)
        y = c**3
    return tape.gradient(y, c)
