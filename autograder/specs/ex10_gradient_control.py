"""Module 10: stop_gradient, stop_recording, custom gradients and the tf.where NaN trap."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import fn, tensor
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

_TAPE = ("uses-tape",)
SQUARE, CUBE = fn("poly", coeffs=[0, 0, 1]), fn("poly", coeffs=[0, 0, 0, 1])


def _dtype(rng: np.random.Generator) -> str:
    return "float64" if rng.random() < 0.25 else "float32"


def _two_functions(rng: np.random.Generator) -> tuple[Any, ...]:
    return (_draw.function(rng, 1), _draw.function(rng, 1), _draw.number(rng, -1.5, 1.5),
            _draw.number(rng, -1.5, 1.5))


def _clip_case(rng: np.random.Generator) -> tuple[Any, ...]:
    n = int(rng.integers(3, 7))
    limit = float(rng.choice([0.5, 1.0, 2.0, 3.0]))
    x = tensor(_draw.matrix(rng, (n,), 2.0), _dtype(rng))
    return _draw.function(rng, 1), _draw.cubic(rng), x, limit


def _with_extremes(rng: np.random.Generator, extremes: list[float]) -> dict[str, Any]:
    """A vector mixing ordinary values with the inputs that break naive formulas."""
    n = int(rng.integers(2, 5))
    values = [*_draw.matrix(rng, (n,), 3.0), *rng.choice(extremes, size=2, replace=False)]
    return tensor(rng.permutation(values).tolist(), _dtype(rng))


def _softplus_case(rng: np.random.Generator) -> tuple[Any, ...]:
    return (_with_extremes(rng, [0.0, 90.0, 100.0, 150.0, -90.0, -150.0]),)


def _xlogx_case(rng: np.random.Generator) -> tuple[Any, ...]:
    return (_with_extremes(rng, [0.0, -0.5, -2.0, 1e-3, 1.0]),)


# ---------------------------------------------------------------- typical mistakes


def _full_product(x: float) -> Any:
    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        z = v**2 * v
    return tape.gradient(z, v)


def _recorded(f: Any, g: Any, x: float, y: float) -> Any:
    x, y = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        z = f(x) * g(y)
    return tuple(tape.gradient(z, [x, y]))


def _none_for_unconnected(f: Any, g: Any, x: float, y: float) -> Any:
    x, y = tf.Variable(x), tf.Variable(y)
    with tf.GradientTape() as tape:
        fx = f(x)
        with tape.stop_recording():
            c = g(y)
        z = fx * c
    return tuple(tape.gradient(z, [x, y]))


def _chain(f: Any, g: Any, x: Any, middle: Any) -> Any:
    with tf.GradientTape() as tape:
        tape.watch(x)
        z = g(middle(f(x)))
    return tape.gradient(z, x)


def _clip_value(f: Any, g: Any, x: Any, limit: float) -> Any:
    return _chain(f, g, x, lambda y: tf.clip_by_value(y, -limit, limit))


def _clip_after(f: Any, g: Any, x: Any, limit: float) -> Any:
    return tf.clip_by_value(_chain(f, g, x, tf.identity), -limit, limit)


def _value_and_gradient(formula: Any, x: Any) -> tuple[Any, Any]:
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = formula(x)
    return y, tape.gradient(y, x)


def _naive_softplus(x: Any) -> Any:
    return _value_and_gradient(lambda t: tf.math.log(1.0 + tf.exp(t)), x)


def _single_where(x: Any) -> Any:
    return _value_and_gradient(lambda t: tf.where(t > 0, t * tf.math.log(t), tf.zeros_like(t)), x)


SPEC = ModuleSpec(
    name="ex10_gradient_control",
    title="Controlling gradient flow",
    tasks=(
        Task("stop_gradient_product", 2, public=((3.0,),), checks=_TAPE,
             hidden=lambda rng: (_draw.number(rng, -4.0, 4.0),),
             mistakes=(Mistake("stop-gradient-missing", _full_product),)),
        Task("stop_recording_gradients", 2,
             public=((SQUARE, fn("exp"), 3.0, 0.0), (fn("sin"), CUBE, 0.5, 2.0)),
             hidden=_two_functions, checks=_TAPE,
             mistakes=(Mistake("stop-gradient-missing", _recorded),
                       Mistake("unconnected-gradient", _none_for_unconnected))),
        Task("clipped_chain_gradient", 2,
             public=((SQUARE, CUBE, tensor([-1.5, 0.5, 1.0, 2.0]), 3.0),),
             hidden=_clip_case, checks=_TAPE,
             mistakes=(Mistake("clip-value-not-gradient", _clip_value),
                       Mistake("clip-after-backprop", _clip_after))),
        Task("softplus_and_gradient", 2,
             public=((tensor([-100.0, -1.0, 0.0, 1.0, 100.0]),),),
             hidden=_softplus_case, checks=_TAPE,
             mistakes=(Mistake("nan-gradient", _naive_softplus),)),
        Task("xlogx_and_gradient", 2,
             public=((tensor([-1.0, 0.0, 0.5, 2.0]),),),
             hidden=_xlogx_case, checks=_TAPE,
             mistakes=(Mistake("nan-gradient", _single_where),)),
    ),
)
