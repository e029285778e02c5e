# This file is generated from solutions/ex08_linear_regression.py
# by `gradetape build`; edit that file, not this one.
# %% [markdown]
# # Module 8 — Linear Regression by Gradient Descent
#
# Everything so far comes together here: you will fit a straight line to noisy data using only
# a gradient tape, two variables and a loop. You will learn:
#
# - the linear model y = w·x + b and its two trainable parameters;
# - the mean squared error loss, and a broadcasting trap that silently computes it wrong;
# - the gradient-descent update w ← w − lr·∂L/∂w, and why the minus sign matters;
# - how to update `tf.Variable`s **in place** with `assign_sub`;
# - what a full training loop looks like, and how fast (or slowly) it converges.
#
# The data: 100 points x = 0, …, 10 and y = 7x + 4 plus Gaussian noise. Gradient descent
# should recover w ≈ 7 and b ≈ 4.

# %%
import numpy as np
import tensorflow as tf

# %% [markdown]
# ## The data
#
# `make_data` (already written, not a task) builds the data set used throughout the module:
# n evenly spaced inputs from 0 to 10 and targets on the line slope·x + intercept, plus
# Gaussian noise drawn from a seeded generator so every run sees the same points. With the
# default seed, the least-squares line through `make_data(7.0, 4.0)` is y ≈ 7.0146·x + 4.0083
# (computed with `np.linalg.lstsq`): that is the best any straight line can do on this noisy
# sample, and the target gradient descent should reach.


# %%
def make_data(
    slope: float, intercept: float, n: int = 100, noise: float = 1.0, seed: int = 0
) -> tuple[tf.Tensor, tf.Tensor]:
    """Noisy points on a line: x = linspace(0, 10, n), y = slope * x + intercept + noise.

    Args:
        slope: the true slope w.
        intercept: the true intercept b.
        n: the number of points.
        noise: the standard deviation of the Gaussian noise added to y.
        seed: the seed of np.random.default_rng, so the data are reproducible.

    Returns:
        A tuple (x, y) of float32 tf.Tensors of shape (n,).

    Example: x, y = make_data(7.0, 4.0) gives 100 points around the line y = 7x + 4.
    """
    rng = np.random.default_rng(seed)
    x = np.linspace(0.0, 10.0, n)
    y = slope * x + intercept + rng.normal(0.0, noise, size=n)
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


# %%
if __name__ == "__main__":
    demo_x, demo_y = make_data(7.0, 4.0)
    print(demo_x.shape, demo_y.dtype)  # expected: (100,) <dtype: 'float32'>
    print(demo_y[:3].numpy())  # expected: ≈ [4.1257 4.5750 6.0546]

# %% [markdown]
# ## Task 1 — The model
#
# A linear model has two parameters: a **weight** (slope) w and a **bias** (intercept) b. For
# each input x it predicts
#
# ŷ = w·x + b
#
# With `x` a tensor of shape (n,) and w, b scalars, one expression computes all n predictions
# at once: multiplying and adding a scalar applies it to every element.
#
# ```python
# x = tf.constant([0.0, 1.0, 2.0])
# predict(x, tf.Variable(7.0), tf.Variable(4.0))   # [4.0, 11.0, 18.0]
# ```
#
# The parameters are `tf.Variable`s during training (so the tape watches them automatically),
# but the same code works for plain floats.
#
# **Write** `predict(x, weight, bias)`: return `weight * x + bias`, a float32 tensor with the
# shape of `x`.


