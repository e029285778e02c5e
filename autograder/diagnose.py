"""Why did it go wrong? Hint ids from errors and from how the submission used its tapes.

The rules read the plain observations that :mod:`autograder.observe` collected in the child and
the error descriptions from :func:`autograder.harness.describe_error`; they never scrape logs.
"""

from __future__ import annotations

import re
from typing import Any

from autograder.spec import Task

_DTYPE_MIX = re.compile(r"expected to be a \w+ tensor but is a \w+ tensor|"
                        r"must have the same dtype|Tensor conversion requested dtype|"
                        r"Cannot convert .{0,80} to EagerTensor of dtype")
_REBOUND = re.compile(r"EagerTensor' object has no attribute 'assign|"
                      r"`variable .= value` with `tf.Variable`s is not supported")
_NOT_PERSISTENT = "non-persistent GradientTape can only be used"
_NONE_OPERAND = re.compile(r"NoneType")


def hints_for_error(error: dict[str, Any], observations: dict[str, Any] | None,
                    task: Task) -> list[str]:
    """Hint ids for a task call that raised ``error``."""
    kind, message = error.get("type", ""), error.get("message", "")
    if kind == "NotImplementedError":
        return ["not-implemented"]
    if kind == "MissingFunction":
        return ["missing-function"]
    hints = [hint for needle, hint in task.error_hints if needle in message]
    if kind in ("MemoryError", "ResourceExhaustedError"):  # the sandbox's memory limit (or OOM)
        hints.append("memory-limit")
    if _NOT_PERSISTENT in message:
        hints.append("tape-not-persistent")
    if _DTYPE_MIX.search(message):
        hints.append("dtype-mismatch")
    if _REBOUND.search(message):  # `v = v - x` (or `v -= x`) made v a plain tensor
        hints.append("variable-rebound")
    if kind in ("TypeError", "AttributeError", "ValueError") and _NONE_OPERAND.search(message):
        hints.extend(explain_none_gradient(observations or {}))
    if _numpy_target(observations or {}):
        hints.append("gradient-none-numpy")
    return _unique(hints)


def _numpy_target(observations: dict[str, Any]) -> bool:
    """``tape.gradient`` was asked to differentiate a NumPy value (TF then raises)."""
    return any(kind == "numpy" for g in observations.get("gradients", [])
               for kind in g.get("target_kinds", []))


def explain_none_gradient(observations: dict[str, Any]) -> list[str]:
    """The likeliest reasons a gradient came back None, from the tape observations."""
    gradients = observations.get("gradients", [])
    failed = [g for g in gradients if any(g.get("none", []))]
    if not failed:
        return ["gradient-none"] if not gradients else []
    hints: list[str] = []
    for grad in failed:
        hints.extend(_explain_one(grad, gradients, observations))
    return _unique(hints)


def _explain_one(grad: dict[str, Any], gradients: list[dict[str, Any]],
                 observations: dict[str, Any]) -> list[str]:
    hints = []
    for is_none, dtype, watched in zip(grad["none"], grad["source_dtypes"], grad["watched"]):
        if not is_none:
            continue
        if dtype.startswith(("int", "uint", "bool")):
            hints.append("gradient-none-integer")
        elif not watched:
            hints.append("gradient-none-unwatched")
    if hints:
        return hints
    if observations.get("numpy_in_tape"):
        return ["gradient-none-numpy"]
    if _not_nested(grad, gradients):
        return ["tapes-not-nested"]
    return ["gradient-none-outside-tape"]


def _not_nested(grad: dict[str, Any], gradients: list[dict[str, Any]]) -> bool:
    """A None gradient after an earlier gradient that no other tape was recording."""
    earlier = gradients[: gradients.index(grad)]
    return any(g["tape"] != grad["tape"] and g.get("others_recording", 0) == 0 for g in earlier)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
