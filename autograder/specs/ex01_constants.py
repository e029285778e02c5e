"""Module 1: tensor constants, dtypes, shapes and leaving TensorFlow."""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.codec import ndarray, tensor
from autograder.spec import ModuleSpec, Task
from autograder.specs import _draw


def _values(rng: np.random.Generator) -> tuple[Any, ...]:
    shape = _draw.shape(rng)
    return (_draw.int_matrix(rng, shape) if rng.random() < 0.5 else _draw.matrix(rng, shape),)


def _convertible(rng: np.random.Generator) -> tuple[Any, ...]:
    shape, pick = _draw.shape(rng), rng.integers(3)
    if pick == 0:
        return (ndarray(_draw.matrix(rng, shape), "float64"),)
    if pick == 1:
        return (tensor(_draw.int_matrix(rng, shape), "int32"),)
    return (_draw.int_matrix(rng, shape),)


def _any_tensor(rng: np.random.Generator) -> tuple[Any, ...]:
    shape = _draw.shape(rng, max_rank=3)
    dtype = str(rng.choice(["float32", "float64", "int32", "int64"]))
    data = _draw.int_matrix(rng, shape) if dtype.startswith("int") else _draw.matrix(rng, shape)
    return (tensor(data, dtype),)


SPEC = ModuleSpec(
    name="ex01_constants",
    title="Tensor constants",
    tasks=(
        Task("make_constant", 1, public=(([[10, 20, 30]],), ([1.5, 2.5],)), hidden=_values),
        Task("to_float32", 1,
             public=((ndarray([[1.5, 2.5]], "float64"),), ([1, 2, 3],),
                     (tensor([4, 5], "int32"),)),
             hidden=_convertible),
        Task("to_numpy", 1, public=((tensor([[1, 2], [3, 4]], "int32"),),),
             hidden=lambda rng: (tensor(_draw.matrix(rng, _draw.shape(rng)), "float32"),)),
        Task("shape_and_dtype", 1, public=((tensor([[10, 20, 30]], "int32"),),),
             hidden=_any_tensor),
    ),
)
