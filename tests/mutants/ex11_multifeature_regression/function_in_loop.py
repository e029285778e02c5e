# Wraps the step with tf.function inside the loop: a new function each epoch, each traced anew.
MUTANT = {"task": "train", "hints": ["retracing"]}


def train(X, y, learning_rate, epochs):
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    y_column = tf.reshape(y, (-1, 1))

    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y_column))
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(learning_rate * dw)
        b.assign_sub(learning_rate * db)
        return loss

    losses = []
    for _ in range(epochs):
        losses.append(float(tf.function(step)()))
    return w, b, losses
