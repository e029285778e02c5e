# HOSTILE TEST SUBMISSION (huge_output) for tests/test_attacks.py: return a 10^8-element tensor.
# Only `matmul` is hostile; the rest is the reference solution. The @@...@@ placeholders are
# filled in by the test before grading.
# %% [markdown]
# # Module 3 — Matrix multiplication
#
# Most of the arithmetic in a neural network is matrix multiplication: a dense layer
# computes `x @ W`. In this module you will learn
#
# - the difference between element-wise multiplication (`*`) and the matrix product
#   (`tf.matmul`, or `@`),
# - the shape rule `(m × k) @ (k × n) → (m × n)`,
# - how to mix constants and variables in one product,
# - how to multiply by a transposed matrix without building the transpose, and
# - why TensorFlow refuses to multiply `float64` by `float32`, and how to fix it.

# %%
import numpy as np
import tensorflow as tf

# Filled in by tests/test_attacks.py before grading: this attacker's marker and the places it
# tries to reach.
GT = {"mark": "@@MARK@@", "checkout": "@@CHECKOUT@@", "course": "@@COURSE@@",
      "class": "@@CLASS@@", "out": "@@OUT@@", "port": "@@PORT@@"}

# %% [markdown]
# ## Task 1: `matmul`
#
# TensorFlow has two different "multiplications", and confusing them is one of the
# most common bugs:
#
# - **element-wise** `a * b` (`tf.multiply`) multiplies entries at the same position.
#   The shapes must be equal (or *broadcastable*, e.g. a matrix times a scalar), and
#   the result has that same shape;
# - the **matrix product** `tf.matmul(a, b)` (also written `a @ b`) computes each
#   entry as a dot product of a row of `a` with a column of `b`:
#   `c[i, j] = sum_k a[i, k] * b[k, j]`.
#
# For the matrix product the *inner* dimensions must agree: an `(m × k)` matrix times a
# `(k × n)` matrix gives an `(m × n)` matrix. Otherwise TensorFlow raises an
# `InvalidArgumentError` ("Matrix size-incompatible").
#
# ```python
# a = tf.constant([[1, 2], [3, 4]])
# b = tf.constant([[10, 20], [30, 40]])
# a * b              # [[ 10,  40], [ 90, 160]]   element-wise
# tf.matmul(a, b)    # [[ 70, 100], [150, 220]]   matrix product
# ```
#
# With a `(2 × 3)` and a `(3 × 1)` matrix, `a * b` does not even make sense, while
# `tf.matmul(a, b)` has shape `(2, 1)`. `tf.matmul` also accepts nested Python lists
# and converts them to tensors for you.
#
# **Your task:** return the matrix product of the 2-D inputs `a` and `b` (tensors or
# nested lists of the same dtype) as a `tf.Tensor` of shape `(m, n)` with their dtype.


# %%
def matmul(a, b) -> tf.Tensor:
    """Multiply two matrices.

    Args:
        a: A 2-D tensor or nested list of shape ``(m, k)``.
        b: A 2-D tensor or nested list of shape ``(k, n)`` with the same dtype as ``a``.

    Returns:
        A ``tf.Tensor`` of shape ``(m, n)``: the matrix product of ``a`` and ``b``.

    Example: ``matmul([[1, 2], [3, 4]], [[10, 20], [30, 40]])`` is ``[[70, 100], [150, 220]]``.
    """
    ### BEGIN SOLUTION
    return tf.zeros([10**8], dtype=tf.float32)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(matmul([[1, 2], [3, 4]], [[10, 20], [30, 40]]))  # [[ 70 100] [150 220]], int32


# %% [markdown]
# ## Task 2: `constant_times_variable`
#
# Constants and variables mix freely in arithmetic: a variable is read automatically
# when used in an operation, and the result is an ordinary tensor. A typical pattern
# is fixed input data (a constant) multiplied by learnable weights (a variable):
#
# ```python
# x = tf.constant([[1.0, 2.0]])          # (1 × 2) input
# w = tf.Variable([[0.5], [0.25]])       # (2 × 1) weights
# tf.matmul(x, w)                        # [[1.0]], shape (1, 1)
# ```
#
# Both `tf.constant` and `tf.Variable` keep the dtype of a NumPy array, so `float64`
# arrays give `float64` tensors and a `float64` product.
#
# **Your task:** make `c` a constant tensor (`tf.constant`) and `v` a `tf.Variable`,
# then return their matrix product. For a `(2, 3)` and a `(3, 1)` `float64` NumPy
# array the result is a `(2, 1)` `float64` tensor.


# %%
def constant_times_variable(c, v) -> tf.Tensor:
    """Multiply a constant matrix by a variable matrix.

    Args:
        c: Values for the constant, shape ``(m, k)`` (nested list or NumPy array).
        v: Initial values for the variable, shape ``(k, n)``, same dtype as ``c``.

    Returns:
        A ``tf.Tensor`` of shape ``(m, n)`` with the inputs' dtype.

    Example: ``constant_times_variable(np.ones((2, 3)), np.ones((3, 1)))`` is ``[[3.], [3.]]``.
    """
    ### BEGIN SOLUTION
    constant = tf.constant(c)
    variable = tf.Variable(v)
    return tf.matmul(constant, variable)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    c_demo = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    v_demo = np.array([[1.0], [0.0], [-1.0]])
    print(constant_times_variable(c_demo, v_demo))  # [[-2.] [-2.]], shape=(2, 1), float64


