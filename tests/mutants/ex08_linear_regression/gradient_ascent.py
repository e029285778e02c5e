# Adds the gradient (assign_add), so each step climbs the loss instead of descending it.
MUTANT = {"task": "train_step", "hints": ["lr-sign"]}


def train_step(x, y, weight, bias, learning_rate):
    with tf.GradientTape() as tape:
        loss = mean_squared_error(predict(x, weight, bias), y)
    grad_weight, grad_bias = tape.gradient(loss, [weight, bias])
    weight.assign_add(learning_rate * grad_weight)
    bias.assign_add(learning_rate * grad_bias)
    return loss


# This student wrote the training loop out in train (it does not call train_step), so the
# mistake above costs points in train_step alone.
def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    x = tf.cast(x, tf.float32)
    y = tf.cast(y, tf.float32)
    weight = tf.Variable(initial_weight, dtype=tf.float32)
    bias = tf.Variable(initial_bias, dtype=tf.float32)
    losses = []
    for _ in range(epochs):
        with tf.GradientTape() as tape:
            loss = mean_squared_error(predict(x, weight, bias), y)
        grad_weight, grad_bias = tape.gradient(loss, [weight, bias])
        weight.assign_sub(learning_rate * grad_weight)
        bias.assign_sub(learning_rate * grad_bias)
        losses.append(float(loss))
    return float(weight.numpy()), float(bias.numpy()), losses
