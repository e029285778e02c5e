# Creates the Variables inside the loop, so every epoch restarts training from the initial values.
MUTANT = {"task": "train", "hints": ["wrong-value"]}


def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    losses = []
    for _ in range(epochs):
        weight = tf.Variable(initial_weight, dtype=tf.float32)
        bias = tf.Variable(initial_bias, dtype=tf.float32)
        loss = train_step(x, y, weight, bias, learning_rate)
        losses.append(float(loss))
    return float(weight.numpy()), float(bias.numpy()), losses
