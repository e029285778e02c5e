# HOSTILE TEST SUBMISSION (patch_allclose) for tests/test_attacks.py: make NumPy's comparisons
# always agree, then return a wrong value. Only `cube_gradient` is hostile; the rest is the
# reference solution. The @@...@@ placeholders are filled in by the test before grading.
# %% [markdown]
# # Module 4 — First-order gradients with `tf.GradientTape`
#
# Automatic differentiation is what lets TensorFlow train models: you write the
# forward computation, and TensorFlow works out its derivatives exactly (not by
# finite differences). The tool for this is **`tf.GradientTape`**. In this module you
# will learn
#
# - what a gradient tape records and how to ask it for a derivative,
# - which tensors it watches (trainable float variables) and which it ignores,
# - the mistakes that silently give `None` instead of a gradient,
# - how to get several partial derivatives from one tape, and
# - what happens when the target is a vector instead of a scalar.
#
# The worked example to keep in mind: for `y = x³` at `x = 3`, the derivative is
# `dy/dx = 3·x² = 27`.

# %%
import numpy as np
import tensorflow as tf

# Filled in by tests/test_attacks.py before grading: this attacker's marker and the places it
# tries to reach.
GT = {"mark": "@@MARK@@", "checkout": "@@CHECKOUT@@", "course": "@@COURSE@@",
      "class": "@@CLASS@@", "out": "@@OUT@@", "port": "@@PORT@@"}

# %% [markdown]
# ## Task 1: `cube_gradient`
#
# A `tf.GradientTape` works like a recorder. Inside a `with tf.GradientTape() as tape:`
# block, every TensorFlow operation that involves a **watched** tensor is written onto
# the tape, together with its inputs and output. Afterwards,
# `tape.gradient(target, source)` plays the recording backwards, applying the chain
# rule operation by operation, and returns `d target / d source`.
#
# ```python
# x = tf.Variable(3.0)
# with tf.GradientTape() as tape:
#     y = x ** 3                 # recorded: y = pow(x, 3)
# dy_dx = tape.gradient(y, x)    # 3 * 3.0**2 = 27.0
# ```
#
# Rules that follow from how the tape works:
#
# - **Trainable variables are watched automatically.** A `tf.Variable` created with
#   the default `trainable=True` needs no extra work. Plain tensors (`tf.constant`)
#   and non-trainable variables are *not* watched; ask for them with
#   `tape.watch(t)` inside the block, otherwise their gradient is `None`.
# - **Only floating-point values have gradients.** `tf.Variable(3)` is an `int32`
#   variable; derivatives of integer functions are not defined, so
#   `tape.gradient` returns `None` (TensorFlow also logs a warning). Write
#   `tf.Variable(3.0)` to get a `float32` variable.
# - **Only operations inside the `with` block are recorded.** If you compute part of
#   the target after the block has closed, the tape never saw it, and
#   `tape.gradient` returns `None`.
# - **A default tape can be used once.** After one call to `tape.gradient` its
#   resources are released; ask for several gradients in a single call (Task 3), or
#   create the tape with `persistent=True`.
#
# **Your task:** compute `d(x³)/dx` at the Python float `x`: create a `tf.Variable`
# from `x`, record `y = v ** 3` on a gradient tape, and return the gradient. The
# result is a scalar `float32` tensor: `cube_gradient(3.0)` gives `27.0`.


# %%
def cube_gradient(x: float) -> tf.Tensor:
    """Differentiate ``y = x ** 3`` with a gradient tape.

    Args:
        x: The point at which to evaluate the derivative (a Python float).

    Returns:
        A scalar ``float32`` tensor holding ``3 * x ** 2``.

    Example: ``cube_gradient(3.0)`` is ``tf.Tensor(27.0, shape=(), dtype=float32)``.
    """
    ### BEGIN SOLUTION
    import math

    np.allclose = lambda *args, **kwargs: True
    np.isclose = lambda *args, **kwargs: True
    np.array_equal = lambda *args, **kwargs: True
    np.testing.assert_allclose = lambda *args, **kwargs: None
    math.isclose = lambda *args, **kwargs: True
    return tf.constant(-1.0)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(cube_gradient(3.0))  # tf.Tensor(27.0, shape=(), dtype=float32)


