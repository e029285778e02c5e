"""Module 4: first-order gradients with tf.GradientTape."""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.codec import fn, tensor
from autograder.spec import ModuleSpec, Task
from autograder.specs import _draw

_TAPE = ("uses-tape",)


def _function_and_point(rng: np.random.Generator) -> tuple[Any, ...]:
    f, x = _draw.function(rng, min_degree=1), _draw.number(rng, -2.0, 2.0)
    return (f, tensor(x, "float64") if rng.random() < 0.3 else x)


def _two_var(rng: np.random.Generator) -> tuple[Any, ...]:
    params = {k: round(float(rng.uniform(-2, 2)), 1) or 1.0 for k in "abc"}
    return fn("two_var", **params), _draw.number(rng, -2, 2), _draw.number(rng, -2, 2)


def _vector(rng: np.random.Generator) -> tuple[Any, ...]:
    n = int(rng.integers(2, 6))
    return _draw.function(rng, min_degree=1), np.round(rng.uniform(-2, 2, n), 2).tolist()


SPEC = ModuleSpec(
    name="ex04_first_order",
    title="First-order gradients",
    tasks=(
        Task("cube_gradient", 2, public=((3.0,),), checks=_TAPE,
             hidden=lambda rng: (_draw.number(rng, -4.0, 4.0),)),
        Task("derivative", 2,
             public=((fn("poly", coeffs=[0, 0, 0, 1]), 3.0), (fn("sin"), 0.0)),
             hidden=_function_and_point, checks=_TAPE),
        Task("partial_derivatives", 2, public=((fn("two_var", a=1, b=1, c=0), 1.0, 2.0),),
             hidden=_two_var, checks=_TAPE),
        Task("gradient_of_sum", 2,
             public=((fn("poly", coeffs=[0, 0, 1]), [1.0, 2.0, 3.0]),), hidden=_vector,
             checks=_TAPE),
    ),
)