# %%
def predict(x: tf.Tensor, weight: tf.Variable | float, bias: tf.Variable | float) -> tf.Tensor:
    """Predictions of the linear model y = weight * x + bias.

    Args:
        x: a float32 tensor of inputs, shape (n,).
        weight: the slope, a float32 tf.Variable or a Python float.
        bias: the intercept, a float32 tf.Variable or a Python float.

    Returns:
        A float32 tf.Tensor of shape (n,) with the predictions.

    Example: predict(tf.constant([0.0, 1.0]), 7.0, 4.0) gives [4.0, 11.0].
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    print(predict(tf.constant([0.0, 1.0, 2.0]), tf.Variable(7.0), tf.Variable(4.0)))
    # expected: [ 4. 11. 18.]

# %% [markdown]
# ## Task 2 — The loss: mean squared error
#
# To improve the model we need one number that says how wrong it is. The **mean squared
# error** is the average, over the n points, of the squared difference between prediction and
# target:
#
# L = (1/n) · Σᵢ (ŷᵢ − yᵢ)²
#
# Each word matters:
#
# - **squared**, not absolute: squaring makes every error positive, punishes large errors
#   more, and gives a smooth function whose gradient is easy to follow;
# - **mean**, not sum: dividing by n keeps the loss (and its gradient) the same size whatever
#   the number of points, so one learning rate works for 10 points or 10,000;
# - the mean *of the squares*, not the square of the mean error: positive and negative errors
#   would cancel in the mean error, and a terrible line could score 0.
#
# ```python
# y_pred = tf.constant([1.0, 2.0, 3.0])
# y_true = tf.constant([1.0, 2.0, 5.0])
# mean_squared_error(y_pred, y_true)   # (0 + 0 + 4) / 3 ≈ 1.3333
# ```
#
# **The broadcasting trap.** Predictions often come out as a column, shape (n, 1) (for example
# from a matrix product), while targets are a flat vector, shape (n,). TensorFlow does not
# complain when you subtract them: it **broadcasts** both to shape (n, n), computing every
# prediction minus *every* target. The mean of that matrix is a valid-looking number, and it is
# wrong:
#
# ```python
# y_pred = tf.constant([[1.0], [2.0], [3.0]])        # shape (3, 1)
# y_true = tf.constant([1.0, 2.0, 3.0])              # shape (3,)
# (y_pred - y_true).shape                            # (3, 3)!
# tf.reduce_mean(tf.square(y_pred - y_true))         # 1.3333, though the predictions are perfect
# ```
#
# The cure is to make the shapes agree before subtracting: reshape the predictions to the
# targets' shape, `tf.reshape(y_pred, tf.shape(y_true))`. That turns a (3, 1) column into a
# (3,) vector and leaves an already-matching tensor unchanged. (A genuine size mismatch, such
# as 4 predictions for 3 targets, then fails loudly instead of silently.)
#
# **Write** `mean_squared_error(y_pred, y_true)`: reshape `y_pred` to the shape of `y_true`,
# then return the mean of the squared differences as a scalar float32 `tf.Tensor`.


# %%
def mean_squared_error(y_pred: tf.Tensor, y_true: tf.Tensor) -> tf.Tensor:
    """Mean squared error between predictions and targets, safe against broadcasting.

    Args:
        y_pred: float32 predictions, shape (n,) or (n, 1).
        y_true: float32 targets, shape (n,).

    Returns:
        A scalar float32 tf.Tensor: the mean over the n points of (y_pred - y_true) squared.

    Example: mean_squared_error(tf.constant([1.0, 2.0, 3.0]), tf.constant([1.0, 2.0, 5.0]))
    gives about 1.3333.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    targets = tf.constant([1.0, 2.0, 3.0])
    print(mean_squared_error(tf.constant([1.0, 2.0, 5.0]), targets))  # expected: ≈ 1.3333
    print(mean_squared_error(tf.constant([[1.0], [2.0], [3.0]]), targets))  # expected: 0.0

# %% [markdown]
# ## Task 3 — One step of gradient descent
#
# The gradient ∂L/∂w tells how the loss changes when w grows a little: positive means "a larger
# w makes the loss worse". So to reduce the loss, move each parameter **against** its gradient,
# by a small multiple called the **learning rate** (lr):
#
# w ← w − lr·∂L/∂w        b ← b − lr·∂L/∂b
#
# The **minus** sign is essential: with a plus you climb the loss instead of descending it, and
# the parameters run off to infinity. The learning rate sets the step size: too small and
# training crawls, too large and every step overshoots the minimum and the loss explodes.
#
# A training step therefore has three parts:
#
# 1. **Forward pass under a tape:** predictions, then the loss. The weight and bias are
#    variables, so the tape watches them without any `tape.watch`.
# 2. **Backward pass:** `tape.gradient(loss, [weight, bias])` gives both gradients in one call.
# 3. **Update in place:** `weight.assign_sub(learning_rate * grad_w)` subtracts from the value
#    stored *inside* the variable.
#
# **Why `assign_sub` and not `weight = weight - learning_rate * grad_w`?** That line does not
# change the variable at all. It computes a new, plain tensor and rebinds the local *name*
# `weight` to it; the `tf.Variable` object the caller passed in keeps its old value. Worse, the
# name now refers to a tensor instead of a variable, so on the next step the tape would not
# watch it. `assign_sub` (and `assign`, `assign_add`) modify the variable object itself, so
# every piece of code that holds it sees the new value.
#
# ```python
# w, b = tf.Variable(0.0), tf.Variable(0.0)
# x, y = make_data(7.0, 4.0)
# train_step(x, y, w, b, 0.01)   # returns ≈ 1946.57, the loss at w = b = 0
# w.numpy(), b.numpy()           # ≈ (5.1008, 0.7816): the same variables, updated
# ```
#
# **Write** `train_step(x, y, weight, bias, learning_rate)`: record the loss
# `mean_squared_error(predict(x, weight, bias), y)` with a tape, compute the gradients with
# respect to `weight` and `bias`, update both variables in place with `assign_sub`, and return
# the loss (a scalar float32 tensor) computed **before** the update.


