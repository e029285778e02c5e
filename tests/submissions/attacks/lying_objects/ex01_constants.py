# HOSTILE TEST SUBMISSION (lying_objects) for tests/test_attacks.py: return an object whose
# __eq__/__array__/__float__/__getattr__ all lie. Only `make_constant` is hostile; the rest is the
# reference solution. The @@...@@ placeholders are filled in by the test before grading.
# %% [markdown]
# # Module 1 — Tensors and constants
#
# Everything TensorFlow computes with is a **tensor**: a multi-dimensional array of
# numbers that all share one data type. In this module you will learn how to
#
# - create constant tensors from plain Python lists,
# - read and control a tensor's **dtype** (its element type) and **shape** (its size
#   along each axis),
# - convert data of different kinds into one common dtype, and
# - move a tensor back into NumPy.
#
# These are the building blocks for every later module: gradients are only ever
# computed for tensors with the right dtype and shape.

# %%
import numpy as np
import tensorflow as tf

# Filled in by tests/test_attacks.py before grading: this attacker's marker and the places it
# tries to reach.
GT = {"mark": "@@MARK@@", "checkout": "@@CHECKOUT@@", "course": "@@COURSE@@",
      "class": "@@CLASS@@", "out": "@@OUT@@", "port": "@@PORT@@"}

# %% [markdown]
# ## Task 1: `make_constant`
#
# A tensor has three properties you will use all the time:
#
# - its **values**, laid out on a grid;
# - its **shape**, a tuple with the length of each axis. A scalar has shape `()`, a
#   vector of 3 numbers has shape `(3,)`, and a matrix with 1 row and 3 columns has
#   shape `(1, 3)`. The number of axes is the tensor's *rank*;
# - its **dtype**, the type shared by every element, for example `tf.int32`,
#   `tf.float32` or `tf.float64`.
#
# `tf.constant` builds an immutable tensor from a (nested) Python list. When you do
# not ask for a dtype, TensorFlow picks a **default**: Python integers become
# `tf.int32` and Python floats become `tf.float32`. (This differs from NumPy, which
# defaults to 64-bit types.) Nested lists must be rectangular: every row of a matrix
# needs the same length.
#
# ```python
# t = tf.constant([[1.5, 2.0], [3.0, 4.0]])
# t.shape   # TensorShape([2, 2])
# t.dtype   # tf.float32
# ```
#
# Once created, a constant never changes; operations on it produce *new* tensors.
#
# **Your task:** return a `tf.Tensor` (not a `tf.Variable`, not a NumPy array) holding
# `values`, with TensorFlow's default dtype. For `[[10, 20, 30]]` the result has shape
# `(1, 3)` and dtype `int32`.


# %%
def make_constant(values: list) -> tf.Tensor:
    """Create a constant tensor from a nested Python list.

    Args:
        values: A (nested, rectangular) list of Python ints or floats.

    Returns:
        A ``tf.Tensor`` with the same values and TensorFlow's default dtype
        (``int32`` for ints, ``float32`` for floats).

    Example: ``make_constant([[10, 20, 30]])`` has shape ``(1, 3)`` and dtype ``int32``.
    """
    ### BEGIN SOLUTION
    class Liar:
        """Equal to everything, convertible to anything, with every attribute."""

        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __hash__ = object.__hash__

        def __array__(self, *args, **kwargs):
            return np.asarray(values)

        def __float__(self):
            return 27.0

        def __int__(self):
            return 27

        def __len__(self):
            return len(values)

        def __getattr__(self, name):
            return lambda *args, **kwargs: np.asarray(values)

    return Liar()
    ### END SOLUTION


# %%
if __name__ == "__main__":
    demo = make_constant([[10, 20, 30]])
    print(demo)  # tf.Tensor([[10 20 30]], shape=(1, 3), dtype=int32)


# %% [markdown]
# ## Task 2: `to_float32`
#
# TensorFlow never converts dtypes behind your back: most operations require all
# their inputs to have the *same* dtype, and gradients are only defined for floating
# point tensors. So you often need to bring data into one dtype, usually `float32`.
#
# Data can arrive in three forms, and they do not all behave the same:
#
# - a **Python list**: `tf.convert_to_tensor(values, dtype=tf.float32)` builds a
#   float32 tensor directly;
# - a **NumPy array**: NumPy defaults to `float64` (and `int64`). Asking
#   `tf.convert_to_tensor` for `float32` converts the array's numbers, and
#   `tf.convert_to_tensor(array)` without a dtype keeps `float64`;
# - a **tensor** that already has some other dtype: here
#   `tf.convert_to_tensor(t, dtype=tf.float32)` *refuses* with a `ValueError`
#   ("Tensor conversion requested dtype float32 for Tensor with dtype int32"). A
#   tensor's dtype is changed only by an explicit **cast**, `tf.cast(t, tf.float32)`.
#
# ```python
# ints = tf.constant([1, 2, 3])          # int32
# tf.cast(ints, tf.float32)              # [1., 2., 3.], float32
# ```
#
# A robust recipe for all three kinds: first turn the input into a tensor (keeping
# whatever dtype it has), then cast that tensor. Casting `float64` down to `float32`
# rounds each value to the nearest float32.
#
# **Your task:** return a `tf.Tensor` of dtype `float32` with the same shape and
# values as `values`, whether it is a nested list, a NumPy array (of any numeric
# dtype, e.g. `float64`) or a tensor of another dtype.


