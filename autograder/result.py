"""Grading results and their JSON form (the contract of ``gradetape grade --json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TASK_STATUSES = ("passed", "failed", "error", "timeout")
EXERCISE_STATUSES = ("graded", "not_gradable", "missing")


@dataclass(frozen=True)
class CaseResult:
    """One call of one task on one input."""

    hidden: bool
    passed: bool
    status: str  # passed | failed | error | timeout
    message: str = ""
    hints: tuple[str, ...] = ()
    label: str = ""  # public cases only: the call as the student would write it
    rel_error: float | None = None
    reason: str = ""  # the message without the case's name, to group identical failures
    stage: str = ""  # where a failed case first differed: defined/type/shape/dtype/value/check

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CaseResult:
        """Inverse of :meth:`to_dict`."""
        return cls(d["hidden"], d["passed"], d["status"], d.get("message", ""),
                   tuple(d.get("hints", ())), d.get("call", ""), d.get("relative_error"))

    def to_dict(self) -> dict[str, Any]:
        """Plain data; hidden cases carry no label."""
        return {"hidden": self.hidden, "status": self.status, "passed": self.passed,
                "message": self.message, "hints": list(self.hints),
                **({"call": self.label} if self.label else {}),
                **({"relative_error": self.rel_error} if self.rel_error is not None else {})}


@dataclass(frozen=True)
class TaskResult:
    """A task's score and diagnosis."""

    task: str
    status: str
    score: float
    max_score: float
    feedback: str
    hints: tuple[str, ...]
    cases: tuple[CaseResult, ...] = ()
    traceback: str = ""
    artifacts: tuple[dict[str, Any], ...] = ()  # public cases only: call, student and reference

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TaskResult:
        """Inverse of :meth:`to_dict`."""
        return cls(d["task"], d["status"], d["score"], d["max_score"], d["feedback"],
                   tuple(d["hints"]), tuple(CaseResult.from_dict(c) for c in d.get("cases", [])),
                   d.get("traceback", ""), tuple(d.get("artifacts", ())))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this task."""
        hidden = [c for c in self.cases if c.hidden]
        return {
            "task": self.task, "status": self.status, "score": round(self.score, 6),
            "max_score": self.max_score, "feedback": self.feedback, "hints": list(self.hints),
            "hidden": {"passed": sum(c.passed for c in hidden), "total": len(hidden)},
            "cases": [c.to_dict() for c in self.cases],
            **({"traceback": self.traceback} if self.traceback else {}),
            **({"artifacts": list(self.artifacts)} if self.artifacts else {}),
        }


@dataclass(frozen=True)
class ExerciseResult:
    """One module of one student."""

    exercise: str
    status: str
    score: float
    max_score: float
    message: str
    tasks: tuple[TaskResult, ...]
    source: str = ""  # path of the graded file
    output: str = ""  # tail of what the submission printed
    isolation: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExerciseResult:
        """Inverse of :meth:`to_dict`."""
        return cls(d["exercise"], d["status"], d["score"], d["max_score"], d["message"],
                   tuple(TaskResult.from_dict(t) for t in d["tasks"]), d.get("source", ""),
                   d.get("output", ""), d.get("isolation", {}), d.get("seconds", 0.0))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this exercise."""
        return {"exercise": self.exercise, "status": self.status, "score": round(self.score, 6),
                "max_score": self.max_score, "message": self.message, "source": self.source,
                "tasks": [t.to_dict() for t in self.tasks], "output": self.output,
                "seconds": round(self.seconds, 3)}


@dataclass(frozen=True)
class StudentResult:
    """Everything graded for one student."""

    student: str
    exercises: tuple[ExerciseResult, ...]
    environment: dict[str, Any]
    internal_errors: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        """Sum over exercises."""
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> float:
        """Sum over exercises, known before grading."""
        return sum(e.max_score for e in self.exercises)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StudentResult:
        """Inverse of :meth:`to_dict`."""
        return cls(d["student"], tuple(ExerciseResult.from_dict(e) for e in d["exercises"]),
                   d.get("environment", {}), tuple(d.get("internal_errors", ())))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this student."""
        data: dict[str, Any] = {
            "student": self.student, "score": round(self.score, 6), "max_score": self.max_score,
            "exercises": [e.to_dict() for e in self.exercises], "environment": self.environment,
        }
        if self.internal_errors:
            data["internal_errors"] = list(self.internal_errors)
        return data
