"""Module 9: Jacobians, batch Jacobians, Hessians and Hessian-vector products."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import fn, tensor
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

_TAPE = ("uses-tape",)
SQUARE = fn("poly", coeffs=[0, 0, 1])
ROSENBROCK = fn("rosenbrock")


def _dtype(rng: np.random.Generator) -> str:
    return "float64" if rng.random() < 0.25 else "float32"


def _layer(rng: np.random.Generator, n: int) -> dict[str, Any]:
    m = int(rng.integers(2, 5))
    a = round(float(rng.uniform(0.5, 2.0)), 2)
    return fn("tanh_layer", W=_draw.matrix(rng, (m, n), 1.5), a=a)


def _jacobian_case(rng: np.random.Generator) -> tuple[Any, ...]:
    """Element-wise or layer functions on vectors and on (k, n) matrices."""
    rows = int(rng.integers(2, 4)) if rng.random() < 0.4 else None
    n = int(rng.integers(2, 5))
    shape = (rows, n) if rows else (n,)
    f = _layer(rng, n) if rng.random() < 0.6 else _draw.function(rng, 1)
    return f, tensor(_draw.matrix(rng, shape, 1.5), _dtype(rng))


def _batch_case(rng: np.random.Generator) -> tuple[Any, ...]:
    batch, n = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    f = _layer(rng, n) if rng.random() < 0.7 else _draw.function(rng, 1)
    return f, tensor(_draw.matrix(rng, (batch, n), 1.5), _dtype(rng))


def scalar_field(rng: np.random.Generator, n: int) -> dict[str, Any]:
    """A smooth scalar function of a vector with a Hessian that is not diagonal."""
    kind = rng.choice(["rosenbrock", "quadratic", "logsumexp"])
    if kind == "rosenbrock":
        return fn("rosenbrock", a=round(float(rng.uniform(0.5, 2.0)), 1),
                  b=float(rng.choice([5.0, 10.0, 100.0])))
    if kind == "quadratic":
        return fn("quadratic", A=_draw.matrix(rng, (n, n), 2.0), c=_draw.matrix(rng, (n,), 2.0))
    return fn("logsumexp", W=_draw.matrix(rng, (int(rng.integers(2, 5)), n), 1.5))


def _hessian_case(rng: np.random.Generator) -> tuple[Any, ...]:
    # n = 3 like the example: a hard-coded answer then fails on values, not on shape
    return scalar_field(rng, 3), tensor(_draw.matrix(rng, (3,), 1.5), "float32")


def _hvp_case(rng: np.random.Generator) -> tuple[Any, ...]:
    n, dtype = int(rng.integers(2, 6)), _dtype(rng)
    return (scalar_field(rng, n), tensor(_draw.matrix(rng, (n,), 1.5), dtype),
            tensor(_draw.matrix(rng, (n,), 2.0), dtype))


# ---------------------------------------------------------------- typical mistakes


def _gradient(f: Any, x: Any) -> Any:
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)


def _full_jacobian(f: Any, x: Any) -> Any:
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.jacobian(y, x)


def _gradient_of_gradient(f: Any, x: Any) -> Any:
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
        g = inner.gradient(y, x)
    return outer.gradient(g, x)


def _gradient_times_v(f: Any, x: Any, v: Any) -> Any:
    return _gradient_of_gradient(f, x) * v


SPEC = ModuleSpec(
    name="ex09_jacobians",
    title="Jacobians and Hessians",
    tasks=(
        Task("jacobian", 2,
             public=((SQUARE, tensor([1.0, 2.0, 3.0])),
                     (fn("tanh_layer", W=[[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]]),
                      tensor([0.1, 0.2]))),
             hidden=_jacobian_case, checks=_TAPE,
             mistakes=(Mistake("jacobian-vs-gradient", _gradient),)),
        Task("batch_jacobian", 2,
             public=((SQUARE, tensor([[1.0, 2.0], [3.0, 4.0]])),),
             hidden=_batch_case, checks=_TAPE,
             mistakes=(Mistake("batch-jacobian", _full_jacobian),
                       Mistake("jacobian-vs-gradient", _gradient))),
        Task("hessian", 2, public=((ROSENBROCK, tensor([1.0, 1.0, 1.0])),),
             hidden=_hessian_case, checks=_TAPE,
             mistakes=(Mistake("jacobian-vs-gradient", _gradient_of_gradient),)),
        Task("hessian_vector_product", 2,
             public=((ROSENBROCK, tensor([1.0, 1.0, 1.0]), tensor([1.0, 0.0, 0.0])),),
             hidden=_hvp_case, checks=("uses-tape", "no-full-hessian"),
             mistakes=(Mistake("hvp-not-directional", _gradient_times_v),)),
    ),
)
