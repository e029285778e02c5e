# Subtracts the (n,) targets from the (n, 1) predictions: the loss averages an (n, n) table.
MUTANT = {"task": "train", "hints": ["broadcast-shape"]}


def train(X, y, learning_rate, epochs):
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))

    @tf.function
    def step(X, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y))
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(learning_rate * dw)
        b.assign_sub(learning_rate * db)
        return loss

    losses = [float(step(X, y)) for _ in range(epochs)]
    return w, b, losses
