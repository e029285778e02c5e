# Swaps the roles of the parameters and computes bias * x + weight.
MUTANT = {"task": "predict", "hints": ["wrong-value"]}


def predict(x, weight, bias):
    return bias * x + weight


# This student wrote the model out in train_step (it does not call predict), so the mistake
# above costs points in predict alone.
def train_step(x, y, weight, bias, learning_rate):
    with tf.GradientTape() as tape:
        loss = mean_squared_error(weight * x + bias, y)
    grad_weight, grad_bias = tape.gradient(loss, [weight, bias])
    weight.assign_sub(learning_rate * grad_weight)
    bias.assign_sub(learning_rate * grad_bias)
    return loss
