"""Random draws shared by the specs' hidden-case generators (all from the per-student rng)."""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.codec import fn


def number(rng: np.random.Generator, low: float = -3.0, high: float = 3.0) -> float:
    """A float with three decimals, away from zero so relative errors stay meaningful."""
    value = round(float(rng.uniform(low, high)), 3)
    return value if abs(value) > 0.25 else value + (0.5 if value >= 0 else -0.5)


def matrix(rng: np.random.Generator, shape: tuple[int, ...], scale: float = 3.0) -> list[Any]:
    """Nested lists of floats rounded to two decimals."""
    return np.round(rng.uniform(-scale, scale, size=shape), 2).tolist()


def int_matrix(rng: np.random.Generator, shape: tuple[int, ...]) -> list[Any]:
    """Nested lists of small integers."""
    return rng.integers(-50, 50, size=shape).tolist()


def shape(rng: np.random.Generator, max_rank: int = 2, max_dim: int = 4) -> tuple[int, ...]:
    """A shape of rank 1..max_rank with dimensions 1..max_dim."""
    rank = int(rng.integers(1, max_rank + 1))
    return tuple(int(d) for d in rng.integers(1, max_dim + 1, size=rank))


def function(rng: np.random.Generator, min_degree: int = 3) -> dict[str, Any]:
    """A smooth catalog function whose first ``min_degree`` derivatives are not identically 0."""
    kind = rng.choice(["poly", "sin", "exp", "tanh", "x_sin"])
    if kind == "poly":
        degree = int(rng.integers(min_degree, min_degree + 2))
        coeffs = np.round(rng.uniform(-2, 2, size=degree + 1), 1)
        coeffs[-1] = coeffs[-1] if abs(coeffs[-1]) >= 0.5 else 1.0
        return fn("poly", coeffs=coeffs.tolist())
    if kind == "x_sin":
        return fn("x_sin", a=round(float(rng.uniform(0.5, 2.0)), 2))
    a = round(float(rng.uniform(0.5, 2.0)), 2) * (1 if rng.random() < 0.5 else -1)
    b = round(float(rng.uniform(0.3, 1.2)), 2)
    return fn(str(kind), a=a, b=b)


def cubic(rng: np.random.Generator) -> dict[str, Any]:
    """A random cubic polynomial, coefficients with one decimal."""
    coeffs = np.round(rng.uniform(-2, 2, size=4), 1)
    coeffs[3] = coeffs[3] if abs(coeffs[3]) >= 0.5 else 1.5
    return fn("poly", coeffs=coeffs.tolist())
