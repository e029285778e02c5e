# %% [markdown]
# # Module 10 — Controlling How Gradients Flow
#
# Automatic differentiation follows every recorded operation back to the sources. Sometimes
# that is not what you want: a target value in reinforcement learning must be treated as a
# constant, an exploding gradient must be clipped on its way back, and a formula that is fine
# forwards can produce `NaN` backwards. This module covers the tools that control the
# backward pass:
#
# - `tf.stop_gradient`: a value that the backward pass treats as a constant;
# - `tape.stop_recording()`: a block of code the tape does not record at all, and
#   `unconnected_gradients=tf.UnconnectedGradients.ZERO` for what is then left unconnected;
# - `tf.custom_gradient`: your own backward pass, for gradient clipping and for a numerically
#   stable log(1 + eˣ);
# - the `NaN` trap of `tf.where` with an unsafe branch, and how to avoid it.
#
# The tasks, with their signatures:
#
# | task | returns |
# |---|---|
# | `stop_gradient_product(x)` | dz/dx of z = stop_gradient(x²)·x |
# | `stop_recording_gradients(f, g, x, y)` | (dz/dx, dz/dy) of z = f(x)·g(y), g(y) unrecorded |
# | `clipped_chain_gradient(f, g, x, limit)` | dz/dx of z = g(clip_gradient(f(x), limit)) |
# | `softplus_and_gradient(x)` | (log(1 + eˣ), its derivative), stable at x = ±100 |
# | `xlogx_and_gradient(x)` | (x·log x for x > 0 else 0, its derivative), no NaN |

# %%
from collections.abc import Callable

import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1 — `tf.stop_gradient`: a value without a derivative
#
# `tf.stop_gradient(t)` returns a tensor with the **same value** as `t`, but the backward
# pass treats it as a constant: no gradient flows through it. Compare, at x = 3:
#
# ```python
# x = tf.Variable(3.0)
# with tf.GradientTape() as tape:
#     z = x ** 2 * x                       # z = x³
# tape.gradient(z, x)                      # 3x² = 27
#
# with tf.GradientTape() as tape:
#     z = tf.stop_gradient(x ** 2) * x     # the same value, 27 ...
# tape.gradient(z, x)                      # ... but dz/dx = x² = 9: x² counts as a constant
# ```
#
# The product rule would give 2x·x + x²·1; stopping the gradient of the first factor drops
# the 2x·x term and leaves x² = 9. This is how, for instance, a target computed from the
# model itself is held fixed while the model is trained towards it.
#
# **Write** `stop_gradient_product(x)`: dz/dx of z = stop_gradient(x²)·x at the Python float
# `x`, as a scalar float32 `tf.Tensor` (9.0 at x = 3.0).


