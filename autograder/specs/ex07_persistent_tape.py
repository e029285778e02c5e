"""Module 7: persistent tapes and the chain rule."""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.codec import fn
from autograder.spec import ModuleSpec, Task
from autograder.specs import _draw

_ONE_TAPE = ("uses-tape", "one-tape")


def _composite(rng: np.random.Generator) -> tuple[Any, ...]:
    return _draw.function(rng, 1), _draw.function(rng, 1), _draw.number(rng, -1.5, 1.5)


def _several(rng: np.random.Generator) -> tuple[Any, ...]:
    count = int(rng.integers(2, 5))
    return [_draw.function(rng, 1) for _ in range(count)], _draw.number(rng, -1.5, 1.5)


SPEC = ModuleSpec(
    name="ex07_persistent_tape",
    title="Persistent tapes and the chain rule",
    tasks=(
        Task("chain_rule_gradients", 2, public=((3.0,),), checks=_ONE_TAPE,
             hidden=lambda rng: (_draw.number(rng, -3.0, 3.0),)),
        Task("composite_gradients", 2,
             public=((fn("poly", coeffs=[0, 0, 0, 1]), fn("poly", coeffs=[0, 2]), 3.0),),
             hidden=_composite, checks=_ONE_TAPE),
        Task("gradients_from_one_tape", 2,
             public=(([fn("sin"), fn("exp"), fn("poly", coeffs=[0, 0, 1])], 1.0),),
             hidden=_several, checks=_ONE_TAPE),
    ),
)
