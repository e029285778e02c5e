# This file is generated from solutions/ex07_persistent_tape.py
# by `gradetape build`; edit that file, not this one.
# %% [markdown]
# # Module 7 — Persistent Tapes and the Chain Rule
#
# An ordinary gradient tape is single-use: after one call to `gradient()` it throws its
# recording away. That is fine for training, where one loss needs one gradient, but wasteful
# when you want several derivatives of the same computation. In this module you will learn:
#
# - what "a non-persistent tape releases its resources" means, and the error you get when you
#   call `gradient()` twice;
# - how `tf.GradientTape(persistent=True)` keeps the recording for many `gradient()` calls;
# - why you should `del` a persistent tape once you are done with it;
# - how the derivatives of intermediate results illustrate the chain rule.
#
# Running example: y = x³ and z = 2y at x = 3, where dz/dy = 2, dy/dx = 27 and
# dz/dx = dz/dy · dy/dx = 54.

# %%
from collections.abc import Callable, Sequence

import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1 — One tape, several gradients: the chain rule
#
# **Non-persistent tapes are single-use.** During the forward pass a tape keeps the
# intermediate values the backward pass will need. A default tape frees all of that as soon as
# `gradient()` returns, so a second call has nothing to work with and raises an error:
#
# ```python
# x = tf.Variable(3.0)
# with tf.GradientTape() as tape:
#     y = x ** 3
#     z = 2 * y
# tape.gradient(z, x)      # 54.0
# tape.gradient(y, x)      # RuntimeError: A non-persistent GradientTape can only be used to
#                          # compute one set of gradients (or jacobians)
# ```
#
# (One call may still ask for several sources at once, `tape.gradient(z, [a, b])`; what is
# limited is the number of *calls*.)
#
# **Persistent tapes** keep their recording until the tape object itself goes away:
#
# ```python
# with tf.GradientTape(persistent=True) as tape:
#     y = x ** 3
#     z = 2 * y
# dz_dy = tape.gradient(z, y)    # 2.0   (y is an intermediate tensor, not a variable)
# dy_dx = tape.gradient(y, x)    # 27.0  (3x²)
# dz_dx = tape.gradient(z, x)    # 54.0
# del tape                       # release the recording
# ```
#
# You can differentiate with respect to `y` because `y` was produced inside the tape: the tape
# knows every operation that used it. Because the recording is kept alive for as long as the
# tape exists, drop your reference with `del tape` once the last gradient is computed, so the
# memory can be reclaimed (with big models those saved intermediate values are large).
#
# **The chain rule** says that for z = g(y) with y = f(x),
#
# dz/dx = dz/dy · dy/dx
#
# and the three numbers above check it: 2 · 27 = 54. Backpropagation *is* the chain rule
# applied operation by operation, so the tape always satisfies this identity.
#
# **Write** `chain_rule_gradients(x)`: make a variable from `x`, compute y = x³ and z = 2y under
# **one** persistent tape, and return a **dict** with keys `"dz_dy"`, `"dy_dx"` and `"dz_dx"`
# whose values are scalar tensors (float32 for a Python float: 2.0, 27.0 and 54.0 at x = 3).
# Delete the tape after use.


