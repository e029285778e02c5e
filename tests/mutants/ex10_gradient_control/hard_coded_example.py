# Returns the text's answer 9.0 whatever x is.
MUTANT = {"task": "stop_gradient_product", "hints": ["hard-coded"]}


def stop_gradient_product(x):
    v = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        z = tf.stop_gradient(v**2) * v
    return tape.gradient(z, v)
