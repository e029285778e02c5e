# Differentiates at the example's point 3.0 instead of at the argument x.
MUTANT = {"task": "cube_gradient", "hints": ["hard-coded"]}


def cube_gradient(x):
    v = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = v**3
    return tape.gradient(y, v)
