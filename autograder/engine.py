"""Grade one student: draw inputs, compute expected values, run the submission in the sandbox,
compare, score.

The engine is the trusted parent. It holds the secret and the reference solutions; the sandbox
(anything with a ``run(job) -> outcome`` method, normally :class:`autograder.sandbox.WorkerPool`)
holds neither and only ever sees the student's code and the inputs of that student's calls.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import platform
import sys
import time
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from autograder import __version__, hints, wire
from autograder.codec import scalar_value
from autograder.reference import GraderError, References, call_alternative
from autograder.result import CaseResult, ExerciseResult, StudentResult, TaskResult
from autograder.scoring import PlannedCase, judge_case, score_task
from autograder.secret import derive_seed
from autograder.spec import ModuleSpec, Task
from autograder.submission import Submission, content_hash

INTERNAL_PREFIX = "internal grader error"
log = logging.getLogger("gradetape")


class Outcome(Protocol):
    """What the sandbox reports for one job (see autograder.sandbox.outcome.JobOutcome)."""

    @property
    def load(self) -> dict[str, Any]: ...
    @property
    def calls(self) -> dict[int, dict[str, Any]]: ...
    @property
    def output_tail(self) -> str: ...
    @property
    def isolation(self) -> Any: ...
    @property
    def error(self) -> str | None: ...


class Runner(Protocol):
    """Runs a job in a sandboxed child."""

    def run(self, job: dict[str, Any]) -> Outcome: ...


def plan_module(spec: ModuleSpec, student: str, secret: bytes,
                salt: str = "") -> list[PlannedCase]:
    """Every call for one student's module: public cases, then hidden ones drawn from the secret.

    ``salt`` is the submission's content hash: the same file always meets the same hidden
    inputs (same score on every run), but a resubmission meets new ones, so hidden inputs a
    student smuggled out through feedback (an exception message) are useless next time.
    """
    import numpy as np

    plan: list[PlannedCase] = []
    for task in spec.tasks:
        for number, args in enumerate(task.public, start=1):
            seed = derive_seed(b"public", spec.name, task.name, number)
            plan.append(PlannedCase(task, len(plan), number, list(args), seed, hidden=False))
        if task.hidden is None:
            continue
        rng = np.random.default_rng(derive_seed(secret, student, spec.name, task.name, salt))
        for number in range(1, task.hidden_count + 1):
            hidden_args = list(task.hidden(rng))
            seed = derive_seed(secret, student, spec.name, task.name, number, salt)
            plan.append(PlannedCase(task, len(plan), number, hidden_args, seed, hidden=True))
    return plan


def environment() -> dict[str, Any]:
    """Versions that a result depends on."""
    import numpy as np
    import tensorflow as tf

    return {"gradetape": __version__, "python": platform.python_version(),
            "tensorflow": tf.__version__, "numpy": np.__version__,
            "platform": f"{sys.platform}-{platform.machine()}"}


@dataclass
class Grader:
    """Grades students' modules against a course's references inside a sandbox."""

    specs: dict[str, ModuleSpec]
    references: References
    secret: bytes
    runner: Runner
    _public: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)

    def grade_student(self, student: str, submissions: dict[str, Submission],
                      modules: list[str] | None = None) -> StudentResult:
        """Grade the given modules (default: every module) of one student."""
        results, errors = [], []
        for name in modules or list(self.specs):
            start = time.perf_counter()
            try:
                result = self.grade_module(student, self.specs[name], submissions.get(name))
                results.append(replace(result, seconds=time.perf_counter() - start))
            except GraderError as exc:
                errors.append(f"{name}: {exc}")
                results.append(_unscored(self.specs[name], "not_gradable",
                                         f"{INTERNAL_PREFIX}: {exc}", ()))
            except Exception as exc:  # a grader bug: this pair only, never the whole run
                log.exception("internal error grading %s/%s", student, name)
                errors.append(f"{name}: {type(exc).__name__}: {exc}")
                results.append(_unscored(self.specs[name], "not_gradable",
                                         f"{INTERNAL_PREFIX}: {type(exc).__name__}: {exc}", ()))
        return StudentResult(student, tuple(results), environment(), tuple(errors))

    def grade_module(self, student: str, spec: ModuleSpec,
                     submission: Submission | None) -> ExerciseResult:
        """Grade one module; a missing or unreadable file scores 0 with a clear message."""
        if submission is None:
            return _unscored(spec, "missing", f"no submission for {spec.name}", ())
        if submission.error:
            return _unscored(spec, "not_gradable", submission.error, ("load-error",),
                             str(submission.path))
        plan = plan_module(spec, student, self.secret, content_hash(submission))
        expected = [self._expected(spec, case) for case in plan]
        outcome = self.runner.run(self._job(spec, student, submission, plan))
        if outcome.error:
            raise GraderError(f"the sandbox could not run the job: {outcome.error}")
        load = wire.clean_load(outcome.load)  # the child's messages are untrusted
        if load.get("event") != "loaded":
            message, hint_ids = _load_failure(load)
            return _unscored(spec, "not_gradable", message, hint_ids, str(submission.path),
                             outcome.output_tail)
        tasks = self._score(spec, plan, expected, wire.clean_calls(outcome.calls))
        message = _load_message(submission, load)
        return ExerciseResult(spec.name, "graded", sum(t.score for t in tasks), spec.max_score,
                              message, tuple(tasks), str(submission.path), outcome.output_tail,
                              _plain(outcome.isolation))

    def _expected(self, spec: ModuleSpec, case: PlannedCase) -> dict[str, Any]:
        key = (spec.name, case.index)
        if not case.hidden and key in self._public:
            return self._public[key]
        record = self.references.call(spec.name, case.task.name, case.args, case.seed)
        if not case.hidden:
            self._public[key] = record
        return record

    def _job(self, spec: ModuleSpec, student: str, submission: Submission,
             plan: list[PlannedCase]) -> dict[str, Any]:
        calls = [{"index": c.index, "task": c.task.name, "args": c.args, "seed": c.seed,
                  **({"timeout_s": c.task.timeout_s} if c.task.timeout_s else {})} for c in plan]
        return {"job_id": f"{student}/{spec.name}", "module": spec.name,
                "filename": submission.path.name, "cells": list(submission.cells),
                "as_main": submission.is_notebook, "calls": calls}

    def _score(self, spec: ModuleSpec, plan: list[PlannedCase], expected: list[dict[str, Any]],
               calls: dict[int, Any]) -> list[TaskResult]:
        def alternatives(case: PlannedCase) -> list[tuple[str, dict[str, Any]]]:
            return [(m.hint, call_alternative(m.implementation, case.args, case.seed))
                    for m in case.task.mistakes]

        by_task: dict[str, list[CaseResult]] = {t.name: [] for t in spec.tasks}
        tracebacks: dict[str, str] = {}
        artifacts: dict[str, list[dict[str, Any]]] = {t.name: [] for t in spec.tasks}
        for case, exp in zip(plan, expected):
            record = calls.get(case.index)
            by_task[case.task.name].append(judge_case(case, exp, record, alternatives))
            if isinstance(record, dict) and record.get("ok") is False:
                tracebacks.setdefault(case.task.name, str(record["error"].get("traceback", "")))
            if case.task.keep_outputs and not case.hidden:
                artifacts[case.task.name].append(_artifact(case, exp, record))
        return [replace(score_task(task, by_task[task.name], tracebacks.get(task.name, "")),
                        artifacts=tuple(artifacts[task.name])) for task in spec.tasks]


def _artifact(case: PlannedCase, expected: dict[str, Any], record: Any) -> dict[str, Any]:
    """A public case's inputs and both outputs, for plots (never for hidden cases)."""
    student = record.get("output") if isinstance(record, dict) and record.get("ok") else None
    return {"call": case.name, "args": case.args, "reference": expected["output"],
            "student": _compact_items(student)}


