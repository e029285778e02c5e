# Uses unconnected_gradients=ZERO but never watches x, so every gradient is silently zero.
MUTANT = {"task": "gradient_or_zero", "hints": ["wrong-value"]}


def gradient_or_zero(f, x):
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.gradient(y, x, unconnected_gradients=tf.UnconnectedGradients.ZERO)
