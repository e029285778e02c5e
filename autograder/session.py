"""Setting up a grading session: course, specs, secret, references and the sandbox pool."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autograder.course import Course
from autograder.engine import Grader
from autograder.reference import References
from autograder.result import ExerciseResult, StudentResult
from autograder.secret import load_secret
from autograder.specs import SPECS
from autograder.submission import Submission


@dataclass(frozen=True)
class SessionOptions:
    """What the command line may change."""

    course: Path | None = None
    secret_file: Path | None = None
    jobs: int = 0  # 0: one per core
    limits: Any = None  # autograder.sandbox.Limits; None for the defaults

    @property
    def workers(self) -> int:
        """Parallel sandboxes: ``jobs`` or the number of cores."""
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


@dataclass
class Session:
    """A grader with its pool; grades many (student, module) pairs in parallel."""

    grader: Grader
    course: Course
    secret_source: str
    workers: int
    isolation_warning: str = ""

    def grade(self, students: dict[str, dict[str, Submission]],
              modules: list[str] | None = None) -> list[StudentResult]:
        """Grade every student's modules; results in the order students were given."""
        names = modules or list(self.grader.specs)
        pairs = [(s, m) for s in students for m in names]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            done = list(pool.map(lambda p: self._one(students[p[0]], *p), pairs))
        by_student: dict[str, list[Any]] = {s: [] for s in students}
        for (student, _), outcome in zip(pairs, done):
            by_student[student].append(outcome)
        return [self._assemble(student, outcomes) for student, outcomes in by_student.items()]

    def _one(self, subs: dict[str, Submission], student: str, module: str) -> Any:
        return self.grader.grade_student(student, subs, [module])

    def _assemble(self, student: str, parts: list[StudentResult]) -> StudentResult:
        exercises: list[ExerciseResult] = [e for p in parts for e in p.exercises]
        errors = tuple(err for p in parts for err in p.internal_errors)
        env = dict(parts[0].environment) if parts else {}
        return StudentResult(student, tuple(exercises), env, errors)


@contextmanager
def open_session(options: SessionOptions) -> Iterator[Session]:
    """A ready session; the sandbox workers stop when the block ends."""
    from autograder.sandbox import Limits, WorkerPool

    course = Course.locate(options.course)
    secret, source = load_secret(options.secret_file)
    limits = options.limits or Limits()
    references = References(course)
    with WorkerPool(options.workers, limits) as pool:
        grader = Grader(SPECS, references, secret, pool)
        warning = pool.degraded_warning() if hasattr(pool, "degraded_warning") else ""
        yield Session(grader, course, source, options.workers, warning)
