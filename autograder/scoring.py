"""Judging each case of a task and turning the cases into a task's score and diagnosis.

Everything here runs in the trusted grader on plain data: the reference's call record, the
student's call record as it came back from the sandbox, and mistake records computed on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from autograder import codec
from autograder.compare import Mismatch, Options, compare
from autograder.diagnose import explain_none_gradient, hints_for_error
from autograder.result import CaseResult, TaskResult
from autograder.spec import Task, get_check

MAX_FEEDBACK_LINES = 3


@dataclass(frozen=True)
class PlannedCase:
    """One call to make: which task, on which encoded inputs, with which seed."""

    task: Task
    index: int
    number: int  # 1-based within the task's public or hidden cases
    args: list[Any]
    seed: int
    hidden: bool

    @property
    def name(self) -> str:
        """How feedback refers to the case without revealing hidden inputs."""
        if self.hidden:
            return f"hidden case {self.number}"
        return f"{self.task.name}({', '.join(codec.label_input(a) for a in self.args)})"


Alternatives = Callable[[PlannedCase], list[tuple[str, dict[str, Any]]]]


def options_for(task: Task) -> Options:
    """Comparison options from a task's spec."""
    return Options(numeric_any_kind=task.numeric_any_kind, float_dtype=task.float_dtype,
                   rtol_scale=task.rtol_scale)


def judge_case(case: PlannedCase, expected: dict[str, Any], student: dict[str, Any] | None,
               alternatives: Alternatives) -> CaseResult:
    """Decide one case; malformed records from the sandbox count against the student."""
    try:
        return _judge(case, expected, student or {"status": "crashed", "detail": "not run"},
                      alternatives)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, ArithmeticError,
            RecursionError) as exc:
        return _result(case, "error", f"the result could not be read ({type(exc).__name__})",
                       ("crashed",))


def _result(case: PlannedCase, status: str, reason: str, hints: tuple[str, ...] = (),
            rel_error: float | None = None, detail: str = "", stage: str = "") -> CaseResult:
    label = "" if case.hidden else case.name
    message = f"{case.name}: {reason}" if reason else ""
    if detail and not case.hidden:
        message += f" ({detail})"
    return CaseResult(hidden=case.hidden, passed=status == "passed", status=status,
                      message=message, hints=hints, label=label, rel_error=rel_error,
                      reason=reason, stage=stage)


def _judge(case: PlannedCase, expected: dict[str, Any], student: dict[str, Any],
           alternatives: Alternatives) -> CaseResult:
    status = student.get("status")
    if status == "timeout":
        skipped = " (not run: an earlier case of this task timed out)" if student.get(
            "skipped") else ""
        return _result(case, "timeout", f"ran past the time limit{skipped}", ("timeout",))
    if status == "crashed" or "ok" not in student:
        return _result(case, "error", f"the process died ({student.get('detail', 'no result')})",
                       ("crashed",))
    if not student["ok"]:
        error = student["error"]
        error_hints = hints_for_error(error, student.get("observations"), case.task)
        text = _one_line(str(error["message"]))
        return _result(case, "error", f"raised {error['type']}" + (f": {text}" if text else ""),
                       tuple(error_hints))
    mismatch = find_mismatch(case.task, expected, student)
    if mismatch is None:
        return _result(case, "passed", "")
    hints = _diagnose(case, mismatch, student, alternatives)
    return _result(case, "failed", mismatch.message, hints, mismatch.rel_error, mismatch.detail,
                   mismatch.stage)


def find_mismatch(task: Task, expected: dict[str, Any], student: dict[str, Any]) -> Mismatch | None:
    """Output, then in-place effects, then the task's special checks."""
    options = options_for(task)
    found = compare(expected["output"], student["output"], options)
    if found is None and task.compare_args_after:
        found = _compare_after(expected, student, options)
    if found is None:
        for name in task.checks:
            outcome = get_check(name)(student, expected)
            if outcome is not None and not outcome.passed:
                return Mismatch("check", outcome.message, outcome.hints)
    return found


def _compare_after(expected: dict[str, Any], student: dict[str, Any],
                   options: Options) -> Mismatch | None:
    for i, exp in enumerate(expected["args_after"]):
        if exp is None:
            continue
        found = compare(exp, student["args_after"][i], options, f"argument {i + 1} after the call")
        if found:
            return Mismatch("in-place", found.message, ("not-in-place",), found.detail)
    return None


def _diagnose(case: PlannedCase, mismatch: Mismatch, student: dict[str, Any],
              alternatives: Alternatives) -> tuple[str, ...]:
    hints = list(mismatch.hints)
    hints += [hint for text, hint in case.task.mismatch_hints if text in mismatch.message]
    if "gradient-none" in hints:
        specific = explain_none_gradient(student.get("observations", {}))
        if specific:
            hints = [h for h in hints if h != "gradient-none"] + specific
    plain = _no_checks(case.task)
    matched = [hint for hint, record in alternatives(case)
               if record.get("ok") and find_mismatch(plain, record, student) is None]
    if matched:  # a recognised mistake explains better than a guess (None gradient, in place)
        hints = [h for h in hints if not h.startswith("gradient-none") and h != "not-in-place"]
        hints += matched
    return tuple(dict.fromkeys(hints))


def _no_checks(task: Task) -> Task:
    from dataclasses import replace

    return replace(task, checks=()) if task.checks else task


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 300 else line[:297] + "..."


def score_task(task: Task, cases: list[CaseResult], traceback: str = "") -> TaskResult:
    """A task's points are shared equally by its cases."""
    passed = sum(c.passed for c in cases)
    score = task.points * passed / len(cases) if cases else 0.0
    statuses = {c.status for c in cases}
    status = next((s for s in ("timeout", "error", "failed") if s in statuses), "passed")
    hints = list(dict.fromkeys(h for c in cases for h in c.hints))
    # The public values were right (a process check such as uses-tape may still have failed).
    public_ok = all(c.passed or c.stage == "check" for c in cases if not c.hidden)
    if public_ok and any(not c.passed and {"wrong-value", "wrong-shape"} & set(c.hints)
                         for c in cases if c.hidden):
        hints.append("hard-coded")
    failing = [c.message for c in cases if not c.passed]
    reasons = {c.reason for c in cases if not c.passed}
    if len(failing) == len(cases) > 1 and len(reasons) == 1:
        feedback = f"all {len(cases)} cases: {reasons.pop()}"
    elif failing:
        more = len(failing) - MAX_FEEDBACK_LINES
        feedback = "\n".join(failing[:MAX_FEEDBACK_LINES])
        feedback += f"\n… and {more} more failing case(s)" if more > 0 else ""
    else:
        hidden = sum(c.hidden for c in cases)
        feedback = f"all {len(cases)} cases passed ({hidden} hidden)"
    return TaskResult(task=task.name, status=status, score=score, max_score=task.points,
                      feedback=feedback, hints=tuple(hints), cases=tuple(cases),
                      traceback=traceback)
