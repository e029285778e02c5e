# Counts epochs from 1 (`range(1, epochs)`): one update and one loss fewer than asked for.
MUTANT = {"task": "train", "hints": ["epoch-count"]}


def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    x = tf.cast(x, tf.float32)
    y = tf.cast(y, tf.float32)
    weight = tf.Variable(initial_weight, dtype=tf.float32)
    bias = tf.Variable(initial_bias, dtype=tf.float32)
    losses = []
    for _ in range(1, epochs):
        loss = train_step(x, y, weight, bias, learning_rate)
        losses.append(float(loss))
    return float(weight.numpy()), float(bias.numpy()), losses