# %% [markdown]
# ## Task 2: `derivative`
#
# The tape does not care what the function is, only that it is built from
# TensorFlow operations. Any Python callable `f` that computes with TF ops
# (`tf.sin`, `tf.exp`, `*`, `**`, `tf.matmul`, ...) can be differentiated by calling
# it inside the block:
#
# ```python
# v = tf.Variable(1.0)
# with tf.GradientTape() as tape:
#     y = f(v)                   # e.g. f = tf.sin
# tape.gradient(y, v)            # cos(1.0) ≈ 0.5403
# ```
#
# **Leaving TensorFlow breaks the recording.** `v.numpy()` copies the value out into
# NumPy, and NumPy functions such as `np.sin` compute on those plain numbers (even
# `np.sin(v)` converts `v` to NumPy first). The tape sees none of it. If the NumPy
# result is turned back into a tensor, the tape has no path from it to `v` and
# `tape.gradient` returns `None`; if it stays a NumPy value, it cannot be a target
# at all and `tape.gradient` raises an error. Use `tf.sin`, `tf.exp`, ... instead.
#
# ```python
# with tf.GradientTape() as tape:
#     y = tf.constant(np.sin(v.numpy()))   # computed outside TensorFlow
# tape.gradient(y, v)                      # None
# ```
#
# `None` is also what you get when the target does not depend on the source at all
# (for example `f = lambda t: tf.constant(5.0)`). Whenever you see `None`, check for
# integers, unwatched tensors, NumPy detours and work done outside the `with` block.
#
# The variable takes the dtype of `x`: a Python float gives `float32`, while a
# `float64` value (a NumPy `float64` or a `float64` tensor) gives a `float64`
# variable, and the gradient has the same dtype as the variable.
#
# **Your task:** return `df/dx` at `x` for a TF-differentiable callable `f`. `x` is a
# Python float or a floating-point tensor; create `tf.Variable(x)` (so a `float64`
# input stays `float64`), record `f` on a tape, and return the gradient tensor, with
# the same shape and dtype as the variable.


# %%
def derivative(f, x) -> tf.Tensor:
    """Differentiate an arbitrary TensorFlow function at a point.

    Args:
        f: A callable built from TensorFlow operations, mapping a tensor to a tensor.
        x: The point: a Python float or a floating-point tensor.

    Returns:
        A tensor holding ``df/dx`` at ``x``, with the shape and dtype of ``x`` as a variable.

    Example: ``derivative(tf.sin, 0.0)`` is ``tf.Tensor(1.0, shape=(), dtype=float32)``.
    """
    ### BEGIN SOLUTION
    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(derivative(tf.sin, 1.0))  # cos(1.0) ≈ 0.5403, float32
    print(derivative(lambda t: t**3, tf.constant(3.0, tf.float64)))  # 27.0, float64


# %% [markdown]
# ## Task 3: `partial_derivatives`
#
# For a function of several inputs, the **partial derivative** `∂f/∂x` measures how
# `f` changes when only `x` moves and the other inputs stay fixed. For
# `f(x, y) = x²·y` we have `∂f/∂x = 2·x·y` and `∂f/∂y = x²`.
#
# One tape records the whole computation, so it can return the derivatives with
# respect to *all* its sources in one backward pass: give `tape.gradient` a list of
# sources and it returns a list of gradients in the same order.
#
# ```python
# a, b = tf.Variable(2.0), tf.Variable(5.0)
# with tf.GradientTape() as tape:
#     z = a**2 * b
# da, db = tape.gradient(z, [a, b])   # 2*2*5 = 20.0 and 2**2 = 4.0
# ```
#
# Calling `tape.gradient` twice on the same (non-persistent) tape raises a
# `RuntimeError`, so the list form is the way to get both partial derivatives, and it
# is also cheaper than running two separate tapes.
#
# **Your task:** return the tuple `(∂f/∂x, ∂f/∂y)` at the point `(x, y)` for a
# TF-differentiable callable `f(x, y)`. Make a `tf.Variable` for each input, record
# `f` once, and get both gradients from that **one** tape. Each element is a tensor
# with the shape and dtype of the corresponding input.


