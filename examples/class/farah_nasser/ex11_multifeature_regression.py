# %% [markdown]
# # Module 11 — Multi-Feature Regression, Gradient Checks and `tf.function`
#
# Module 8 fitted a line y = w·x + b to one feature. Real data has many features per example,
# so the data become a matrix and the weight a vector, and training becomes fast enough to
# care about graphs. In this module you will learn:
#
# - the linear model ŷ = X @ w + b with X of shape (n, d) and w of shape (d, 1);
# - the shape trap between predictions of shape (n, 1) and targets of shape (n,);
# - how to **check a gradient** with `tf.test.compute_gradient`, and why in float64;
# - how to run a training step as a graph with `tf.function`, and how to make sure it is
#   **traced once** instead of once per epoch;
# - how to verify the result against the exact least-squares solution `np.linalg.lstsq`.
#
# The tasks, with their signatures:
#
# | task | returns |
# |---|---|
# | `predict(X, w, b)` | X @ w + b, shape (n, 1) |
# | `mse_loss(X, y, w, b)` | the mean squared error, a scalar |
# | `gradient_check(X, y, w, b)` | theoretical and numerical dL/dw of `mse_loss`, float64 |
# | `train(X, y, learning_rate, epochs)` | (w, b, losses) of gradient descent in a `tf.function` |

# %%
import numpy as np
import tensorflow as tf

# %% [markdown]
# ## The data
#
# `make_data` (already written, not a task) draws n examples of d features uniformly in
# [−1, 1] and targets y = X @ true_w + true_b plus a little Gaussian noise, from a seeded
# generator. X has shape (n, d); y has shape **(n,)**, one number per example, the way targets
# come out of a CSV file. Both are float32.


# %%
def make_data(
    true_w: list[float], true_b: float, n: int = 50, noise: float = 0.1, seed: int = 0
) -> tuple[tf.Tensor, tf.Tensor]:
    """Examples X of shape (n, d) and targets y = X @ true_w + true_b + noise of shape (n,).

    Args:
        true_w: the d true weights.
        true_b: the true bias.
        n: the number of examples.
        noise: the standard deviation of the Gaussian noise added to y.
        seed: the seed of np.random.default_rng, so the data are reproducible.

    Returns:
        A tuple (X, y) of float32 tf.Tensors of shapes (n, d) and (n,).

    Example: X, y = make_data([2.0, -3.0, 0.5], 1.0) gives 50 examples of 3 features.
    """
    rng = np.random.default_rng(seed)
    features = np.round(rng.uniform(-1.0, 1.0, size=(n, len(true_w))), 2)
    targets = features @ np.asarray(true_w) + true_b + rng.normal(0.0, noise, size=n)
    return tf.constant(features, tf.float32), tf.constant(np.round(targets, 4), tf.float32)


# %%
if __name__ == "__main__":
    demo_X, demo_y = make_data([2.0, -3.0, 0.5], 1.0)
    print(demo_X.shape, demo_y.shape)  # expected: (50, 3) (50,)

# %% [markdown]
# ## Task 1 — Predictions for many features at once
#
# With d features, example i is a row X[i] of d numbers and the model is
# ŷᵢ = X[i, 0]·w₀ + … + X[i, d−1]·w_{d−1} + b. For all examples at once that is one matrix
# product: X (n, d) @ w (d, 1) = (n, 1), plus the scalar bias broadcast to every row.
#
# ```python
# X = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# w = tf.Variable([[0.5], [-1.0]])
# b = tf.Variable(2.0)
# tf.matmul(X, w) + b        # [[0.5], [-0.5], [-1.5]], shape (3, 1)
# ```
#
# Keep w a column (d, 1), not a vector (d,): `tf.matmul` wants two matrices, and a column
# makes the result a column too. `X * w` would not be the model at all: `*` multiplies
# element by element and broadcasts.
#
# **Write** `predict(X, w, b)`: X @ w + b as a tensor of shape (n, 1), dtype of X.


# %%
def predict(X, w, b):
    return X * tf.transpose(w) + b


# %%
if __name__ == "__main__":
    print(predict(tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),
                  tf.Variable([[0.5], [-1.0]]), tf.Variable(2.0)))
    # expected: [[0.5] [-0.5] [-1.5]]

