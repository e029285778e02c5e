# Differentiates element by element in a Python loop and returns a list, not a tensor.
MUTANT = {"task": "gradient_of_sum", "hints": ["not-a-tensor"]}


def gradient_of_sum(f, xs):
    result = []
    for value in xs:
        v = tf.Variable(value)
        with tf.GradientTape() as tape:
            y = f(v)
        result.append(tape.gradient(y, v))
    return result
