# Keeps the default tape, which watches every trainable Variable it touches, so x0 gets a gradient.
MUTANT = {"task": "watch_only_second", "hints": ["watch-accessed-variables"]}


def watch_only_second(f, x0, x1):
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = f(x0, x1)
    return tuple(tape.gradient(y, [x0, x1]))
