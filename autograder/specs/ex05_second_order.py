"""Module 5: second and third derivatives with nested tapes."""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.codec import fn, tensor
from autograder.spec import ModuleSpec, Task
from autograder.specs import _draw

_TAPE = ("uses-tape",)


def _at(min_degree: int) -> Any:
    def draw(rng: np.random.Generator) -> tuple[Any, ...]:
        f, x = _draw.function(rng, min_degree), _draw.number(rng, -2.0, 2.0)
        return (f, tensor(x, "float64") if rng.random() < 0.25 else x)

    return draw


CUBE = fn("poly", coeffs=[0, 0, 0, 1])

SPEC = ModuleSpec(
    name="ex05_second_order",
    title="Second-order gradients",
    tasks=(
        Task("cube_second_derivative", 2, public=((3.0,),), checks=_TAPE,
             hidden=lambda rng: (_draw.number(rng, -4.0, 4.0),)),
        Task("second_derivative", 2, public=((CUBE, 3.0), (fn("sin"), 1.0)), hidden=_at(3),
             checks=_TAPE),
        Task("first_and_second_derivative", 2, public=((CUBE, 3.0),), hidden=_at(3),
             checks=_TAPE),
        Task("third_derivative", 2, public=((fn("poly", coeffs=[0, 0, 0, 0, 1]), 1.5),),
             hidden=_at(4), checks=_TAPE),
    ),
)
