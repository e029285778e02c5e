# Loops `range(epochs + 1)`: one update and one loss more than asked for.
MUTANT = {"task": "train", "hints": ["epoch-count"]}


def train(X, y, learning_rate, epochs):
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    y_column = tf.reshape(y, (-1, 1))
    step = tf.function(gradient_step)
    losses = [float(step(X, y_column, w, b, learning_rate)) for _ in range(epochs + 1)]
    return w, b, losses
