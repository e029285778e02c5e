"""Tensor-aware comparison of a student's output description with the reference's.

Checks run in the order defined → type → shape → dtype → value, and stop at the first mismatch,
whose message has one shape: ``'result[1]' has wrong dtype: got int32, expected float32``.
Tolerances come from the dtype (float32 is not compared at float64's precision). A message never
contains an expected *value*; values appear only in ``detail``, which feedback shows for public
cases alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from autograder import codec

ARRAY_KINDS = {"tensor", "variable", "ndarray", "numpy-scalar"}
NUMERIC_KINDS = ARRAY_KINDS | {"python"}
SEQUENCE_KINDS = {"list", "tuple"}
KIND_NAMES = {
    "tensor": "a tf.Tensor", "variable": "a tf.Variable", "ndarray": "a NumPy array",
    "numpy-scalar": "a NumPy scalar", "python": "a Python value", "none": "None",
    "list": "a list", "tuple": "a tuple", "dict": "a dict", "object": "an object",
}

# (rtol, atol) per dtype; float32 sums of a few products differ by a few ulps between orders.
TOLERANCES: dict[str, tuple[float, float]] = {
    "float16": (5e-3, 1e-3),
    "bfloat16": (2e-2, 1e-2),
    "float32": (1e-4, 1e-5),
    "float64": (1e-7, 1e-10),
    "complex64": (1e-4, 1e-5),
    "complex128": (1e-7, 1e-10),
}


@dataclass(frozen=True)
class Mismatch:
    """The first difference found: which stage, a safe message, hints, and a values-only detail."""

    stage: str
    message: str
    hints: tuple[str, ...] = ()
    detail: str = ""
    rel_error: float | None = None


@dataclass(frozen=True)
class Options:
    """How strictly to compare, from the task's spec."""

    numeric_any_kind: bool = False
    float_dtype: str | None = None
    rtol_scale: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict)


def tolerance(dtype: str, options: Options) -> tuple[float, float]:
    """(rtol, atol) for comparing values of ``dtype``; integers and bools compare exactly."""
    rtol, atol = TOLERANCES.get(dtype, (0.0, 0.0))
    return rtol * options.rtol_scale, atol * options.rtol_scale


def compare(expected: dict[str, Any], actual: dict[str, Any], options: Options,
            path: str = "result") -> Mismatch | None:
    """The first mismatch between two output descriptions, or None when they agree."""
    exp_kind, act_kind = expected["kind"], actual.get("kind")
    if exp_kind != "none" and act_kind == "none":
        return Mismatch("defined", f"'{path}' is None, expected {KIND_NAMES[exp_kind]}",
                        ("gradient-none",))
    if exp_kind in SEQUENCE_KINDS and act_kind in SEQUENCE_KINDS:
        return _compare_sequences(expected, actual, options, path)
    if exp_kind == "dict" and act_kind == "dict":
        return _compare_dicts(expected, actual, options, path)
    if exp_kind != act_kind and not _kinds_compatible(exp_kind, act_kind, options):
        return _kind_mismatch(expected, actual, path)
    if exp_kind == "none":
        return None
    if exp_kind in NUMERIC_KINDS:
        return _compare_numeric(expected, actual, options, path)
    if exp_kind == "object":
        return None if expected.get("type") == actual.get("type") else Mismatch(
            "type", f"'{path}' has wrong type: got {actual.get('type')}, "
            f"expected {expected.get('type')}", ("wrong-type",))
    return None


def _kinds_compatible(exp_kind: str, act_kind: str | None, options: Options) -> bool:
    return options.numeric_any_kind and exp_kind in NUMERIC_KINDS and act_kind in NUMERIC_KINDS


def _kind_mismatch(expected: dict[str, Any], actual: dict[str, Any], path: str) -> Mismatch:
    exp_kind, act_kind = expected["kind"], actual.get("kind", "object")
    got = KIND_NAMES.get(act_kind, "an object")
    if act_kind == "object":
        got = f"an object of type {actual.get('type')}"
    message = f"'{path}' has wrong type: got {got}, expected {KIND_NAMES[exp_kind]}"
    if exp_kind == "variable" and expected.get("arg") is not None:
        hints: tuple[str, ...] = ("variable-rebound",)
    elif exp_kind in ("tensor", "variable"):
        hints = ("not-a-tensor",)
    else:
        hints = ("wrong-type",)
    return Mismatch("type", message, hints)


def _compare_sequences(expected: dict[str, Any], actual: dict[str, Any], options: Options,
                       path: str) -> Mismatch | None:
    exp_items, act_items = expected["items"], actual["items"]
    if expected.get("length", len(exp_items)) != actual.get("length", len(act_items)):
        return Mismatch("shape", f"'{path}' has wrong length: got {actual.get('length')}, "
                        f"expected {expected.get('length')}", ("wrong-shape",))
    # A wrong structure (a missing item, a None, a wrong length, type or dtype) explains more
    # than a wrong value beside it: train's 99 losses for 100 epochs also leave the weight a
    # little off, and "'result[2]' has wrong length" is the message the student can act on.
    first_value: Mismatch | None = None
    for i, (exp, act) in enumerate(zip(exp_items, act_items)):
        found = compare(exp, act, options, f"{path}[{i}]")
        if found and found.stage != "value":
            return found
        first_value = first_value or found
    return first_value