# %%
def chain_rule_gradients(x: float) -> dict[str, tf.Tensor]:
    """The three derivatives of y = x**3, z = 2 * y, from one persistent tape.

    Args:
        x: the point, a Python float or a float scalar tensor.

    Returns:
        A dict {"dz_dy": ..., "dy_dx": ..., "dz_dx": ...} of scalar tf.Tensors.

    Example: chain_rule_gradients(3.0) gives {"dz_dy": 2.0, "dy_dx": 27.0, "dz_dx": 54.0}.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    grads = chain_rule_gradients(3.0)
    print({name: float(value) for name, value in grads.items()})
    # expected: {'dz_dy': 2.0, 'dy_dx': 27.0, 'dz_dx': 54.0}

# %% [markdown]
# ## Task 2 — The chain rule for any composition
#
# Replace x³ and 2y by arbitrary functions: y = f(x), z = g(y). With one persistent tape you
# get all three derivatives, and dz/dx = dz/dy · dy/dx holds for any differentiable f and g.
# For example, with f = sin and g(y) = y² at x = 0.5:
#
# ```python
# # dz/dy = 2 sin(0.5) ≈ 0.9589,  dy/dx = cos(0.5) ≈ 0.8776
# # dz/dx = 2 sin(0.5) cos(0.5) = sin(1) ≈ 0.8415
# ```
#
# **Write** `composite_gradients(f, g, x)`: make a variable from `x`, compute y = f(x) and
# z = g(y) under one persistent tape, and return the **tuple** `(dz/dy, dy/dx, dz/dx)` of
# tensors (dtype of the variable made from `x`). Delete the tape after use.


# %%
def composite_gradients(
    f: Callable[[tf.Tensor], tf.Tensor], g: Callable[[tf.Tensor], tf.Tensor], x: float
) -> tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
    """Derivatives of y = f(x) and z = g(y) from one persistent tape.

    Args:
        f: the inner function, built from differentiable TensorFlow operations.
        g: the outer function, built from differentiable TensorFlow operations.
        x: the point, a Python float or a float scalar tensor.

    Returns:
        A tuple (dz/dy, dy/dx, dz/dx) of tf.Tensors.

    Example: composite_gradients(lambda x: x ** 3, lambda y: 2 * y, 3.0) gives (2, 27, 54).
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    dz_dy, dy_dx, dz_dx = composite_gradients(tf.sin, tf.square, 0.5)
    print(dz_dy.numpy(), dy_dx.numpy(), dz_dx.numpy())  # expected: ≈ 0.9589 0.8776 0.8415
    print(np.sin(1.0))  # 0.8414709848078965, which equals dz/dy · dy/dx

# %% [markdown]
# ## Task 3 — Many functions, one tape
#
# A persistent tape is also the tool when several outputs share one input and you want each
# derivative separately. Record all the outputs under a single persistent tape, then call
# `gradient()` once per output:
#
# ```python
# gradients_from_one_tape([tf.sin, tf.exp, tf.square], 0.0)   # [1.0, 1.0, 0.0]
# ```
#
# One tape records the forward computation once; the alternative, a fresh non-persistent tape
# per function, works too but creates and tears down a tape for every function. (If you only
# needed the *sum* of the gradients, a single non-persistent `gradient()` call on the sum of the
# outputs would do; here each derivative is wanted on its own.)
#
# Compute the `gradient()` calls **after** the `with` block: calling `gradient()` on a
# persistent tape inside its own context makes the tape record the backward pass as well,
# which TensorFlow warns is much less efficient.
#
# **Write** `gradients_from_one_tape(fs, x)`: make a variable from `x`, evaluate every function
# of the sequence `fs` on it under **one** persistent tape, and return a **list**
# `[df/dx for f in fs]` of tensors, in the order of `fs`. Create exactly one tape, and delete
# it after use.


# %%
def gradients_from_one_tape(
    fs: Sequence[Callable[[tf.Tensor], tf.Tensor]], x: float
) -> list[tf.Tensor]:
    """Derivatives of several functions at the same point, all from one persistent tape.

    Args:
        fs: a sequence of functions of one tensor, built from differentiable TF operations.
        x: the point, a Python float or a float scalar tensor.

    Returns:
        A list of tf.Tensors, the derivative of each function of fs at x, in order.

    Example: gradients_from_one_tape([tf.sin, tf.exp], 0.0) gives [1.0, 1.0].
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    print([float(d) for d in gradients_from_one_tape([tf.sin, tf.exp, tf.square], 0.0)])
    # expected: [1.0, 1.0, 0.0]
