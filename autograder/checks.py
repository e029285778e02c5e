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
