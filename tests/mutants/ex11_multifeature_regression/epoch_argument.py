# Passes the Python int epoch to the tf.function: every epoch is a new value, so a new trace.
MUTANT = {"task": "train", "hints": ["retracing"]}


def train(X, y, learning_rate, epochs):
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    y_column = tf.reshape(y, (-1, 1))

    @tf.function
    def step(X, y_column, epoch):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y_column))
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(learning_rate * dw)
        b.assign_sub(learning_rate * db)
        return loss

    losses = [float(step(X, y_column, epoch)) for epoch in range(epochs)]
    return w, b, losses
