# Trains correctly but eagerly: the step never runs under tf.function.
MUTANT = {"task": "train", "hints": ["no-tf-function"]}


def train(X, y, learning_rate, epochs):
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    y_column = tf.reshape(y, (-1, 1))
    losses = []
    for _ in range(epochs):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y_column))
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(learning_rate * dw)
        b.assign_sub(learning_rate * db)
        losses.append(float(loss))
    return w, b, losses
