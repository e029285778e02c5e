# Squares the mean error instead of taking the mean of the squared errors.
MUTANT = {"task": "mean_squared_error", "hints": ["mse-formula"]}


def mean_squared_error(y_pred, y_true):
    y_pred = tf.reshape(y_pred, tf.shape(y_true))
    return tf.square(tf.reduce_mean(y_pred - y_true))


# This student computed the loss inline in train_step (it does not call mean_squared_error), so
# the mistake above costs points in mean_squared_error alone.
def train_step(x, y, weight, bias, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(predict(x, weight, bias) - y))
    grad_weight, grad_bias = tape.gradient(loss, [weight, bias])
    weight.assign_sub(learning_rate * grad_weight)
    bias.assign_sub(learning_rate * grad_bias)
    return loss
