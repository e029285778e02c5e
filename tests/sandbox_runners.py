"""Fake runners for the sandbox tests: they honour the runner contract of
:mod:`autograder.sandbox` without the real harness.

``run_job`` executes ``job["source"]`` as the student's module, then calls each call's ``task``
with its ``args`` and emits the returned value (tensors and arrays as lists).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

Emit = Callable[[dict[str, Any]], None]


def prepare_worker() -> None:
    """Import TensorFlow before the fork, and nothing more: the tests check that the child can
    still use GradientTape, tf.Variable and tf.function without the harness's warm-up."""
    import tensorflow  # noqa: F401


def run_job(job: dict[str, Any], emit: Emit) -> None:
    """Load ``job["source"]`` and emit one message per call."""
    namespace: dict[str, Any] = {"__name__": job["module"]}
    try:
        exec(compile(job["source"], f"<{job['module']}>", "exec"), namespace)
    except BaseException as exc:  # the student's SystemExit too
        emit({"event": "load-error", "error": _describe(exc)})
        return
    emit({"event": "loaded"})
    for call in job["calls"]:
        try:
            value = namespace[call["task"]](*call.get("args", []))
            message = {"event": "call", "index": call["index"], "ok": True,
                       "value": _plain(value)}
        except BaseException as exc:
            message = {"event": "call", "index": call["index"], "ok": False,
                       "error": _describe(exc)}
        emit(message)


def _describe(exc: BaseException) -> dict[str, str]:
    return {"type": type(exc).__name__, "message": str(exc)[:500]}


def _plain(value: Any) -> Any:
    if hasattr(value, "numpy"):
        value = value.numpy()
    if isinstance(value, np.ndarray | np.generic):
        return value.tolist()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def run_nothing(job: dict[str, Any], emit: Emit) -> None:
    """Emits ``loaded`` and one empty message per call: the sandbox's own overhead."""
    emit({"event": "loaded"})
    for call in job["calls"]:
        emit({"event": "call", "index": call["index"]})
