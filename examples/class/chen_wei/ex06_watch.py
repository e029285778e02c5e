# This file is generated from solutions/ex06_watch.py
# by `gradetape build`; edit that file, not this one.
# %% [markdown]
# # Module 6 — Controlling What a Tape Watches
#
# A gradient tape does not record every tensor it meets. It records the operations that
# involve **watched** tensors, and by default only trainable `tf.Variable`s are watched. This
# module is about taking control of that:
#
# - why constants are not watched, and how `tape.watch` changes that;
# - why integer tensors can never be watched;
# - the difference between a `None` gradient and a zero gradient, and the
#   `unconnected_gradients` option that turns one into the other;
# - `watch_accessed_variables=False`, which makes a tape watch *only* what you name.
#
# Running example: y = c³ with c = 3.0 a constant, where dy/dc = 3c² = 27.

# %%
from collections.abc import Callable

import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1 — Watching a constant
#
# A `tf.constant` is, as the name says, something you do not intend to change: data, labels,
# hyperparameters. Recording every operation on every constant would waste memory, so a tape
# ignores constants unless told otherwise. Without a watch, the tape has nothing to
# differentiate and the gradient is `None`:
#
# ```python
# c = tf.constant(3.0)
# with tf.GradientTape() as tape:
#     y = c ** 3
# tape.gradient(y, c)          # None: c was never watched
#
# with tf.GradientTape() as tape:
#     tape.watch(c)            # from now on, operations on c are recorded
#     y = c ** 3
# tape.gradient(y, c)          # 27.0
# ```
#
# `tape.watch(c)` must be called **before** the operations you want recorded: the tape only
# sees what happens after the watch, inside its `with` block.
#
# **Only floating-point tensors can be watched.** Derivatives need values that can change
# continuously; an integer cannot move by a tiny amount. If you watch `tf.constant(3)` (an
# `int32`), TensorFlow prints a warning and the gradient is `None`. Write `tf.constant(3.0)`,
# or cast with `tf.cast(c, tf.float32)` before watching.
#
# **Write** `constant_cube_gradient(c)`: for a float32 `tf.constant` `c`, return d(c³)/dc as a
# scalar float32 `tf.Tensor` (27.0 at c = 3.0). Do not convert `c` to a variable: watch it.


# %%
def constant_cube_gradient(c: tf.Tensor) -> tf.Tensor:
    """Gradient of y = c**3 with respect to a watched constant c.

    Args:
        c: a float32 tf.constant (a scalar in the examples).

    Returns:
        A float32 tf.Tensor of c's shape holding 3 * c**2.

    Example: constant_cube_gradient(tf.constant(3.0)) gives a tensor equal to 27.0.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    print(constant_cube_gradient(tf.constant(3.0)))  # expected: tf.Tensor(27.0, ...float32)

# %% [markdown]
# ## Task 2 — Differentiating with respect to an input
#
# Watching constants is how you take derivatives with respect to *inputs* rather than
# parameters: the sensitivity of a model's output to a pixel, or the slope of a physical
# formula at a measured point. The pattern is the one above with `f` in place of `c ** 3`:
#
# ```python
# derivative_wrt_constant(tf.exp, tf.constant(0.0))   # e⁰ = 1.0
# derivative_wrt_constant(tf.sin, tf.constant(0.0))   # cos(0) = 1.0
# ```
#
# **Write** `derivative_wrt_constant(f, c)`: for a floating-point constant tensor `c`, return
# df/dc as a `tf.Tensor` with the shape and dtype of `c`.


# %%
def derivative_wrt_constant(f: Callable[[tf.Tensor], tf.Tensor], c: tf.Tensor) -> tf.Tensor:
    """Derivative of f with respect to a constant tensor c, by watching c.

    Args:
        f: a function of one tensor built from differentiable TensorFlow operations.
        c: a floating-point tf.constant.

    Returns:
        A tf.Tensor with c's shape and dtype holding df/dc.

    Example: derivative_wrt_constant(tf.exp, tf.constant(0.0)) gives 1.0.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    print(derivative_wrt_constant(tf.sin, tf.constant(0.0)))  # expected: 1.0, i.e. cos(0)
    print(np.cos(0.0))  # 1.0