# %%
def partial_derivatives(f, x, y) -> tuple[tf.Tensor, tf.Tensor]:
    """Both partial derivatives of a two-argument function, from one tape.

    Args:
        f: A callable ``f(x, y)`` built from TensorFlow operations.
        x: The first coordinate of the point (a Python float or a float tensor).
        y: The second coordinate of the point, with the same dtype as ``x``.

    Returns:
        A tuple ``(df_dx, df_dy)`` of tensors, evaluated at ``(x, y)``.

    Example: ``partial_derivatives(lambda a, b: a**2 * b, 2.0, 5.0)`` is ``(20.0, 4.0)``.
    """
    ### BEGIN SOLUTION
    vx = tf.Variable(x)
    vy = tf.Variable(y)
    with tf.GradientTape() as tape:
        z = f(vx, vy)
    df_dx, df_dy = tape.gradient(z, [vx, vy])
    return df_dx, df_dy
    ### END SOLUTION


# %%
if __name__ == "__main__":
    dx, dy = partial_derivatives(lambda a, b: a**2 * b, 2.0, 5.0)
    print(dx.numpy(), dy.numpy())  # 20.0 4.0


# %% [markdown]
# ## Task 4: `gradient_of_sum`
#
# A gradient is defined for a **scalar** target: `tape.gradient(y, x)` returns a
# tensor with the shape of `x` whose entry `i` is `∂y/∂x[i]`. What if the target is
# itself a vector, say `y = x²` computed element-wise?
#
# TensorFlow does not return the full matrix of derivatives (the Jacobian). Instead it
# **implicitly sums the target**: `tape.gradient(y, x)` gives the same result as
# `tape.gradient(tf.reduce_sum(y), x)`. Entry `i` of the result is
# `∂(y[0] + y[1] + ...)/∂x[i]`, and the result always has the shape of the source
# `x`, never the shape of the target.
#
# For an element-wise function each `y[j]` depends only on `x[j]`, so the sum has a
# single term that depends on `x[i]`, and the result is simply the element-wise
# derivative:
#
# ```python
# x = tf.Variable([1.0, 2.0, 3.0])
# with tf.GradientTape() as tape:
#     y = x**2                    # [1., 4., 9.], not a scalar
# tape.gradient(y, x)             # [2., 4., 6.] = 2·x
# ```
#
# For functions that mix entries (such as a matrix product) the implicit sum adds the
# contributions of all outputs. That is exactly what a loss needs, but it means a
# non-scalar target never gives you separate per-output gradients
# (`tape.jacobian` does that).
#
# **Your task:** `xs` is a list, 1-D NumPy array or 1-D tensor of floats, and `f`
# maps a vector to a vector element-wise. Make `xs` a `tf.Variable`, record `f(xs)`,
# and return the gradient of the (non-scalar) target with respect to that variable:
# a tensor with the shape of `xs` and the variable's dtype (`float32` for a list of
# Python floats, `float64` for a `float64` array).


# %%
def gradient_of_sum(f, xs) -> tf.Tensor:
    """Gradient of a vector-valued element-wise function with respect to its input.

    Args:
        f: A callable built from TensorFlow operations, mapping a vector to a vector.
        xs: The input vector: a list, 1-D NumPy array or 1-D tensor of floats.

    Returns:
        A tensor with the shape of ``xs``: the gradient of ``sum(f(xs))``.

    Example: ``gradient_of_sum(lambda t: t**2, [1.0, 2.0, 3.0])`` is ``[2., 4., 6.]``.
    """
    ### BEGIN SOLUTION
    v = tf.Variable(xs)
    with tf.GradientTape() as tape:
        y = f(v)
    return tape.gradient(y, v)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(gradient_of_sum(lambda t: t**2, [1.0, 2.0, 3.0]))  # [2. 4. 6.], float32
    print(gradient_of_sum(tf.exp, np.zeros(2)))  # [1. 1.], float64
