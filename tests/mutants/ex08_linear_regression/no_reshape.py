# Subtracts (n,) targets from (n, 1) predictions without reshaping: the difference is (n, n).
MUTANT = {"task": "mean_squared_error", "hints": ["broadcast-shape"]}


def mean_squared_error(y_pred, y_true):
    return tf.reduce_mean(tf.square(y_pred - y_true))
