"""Reading the linear-regression task's public cases (``artifacts``) for the plots.

An artifact is ``{"call", "args", "reference", "student"}``: ``args[0]`` and ``args[1]`` are the
data ``x`` and ``y`` as tensor encodings, and each output description is train's result
``(weight, bias, losses)``. The student's may use tensors instead of Python floats, so every
number goes through :func:`autograder.codec.scalar_value`. Anything unexpected yields no plot,
not an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.codec import scalar_value

MAX_POINTS = 100_000


@dataclass(frozen=True)
class Fit:
    """One run of train: the fitted line and the loss at each step."""

    weight: float
    bias: float
    losses: tuple[float, ...]


@dataclass(frozen=True)
class RegressionCase:
    """A public case: its data, the reference's fit and the student's (None if it failed)."""

    title: str
    x: np.ndarray
    y: np.ndarray
    reference: Fit
    student: Fit | None


def regression_cases(artifacts: list[dict[str, Any]]) -> list[RegressionCase]:
    """The plottable public cases among a task's ``artifacts`` (hidden ones are never read)."""
    cases: list[RegressionCase] = []
    for artifact in artifacts:
        if not isinstance(artifact, dict) or artifact.get("hidden", False):
            continue
        case = _case(artifact, len(cases) + 1)
        if case is not None:
            cases.append(case)
    return cases


def _case(artifact: dict[str, Any], number: int) -> RegressionCase | None:
    args = artifact.get("args")
    if not isinstance(args, list) or len(args) < 2:
        return None
    x, y = _array(args[0]), _array(args[1])
    reference = parse_fit(artifact.get("reference"))
    if x is None or y is None or x.shape != y.shape or not x.size or reference is None:
        return None
    return RegressionCase(_title(artifact, number), x, y, reference,
                          parse_fit(artifact.get("student")))


def _title(artifact: dict[str, Any], number: int) -> str:
    """``public case 1: train(x, y, 0.01, 100)``: the data by name, other arguments by value."""
    function = str(artifact.get("call", "train")).split("(", 1)[0][:40]
    rest = [repr(a) for a in artifact["args"][2:] if isinstance(a, (int, float, str, bool))]
    return f"public case {number}: {function}({', '.join(['x', 'y', *rest])})"


def _array(encoding: Any) -> np.ndarray | None:
    if not isinstance(encoding, dict) or not isinstance(encoding.get("data"), list):
        return None
    if len(encoding["data"]) > MAX_POINTS:
        return None
    try:
        values = np.asarray(encoding["data"], dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    return values if np.isfinite(values).all() else None


def parse_fit(description: Any) -> Fit | None:
    """``(weight, bias, losses)`` from an output description, or None if it is not one."""
    if not isinstance(description, dict) or description.get("kind") not in ("tuple", "list"):
        return None
    items = description.get("items") or []
    if len(items) < 3 or not all(isinstance(item, dict) for item in items[:3]):
        return None
    weight, bias = scalar_value(items[0]), scalar_value(items[1])
    if weight is None or bias is None:
        return None
    return Fit(weight, bias, _losses(items[2]))


def _losses(description: dict[str, Any]) -> tuple[float, ...]:
    if description.get("kind") in ("list", "tuple"):
        items = description.get("items") or []
        values = [scalar_value(item) if isinstance(item, dict) else None for item in items]
        return tuple(math.nan if v is None else v for v in values)[:MAX_POINTS]
    data = description.get("data")
    if isinstance(data, list) and len(data) <= MAX_POINTS:
        try:
            return tuple(float(v) for v in np.asarray(data, dtype=float).ravel())
        except (TypeError, ValueError):
            return ()
    return ()
