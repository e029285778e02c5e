# Averages over axis 0 only: a tensor of shape (1,), not a scalar (same gradient, wrong shape).
MUTANT = {"task": "mse_loss", "hints": ["wrong-shape"]}


def mse_loss(X, y, w, b):
    errors = tf.matmul(X, w) + b - tf.reshape(y, (-1, 1))
    return tf.reduce_mean(tf.square(errors), axis=0)
