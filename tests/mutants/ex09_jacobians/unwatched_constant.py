# Forgets tape.watch(x): x is a constant, so the tape records nothing and the Jacobian is None.
MUTANT = {"task": "jacobian", "hints": ["gradient-none-unwatched"]}


def jacobian(f, x):
    with tf.GradientTape() as tape:
        y = f(x)
    return tape.jacobian(y, x)
