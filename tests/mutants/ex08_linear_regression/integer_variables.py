# Starts from tf.Variable(0): integer Variables cannot be multiplied with float32 inputs.
MUTANT = {"task": "train", "hints": ["dtype-mismatch"]}


def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    weight = tf.Variable(0)
    bias = tf.Variable(0)
    losses = []
    for _ in range(epochs):
        loss = train_step(x, y, weight, bias, learning_rate)
        losses.append(float(loss))
    return float(weight.numpy()), float(bias.numpy()), losses