# %% [markdown]
# ## Task 2 — The loss, and the (n, 1) − (n,) trap
#
# The mean squared error is L = mean((ŷᵢ − yᵢ)²). Here ŷ has shape (n, 1) and y has shape
# (n,), and subtracting them **broadcasts** to an (n, n) matrix of every prediction minus
# every target: no error, a plausible-looking number, and a wrong loss. Make the shapes agree
# first:
#
# ```python
# errors = predict(X, w, b) - tf.reshape(y, (-1, 1))   # (n, 1) - (n, 1): element-wise
# ```
#
# With the example of Task 1 and y = [1, 0, −1] every error is −0.5, so L = 0.25.
#
# **Write** `mse_loss(X, y, w, b)`: the mean squared error of the model on (X, y), a scalar
# tensor (shape ()) in the dtype of X. It must work in float32 and float64 alike (Task 3 calls
# it with float64 tensors): do not hard-code a dtype.


# %%
def mse_loss(X: tf.Tensor, y: tf.Tensor, w: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    """Mean squared error of the linear model X @ w + b against targets y.

    Args:
        X: the examples, shape (n, d).
        y: the targets, shape (n,).
        w: the weights, shape (d, 1).
        b: the bias, a scalar.

    Returns:
        A scalar tf.Tensor (shape ()) in X's dtype.

    Example: with the data of Task 1 and y = [1.0, 0.0, -1.0] the loss is 0.25.
    """
    ### BEGIN SOLUTION
    errors = tf.matmul(X, w) + b - tf.reshape(y, (-1, 1))
    return tf.reduce_mean(tf.square(errors))
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(mse_loss(tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), tf.constant([1.0, 0.0, -1.0]),
                   tf.Variable([[0.5], [-1.0]]), tf.Variable(2.0)))  # expected: 0.25

# %% [markdown]
# ## Task 3 — Checking a gradient numerically
#
# Autodiff is exact, but the function you differentiate may not be the one you meant, and a
# hand-written `tf.custom_gradient` (Module 10) may simply be wrong. The standard test is a
# **gradient check**: compare the tape's gradient with a finite difference,
#
#     ∂L/∂wⱼ ≈ (L(w + δ·eⱼ) − L(w − δ·eⱼ)) / (2δ)
#
# `tf.test.compute_gradient(f, [w])` does both for every element of w and returns two
# tuples, one entry per argument: the **theoretical** Jacobian (from autodiff) and the
# **numerical** one (from finite differences with δ = 1/1024). For a scalar loss and w of
# shape (d, 1) each Jacobian has shape (1, d): one row per element of the output, one column
# per element of w.
#
# ```python
# theoretical, numerical = tf.test.compute_gradient(lambda w: mse_loss(X, y, w, b), [w])
# theoretical[0], numerical[0]      # two (1, d) NumPy arrays that should agree
# ```
#
# **Do it in float64.** In float32 the loss carries about 7 significant digits, and the
# difference L(w + δ) − L(w − δ) cancels most of them: the numerical gradient is off in the
# third or fourth digit and the check cannot tell a bug from rounding. In float64 the two
# Jacobians agree to about ten digits. Cast X, y, w and b with `tf.cast(..., tf.float64)`
# first (casting a Variable gives a tensor, which is what `compute_gradient` wants).
#
# **Write** `gradient_check(X, y, w, b)`: run `tf.test.compute_gradient` on **your**
# `mse_loss` as a function of w, in float64, and return the tuple `(theoretical, numerical)`
# of the two float64 NumPy arrays of shape (1, d).


# %%
def gradient_check(
    X: tf.Tensor, y: tf.Tensor, w: tf.Variable, b: tf.Variable
) -> tuple[np.ndarray, np.ndarray]:
    """Theoretical and numerical Jacobians of mse_loss with respect to w, in float64.

    Args:
        X: the examples, shape (n, d).
        y: the targets, shape (n,).
        w: the weights, a Variable of shape (d, 1).
        b: the bias, a scalar Variable.

    Returns:
        A tuple (theoretical, numerical) of float64 NumPy arrays of shape (1, d).

    Example: with the data of Task 1 and y = [1.0, 0.0, -1.0] both are about [[-3.0, -4.0]].
    """
    ### BEGIN SOLUTION
    X64, y64, w64, b64 = (tf.cast(t, tf.float64) for t in (X, y, w, b))
    theoretical, numerical = tf.test.compute_gradient(lambda v: mse_loss(X64, y64, v, b64), [w64])
    return theoretical[0], numerical[0]
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(gradient_check(tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),
                         tf.constant([1.0, 0.0, -1.0]), tf.Variable([[0.5], [-1.0]]),
                         tf.Variable(2.0)))  # expected: two arrays equal to [[-3. -4.]]

