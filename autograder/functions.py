"""The catalog of differentiable functions that tasks receive as arguments (``f``, ``g``, ``fs``).

A callable cannot cross a process boundary as data, so an input names a catalog entry and its
parameters (``{"$": "function", "name": "poly", "params": {"coeffs": [1, 0, 2]}}``) and both the
grader and the sandboxed child build the same closure from this trusted module. Every entry works
on scalars and element-wise on vectors, in the dtype of its argument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    """A named family of functions: ``make(params)`` builds one, ``label(params)`` names it."""

    make: Callable[[dict[str, Any]], Callable[..., Any]]
    label: Callable[[dict[str, Any]], str]
    arity: int = 1


def _tf() -> Any:
    import tensorflow as tf

    return tf


def _poly(p: dict[str, Any]) -> Callable[[Any], Any]:
    coeffs = [float(c) for c in p["coeffs"]]

    def f(x: Any) -> Any:
        # Powers by repeated products: the gradient of x**1 is x**0, whose own gradient is
        # 0 * x**-1 = NaN at x = 0; products differentiate cleanly to any order.
        total = coeffs[0] + 0.0 * x  # keeps x's dtype and shape even for a constant polynomial
        term = None
        for c in coeffs[1:]:
            term = x if term is None else term * x
            if c:
                total = total + c * term
        return total

    return f


def _poly_label(p: dict[str, Any]) -> str:
    terms = []
    for power, c in reversed(list(enumerate(p["coeffs"]))):
        if c:
            var = "" if power == 0 else ("x" if power == 1 else f"x**{power}")
            coef = "" if (c == 1 and var) else f"{c:g}" + ("*" if var else "")
            terms.append(f"{coef}{var}")
    return "f(x) = " + (" + ".join(terms) if terms else "0")


def _unary(op: str) -> Callable[[dict[str, Any]], Callable[[Any], Any]]:
    def make(p: dict[str, Any]) -> Callable[[Any], Any]:
        a, b = float(p.get("a", 1.0)), float(p.get("b", 1.0))

        def f(x: Any) -> Any:
            return a * getattr(_tf().math, op)(b * x)

        return f

    return make


def _unary_label(op: str) -> Callable[[dict[str, Any]], str]:
    return lambda p: f"f(x) = {p.get('a', 1.0):g}*{op}({p.get('b', 1.0):g}*x)"


def _x_sin(p: dict[str, Any]) -> Callable[[Any], Any]:
    a = float(p.get("a", 1.0))
    return lambda x: x * _tf().math.sin(a * x)


def _constant(p: dict[str, Any]) -> Callable[[Any], Any]:
    value = float(p["value"])
    return lambda x: _tf().constant(value, dtype=x.dtype)


def _two_var(p: dict[str, Any]) -> Callable[[Any, Any], Any]:
    a, b, c = float(p["a"]), float(p["b"]), float(p["c"])
    return lambda x, y: a * x * x * y + b * y**3 + c * _tf().math.sin(x)


def _product(p: dict[str, Any]) -> Callable[[Any, Any], Any]:
    a, b = float(p["a"]), float(p["b"])
    return lambda x0, x1: a * x0 * x1 + b * x1 * x1


def _two_var_label(p: dict[str, Any]) -> str:
    return f"f(x, y) = {p['a']:g}*x**2*y + {p['b']:g}*y**3 + {p['c']:g}*sin(x)"


# Vector-valued and vector-input entries (Module 9): they act on the LAST axis of x, so a
# batch of rows (k, n) maps row by row, and matrices are cast to x's dtype.


def _matrix(p: dict[str, Any], key: str, x: Any) -> Any:
    return _tf().constant(p[key], dtype=x.dtype)


def _tanh_layer(p: dict[str, Any]) -> Callable[[Any], Any]:
    a = float(p.get("a", 1.0))
    return lambda x: a * _tf().tanh(_tf().linalg.matvec(_matrix(p, "W", x), x))


def _shape_label(p: dict[str, Any], key: str) -> str:
    rows = p[key]
    return f"{key} = {rows}" if len(rows) * len(rows[0]) <= 9 else (
        f"{key} of shape {len(rows)}x{len(rows[0])}")


def _rosenbrock(p: dict[str, Any]) -> Callable[[Any], Any]:
    a, b = float(p.get("a", 1.0)), float(p.get("b", 100.0))

    def f(x: Any) -> Any:
        head, tail = x[..., :-1], x[..., 1:]
        return _tf().reduce_sum(b * (tail - head * head) ** 2 + (a - head) ** 2, axis=-1)

    return f


def _quadratic(p: dict[str, Any]) -> Callable[[Any], Any]:
    def f(x: Any) -> Any:
        tf = _tf()
        ax = tf.linalg.matvec(_matrix(p, "A", x), x)
        c = tf.constant(p["c"], dtype=x.dtype)
        return tf.reduce_sum(0.5 * x * ax + c * x, axis=-1)

    return f


def _logsumexp(p: dict[str, Any]) -> Callable[[Any], Any]:
    return lambda x: _tf().reduce_logsumexp(_tf().linalg.matvec(_matrix(p, "W", x), x), axis=-1)


CATALOG: dict[str, Entry] = {
    "poly": Entry(_poly, _poly_label),
    "sin": Entry(_unary("sin"), _unary_label("sin")),
    "cos": Entry(_unary("cos"), _unary_label("cos")),
    "exp": Entry(_unary("exp"), _unary_label("exp")),
    "tanh": Entry(_unary("tanh"), _unary_label("tanh")),
    "sigmoid": Entry(_unary("sigmoid"), _unary_label("sigmoid")),
    "x_sin": Entry(_x_sin, lambda p: f"f(x) = x*sin({p.get('a', 1.0):g}*x)"),
    "constant": Entry(_constant, lambda p: f"f(x) = {p['value']:g} (does not depend on x)"),
    "two_var": Entry(_two_var, _two_var_label, arity=2),
    "product": Entry(
        _product, lambda p: f"f(x0, x1) = {p['a']:g}*x0*x1 + {p['b']:g}*x1**2", arity=2
    ),
    "tanh_layer": Entry(
        _tanh_layer, lambda p: f"f(x) = {p.get('a', 1.0):g}*tanh(W @ x), {_shape_label(p, 'W')}"
    ),
    "rosenbrock": Entry(
        _rosenbrock,
        lambda p: f"f(x) = sum({p.get('b', 100.0):g}*(x[i+1] - x[i]**2)**2 + "
                  f"({p.get('a', 1.0):g} - x[i])**2)",
    ),
    "quadratic": Entry(
        _quadratic, lambda p: f"f(x) = 0.5 * x·(A @ x) + c·x, {_shape_label(p, 'A')}, c = {p['c']}"
    ),
    "logsumexp": Entry(_logsumexp, lambda p: f"f(x) = logsumexp(W @ x), {_shape_label(p, 'W')}"),
}


def get(name: str) -> Entry:
    """The catalog entry called ``name``; KeyError names the known entries."""
    try:
        return CATALOG[name]
    except KeyError:
        raise KeyError(f"unknown function {name!r}; known: {', '.join(sorted(CATALOG))}") from None


def build(name: str, params: dict[str, Any]) -> Callable[..., Any]:
    """Build the callable for a catalog entry."""
    return get(name).make(params)


def label(name: str, params: dict[str, Any]) -> str:
    """A human-readable formula for feedback on public cases."""
    return get(name).label(params)
