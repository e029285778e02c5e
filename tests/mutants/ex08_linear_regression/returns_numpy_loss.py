# Returns loss.numpy() instead of the loss tensor.
MUTANT = {"task": "train_step", "hints": ["not-a-tensor"]}


def train_step(x, y, weight, bias, learning_rate):
    with tf.GradientTape() as tape:
        loss = mean_squared_error(predict(x, weight, bias), y)
    grad_weight, grad_bias = tape.gradient(loss, [weight, bias])
    weight.assign_sub(learning_rate * grad_weight)
    bias.assign_sub(learning_rate * grad_bias)
    return loss.numpy()
