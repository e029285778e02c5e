# Computes g(y) while the tape records: the product rule gives f'(x)g(y) and f(x)g'(y).
MUTANT = {"task": "stop_recording_gradients", "hints": ["stop-gradient-missing"]}


def stop_recording_gradients(f, g, x, y):
    x, y = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        z = f(x) * g(y)
    return tuple(tape.gradient(z, [x, y], unconnected_gradients=tf.UnconnectedGradients.ZERO))
