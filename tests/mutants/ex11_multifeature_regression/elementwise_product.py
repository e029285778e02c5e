# Multiplies element-wise by the transposed weights: an (n, d) table, not the (n, 1) predictions.
MUTANT = {"task": "predict", "hints": ["wrong-shape", "elementwise-not-matmul"]}


def predict(X, w, b):
    return X * tf.transpose(w) + b
