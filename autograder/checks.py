"""Special checks that tasks name in ``Task.checks``: rules a value comparison cannot express."""

from __future__ import annotations

from typing import Any

from autograder.spec import CheckOutcome, special_check


@special_check("uses-tape")
def uses_tape(student: dict[str, Any], reference: dict[str, Any]) -> CheckOutcome | None:
    """The derivative must come from ``tape.gradient``, not from a formula worked out by hand."""
    if student.get("observations", {}).get("gradients"):
        return None
    return CheckOutcome("no gradient was computed with a GradientTape", ("no-tape",))


@special_check("one-tape")
def one_tape(student: dict[str, Any], reference: dict[str, Any]) -> CheckOutcome | None:
    """All gradients from a single (persistent) tape."""
    tapes = student.get("observations", {}).get("tapes", [])
    if len(tapes) <= 1:
        return None
    return CheckOutcome(f"{len(tapes)} GradientTapes were created, expected one persistent tape",
                        ("multiple-tapes",))


@special_check("nested-tapes")
def nested_tapes(student: dict[str, Any], reference: dict[str, Any]) -> CheckOutcome | None:
    """A higher derivative needs an inner tape opened inside an outer one."""
    tapes = student.get("observations", {}).get("tapes", [])
    if any(t.get("nested") for t in tapes):
        return None
    return CheckOutcome("the GradientTapes were not nested", ("tapes-not-nested",))


@special_check("no-full-hessian")
def no_full_hessian(student: dict[str, Any], reference: dict[str, Any]) -> CheckOutcome | None:
    """A Hessian-vector product must not build the Hessian with ``tape.jacobian``."""
    jacobians = student.get("observations", {}).get("jacobians", [])
    if not jacobians:
        return None
    return CheckOutcome(f"tape.{jacobians[0].get('kind', 'jacobian')} was called: the Hessian "
                        "was formed", ("hessian-formed",))


@special_check("traces-once")
def traces_once(student: dict[str, Any], reference: dict[str, Any]) -> CheckOutcome | None:
    """The work runs under ``tf.function`` and each function (by source) is traced at most once.

    Counting by source, not by object, also catches a ``tf.function`` re-created in a loop.
    """
    functions = student.get("observations", {}).get("functions", [])
    if not any(f.get("calls") for f in functions):
        return CheckOutcome("no tf.function was called", ("no-tf-function",))
    traces: dict[str, int] = {}
    names: dict[str, str] = {}
    for f in functions:
        traces[f["key"]] = traces.get(f["key"], 0) + int(f.get("traces", 0))
        names[f["key"]] = str(f.get("name", "?"))
    retraced = sorted((n, key) for key, n in traces.items() if n > 1)
    if not retraced:
        return None
    count, key = retraced[-1]
    return CheckOutcome(f"tf.function {names[key]!r} was traced {count} times in one call, "
                        "expected once", ("retracing",))
