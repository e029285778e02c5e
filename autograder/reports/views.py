"""What a student may read about their result, as plain data for the templates.

The views copy only the fields that are meant for students, by name: a field added to results
later (or an expected value that should never have been there) does not reach a report unless a
view picks it. Hidden cases show their number, status and message, never a call or a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from autograder.reports.common import Result, clean, hint_text, percent, trim_traceback

STATUS_LABEL = {"graded": "graded", "not_gradable": "not gradable", "missing": "missing",
                "passed": "passed", "failed": "failed", "error": "error", "timeout": "timeout"}
# Public messages end with "(got ..., expected ...)"; a hidden one never should. Belt and braces.
_EXPECTED = re.compile(r"\s*\(got .*?, expected .*?\)", re.DOTALL)
MAX_CASES = 20


@dataclass(frozen=True)
class CaseView:
    """One case: the call for public ones, ``hidden case N`` for the others."""

    hidden: bool
    status: str
    passed: bool
    title: str
    message: str


@dataclass(frozen=True)
class TaskView:
    """One task as the student reads it."""

    module: str
    name: str
    status: str
    score: float
    max_score: float
    feedback: str
    hints: tuple[tuple[str, str], ...]
    traceback: str
    public: tuple[CaseView, ...]
    hidden_failures: tuple[CaseView, ...]
    hidden_passed: int
    hidden_total: int
    plot: str = ""  # a data URI (HTML) or a file name (Markdown), set by the writer

    @property
    def key(self) -> str:
        """``module.task``, the name CSV, Gradescope and JUnit use."""
        return f"{self.module}.{self.name}"


@dataclass(frozen=True)
class ModuleView:
    """One module: its status, points, message and tasks."""

    name: str
    status: str
    score: float
    max_score: float
    message: str
    tasks: tuple[TaskView, ...]

    @property
    def status_label(self) -> str:
        """``not gradable`` rather than ``not_gradable``."""
        return STATUS_LABEL.get(self.status, self.status)

    @property
    def load_hints(self) -> tuple[tuple[str, str], ...]:
        """Hints of a module that could not be graded (all its tasks share them)."""
        return self.tasks[0].hints if self.status != "graded" and self.tasks else ()


@dataclass(frozen=True)
class StudentView:
    """Everything a student's feedback shows."""

    student: str
    score: float
    max_score: float
    modules: tuple[ModuleView, ...]
    internal_errors: tuple[str, ...] = field(default=())

    @property
    def percent(self) -> float:
        """Score as a percentage."""
        return percent(self.score, self.max_score)


def student_view(result: Result) -> StudentView:
    """The view of one student's result."""
    modules = tuple(module_view(e) for e in result.get("exercises", []))
    errors = tuple(clean(e) for e in result.get("internal_errors", []))
    return StudentView(clean(result.get("student", "")), float(result.get("score", 0.0)),
                       float(result.get("max_score", 0.0)), modules, errors)


def module_view(exercise: dict[str, Any]) -> ModuleView:
    """The view of one module (``exercise`` object of the results)."""
    name = clean(exercise.get("exercise", ""))
    tasks = tuple(task_view(name, t) for t in exercise.get("tasks", []))
    return ModuleView(name, str(exercise.get("status", "")), float(exercise.get("score", 0.0)),
                      float(exercise.get("max_score", 0.0)), clean(exercise.get("message", "")),
                      tasks)


def task_view(module: str, task: dict[str, Any]) -> TaskView:
    """The view of one task (``task`` object of the results)."""
    cases = [c for c in task.get("cases", []) if isinstance(c, dict)]
    public = [_case(c) for c in cases if not c.get("hidden", True)]
    hidden = [c for c in cases if c.get("hidden", True)]
    failures = [_case(c) for c in hidden if not c.get("passed")]
    return TaskView(
        module=module, name=clean(task.get("task", "")), status=str(task.get("status", "")),
        score=float(task.get("score", 0.0)), max_score=float(task.get("max_score", 0.0)),
        feedback=_scrub(clean(task.get("feedback", ""))),
        hints=tuple((clean(h), hint_text(h)) for h in dict.fromkeys(task.get("hints", []))),
        traceback=trim_traceback(task.get("traceback", "")),
        public=tuple(public[:MAX_CASES]), hidden_failures=tuple(failures[:MAX_CASES]),
        hidden_passed=sum(bool(c.get("passed")) for c in hidden), hidden_total=len(hidden))


def _scrub(feedback: str) -> str:
    lines = feedback.splitlines()
    return "\n".join(_EXPECTED.sub("", line) if line.startswith("hidden case") else line
                     for line in lines)


def _case(case: dict[str, Any]) -> CaseView:
    hidden = bool(case.get("hidden", True))
    message = clean(case.get("message", ""))
    if hidden:
        return CaseView(True, str(case.get("status", "")), bool(case.get("passed")),
                        message.split(":", 1)[0] if message else "hidden case",
                        _EXPECTED.sub("", message))
    call = clean(case.get("call", ""))
    if call and message.startswith(call + ": "):
        message = message[len(call) + 2:]
    return CaseView(False, str(case.get("status", "")), bool(case.get("passed")), call, message)