# %%
def train_step(
    x: tf.Tensor,
    y: tf.Tensor,
    weight: tf.Variable,
    bias: tf.Variable,
    learning_rate: float,
) -> tf.Tensor:
    """One gradient-descent step on the mean squared error; updates weight and bias in place.

    Args:
        x: float32 inputs, shape (n,).
        y: float32 targets, shape (n,).
        weight: the slope, a float32 tf.Variable (modified in place).
        bias: the intercept, a float32 tf.Variable (modified in place).
        learning_rate: the step size lr.

    Returns:
        The loss before the update, a scalar float32 tf.Tensor.

    Example: with x, y = make_data(7.0, 4.0) and weight = bias = 0, a step with
    learning_rate 0.01 returns about 1946.57 and moves weight to about 5.10.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    demo_x, demo_y = make_data(7.0, 4.0)
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    print(float(train_step(demo_x, demo_y, w, b, 0.01)))  # expected: ≈ 1946.57
    print(w.numpy(), b.numpy())  # expected: ≈ 5.1008 0.7816

# %% [markdown]
# ## Task 4 — The training loop
#
# Training is `train_step` repeated. One pass over the whole data set is an **epoch**; here
# every step uses all the points ("full-batch" gradient descent), so one step is one epoch.
# Recording the loss of every epoch gives the **loss curve**, the first thing to look at when
# training misbehaves: it should go down, quickly at first and then flatten out.
#
# What to expect on `make_data(7.0, 4.0)` with learning rate 0.01, starting from w = b = 0
# (measured with this module's reference solution; the last digit may differ on your machine):
#
# | epochs | loss of the last epoch | w | b |
# |---:|---:|---:|---:|
# | 1 | 1946.57 | 5.10 | 0.78 |
# | 10 | 2.86 | 7.43 | 1.26 |
# | 100 | 1.71 | 7.28 | 2.25 |
# | 1,000 | 0.924 | 7.02 | 3.99 |
# | least squares | 0.924 | 7.01 | 4.01 |
#
# The loss falls from about 1947 to under 3 in ten epochs, and the slope is close to 7 almost
# at once. The **bias converges slowly**: after 100 epochs it is still only 2.25, and it takes
# about 1,000 epochs to reach 3.99. The reason is that the inputs are not centred: x runs from
# 0 to 10 (mean 5, mean of x² about 33.7), so the loss is far more sensitive to w than to b,
# and the two are coupled (raising b calls for lowering w). The learning rate must be small
# enough for the steep w direction, or the steps overshoot; along the flat direction, mostly
# b, the same small rate then closes only about 0.5% of the remaining gap per epoch. Centring
# the inputs (x − mean(x)) or rescaling them are the usual remedies; in this module we keep
# the raw data and simply train longer. After about 1,000 epochs the result matches the
# least-squares fit (`np.linalg.lstsq`: w ≈ 7.01, b ≈ 4.01) to about two decimals.
#
# **Write** `train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0)`: create
# float32 variables for the weight and bias from the initial values, call `train_step` `epochs`
# times, and return the **tuple** `(weight, bias, losses)`: the final weight and bias as Python
# `float`s and `losses`, a **list** of `epochs` Python floats, where `losses[i]` is the loss
# returned by step i (the loss *before* that step's update).


# %%
def train(
    x: tf.Tensor,
    y: tf.Tensor,
    learning_rate: float,
    epochs: int,
    initial_weight: float = 0.0,
    initial_bias: float = 0.0,
) -> tuple[float, float, list[float]]:
    """Fit y = weight * x + bias by full-batch gradient descent on the mean squared error.

    Args:
        x: float32 inputs, shape (n,).
        y: float32 targets, shape (n,).
        learning_rate: the step size lr.
        epochs: the number of gradient-descent steps.
        initial_weight: the starting slope.
        initial_bias: the starting intercept.

    Returns:
        A tuple (weight, bias, losses): the final parameters as Python floats and a list of
        epochs Python floats, the loss before each epoch's update.

    Example: train(*make_data(7.0, 4.0), 0.01, 1000) gives weight ≈ 7.02, bias ≈ 3.99.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    demo_x, demo_y = make_data(7.0, 4.0)
    w_100, b_100, losses_100 = train(demo_x, demo_y, 0.01, 100)
    print(round(w_100, 2), round(b_100, 2), round(losses_100[-1], 3))  # expected: 7.28 2.25 1.714
    w_fit, b_fit, losses_fit = train(demo_x, demo_y, 0.01, 1000)
    print(round(w_fit, 2), round(b_fit, 2), round(losses_fit[-1], 3))  # expected: 7.02 3.99 0.924
    design = np.stack([demo_x.numpy(), np.ones(100, dtype=np.float32)], axis=1)
    print(np.linalg.lstsq(design, demo_y.numpy(), rcond=None)[0])  # expected: ≈ [7.0146 4.0083]
