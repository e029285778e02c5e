# This file is generated from solutions/ex02_variables.py
# by `gradetape build`; edit that file, not this one.
# %% [markdown]
# # Module 2 — Variables
#
# Constants never change, but a model's parameters must: training updates them
# again and again. TensorFlow stores such mutable state in a **`tf.Variable`**. In
# this module you will learn how to
#
# - create a variable and read its value,
# - update it *in place* with `assign`, `assign_add` and `assign_sub`,
# - avoid the classic mistake `v = v + 1`, and
# - mark a variable as non-trainable with `trainable=False`.
#
# Variables matter for automatic differentiation: a `tf.GradientTape` (Module 4)
# watches trainable variables automatically.

# %%
import numpy as np
import tensorflow as tf

# %% [markdown]
# ## Task 1: `make_variable`
#
# A `tf.Tensor` made by `tf.constant` is **immutable**: there is no way to change its
# values, every operation returns a new tensor. A `tf.Variable` instead owns a piece
# of memory whose contents can be overwritten. You create one from an initial value:
#
# ```python
# v = tf.Variable([1.0, 2.0])
# v.shape          # TensorShape([2])
# v.dtype          # tf.float32  (same default dtypes as tf.constant)
# v.numpy()        # array([1., 2.], dtype=float32)
# ```
#
# The dtype and shape are fixed when the variable is created; only the values can
# change later. A variable can be used wherever a tensor is expected (`v * 2`,
# `tf.matmul(a, v)`, ...); the result of such an operation is an ordinary tensor.
#
# **Your task:** return a `tf.Variable` initialised with `value` (a Python number, a
# nested list, a NumPy array or a tensor). Keep the dtype TensorFlow infers.


# %%
def make_variable(value) -> tf.Variable:
    """Create a variable holding ``value``.

    Args:
        value: The initial value: a number, nested list, NumPy array or tensor.

    Returns:
        A ``tf.Variable`` with the same values, shape and (inferred) dtype.

    Example: ``make_variable(5).numpy()`` is ``5`` and its dtype is ``int32``.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    print(make_variable([1.0, 2.0]))  # <tf.Variable ... shape=(2,) dtype=float32, ...[1., 2.]>


# %% [markdown]
# ## Task 2: `reassign`
#
# To change a variable, call one of its **assign methods**. They write into the
# existing variable, so every piece of code holding a reference to it sees the new
# value:
#
# ```python
# v = tf.Variable(5)
# v.assign(10)       # v now holds 10
# v.assign_add(1)    # v now holds 11   (v += 1 in place)
# v.assign_sub(4)    # v now holds 7    (v -= 4 in place)
# ```
#
# The new value must have the variable's dtype and shape: assigning `2.5` to an
# `int32` variable, or a vector to a scalar variable, raises an error.
#
# **The classic mistake.** Writing `v = v + 1` does *not* update the variable. The
# expression `v + 1` reads the variable and produces a brand-new (immutable)
# `tf.Tensor`, and `=` then rebinds the Python name `v` to that tensor. The original
# variable is untouched, and `v` is not even a variable anymore:
#
# ```python
# v = tf.Variable(5)
# w = v
# v = v + 1
# type(v)            # EagerTensor, not a Variable
# w.numpy()          # still 5: the variable never changed
# ```
#
# In a training loop this bug silently stops the parameters from learning. Always
# update a variable with its assign methods.
#
# **Your task:** set `variable` to `value` in place and return **the same variable
# object** (not a copy and not a new variable). For a variable holding `5`,
# `reassign(v, 10)` returns `v`, which now holds `10`.


# %%
def reassign(variable: tf.Variable, value) -> tf.Variable:
    """Overwrite a variable's value in place.

    Args:
        variable: The ``tf.Variable`` to update.
        value: The new value, with the variable's dtype and shape.

    Returns:
        The same ``tf.Variable`` object, now holding ``value``.

    Example: for ``v = tf.Variable(5)``, ``reassign(v, 10) is v`` and ``v`` holds ``10``.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    v5 = tf.Variable(5)
    result = reassign(v5, 10)
    print(result is v5, v5.numpy())  # True 10


# %% [markdown]
# ## Task 3: `decrement`
#
# `assign_sub(amount)` subtracts in place: it is the variable version of `x -= amount`.
# (`assign_add` is the matching in-place addition.) This is exactly the update a
# gradient-descent step performs on each parameter:
#
# ```python
# w = tf.Variable(1.0)
# w.assign_sub(0.1 * 2.0)   # w = w - learning_rate * gradient, in place
# w.numpy()                 # 0.8
# ```
#
# Like `assign`, the methods return a value you do not need; what matters is that the
# variable itself has changed.
#
# **Your task:** subtract `amount` from `variable` in place and return the same
# variable object. For a variable holding `10`, `decrement(v, 3)` returns `v`, which
# now holds `7`.


# %%
def decrement(variable: tf.Variable, amount) -> tf.Variable:
    """Subtract ``amount`` from a variable in place.

    Args:
        variable: The ``tf.Variable`` to update.
        amount: The value to subtract, with the variable's dtype (and a compatible shape).

    Returns:
        The same ``tf.Variable`` object, now holding ``old_value - amount``.

    Example: for ``v = tf.Variable(10)``, ``decrement(v, 3) is v`` and ``v`` holds ``7``.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    v10 = tf.Variable(10)
    print(decrement(v10, 3).numpy())  # 7
    vf = tf.Variable(np.array([1.0, 2.0]))
    print(decrement(vf, np.array([0.5, 0.5])).numpy())  # [0.5 1.5]


# %% [markdown]
# ## Task 4: `make_frozen_variable`
#
# Every variable has a boolean **`trainable`** attribute, `True` by default. It tells
# TensorFlow whether the variable is a parameter to be learned:
#
# - a `tf.GradientTape` automatically watches trainable variables, so gradients with
#   respect to them are available without extra work;
# - a non-trainable variable is *not* watched automatically. It is still mutable (you
#   can `assign` to it), which makes it the right container for state that changes
#   but is not learned by gradient descent: step counters, running statistics, or
#   layers you want to keep frozen while fine-tuning the rest of a model.
#
# ```python
# step = tf.Variable(0, trainable=False)
# step.trainable       # False
# step.assign_add(1)   # still allowed
# ```
#
# **Your task:** return a `tf.Variable` holding `value` whose `trainable` attribute is
# `False`.


# %%
def make_frozen_variable(value) -> tf.Variable:
    """Create a variable that gradient tapes do not watch automatically.

    Args:
        value: The initial value: a number, nested list, NumPy array or tensor.

    Returns:
        A ``tf.Variable`` holding ``value`` with ``trainable == False``.

    Example: ``make_frozen_variable(1.0).trainable`` is ``False``.
    """
    raise NotImplementedError


# %%
if __name__ == "__main__":
    frozen = make_frozen_variable([1.0, 2.0])
    print(frozen.trainable, frozen.numpy())  # False [1. 2.]