# %%
def stop_gradient_product(x: float) -> tf.Tensor:
    """dz/dx of z = stop_gradient(x**2) * x: the x**2 factor counts as a constant.

    Args:
        x: the point, a Python float.

    Returns:
        A scalar float32 tf.Tensor equal to x**2.

    Example: stop_gradient_product(3.0) gives 9.0 (not 27.0).
    """
    ### BEGIN SOLUTION
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        z = tf.stop_gradient(x**2) * x
    return tape.gradient(z, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(stop_gradient_product(3.0))  # expected: tf.Tensor(9.0, shape=(), dtype=float32)

# %% [markdown]
# ## Task 2 — `tape.stop_recording()` and unconnected sources
#
# `tf.stop_gradient` is an operation that you put on a value. `tape.stop_recording()` is a
# block: nothing computed inside it is recorded by that tape, so to the tape its results are
# constants that came from nowhere.
#
# ```python
# with tf.GradientTape() as tape:
#     y = f(x)                     # recorded
#     with tape.stop_recording():
#         c = g(w)                 # not recorded: c is a constant for this tape
#     z = y * c                    # recorded
# ```
#
# Now dz/dx = f'(x)·c, and z does not depend on `w` at all as far as the tape knows. Asking
# for that gradient returns `None`, unless you ask for zeros with
# `unconnected_gradients=tf.UnconnectedGradients.ZERO` (Module 6). Use it here: a gradient
# that is zero is a number, and the caller can add it to other gradients.
#
# Skipping the recording is also cheaper: the tape keeps nothing for the backward pass of
# code it did not record (a metric, a log line, a statistic).
#
# **Write** `stop_recording_gradients(f, g, x, y)`: for Python floats `x` and `y`, make two
# float32 Variables, compute z = f(x)·g(y) with g(y) computed under `tape.stop_recording()`,
# and return the tuple `(dz/dx, dz/dy)` of scalar tensors, with zeros (not `None`) where z is
# unconnected.


# %%
def stop_recording_gradients(
    f: Callable[[tf.Tensor], tf.Tensor], g: Callable[[tf.Tensor], tf.Tensor], x: float, y: float
) -> tuple[tf.Tensor, tf.Tensor]:
    """Gradients of z = f(x) * g(y) where g(y) is computed while the tape is not recording.

    Args:
        f: a function of one tensor, recorded by the tape.
        g: a function of one tensor, computed under tape.stop_recording().
        x: the first point, a Python float.
        y: the second point, a Python float.

    Returns:
        A tuple (dz/dx, dz/dy) of scalar float32 tf.Tensors: (f'(x) * g(y), 0.0).

    Example: stop_recording_gradients(lambda t: t ** 2, tf.exp, 3.0, 0.0) gives (6.0, 0.0).
    """
    ### BEGIN SOLUTION
    x, y = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        fx = f(x)
        with tape.stop_recording():
            c = g(y)
        z = fx * c
    dz_dx, dz_dy = tape.gradient(z, [x, y], unconnected_gradients=tf.UnconnectedGradients.ZERO)
    return dz_dx, dz_dy
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(stop_recording_gradients(lambda t: t**2, tf.exp, 3.0, 0.0))  # expected: (6.0, 0.0)

# %% [markdown]
# ## Task 3 — `tf.custom_gradient`: clipping a gradient on its way back
#
# Deep networks and recurrent ones sometimes produce huge gradients that wreck a training
# step. One remedy is to **clip** the gradient where it passes a chosen point, while the
# forward computation stays unchanged. `tf.custom_gradient` lets you write the backward
# pass of a function yourself: the decorated function returns its value **and** a function
# `grad(upstream)` that receives the gradient arriving from above and returns the gradient
# to pass further down.
#
# ```python
# def clip_gradient(y, limit):
#     @tf.custom_gradient
#     def identity(t):
#         def grad(upstream):
#             return tf.clip_by_value(upstream, -limit, limit)
#         return tf.identity(t), grad
#     return identity(y)
# ```
#
# Forwards, `clip_gradient(y, limit)` is just `y`. Backwards, whatever gradient reaches it is
# clipped to [−limit, limit] before the chain rule carries on. For z = g(clip_gradient(f(x)))
# the chain rule gives
#
#     dz/dx = f'(x) · clip(g'(f(x)), −limit, limit)
#
# Two look-alikes are **wrong**: clipping the *value* (`tf.clip_by_value(f(x), ...)` changes
# z and zeroes the gradient wherever it clips), and clipping the *final* gradient after
# `tape.gradient` (that gives clip(f'·g'), not f'·clip(g')).
#
# Example with f(x) = x², g(y) = y³, limit 3 at x = [−1.5, 0.5, 1, 2]: g'(f(x)) = 3x⁴ =
# [15.19, 0.1875, 3, 48] is clipped to [3, 0.1875, 3, 3] and multiplied by f'(x) = 2x:
# the result is [−9, 0.1875, 6, 12].
#
# **Write** `clip_gradient(y, limit)` (not graded on its own) and
# `clipped_chain_gradient(f, g, x, limit)`: for a float tensor `x` (a constant: watch it),
# return dz/dx of z = g(clip_gradient(f(x), limit)), with the shape and dtype of `x`.


# %%
def clip_gradient(y: tf.Tensor, limit: float) -> tf.Tensor:
    """Identity forwards; backwards, the incoming gradient is clipped to [-limit, limit].

    Args:
        y: any float tensor.
        limit: the largest gradient magnitude let through.

    Returns:
        A tensor equal to y.
    """
    ### BEGIN SOLUTION
    # The text's nested functions, written as lambdas: value and backward pass of the identity.
    identity = tf.custom_gradient(
        lambda t: (tf.identity(t), lambda upstream: tf.clip_by_value(upstream, -limit, limit))
    )
    return identity(y)
    ### END SOLUTION


def clipped_chain_gradient(
    f: Callable[[tf.Tensor], tf.Tensor],
    g: Callable[[tf.Tensor], tf.Tensor],
    x: tf.Tensor,
    limit: float,
) -> tf.Tensor:
    """dz/dx of z = g(clip_gradient(f(x), limit)): the gradient reaching f(x) is clipped.

    Args:
        f: an element-wise function of one tensor.
        g: an element-wise function of one tensor.
        x: a float tf.Tensor (a constant: watch it).
        limit: the clipping bound, a positive Python float.

    Returns:
        A tf.Tensor of x's shape and dtype: f'(x) * clip(g'(f(x)), -limit, limit).

    Example: with f(x) = x**2, g(y) = y**3, limit 3.0 and x = [-1.5, 0.5, 1.0, 2.0] the
    result is [-9.0, 0.1875, 6.0, 12.0].
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        tape.watch(x)
        z = g(clip_gradient(f(x), limit))
    return tape.gradient(z, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    demo_x = tf.constant([-1.5, 0.5, 1.0, 2.0])
    print(clipped_chain_gradient(tf.square, lambda t: t**3, demo_x, 3.0))
    # expected: [-9.  0.1875  6.  12.]

# %% [markdown]
# ## Task 4 — A numerically stable softplus with its own gradient
#
# softplus(x) = log(1 + eˣ) is a smooth version of max(0, x). Written as it reads, it breaks
# for large x in float32: e¹⁰⁰ overflows to `inf`, so the value is `inf`, and the gradient
# eˣ/(1 + eˣ) becomes inf/inf = **NaN**, which then poisons every parameter it reaches.
#
# ```python
# x = tf.constant(100.0)
# with tf.GradientTape() as tape:
#     tape.watch(x)
#     y = tf.math.log(1.0 + tf.exp(x))   # inf
# tape.gradient(y, x)                    # nan, although the true slope is 1.0
# ```
#
# A stable forward formula never exponentiates a large positive number:
#
#     log(1 + eˣ) = max(x, 0) + log(1 + e^(−|x|))        (use `tf.math.log1p`)
#
# Its automatic gradient is finite, but TensorFlow differentiates `max` and `abs` at 0 with
# slope 0, so at x = 0 it gives 0 instead of the true 0.5. The exact derivative is known in
# closed form: d/dx log(1 + eˣ) = sigmoid(x) = 1 / (1 + e⁻ˣ), and `tf.sigmoid` is itself
# stable. So give the function its own backward pass with `tf.custom_gradient`:
#
# ```python
# @tf.custom_gradient
# def softplus(x):
#     y = ...                                  # the stable formula
#     def grad(upstream):
#         return upstream * tf.sigmoid(x)      # chain rule: upstream × local derivative
#     return y, grad
# ```
#
# (The backward function may also be a `lambda upstream: ...`; `grad` is just a name.)
# Always multiply by `upstream`: it is the gradient of the final result with respect to this
# function's output, and without it the chain rule breaks as soon as softplus is used inside
# a larger computation.
#
# **Write** `softplus(x)` (decorated with `tf.custom_gradient`) and
# `softplus_and_gradient(x)`: for a float tensor `x` (a constant: watch it), return the tuple
# `(softplus(x), d softplus/dx)`, both of x's shape and dtype. At x = 100 they are 100.0 and
# 1.0; at x = 0, log 2 ≈ 0.6931 and 0.5.


# %%
@tf.custom_gradient
def softplus(x: tf.Tensor) -> tuple[tf.Tensor, Callable[[tf.Tensor], tf.Tensor]]:
    """log(1 + exp(x)) computed stably, with the exact gradient sigmoid(x).

    Args:
        x: a float tensor.

    Returns:
        The value (x's shape and dtype) and the gradient function tf.custom_gradient needs.
    """
    ### BEGIN SOLUTION
    y = tf.maximum(x, 0.0) + tf.math.log1p(tf.exp(-tf.abs(x)))
    return y, lambda upstream: upstream * tf.sigmoid(x)
    ### END SOLUTION


def softplus_and_gradient(x: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
    """softplus(x) and its derivative, finite everywhere.

    Args:
        x: a float tf.Tensor (a constant: watch it).

    Returns:
        A tuple (log(1 + exp(x)), sigmoid(x)) of tensors with x's shape and dtype.

    Example: softplus_and_gradient(tf.constant([0.0, 100.0])) gives
    ([0.6931, 100.0], [0.5, 1.0]).
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = softplus(x)
    return y, tape.gradient(y, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    value, slope = softplus_and_gradient(tf.constant([-100.0, -1.0, 0.0, 1.0, 100.0]))
    print(value.numpy())  # expected: [0. 0.3133 0.6931 1.3133 100.]
    print(slope.numpy())  # expected: [0. 0.2689 0.5 0.7311 1.]

# %% [markdown]
# ## Task 5 — The `tf.where` NaN trap
#
# The function f(x) = x·log(x) for x > 0 and 0 otherwise (a term of an entropy) looks like a
# job for `tf.where`:
#
# ```python
# x = tf.constant([-1.0, 0.0, 0.5, 2.0])
# with tf.GradientTape() as tape:
#     tape.watch(x)
#     y = tf.where(x > 0, x * tf.math.log(x), 0.0)
# y                        # [0, 0, -0.3466, 1.3863]   fine
# tape.gradient(y, x)      # [nan, nan, 0.3069, 1.6931] NaN where x <= 0!
# ```
#
# The values are right, so why NaN? `tf.where` computes **both** branches for every element
# and only then selects. Backwards, the unselected branch receives a gradient of 0, and the
# chain rule multiplies that 0 by the branch's local derivative, log(x) + 1, which is −inf at
# 0 and NaN for negative x. And 0 × inf = NaN, 0 × NaN = NaN.
#
# The fix is a **double where**: first replace the inputs the unsafe branch cannot handle
# by a harmless value, so that both branches are finite everywhere, then select:
#
# ```python
# safe_x = tf.where(x > 0, x, 1.0)                         # log(1.0) is fine
# y = tf.where(x > 0, safe_x * tf.math.log(safe_x), 0.0)
# ```
#
# Now the unselected branch is evaluated at 1.0, where everything is finite, and its zero
# gradient stays zero. The derivative is log(x) + 1 for x > 0 and 0 elsewhere.
#
# **Write** `xlogx_and_gradient(x)`: for a float tensor `x` (a constant: watch it), return the
# tuple `(f(x), f'(x))`, both of x's shape and dtype, with no NaN anywhere.


# %%
def xlogx_and_gradient(x: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
    """f(x) = x * log(x) for x > 0, else 0, and its derivative, with no NaN.

    Args:
        x: a float tf.Tensor (a constant: watch it); it may hold zeros and negative numbers.

    Returns:
        A tuple (f(x), f'(x)) of tensors with x's shape and dtype; f'(x) = log(x) + 1 where
        x > 0 and 0 elsewhere.

    Example: xlogx_and_gradient(tf.constant([-1.0, 0.0, 0.5, 2.0])) gives
    ([0, 0, -0.3466, 1.3863], [0, 0, 0.3069, 1.6931]).
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        tape.watch(x)
        positive = x > 0
        safe_x = tf.where(positive, x, tf.ones_like(x))
        y = tf.where(positive, safe_x * tf.math.log(safe_x), tf.zeros_like(x))
    return y, tape.gradient(y, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    value, slope = xlogx_and_gradient(tf.constant([-1.0, 0.0, 0.5, 2.0]))
    print(value.numpy(), slope.numpy())  # expected: no nan in either
    print(np.log(2.0) + 1)  # 1.6931471805599454, the slope at x = 2