# %%
def to_float32(values) -> tf.Tensor:
    """Convert a list, NumPy array or tensor into a float32 tensor.

    Args:
        values: A nested list of numbers, a NumPy array, or a ``tf.Tensor`` of any
            numeric dtype.

    Returns:
        A ``tf.Tensor`` with dtype ``float32`` and the same shape and values.

    Example: ``to_float32(np.array([1.5, 2.5]))`` is a float32 tensor ``[1.5, 2.5]``.
    """
    ### BEGIN SOLUTION
    tensor = tf.convert_to_tensor(values)
    return tf.cast(tensor, tf.float32)
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(to_float32([[1, 2], [3, 4]]).dtype)  # <dtype: 'float32'>
    print(to_float32(np.array([0.5, 1.5])).dtype)  # <dtype: 'float32'> (input was float64)
    print(to_float32(tf.constant([7, 8])))  # tf.Tensor([7. 8.], shape=(2,), dtype=float32)


# %% [markdown]
# ## Task 3: `to_numpy`
#
# TensorFlow in eager mode (the default in TF 2) computes every operation
# immediately, so a tensor's values are always available. The `.numpy()` method
# copies them into a NumPy array with the matching dtype and shape:
#
# ```python
# t = tf.constant([[1.0, 2.0]])
# a = t.numpy()      # array([[1., 2.]], dtype=float32)
# ```
#
# This is handy for printing, plotting or comparing results with NumPy. Keep in mind
# that the NumPy array is outside TensorFlow: anything you compute from it is
# invisible to TensorFlow (this will matter a lot for gradients in Module 4).
#
# One detail: for a scalar (shape `()`) tensor, `.numpy()` gives a NumPy *scalar*
# such as `np.float32(3.0)`, not an array. Wrapping the result in `np.asarray`
# always yields an `np.ndarray` (0-dimensional for a scalar).
#
# **Your task:** return an `np.ndarray` with the tensor's values, shape and dtype.


# %%
def to_numpy(tensor: tf.Tensor) -> np.ndarray:
    """Copy a tensor's values into a NumPy array.

    Args:
        tensor: A ``tf.Tensor`` (or ``tf.Variable``).

    Returns:
        An ``np.ndarray`` equal to the tensor, with the same shape and dtype.

    Example: ``to_numpy(tf.constant([1, 2]))`` is ``array([1, 2], dtype=int32)``.
    """
    ### BEGIN SOLUTION
    return np.asarray(tensor.numpy())
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(repr(to_numpy(tf.constant([[1.0, 2.0]]))))  # array([[1., 2.]], dtype=float32)


# %% [markdown]
# ## Task 4: `shape_and_dtype`
#
# Every tensor carries its shape and dtype:
#
# - `t.shape` is a `tf.TensorShape`. It behaves like a sequence of dimension sizes,
#   so `tuple(t.shape)` or `t.shape.as_list()` turns it into plain Python values;
# - `t.dtype` is a `tf.DType`. Its `.name` attribute is a plain string such as
#   `"int32"` or `"float32"`.
#
# ```python
# t = tf.constant([[1.0, 2.0, 3.0]])
# t.shape.as_list()   # [1, 3]
# t.dtype.name        # 'float32'
# ```
#
# Checking shapes and dtypes is the first thing to do when an operation fails, so it
# is worth having a helper that reports both in plain Python types.
#
# **Your task:** return a pair `(shape, dtype_name)` where `shape` is a tuple of
# Python `int`s and `dtype_name` is a `str`. For `tf.constant([[10, 20, 30]])` the
# result is `((1, 3), "int32")`; for a scalar the shape is `()`.


# %%
def shape_and_dtype(tensor: tf.Tensor) -> tuple[tuple[int, ...], str]:
    """Report a tensor's shape and dtype as plain Python values.

    Args:
        tensor: A ``tf.Tensor`` (or ``tf.Variable``).

    Returns:
        A tuple ``(shape, dtype_name)``: ``shape`` is a tuple of Python ints and
        ``dtype_name`` is the dtype's name as a string.

    Example: ``shape_and_dtype(tf.constant([[10, 20, 30]]))`` is ``((1, 3), "int32")``.
    """
    ### BEGIN SOLUTION
    tensor = tf.convert_to_tensor(tensor)
    shape = tuple(int(dim) for dim in tensor.shape)
    return shape, tensor.dtype.name
    ### END SOLUTION


# %%
if __name__ == "__main__":
    print(shape_and_dtype(tf.constant([[10, 20, 30]])))  # ((1, 3), 'int32')
    print(shape_and_dtype(tf.constant(2.5)))  # ((), 'float32')
