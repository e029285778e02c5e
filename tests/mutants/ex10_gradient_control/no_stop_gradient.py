# Forgets tf.stop_gradient: the product rule also differentiates x**2, giving 3x**2 (27 at 3).
MUTANT = {"task": "stop_gradient_product", "hints": ["stop-gradient-missing"]}


def stop_gradient_product(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        z = x**2 * x
    return tape.gradient(z, x)
