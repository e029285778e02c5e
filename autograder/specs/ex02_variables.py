"""Module 2: tf.Variable, in-place updates, trainable flags."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import variable
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw


def _pair(rng: np.random.Generator) -> tuple[Any, ...]:
    shape = _draw.shape(rng)
    return variable(_draw.matrix(rng, shape)), _draw.matrix(rng, shape)


def _rebind(var: Any, value: Any) -> Any:
    return tf.Variable(value, dtype=var.dtype)


def _new_difference(var: Any, amount: Any) -> Any:
    return var - amount


SPEC = ModuleSpec(
    name="ex02_variables",
    title="Variables",
    tasks=(
        Task("make_variable", 1, public=((5.0,), ([1.0, 2.0],)),
             hidden=lambda rng: (_draw.matrix(rng, _draw.shape(rng)),)),
        Task("reassign", 1, public=((variable(5.0), 10.0),), hidden=_pair,
             compare_args_after=True, mistakes=(Mistake("variable-rebound", _rebind),)),
        Task("decrement", 1, public=((variable(10.0), 3.0),), hidden=_pair,
             compare_args_after=True, mistakes=(Mistake("variable-rebound", _new_difference),)),
        Task("make_frozen_variable", 1, public=((3.0,),),
             hidden=lambda rng: (_draw.matrix(rng, _draw.shape(rng)),)),
    ),
)
