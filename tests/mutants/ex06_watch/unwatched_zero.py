# Asks for zeros but forgets tape.watch(x), so even connected gradients come back as None.
MUTANT = {"task": "gradient_or_zero", "hints": ["gradient-none-unwatched"]}


def gradient_or_zero(f, x):
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.gradient(y, x)
