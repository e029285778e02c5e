# Returns zeros for x0 where the unwatched Variable's gradient is None.
MUTANT = {"task": "watch_only_second", "hints": ["wrong-type"]}


def watch_only_second(f, x0, x1):
    with tf.GradientTape(watch_accessed_variables=False) as tape:
        tape.watch(x1)
        y = f(x0, x1)
    grads = tape.gradient(y, [x0, x1], unconnected_gradients=tf.UnconnectedGradients.ZERO)
    return tuple(grads)
