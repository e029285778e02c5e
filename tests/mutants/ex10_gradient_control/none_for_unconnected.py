# Leaves the default unconnected_gradients: dz/dy comes back None instead of 0.
MUTANT = {"task": "stop_recording_gradients", "hints": ["unconnected-gradient"]}


def stop_recording_gradients(f, g, x, y):
    x, y = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        fx = f(x)
        with tape.stop_recording():
            c = g(y)
        z = fx * c
    dz_dx, dz_dy = tape.gradient(z, [x, y])
    return dz_dx, dz_dy
