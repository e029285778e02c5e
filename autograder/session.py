"""Setting up a grading session: course, specs, secret, references and the sandbox pool."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from autograder.course import Course
from autograder.engine import INTERNAL_PREFIX, Grader, environment
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
    pool: Any = None

    @property
    def isolation_warning(self) -> str:
        """Set once a job ran without full isolation (e.g. no user namespaces)."""
        return str(getattr(self.pool, "isolation_warning", None) or "")

    @cached_property
    def environment(self) -> dict[str, Any]:
        """Versions every result of this session records."""
        return environment()

    def grade(self, students: dict[str, dict[str, Submission]],
              modules: list[str] | None = None) -> list[StudentResult]:
        """Grade every student's modules in parallel; results in the order given."""
        from autograder.batch import grade_class

        return grade_class(self, students, modules=modules).results

    def grade_pair(self, student: str, module: str,
                   submission: Submission | None) -> ExerciseResult:
        """One module of one student; an internal error is kept in the exercise's message."""
        return self.grader.grade_student(student, {module: submission} if submission else {},
                                         [module]).exercises[0]

    def assemble(self, student: str, exercises: list[ExerciseResult]) -> StudentResult:
        """A student's result from their exercises."""
        errors = tuple(f"{e.exercise}: {e.message}" for e in exercises
                       if e.message.startswith(INTERNAL_PREFIX))
        return StudentResult(student, tuple(exercises), self.environment, errors)


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
        yield Session(grader, course, source, options.workers, pool)
