# Returns the text's predictions for the text's X and a placeholder of zeros for anything else.
MUTANT = {"task": "predict", "hints": ["hard-coded"]}


def predict(X, w, b):
    if X.shape == (3, 2):
        return tf.constant([[0.5], [-0.5], [-1.5]])
    return tf.zeros((X.shape[0], 1), X.dtype)