# %% [markdown]
# ## Task 4 — Training under `tf.function`, traced once
#
# A Python training loop runs every TensorFlow operation one at a time. `tf.function` turns
# a Python function into a **graph**: the first call *traces* it (runs the Python code once,
# recording the operations), and later calls run the recorded graph directly, without Python.
#
# A graph is only reused when the new call "looks the same": tensors of the same shape and
# dtype, and **identical Python values**. Every new Python value triggers a new trace, which
# is slower than no graph at all:
#
# ```python
# @tf.function
# def step(X, y, epoch):           # epoch is a Python int ...
#     ...
# for epoch in range(100):
#     step(X, y, epoch)            # ... so this traces 100 graphs
# ```
#
# The same happens if you create the `tf.function` inside the loop: each new function object
# starts with no graphs. The rules for a step that traces once:
#
# - create the step (and the Variables it updates) **once**, before the loop;
# - pass it tensors and Variables (same shapes, same dtypes every call);
# - never pass a Python number that changes from call to call.
#
# `step.experimental_get_tracing_count()` tells you how many times a function was traced;
# the grader counts it too, and wants 1.
#
# The step itself is Module 8's, written once as a plain Python function `gradient_step`:
# compute the loss under a tape, take the gradients with respect to w and b, update both with
# `assign_sub(learning_rate * gradient)` and return the loss from before the update. `train`
# turns it into a graph with `step = tf.function(gradient_step)` **before** its loop and calls
# `step(X, y_column, w, b, learning_rate)` every epoch: the tensors and Variables keep their
# shapes and the learning rate never changes, so the one trace is reused. Start from w = 0
# (shape (d, 1)) and b = 0 (a scalar), in the dtype of X.
#
# **Gradient descent converges to least squares.** The best possible w and b solve a linear
# least-squares problem exactly; NumPy computes it with `np.linalg.lstsq` on the matrix
# [X, 1]. With learning rate 0.7 and 50 epochs on `make_data([2.0, -3.0, 0.5], 1.0)`, your
# w and b agree with it to about four digits.
#
# **Write** `gradient_step(X, y_column, w, b, learning_rate)` (not graded on its own) and
# `train(X, y, learning_rate, epochs)`: run `epochs` gradient-descent steps under a
# `tf.function` traced once, and return the tuple `(w, b, losses)`: the trained Variables
# w (shape (d, 1)) and b (a scalar), and `losses`, the list of the `epochs` losses (Python
# floats), each computed **before** its step's update.


# %%
def gradient_step(
    X: tf.Tensor, y_column: tf.Tensor, w: tf.Variable, b: tf.Variable, learning_rate: float
) -> tf.Tensor:
    """One gradient-descent step on the mean squared error, updating w and b in place.

    Args:
        X: the examples, shape (n, d).
        y_column: the targets as a column, shape (n, 1).
        w: the weights, a Variable of shape (d, 1), updated in place.
        b: the bias, a scalar Variable, updated in place.
        learning_rate: the step size, a Python float.

    Returns:
        The scalar loss computed before the update.
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y_column))
    dw, db = tape.gradient(loss, [w, b])
    w.assign_sub(learning_rate * dw)
    b.assign_sub(learning_rate * db)
    return loss
    ### END SOLUTION


def train(
    X: tf.Tensor, y: tf.Tensor, learning_rate: float, epochs: int
) -> tuple[tf.Variable, tf.Variable, list[float]]:
    """Gradient descent on the mean squared error, with the step compiled by tf.function.

    Args:
        X: the examples, shape (n, d).
        y: the targets, shape (n,).
        learning_rate: the step size, a Python float.
        epochs: the number of steps, a Python int.

    Returns:
        A tuple (w, b, losses): the trained Variables w (shape (d, 1)) and b (shape ()), and
        the list of the losses (Python floats) before each update.

    Example: train(*make_data([2.0, -3.0, 0.5], 1.0), 0.7, 50) gives w close to
    [[2], [-3], [0.5]] and b close to 1.
    """
    ### BEGIN SOLUTION
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    y_column = tf.reshape(y, (-1, 1))
    step = tf.function(gradient_step)  # once, before the loop
    losses = [float(step(X, y_column, w, b, learning_rate)) for _ in range(epochs)]
    return w, b, losses
    ### END SOLUTION


# %%
if __name__ == "__main__":
    demo_X, demo_y = make_data([2.0, -3.0, 0.5], 1.0)
    trained_w, trained_b, demo_losses = train(demo_X, demo_y, 0.7, 50)
    print(trained_w.numpy().ravel(), trained_b.numpy(), demo_losses[-1])
    design = np.hstack([demo_X.numpy(), np.ones((50, 1))]).astype(np.float64)
    print(np.linalg.lstsq(design, demo_y.numpy().astype(np.float64), rcond=None)[0])
    # expected: the same four numbers to about four digits