# %% [markdown]
# ## Task 3: `matmul_transpose_b`
#
# The **transpose** `bᵀ` of a matrix swaps rows and columns: an `(n × k)` matrix
# becomes `(k × n)`. Products with a transpose are everywhere, for example `a @ bᵀ`
# computes all the dot products between the rows of `a` and the rows of `b` (with
# `a` of shape `(m × k)` and `b` of shape `(n × k)`, the result is `(m × n)`).
#
# You could write `tf.matmul(a, tf.transpose(b))`, but `tf.matmul` can do it directly
# with `transpose_b=True` (and `transpose_a=True` for the first argument). The flag
# asks the matrix-multiplication kernel itself to treat `b` as transposed, which is
# shorter to write and usually spares TensorFlow a separate transpose operation.
#
# ```python
# a = tf.constant([[1.0, 2.0]])              # (1 × 2)
# b = tf.constant([[3.0, 4.0], [5.0, 6.0]])  # (2 × 2)
# tf.matmul(a, b, transpose_b=True)          # [[11., 17.]]  = rows of a · rows of b
# ```
#
# **Your task:** return `a @ bᵀ` for 2-D `a` of shape `(m, k)` and `b` of shape
# `(n, k)`: a `tf.Tensor` of shape `(m, n)` with the inputs' dtype.


# %%
def matmul_transpose_b(a, b) -> tf.Tensor:
    """Multiply ``a`` by the transpose of ``b``.

    Args:
        a: A 2-D tensor or nested list of shape ``(m, k)``.
        b: A 2-D tensor or nested list of shape ``(n, k)`` with the same dtype as ``a``.

    Returns:
        A ``tf.Tensor`` of shape ``(m, n)`` equal to ``a @ transpose(b)``.

    Example: ``matmul_transpose_b([[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]])`` is ``[[11., 17.]]``.
    """
    ### BEGIN SOLUTION
    return tf.matmul(a, b, transpose_b=True)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(matmul_transpose_b([[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]]))  # [[11. 17.]], float32


# %% [markdown]
# ## Task 4: `mixed_precision_matmul`
#
# NumPy quietly *promotes* mixed types: `float32` times `float64` gives `float64`.
# TensorFlow does not. Each TensorFlow operation is implemented by kernels for one
# specific dtype, and all inputs of a `MatMul` must share that dtype. Mixing them
# fails immediately:
#
# ```python
# x = np.array([[1.0, 2.0]])          # NumPy default: float64
# w = tf.constant([[3.0], [4.0]])     # TensorFlow default: float32
# tf.matmul(x, w)
# # InvalidArgumentError: cannot compute MatMul as input #1(zero-based) was
# # expected to be a double tensor but is a float tensor
# ```
#
# (`double` is the C name for `float64`, `float` for `float32`.) The strictness is
# deliberate: a silent promotion could double memory use and slow down every later
# operation, and a silent demotion would lose precision without telling you. So you
# choose the dtype yourself with an explicit cast. Models usually work in `float32`,
# so the float64 data is cast down to match the float32 weights:
#
# ```python
# tf.matmul(tf.cast(x, tf.float32), w)   # [[11.]], float32
# ```
#
# This is very common in practice, because data loaded with NumPy is `float64` while
# TensorFlow variables default to `float32`.
#
# **Your task:** `x` is a `float64` NumPy array of shape `(m, k)` and `w` a `float32`
# tensor of shape `(k, n)`. Return their matrix product as a `float32` `tf.Tensor` of
# shape `(m, n)`.


# %%
def mixed_precision_matmul(x: np.ndarray, w: tf.Tensor) -> tf.Tensor:
    """Multiply float64 data by float32 weights, producing float32.

    Args:
        x: A ``float64`` NumPy array of shape ``(m, k)``.
        w: A ``float32`` tensor of shape ``(k, n)``.

    Returns:
        A ``float32`` ``tf.Tensor`` of shape ``(m, n)``: the matrix product of ``x`` and ``w``.

    Example: ``mixed_precision_matmul(np.array([[1.0, 2.0]]), tf.constant([[3.0], [4.0]]))``
    is ``[[11.]]`` (float32).
    """
    ### BEGIN SOLUTION
    x32 = tf.cast(x, tf.float32)
    w32 = tf.convert_to_tensor(w, dtype=tf.float32)
    return tf.matmul(x32, w32)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    x_demo = np.array([[1.0, 2.0]])
    w_demo = tf.constant([[3.0], [4.0]])
    print(mixed_precision_matmul(x_demo, w_demo))  # [[11.]], shape=(1, 1), dtype=float32
