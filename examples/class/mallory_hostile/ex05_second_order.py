# %% [markdown]
# # Module 5 — Second-Order Derivatives with Nested Tapes
#
# So far every gradient has been a *first* derivative: one `tf.GradientTape`, one call to
# `tape.gradient`. Many problems need more: curvature (the second derivative) tells Newton's
# method how far to step, appears in Taylor expansions, and measures how quickly a slope
# changes. In this module you will learn:
#
# - why a gradient returned by a tape is itself an ordinary tensor that can be differentiated
#   again;
# - how to **nest** tapes so that the outer tape records the work of the inner one;
# - why the inner `gradient()` call has to happen **inside** the outer tape's `with` block;
# - how to get f'(x), f''(x) and even f'''(x) for any differentiable Python function.
#
# Running example: y = x³ at x = 3, where dy/dx = 3x² = 27 and d²y/dx² = 6x = 18.

# %%
from collections.abc import Callable

import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1 — The second derivative of x³
#
# A tape records the operations executed inside its `with` block, and `tape.gradient` replays
# them backwards. The result of `tape.gradient` is computed **with TensorFlow operations** like
# any other tensor. So if a *second* tape is recording while those backward operations run,
# the second tape sees them, and can differentiate the first derivative once more.
#
# That gives the nested-tape pattern:
#
# ```python
# x = tf.Variable(3.0)
# with tf.GradientTape() as outer:          # records everything below, including ...
#     with tf.GradientTape() as inner:
#         y = x ** 3
#     dy_dx = inner.gradient(y, x)          # ... this backward pass: 3x² = 27
# d2y_dx2 = outer.gradient(dy_dx, x)        # 6x = 18
# ```
#
# **Where the inner gradient is computed matters.** Look at the indentation: `inner.gradient`
# is called *inside* the outer `with`, but *outside* the inner one. If you move it out of the
# outer block, the outer tape has already stopped recording when 3x² is computed, so as far as
# it knows `dy_dx` is a constant with no connection to `x`, and `outer.gradient(dy_dx, x)`
# returns `None`:
#
# ```python
# with tf.GradientTape() as outer:
#     with tf.GradientTape() as inner:
#         y = x ** 3
# dy_dx = inner.gradient(y, x)              # computed after `outer` stopped recording
# outer.gradient(dy_dx, x)                  # None: not a second derivative
# ```
#
# (Calling `inner.gradient` inside its *own* `with` block would also work, but then the inner
# tape records its own backward pass for no reason; keep it one level out.)
#
# Variables are watched automatically, so turning `x` into a `tf.Variable` is all the setup a
# tape needs. A Python float such as `3.0` becomes a `float32` variable.
#
# **Write** `cube_second_derivative(x)`: the second derivative of y = x³ at `x`, computed with
# two nested tapes. Return a scalar `tf.Tensor` (dtype `float32` for a Python float input;
# 18.0 at x = 3.0).


# %%
def cube_second_derivative(x: float) -> tf.Tensor:
    """Second derivative of y = x**3 at x, computed with two nested gradient tapes.

    Args:
        x: the point, a Python float or a float scalar tensor.

    Returns:
        A scalar tf.Tensor holding d²y/dx² = 6x (float32 for a Python float).

    Example: cube_second_derivative(3.0) gives a tensor equal to 18.0.
    """
    ### BEGIN SOLUTION
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = x**3
        dy_dx = inner.gradient(y, x)
    return outer.gradient(dy_dx, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(cube_second_derivative(3.0))  # expected: tf.Tensor(18.0, shape=(), dtype=float32)

# %% [markdown]
# ## Task 2 — The second derivative of any function
#
# Nothing in the pattern above is specific to x³: replace `x ** 3` by `f(x)` and you have the
# second derivative of any function built from differentiable TensorFlow operations.
#
# ```python
# second_derivative(tf.sin, 1.0)            # -sin(1) ≈ -0.8415
# second_derivative(lambda x: x ** 3, 3.0)  # 18.0
# ```
#
# **Keep the input's dtype.** `tf.Variable(x)` takes its dtype from `x`: a Python float gives
# `float32`, but a `float64` tensor stays `float64`, and the result then is `float64` too. Do
# not hard-code a dtype. (Integers do not work at all: tapes only watch floating-point values,
# so always pass `3.0`, not `3`.)
#
# **A derivative that is a constant.** For f(x) = 2x the first derivative is the number 2. The
# tape builds that 2 without touching `x`, so the outer tape finds no path back to `x` and,
# by default, reports `None` instead of 0. `tape.gradient` accepts
# `unconnected_gradients=tf.UnconnectedGradients.ZERO` to return zeros in that case (Module 6
# covers this option in detail). A second derivative is a number, never "nothing", so pass it
# to both `gradient` calls here.
#
# **Write** `second_derivative(f, x)`: f''(x) as a scalar `tf.Tensor` with the dtype of the
# variable made from `x`; 0 (not `None`) when f'' is identically zero.


# %%
def second_derivative(f: Callable[[tf.Tensor], tf.Tensor], x: float) -> tf.Tensor:
    """Second derivative f''(x) of a scalar function, computed with nested gradient tapes.

    Args:
        f: a function of one tensor built from differentiable TensorFlow operations.
        x: the point, a Python float or a float scalar tensor (its dtype is kept).

    Returns:
        A scalar tf.Tensor holding f''(x); zero (never None) if f'' does not depend on x.

    Example: second_derivative(tf.sin, 1.0) is about -0.8415 (that is, -sin(1)).
    """
    ### BEGIN SOLUTION
    zero = tf.UnconnectedGradients.ZERO
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x, unconnected_gradients=zero)
    return outer.gradient(dy_dx, x, unconnected_gradients=zero)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(second_derivative(tf.sin, 1.0))  # expected: about -0.84147, i.e. -sin(1)
    print(-np.sin(1.0))  # -0.8414709848078965
    print(second_derivative(lambda t: 2.0 * t, 5.0))  # expected: 0.0 (not None)

