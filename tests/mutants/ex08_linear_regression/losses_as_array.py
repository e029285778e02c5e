# Returns the loss history as a NumPy array where the task asks for a list of floats.
MUTANT = {"task": "train", "hints": ["wrong-type"]}


def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    weight = tf.Variable(initial_weight, dtype=tf.float32)
    bias = tf.Variable(initial_bias, dtype=tf.float32)
    losses = []
    for _ in range(epochs):
        losses.append(float(train_step(x, y, weight, bias, learning_rate)))
    return float(weight.numpy()), float(bias.numpy()), np.array(losses)