def _compare_dicts(expected: dict[str, Any], actual: dict[str, Any], options: Options,
                   path: str) -> Mismatch | None:
    exp_keys, act_keys = set(expected["items"]), set(actual["items"])
    if exp_keys != act_keys:
        missing = ", ".join(sorted(exp_keys - act_keys)) or "none"
        extra = ", ".join(sorted(act_keys - exp_keys)) or "none"
        return Mismatch("type", f"'{path}' has wrong keys: missing {missing}; unexpected {extra}",
                        ("wrong-type",))
    for key in sorted(exp_keys):
        found = compare(expected["items"][key], actual["items"][key], options, f"{path}[{key!r}]")
        if found:
            return found
    return None


def _shape(desc: dict[str, Any]) -> tuple[int, ...]:
    return tuple(desc.get("shape", ()))


def _dtype(desc: dict[str, Any], options: Options) -> str:
    if desc["kind"] == "python":
        return {"float": options.float_dtype or "float64", "int": "int64", "bool": "bool"}.get(
            desc["type"], "object")
    return str(desc["dtype"])


def _values(desc: dict[str, Any]) -> np.ndarray:
    if desc["kind"] == "python":
        return np.asarray(desc["value"])
    return codec.as_array(desc)


def _compare_numeric(expected: dict[str, Any], actual: dict[str, Any], options: Options,
                     path: str) -> Mismatch | None:
    if actual.get("too_large"):
        return Mismatch("shape", f"'{path}' is too large to compare (shape {_shape(actual)})",
                        ("output-too-large",))
    loose = options.numeric_any_kind
    if _shape(expected) != _shape(actual) and not (loose and _size(expected) == _size(actual)):
        hints = ("wrong-shape", "broadcast-shape") if _looks_broadcast(expected, actual) else (
            "wrong-shape",)
        return Mismatch("shape", f"'{path}' has wrong shape: got {_shape(actual)}, expected "
                        f"{_shape(expected)}", hints)
    exp_dtype, act_dtype = _dtype(expected, options), _dtype(actual, options)
    if exp_dtype != act_dtype and not loose:
        return Mismatch("dtype", f"'{path}' has wrong dtype: got {act_dtype}, expected "
                        f"{exp_dtype}", ("wrong-dtype",))
    found = _compare_values(expected, actual, options, path, exp_dtype)
    if found:
        return found
    return _compare_variable(expected, actual, path)


def _size(desc: dict[str, Any]) -> int:
    return int(np.prod(_shape(desc), dtype=np.int64))


def _looks_broadcast(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    """More elements than expected: (n, 1) - (n,) grew into (n, n)."""
    return len(_shape(actual)) >= len(_shape(expected)) and _size(actual) > _size(expected) > 0


def _compare_values(expected: dict[str, Any], actual: dict[str, Any], options: Options,
                    path: str, dtype: str) -> Mismatch | None:
    try:
        exp = _values(expected).astype(float).reshape(-1)
        act = _values(actual).astype(float).reshape(-1)
    except (TypeError, ValueError, OverflowError):  # e.g. a Python int beyond float range
        exp, act = _values(expected).reshape(-1), _values(actual).reshape(-1)
        if np.array_equal(exp, act):
            return None
        return Mismatch("value", f"'{path}' has wrong values", ("wrong-value",))
    rtol, atol = tolerance(dtype, options)
    if np.allclose(act, exp, rtol=rtol, atol=atol, equal_nan=True):
        return None
    if np.any(~np.isfinite(act) & np.isfinite(exp)):
        return Mismatch("value", f"'{path}' contains NaN or infinity", ("nan-output",),
                        _detail(exp, act))
    finite = np.isfinite(act) & np.isfinite(exp)
    diff, scale = np.abs(act[finite] - exp[finite]), np.abs(exp[finite])
    if not np.any(diff > atol + rtol * scale):  # differs only where exp is not finite
        return Mismatch("value", f"'{path}' has wrong values where the expected value is NaN or "
                        "infinity", ("wrong-value",), _detail(exp, act))
    rel = float(np.max(diff) / max(float(np.max(scale)), 1e-12))
    return Mismatch("value", f"'{path}' has wrong value (relative error {rel:.2g}, tolerance "
                    f"{rtol:.0e})", ("wrong-value",), _detail(exp, act), rel)


def _detail(exp: np.ndarray, act: np.ndarray) -> str:
    def show(a: np.ndarray) -> str:
        text = np.array2string(a if a.size > 1 else a.reshape(()), precision=6, threshold=8)
        return text

    return f"got {show(act)}, expected {show(exp)}"


def _compare_variable(expected: dict[str, Any], actual: dict[str, Any],
                      path: str) -> Mismatch | None:
    if expected["kind"] != "variable" or actual.get("kind") != "variable":
        return None
    if expected.get("trainable") != actual.get("trainable"):
        return Mismatch("value", f"'{path}' has trainable={actual.get('trainable')}, expected "
                        f"trainable={expected.get('trainable')}", ("not-trainable",))
    if expected.get("arg") is not None and actual.get("arg") != expected.get("arg"):
        return Mismatch("value", f"'{path}' is a new Variable, expected the Variable passed as "
                        f"argument {expected['arg'] + 1}", ("variable-rebound",))
    return None
