# %% [markdown]
# # Module 9 — Jacobians, Batch Jacobians and Hessians
#
# `tape.gradient(y, x)` always answers one question: how does the **sum** of all the elements
# of `y` change when `x` moves? For a scalar loss that is exactly what training needs. But
# when `y` has several elements you often want each element's derivative separately: the
# **Jacobian**. This module covers:
#
# - `tape.jacobian(y, x)` and its shape rule: **target shape + source shape**;
# - `tape.batch_jacobian(y, x)` for a batch of independent examples;
# - the **Hessian** (the matrix of second derivatives) from nested tapes plus a Jacobian;
# - the **Hessian-vector product** H·v, computed without ever building the n×n Hessian.
#
# Throughout, `f` is a function of one tensor built from TensorFlow operations and `x` is a
# float tensor (float32 or float64; keep its dtype). `x` is a `tf.constant`, so the tape
# must `watch` it.
#
# The tasks, with their signatures:
#
# | task | returns |
# |---|---|
# | `jacobian(f, x)` | dy/dx of y = f(x), shape `y.shape + x.shape` |
# | `batch_jacobian(f, x)` | per-example Jacobians of a batch x of shape (batch, n): (batch, m, n) |
# | `hessian(f, x)` | the (n, n) Hessian of a scalar f at a vector x of shape (n,) |
# | `hessian_vector_product(f, x, v)` | H·v, shape (n,), without forming H |

# %%
from collections.abc import Callable

import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1 — The Jacobian: one derivative per output element
#
# Take y = x² element-wise at x = [1, 2, 3]. Each output yᵢ depends only on xᵢ, so the full
# table of partial derivatives ∂yᵢ/∂xⱼ is diagonal: 2xᵢ on the diagonal, 0 elsewhere.
#
# ```python
# x = tf.constant([1.0, 2.0, 3.0])
# with tf.GradientTape(persistent=True) as tape:
#     tape.watch(x)
#     y = x ** 2
# tape.gradient(y, x)   # [2, 4, 6]:  the gradient of y[0] + y[1] + y[2], shape (3,)
# tape.jacobian(y, x)   # [[2, 0, 0], [0, 4, 0], [0, 0, 6]], shape (3, 3)
# ```
#
# `tape.gradient` sums over the outputs: each entry of its result is a column sum of the
# Jacobian. That is why a gradient always has the shape of the **source**. A Jacobian keeps
# every output separate, and its shape is the **target's shape followed by the source's
# shape**: `J[i..., j...] = ∂y[i...] / ∂x[j...]`.
#
# | y.shape | x.shape | jacobian shape |
# |---|---|---|
# | (3,) | (3,) | (3, 3) |
# | (3,) | (2,) | (3, 2) |
# | (2, 3) | (2, 2) | (2, 3, 2, 2) |
# | () | (4,) | (4,) — the gradient |
#
# For a layer f(x) = tanh(W @ x) with W of shape (3, 2), x has 2 elements and y has 3, so the
# Jacobian is (3, 2): row i is the gradient of yᵢ.
#
# **Write** `jacobian(f, x)`: the Jacobian of y = f(x) with respect to the constant `x`, with
# shape `y.shape + x.shape` and the dtype of `x`.


