"""Module 6: watching constants, None versus zero gradients, selective watching."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import fn, tensor, variable
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

_TAPE = ("uses-tape",)


def _constant_point(rng: np.random.Generator) -> tuple[Any, ...]:
    return (tensor(_draw.number(rng, -4.0, 4.0), "float32"),)


def _function_and_constant(rng: np.random.Generator) -> tuple[Any, ...]:
    dtype = "float64" if rng.random() < 0.3 else "float32"
    if rng.random() < 0.4:
        n = int(rng.integers(2, 5))
        return _draw.function(rng, 1), tensor(np.round(rng.uniform(-2, 2, n), 2).tolist(), dtype)
    return _draw.function(rng, 1), tensor(_draw.number(rng, -2.0, 2.0), dtype)


def _maybe_unconnected(rng: np.random.Generator) -> tuple[Any, ...]:
    f, x = _function_and_constant(rng)
    if rng.random() < 0.5:
        f = fn("constant", value=round(float(rng.uniform(-5, 5)), 1))
    return f, x


def _two_variables(rng: np.random.Generator) -> tuple[Any, ...]:
    f = fn("product", a=round(float(rng.uniform(0.5, 3)), 1), b=round(float(rng.uniform(-2, 2)), 1))
    return f, variable(_draw.number(rng)), variable(_draw.number(rng))


def _none_where_unconnected(f: Any, x: Any) -> Any:
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)


def _watch_both(f: Any, x0: Any, x1: Any) -> Any:
    with tf.GradientTape() as tape:
        y = f(x0, x1)
    return tuple(tape.gradient(y, [x0, x1]))


SPEC = ModuleSpec(
    name="ex06_watch",
    title="Watching tensors",
    tasks=(
        Task("constant_cube_gradient", 2, public=((tensor(3.0),),), hidden=_constant_point,
             checks=_TAPE),
        Task("derivative_wrt_constant", 2,
             public=((fn("poly", coeffs=[0, 0, 0, 1]), tensor(3.0)),),
             hidden=_function_and_constant, checks=_TAPE),
        Task("gradient_or_zero", 2,
             public=((fn("constant", value=5.0), tensor([1.0, 2.0])),
                     (fn("poly", coeffs=[0, 0, 1]), tensor(3.0))),
             hidden=_maybe_unconnected, checks=_TAPE,
             mistakes=(Mistake("unconnected-gradient", _none_where_unconnected),)),
        Task("watch_only_second", 2,
             public=((fn("product", a=1.0, b=1.0), variable(2.0), variable(3.0)),),
             hidden=_two_variables, checks=_TAPE,
             mistakes=(Mistake("watch-accessed-variables", _watch_both),)),
    ),
)
