# Makes an integer Variable (int(x)): integer tensors are never watched, so the gradient is None.
MUTANT = {"task": "cube_gradient", "hints": ["gradient-none-integer"]}


def cube_gradient(x):
    v = tf.Variable(int(x))
    with tf.GradientTape() as tape:
        y = v**3
    return tape.gradient(y, v)