# %%
def jacobian(f: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> tf.Tensor:
    """The Jacobian dy/dx of y = f(x).

    Args:
        f: a function of one tensor built from TensorFlow operations.
        x: a float tf.Tensor (a constant: watch it).

    Returns:
        A tf.Tensor of shape y.shape + x.shape, in x's dtype.

    Example: jacobian(lambda t: t ** 2, tf.constant([1.0, 2.0, 3.0])) gives
    [[2, 0, 0], [0, 4, 0], [0, 0, 6]].
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.jacobian(y, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(jacobian(lambda t: t**2, tf.constant([1.0, 2.0, 3.0])))  # expected: diag(2, 4, 6)
    layer_w = tf.constant([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]])
    print(jacobian(lambda t: tf.tanh(tf.linalg.matvec(layer_w, t)), tf.constant([0.1, 0.2])))
    # expected: shape (3, 2)

# %% [markdown]
# ## Task 2 — Batch Jacobians: one Jacobian per example
#
# Models process a **batch**: x has shape (batch, n), one example per row, and y = f(x) has
# shape (batch, m) where row b depends only on row b of x. `tape.jacobian(y, x)` follows the
# shape rule and returns (batch, m, batch, n): mostly zeros, because example b's outputs do
# not depend on example c's inputs. What you want is the (m, n) Jacobian of each example:
#
# ```python
# x = tf.constant([[1.0, 2.0], [3.0, 4.0]])         # 2 examples of 2 features
# with tf.GradientTape() as tape:
#     tape.watch(x)
#     y = x ** 2
# tape.batch_jacobian(y, x)   # shape (2, 2, 2): [[[2, 0], [0, 4]], [[6, 0], [0, 8]]]
# ```
#
# `batch_jacobian(y, x)` requires the first axis of `y` and `x` to be the same batch axis and
# assumes examples are independent (it computes only the diagonal blocks `J[b, :, b, :]` of
# the full Jacobian, which is much cheaper).
#
# **Write** `batch_jacobian(f, x)`: for `x` of shape (batch, n) and y = f(x) of shape
# (batch, m), return the per-example Jacobians, shape (batch, m, n), dtype of `x`.


# %%
def batch_jacobian(f: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> tf.Tensor:
    """Per-example Jacobians of a function applied row by row to a batch.

    Args:
        f: maps a (batch, n) tensor to a (batch, m) tensor, each row independently.
        x: a float tf.Tensor of shape (batch, n) (a constant: watch it).

    Returns:
        A tf.Tensor of shape (batch, m, n), in x's dtype.

    Example: batch_jacobian(lambda t: t ** 2, tf.constant([[1.0, 2.0], [3.0, 4.0]])) gives
    [[[2, 0], [0, 4]], [[6, 0], [0, 8]]].
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.batch_jacobian(y, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(batch_jacobian(lambda t: t**2, tf.constant([[1.0, 2.0], [3.0, 4.0]])))

# %% [markdown]
# ## Task 3 — The Hessian: the Jacobian of the gradient
#
# For a scalar function of a vector, f: ℝⁿ → ℝ, the gradient g = ∇f is a vector of n
# elements and the **Hessian** H is the n×n matrix of second derivatives
# Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ. Row i of H is the gradient of gᵢ, so H is simply the **Jacobian of the
# gradient**. Combine Module 5's nested tapes with Task 1:
#
# ```python
# with tf.GradientTape() as outer:
#     outer.watch(x)
#     with tf.GradientTape() as inner:
#         inner.watch(x)
#         y = f(x)
#     g = inner.gradient(y, x)     # recorded by `outer`: shape (n,)
# H = outer.jacobian(g, x)         # shape (n,) + (n,) = (n, n)
# ```
#
# Using `outer.gradient(g, x)` instead would sum the rows of H and return a vector: the shape
# of the result tells you at once which one you computed.
#
# The classic test function is Rosenbrock's banana valley,
# f(x) = Σᵢ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², whose minimum is at x = (1, 1, 1). There
#
# ```
# H = [[ 802, -400,    0],
#      [-400, 1002, -400],
#      [   0, -400,  200]]
# ```
#
# The Hessian is symmetric (∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ for smooth f) and, at a minimum, positive
# definite: every direction curves upwards.
#
# **Write** `hessian(f, x)`: the (n, n) Hessian of the scalar function `f` at the vector `x`
# of shape (n,), in the dtype of `x`.


# %%
def hessian(f: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> tf.Tensor:
    """The Hessian of a scalar function at a point, from nested tapes and a Jacobian.

    Args:
        f: maps a vector of shape (n,) to a scalar.
        x: a float tf.Tensor of shape (n,) (a constant: watch it).

    Returns:
        A tf.Tensor of shape (n, n), in x's dtype.

    Example: for Rosenbrock's function at x = [1, 1, 1] the Hessian is
    [[802, -400, 0], [-400, 1002, -400], [0, -400, 200]].
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
    return outer.jacobian(g, x)
    ### END SOLUTION


def rosenbrock(x: tf.Tensor) -> tf.Tensor:
    """Rosenbrock's function sum(100 * (x[i+1] - x[i]**2)**2 + (1 - x[i])**2) (not a task)."""
    return tf.reduce_sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


# %%
if __name__ == "__main__":
    print(hessian(rosenbrock, tf.constant([1.0, 1.0, 1.0])))
    # expected: [[802, -400, 0], [-400, 1002, -400], [0, -400, 200]]

# %% [markdown]
# ## Task 4 — Hessian-vector products without the Hessian
#
# For n parameters the Hessian has n² entries: a model with a million parameters would need a
# trillion. Yet many algorithms (Newton-CG, curvature estimates, influence functions) only
# ever need the **product** H·v with some vector v. That product is the gradient of a
# *scalar*:
#
#     H·v = ∇ₓ (g(x) · v)        with g = ∇f, because v does not depend on x.
#
# So differentiate the dot product of the gradient with v, once, with the outer tape:
#
# ```python
# with tf.GradientTape() as outer:
#     outer.watch(x)
#     with tf.GradientTape() as inner:
#         inner.watch(x)
#         y = f(x)
#     g = inner.gradient(y, x)
#     g_dot_v = tf.reduce_sum(g * v)     # a scalar, recorded by `outer`
# hv = outer.gradient(g_dot_v, x)        # H·v, shape (n,): two backward passes in total
# ```
#
# This costs about two gradient evaluations whatever n is, while `outer.jacobian(g, x)` costs
# n of them (and n² memory). Note what `outer.gradient(g, x)` alone would give: the gradient
# of the *sum* of g, that is H·[1, 1, …, 1], not H·v.
#
# (`outer.gradient(g, x, output_gradients=v)` computes the same product: `output_gradients`
# is the vector the backward pass starts from.)
#
# For Rosenbrock at (1, 1, 1) and v = [1, 0, 0], H·v is the first column of H:
# [802, −400, 0].
#
# **Write** `hessian_vector_product(f, x, v)`: H·v for the scalar function `f` at `x`, with `x`
# and `v` of shape (n,), in the dtype of `x`. Do not form the Hessian (no `jacobian`).


# %%
def hessian_vector_product(
    f: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor, v: tf.Tensor
) -> tf.Tensor:
    """H·v for the Hessian H of a scalar function at x, without forming H.

    Args:
        f: maps a vector of shape (n,) to a scalar.
        x: a float tf.Tensor of shape (n,) (a constant: watch it).
        v: a tf.Tensor of shape (n,) and x's dtype.

    Returns:
        A tf.Tensor of shape (n,), in x's dtype.

    Example: hessian_vector_product(rosenbrock, tf.constant([1.0, 1.0, 1.0]),
    tf.constant([1.0, 0.0, 0.0])) gives [802, -400, 0].
    """
    ### BEGIN SOLUTION
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
        g_dot_v = tf.reduce_sum(g * v)
    return outer.gradient(g_dot_v, x)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    ones = tf.constant([1.0, 1.0, 1.0])
    print(hessian_vector_product(rosenbrock, ones, tf.constant([1.0, 0.0, 0.0])))
    # expected: [802, -400, 0]
    print(np.allclose(hessian(rosenbrock, ones) @ tf.reshape(ones, (3, 1)),
                      tf.reshape(hessian_vector_product(rosenbrock, ones, ones), (3, 1))))
    # expected: True