# %% [markdown]
# ## Task 3 — First and second derivative together
#
# The nested pattern computes the first derivative on the way to the second one, so you can
# return both at no extra cost. The inner tape gives f'(x); the outer tape differentiates that
# tensor and gives f''(x).
#
# ```python
# first_and_second_derivative(lambda x: x ** 3, 3.0)   # (27.0, 18.0)
# ```
#
# **Write** `first_and_second_derivative(f, x)`: return a **tuple** `(f'(x), f''(x))` of two
# scalar tensors, both with the dtype of the variable made from `x`. As in Task 2, a derivative
# that is identically zero is returned as 0, not `None`.


# %%
def first_and_second_derivative(
    f: Callable[[tf.Tensor], tf.Tensor], x: float
) -> tuple[tf.Tensor, tf.Tensor]:
    """First and second derivatives of a scalar function at x, from one pair of nested tapes.

    Args:
        f: a function of one tensor built from differentiable TensorFlow operations.
        x: the point, a Python float or a float scalar tensor (its dtype is kept).

    Returns:
        A tuple (f'(x), f''(x)) of scalar tf.Tensors.

    Example: first_and_second_derivative(lambda x: x ** 3, 3.0) gives (27.0, 18.0).
    """
    ### BEGIN SOLUTION
    zero = tf.UnconnectedGradients.ZERO
    x = tf.Variable(x)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = f(x)
        dy_dx = inner.gradient(y, x, unconnected_gradients=zero)
    d2y_dx2 = outer.gradient(dy_dx, x, unconnected_gradients=zero)
    return dy_dx, d2y_dx2
    ### END SOLUTION


# %%
if __name__ == "__main__":
    first, second = first_and_second_derivative(lambda t: t**3, 3.0)
    print(first.numpy(), second.numpy())  # expected: 27.0 18.0

# %% [markdown]
# ## Task 4 — Third derivatives: one more level of nesting
#
# Each extra derivative is one more tape wrapped around the previous ones. With three tapes:
#
# ```python
# with tf.GradientTape() as t3:
#     with tf.GradientTape() as t2:
#         with tf.GradientTape() as t1:
#             y = f(x)
#         d1 = t1.gradient(y, x)    # inside t2 and t3: both record it
#     d2 = t2.gradient(d1, x)       # inside t3: t3 records it
# d3 = t3.gradient(d2, x)
# ```
#
# The rule from Task 1 applies at every level: each gradient is computed inside every tape
# that will later differentiate it. For f(x) = x⁴ the derivatives are 4x³, 12x² and 24x, so
# the third derivative at x = 1.5 is 36 (and the second, 27, is a different number: a
# check at this point tells them apart).
#
# **Write** `third_derivative(f, x)`: f'''(x) as a scalar `tf.Tensor` with the dtype of the
# variable made from `x`, using three nested tapes; 0 (not `None`) where a derivative is
# identically zero (for example, the third derivative of x²).


# %%
def third_derivative(f: Callable[[tf.Tensor], tf.Tensor], x: float) -> tf.Tensor:
    """Third derivative f'''(x) of a scalar function, computed with three nested tapes.

    Args:
        f: a function of one tensor built from differentiable TensorFlow operations.
        x: the point, a Python float or a float scalar tensor (its dtype is kept).

    Returns:
        A scalar tf.Tensor holding f'''(x); zero (never None) if f''' does not depend on x.

    Example: third_derivative(lambda x: x ** 4, 1.5) gives 36.0 (that is, 24x).
    """
    ### BEGIN SOLUTION
    zero = tf.UnconnectedGradients.ZERO
    x = tf.Variable(x)
    with tf.GradientTape() as tape3:
        with tf.GradientTape() as tape2:
            with tf.GradientTape() as tape1:
                y = f(x)
            d1 = tape1.gradient(y, x, unconnected_gradients=zero)
        d2 = tape2.gradient(d1, x, unconnected_gradients=zero)
    return tape3.gradient(d2, x, unconnected_gradients=zero)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(third_derivative(lambda t: t**4, 1.5))  # expected: 36.0 (24x at x = 1.5)
    print(third_derivative(tf.sin, 0.5), -np.cos(0.5))  # expected: both about -0.87758
