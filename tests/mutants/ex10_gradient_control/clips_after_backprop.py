# Clips the final gradient returned by the tape: clip(f' * g'), not f' * clip(g').
MUTANT = {"task": "clipped_chain_gradient", "hints": ["clip-after-backprop"]}


def clipped_chain_gradient(f, g, x, limit):
    with tf.GradientTape() as tape:
        tape.watch(x)
        z = g(f(x))
    return tf.clip_by_value(tape.gradient(z, x), -limit, limit)
