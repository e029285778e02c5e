"""Module 3: matrix products, transposes and dtypes."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import ndarray, tensor
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

_SHAPE_ERRORS = (("Incompatible shapes", "elementwise-not-matmul"),)


def _dims(rng: np.random.Generator, square: float = 0.4) -> tuple[int, int, int]:
    if rng.random() < square:  # square operands: `*` then gives a wrong value, not an error
        n = int(rng.integers(2, 4))
        return n, n, n
    m, k, n = (int(d) for d in rng.integers(1, 5, size=3))
    return m, k, n


def _operands(rng: np.random.Generator) -> tuple[Any, ...]:
    m, k, n = _dims(rng)
    return tensor(_draw.matrix(rng, (m, k))), tensor(_draw.matrix(rng, (k, n)))


def _float64_operands(rng: np.random.Generator) -> tuple[Any, ...]:
    m, k, n = _dims(rng, square=0.0)
    return ndarray(_draw.matrix(rng, (m, k))), ndarray(_draw.matrix(rng, (k, n)))


def _same_shape(rng: np.random.Generator) -> tuple[Any, ...]:
    m, k, n = _dims(rng)
    return tensor(_draw.matrix(rng, (m, k))), tensor(_draw.matrix(rng, (n, k)))


def _mixed(rng: np.random.Generator) -> tuple[Any, ...]:
    m, k, n = _dims(rng, square=0.0)
    return ndarray(_draw.matrix(rng, (m, k))), tensor(_draw.matrix(rng, (k, n)))


def _elementwise(a: Any, b: Any) -> Any:
    return tf.convert_to_tensor(a) * tf.convert_to_tensor(b)


def _no_transpose(a: Any, b: Any) -> Any:
    return tf.matmul(a, b)


def _in_float64(x: Any, w: Any) -> Any:
    return tf.matmul(tf.constant(x), tf.cast(w, tf.float64))


SPEC = ModuleSpec(
    name="ex03_matmul",
    title="Matrix multiplication",
    tasks=(
        Task("matmul", 1,
             public=((tensor([[1.0, 2.0], [3.0, 4.0]]), tensor([[5.0, 6.0], [7.0, 8.0]])),),
             hidden=_operands, error_hints=_SHAPE_ERRORS,
             mistakes=(Mistake("elementwise-not-matmul", _elementwise),)),
        Task("constant_times_variable", 1,
             public=((ndarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
                      ndarray([[1.0], [0.5], [2.0]])),),
             hidden=_float64_operands, error_hints=_SHAPE_ERRORS),
        Task("matmul_transpose_b", 1,
             public=((tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
                      tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])),),
             hidden=_same_shape,
             error_hints=(("Matrix size-incompatible", "transpose-missing"),),
             mistakes=(Mistake("transpose-missing", _no_transpose),)),
        Task("mixed_precision_matmul", 1,
             public=((ndarray([[1.0, 2.0]]), tensor([[3.0], [4.0]])),), hidden=_mixed,
             mistakes=(Mistake("dtype-mismatch", _in_float64),)),
    ),
)
