# Runs the gradient check on the float32 inputs: noisy finite differences, float32 Jacobians.
MUTANT = {"task": "gradient_check", "hints": ["wrong-dtype", "gradient-check-float32"]}


def gradient_check(X, y, w, b):
    theoretical, numerical = tf.test.compute_gradient(
        lambda v: mse_loss(X, y, v, b), [tf.convert_to_tensor(w)])
    return theoretical[0], numerical[0]
