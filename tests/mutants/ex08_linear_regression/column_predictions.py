# Builds the predictions with tf.matmul like a Dense layer, a (n, 1) column instead of shape (n,).
MUTANT = {"task": "predict", "hints": ["wrong-shape"]}


def predict(x, weight, bias):
    column = tf.reshape(x, (-1, 1))
    return tf.matmul(column, tf.reshape(weight, (1, 1))) + bias