# %% [markdown]
# ## Task 3 — `None` versus zero
#
# When the value you differentiate does not depend on a source at all, `tape.gradient`
# returns `None`, not 0:
#
# ```python
# x = tf.constant(2.0)
# with tf.GradientTape() as tape:
#     tape.watch(x)
#     y = tf.constant(5.0) * 3.0          # no x anywhere
# tape.gradient(y, x)                     # None
# ```
#
# `None` means "there is no path in the recorded computation from `x` to `y`". That is useful
# while debugging: the usual causes are a forgotten `tape.watch`, an integer dtype, a value
# computed outside the `with` block, or a detour through NumPy (`y.numpy()`), which the tape
# cannot follow. But mathematically the derivative of a function that does not depend on `x`
# is simply 0, and `None` breaks code that expects a tensor (`None * 0.1` raises a
# `TypeError`).
#
# `tape.gradient` has an option for this case:
#
# ```python
# tape.gradient(y, x, unconnected_gradients=tf.UnconnectedGradients.ZERO)  # 0.0
# ```
#
# The default is `tf.UnconnectedGradients.NONE`. With `ZERO`, an unconnected source gets a
# tensor of zeros with the source's shape and dtype; connected sources are unaffected.
#
# **Write** `gradient_or_zero(f, x)`: for a floating-point constant tensor `x` (watch it),
# return df/dx as a `tf.Tensor` with `x`'s shape and dtype, and zeros of that shape where `f`
# does not depend on `x`. Never return `None`.


# %%
def gradient_or_zero(f: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> tf.Tensor:
    """Gradient of f with respect to a watched constant x, with zeros instead of None.

    Args:
        f: a function of one tensor built from differentiable TensorFlow operations; it may
            ignore its argument.
        x: a floating-point tf.constant of any shape.

    Returns:
        A tf.Tensor with x's shape and dtype: df/dx, or zeros if f does not depend on x.

    Example: gradient_or_zero(lambda x: tf.constant(5.0), tf.constant([1.0, 2.0])) gives [0, 0].
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    points = tf.constant([1.0, 2.0, 3.0])
    print(gradient_or_zero(lambda t: tf.constant(5.0), points))  # expected: [0. 0. 0.]
    print(gradient_or_zero(lambda t: tf.reduce_sum(t**2), points))  # expected: [2. 4. 6.]

# %% [markdown]
# ## Task 4 — Watching only what you choose
#
# The opposite problem: sometimes a tape watches *too much*. Every trainable variable that is
# read inside the `with` block is watched automatically, and its operations are recorded. In a
# large model, if you only need the gradient with respect to one variable, recording all the
# others wastes memory and time.
#
# `tf.GradientTape(watch_accessed_variables=False)` switches the automatic watching off. The
# tape then watches only what you pass to `tape.watch`, variables included:
#
# ```python
# x0 = tf.Variable(0.0)
# x1 = tf.Variable(10.0)
# with tf.GradientTape(watch_accessed_variables=False) as tape:
#     tape.watch(x1)
#     y = tf.sin(x0) + tf.nn.softplus(x1)
# tape.gradient(y, [x0, x1])   # [None, sigmoid(10) ≈ 0.99995]
# ```
#
# The gradient with respect to `x0` is `None`, even though `y` clearly depends on `x0`: the
# tape never recorded anything about `x0`, so to the tape there is no path. (Here `None` is the
# honest answer; do not ask for zeros, which would claim that `y` does not depend on `x0`.)
#
# **Write** `watch_only_second(f, x0, x1)`: `x0` and `x1` are `tf.Variable`s. Use a tape with
# `watch_accessed_variables=False` that watches only `x1`, compute `y = f(x0, x1)`, and return
# the **tuple** of the gradients of `y` with respect to `[x0, x1]`, that is `(None, dy/dx1)`.


# %%
def watch_only_second(
    f: Callable[[tf.Tensor, tf.Tensor], tf.Tensor], x0: tf.Variable, x1: tf.Variable
) -> tuple[tf.Tensor | None, tf.Tensor]:
    """Gradients of f(x0, x1) from a tape that watches only x1.

    Args:
        f: a function of two tensors built from differentiable TensorFlow operations.
        x0: a tf.Variable that the tape must NOT watch.
        x1: a tf.Variable that the tape watches.

    Returns:
        A tuple (None, df/dx1): the gradients of f(x0, x1) with respect to x0 and x1.

    Example: for f = lambda a, b: a * b, x0 = 2.0, x1 = 3.0 the result is (None, 2.0).
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    a, b = tf.Variable(0.0), tf.Variable(10.0)
    print(watch_only_second(lambda u, v: tf.sin(u) + tf.nn.softplus(v), a, b))
    # expected: (None, <tf.Tensor: ... 0.9999546>), sigmoid(10)
