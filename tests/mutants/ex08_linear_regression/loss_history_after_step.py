# Records the loss recomputed after each update, not the loss train_step returned before it.
MUTANT = {"task": "train", "hints": ["wrong-value"]}


def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    weight = tf.Variable(initial_weight, dtype=tf.float32)
    bias = tf.Variable(initial_bias, dtype=tf.float32)
    losses = []
    for _ in range(epochs):
        train_step(x, y, weight, bias, learning_rate)
        losses.append(float(mean_squared_error(predict(x, weight, bias), y)))
    return float(weight.numpy()), float(bias.numpy()), losses
