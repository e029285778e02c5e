# Forgets unconnected_gradients=ZERO, so a function that ignores x gives None instead of zeros.
MUTANT = {"task": "gradient_or_zero", "hints": ["unconnected-gradient"]}


def gradient_or_zero(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)
