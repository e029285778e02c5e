# Turns off automatic watching but never calls tape.watch(x1), so both gradients are None.
MUTANT = {"task": "watch_only_second", "hints": ["gradient-none-unwatched"]}


def watch_only_second(f, x0, x1):
    with tf.GradientTape(watch_accessed_variables=False) as tape:
        y = f(x0, x1)
    return tuple(tape.gradient(y, [x0, x1]))