def _compact_items(description: Any) -> Any:
    if isinstance(description, dict) and isinstance(description.get("items"), list):
        return {**description, "items": [compact_numbers(i) for i in description["items"]]}
    return description


def compact_numbers(description: Any) -> Any:
    """``description`` with every list or tuple of plain numbers (train's losses) stored as
    ``{"kind": "numbers", "data": [...]}``, non-finite values as None (the artifact keeps the
    outermost level as it is, so train's ``(weight, bias, losses)`` stays a tuple).

    A class's results stay in memory until the reports are written; a decoded list of 100
    losses is 100 small dicts (about 30 KiB), the compact form a list of floats.
    """
    if not isinstance(description, dict):
        return description
    items = description.get("items")
    if description.get("kind") not in ("list", "tuple") or not isinstance(items, list):
        return description
    values = [scalar_value(i) if isinstance(i, dict) and i.get("kind") == "python" else None
              for i in items]
    if len(items) >= 2 and all(v is not None for v in values):
        return {"kind": "numbers", "data": [v if math.isfinite(v) else None
                                            for v in values if v is not None]}
    return {**description, "items": [compact_numbers(i) for i in items]}


def _plain(isolation: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(isolation) and not isinstance(isolation, type):
        return {k: list(v) if isinstance(v, tuple) else v
                for k, v in dataclasses.asdict(isolation).items()}
    return dict(isolation)


def _unscored(spec: ModuleSpec, status: str, message: str, hint_ids: tuple[str, ...],
              source: str = "", output: str = "") -> ExerciseResult:
    tasks = tuple(_unscored_task(task, message, hint_ids) for task in spec.tasks)
    return ExerciseResult(spec.name, status, 0.0, spec.max_score, message, tasks, source, output)


def _unscored_task(task: Task, message: str, hint_ids: tuple[str, ...]) -> TaskResult:
    return TaskResult(task.name, "error", 0.0, task.points, f"not graded: {message}", hint_ids)


def _load_failure(load: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    status = load.get("status")
    if status == "timeout":
        return "loading the submission ran past the time limit", ("timeout",)
    if status == "crashed" or "error" not in load:
        return f"the process died while loading the submission ({load.get('detail', '?')})", (
            "crashed",)
    error = load["error"]
    if error.get("type") in ("SyntaxError", "IndentationError", "TabError"):
        where = f" at line {error['line']}" if error.get("line") else ""
        return f"syntax error{where}: {error['message']}", ("syntax-error",)
    return f"loading raised {error.get('type')}: {error.get('message', '')}", ("load-error",)


def _load_message(submission: Submission, load: dict[str, Any]) -> str:
    parts = [submission.note] if submission.note else []
    for err in load.get("cell_errors", [])[:3]:
        parts.append(f"cell {err.get('cell')} raised {err.get('type')}: {err.get('message', '')}"[
            :200])
    return "; ".join(parts)


__all__ = ["Grader", "GraderError", "Runner", "environment", "hints", "plan_module"]
