"""``gradetape check``: the course's own CI — references earn full marks, stubs earn none, every
known mistake is caught with its intended hint, and the stubs are in sync with the solutions.

A mutant is a small file under ``tests/mutants/<module>/`` that redefines one task function the
wrong way and declares what must happen::

    MUTANT = {"task": "constant_cube_gradient", "hints": ["gradient-none-unwatched"]}

It is graded as the reference module with the mutant's code appended (its definitions win), so
only the named task should lose points. ``MUTANT`` is read with ``ast.literal_eval``: the grader
never executes a mutant outside the sandbox.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from autograder.build import out_of_sync
from autograder.course import Course
from autograder.result import ExerciseResult
from autograder.submission import Submission

GradeModule = Callable[[str, Submission], ExerciseResult]


class MutantError(ValueError):
    """A mutant file without a valid ``MUTANT`` declaration."""


@dataclass(frozen=True)
class Mutant:
    """One known mistake and the diagnosis it must earn."""

    module: str
    path: Path
    task: str
    hints: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    """One line of the check's report."""

    subject: str
    ok: bool
    detail: str


def read_mutant(path: Path, module: str) -> Mutant:
    """Parse a mutant's declaration without executing the file."""
    tree = ast.parse(path.read_text(), str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "MUTANT" for t in node.targets):
            try:
                meta = ast.literal_eval(node.value)
            except ValueError as exc:
                raise MutantError(f"{path}: MUTANT must be a literal dict ({exc})") from None
            if not isinstance(meta, dict) or not isinstance(meta.get("task"), str):
                raise MutantError(f"{path}: MUTANT needs a 'task' name")
            return Mutant(module, path, meta["task"], tuple(meta.get("hints", ())))
    raise MutantError(f"{path}: no MUTANT = {{...}} declaration")


def find_mutants(course: Course, modules: list[str]) -> list[Mutant]:
    """Every mutant under ``tests/mutants/<module>/``, in a stable order."""
    found = []
    for module in modules:
        folder = course.mutants / module
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            found.append(read_mutant(path, module))
    return found


def mutant_submission(course: Course, mutant: Mutant) -> Submission:
    """The reference module with the mutant's definitions appended."""
    source = course.solution(mutant.module).read_text() + "\n\n" + mutant.path.read_text()
    return Submission("mutant", mutant.module, mutant.path.with_name(f"{mutant.module}.py"),
                      cells=(source,))


def check_mutant(mutant: Mutant, result: ExerciseResult) -> CheckResult:
    """The named task must lose points and carry every intended hint; the others must not."""
    subject = f"mutant {mutant.module}/{mutant.path.stem}"
    tasks = {t.task: t for t in result.tasks}
    task = tasks.get(mutant.task)
    if result.status != "graded" or task is None:
        return CheckResult(subject, False, f"not graded: {result.message or 'unknown task'}")
    problems = []
    if task.score >= task.max_score:
        problems.append(f"{mutant.task} kept full marks")
    missing = [h for h in mutant.hints if h not in task.hints]
    if missing:
        problems.append(f"{mutant.task} lacks hint(s) {', '.join(missing)} "
                        f"(got {', '.join(task.hints) or 'none'})")
    collateral = [t.task for t in result.tasks if t.task != mutant.task and t.score < t.max_score]
    if collateral:
        problems.append(f"other tasks lost points too: {', '.join(collateral)}")
    detail = "; ".join(problems) or f"{mutant.task}: {task.score:g}/{task.max_score:g}, hints " + (
        ", ".join(task.hints))
    return CheckResult(subject, not problems, detail)


def check_full(label: str, result: ExerciseResult) -> CheckResult:
    """A reference module must earn every point."""
    ok = result.status == "graded" and result.score == result.max_score
    lost = [f"{t.task}: {t.feedback.splitlines()[0] if t.feedback else t.status}"
            for t in result.tasks if t.score < t.max_score]
    return CheckResult(f"{label} {result.exercise}", ok,
                       f"{result.score:g}/{result.max_score:g}" + (f" ({'; '.join(lost)})"
                                                                    if lost else ""))


def check_zero(label: str, result: ExerciseResult) -> CheckResult:
    """A stub must earn nothing, every task an error with the not-implemented hint."""
    bad = [t.task for t in result.tasks if t.status != "error" or "not-implemented" not in t.hints]
    ok = result.status == "graded" and result.score == 0 and not bad
    detail = f"{result.score:g}/{result.max_score:g}" + (
        f" (not a clean not-implemented: {', '.join(bad)})" if bad else "")
    return CheckResult(f"{label} {result.exercise}", ok, detail)


def run_checks(course: Course, tasks: dict[str, list[str]], grade: GradeModule,
               submissions: Callable[[Path], dict[str, Submission]]) -> list[CheckResult]:
    """Every check, in a fixed order; per-item problems are collected, never raised.

    ``tasks`` maps each module to its task names (mutant coverage is checked per task).
    """
    modules = list(tasks)
    results = [CheckResult("exercises in sync", not (stale := out_of_sync(course)),
                           "up to date" if not stale else
                           "stale: " + ", ".join(p.name for p in stale) +
                           " (run `gradetape build`)")]
    references = submissions(course.solutions)
    stubs = submissions(course.exercises)
    def reference(module: str) -> CheckResult:
        return check_full("reference", grade("reference", references[module]))

    def stub(module: str) -> CheckResult:
        return check_zero("stub", grade("stub", stubs[module]))

    for module in modules:
        results.append(_guarded(f"reference {module}", partial(reference, module)))
        results.append(_guarded(f"stub {module}", partial(stub, module)))
    try:
        mutants = find_mutants(course, modules)
    except MutantError as exc:
        return [*results, CheckResult("mutants", False, str(exc))]
    for mutant in mutants:
        results.append(_guarded(f"mutant {mutant.path}", partial(
            _check_one_mutant, course, grade, mutant)))
    covered = {(m.module, m.task) for m in mutants}
    uncovered = [f"{mod}.{task}" for mod, names in tasks.items() for task in names
                 if (mod, task) not in covered]
    results.append(CheckResult(
        "mutant coverage", not uncovered,
        f"{len(mutants)} mutants cover {len(covered)} tasks" +
        (f"; no mutant for {', '.join(uncovered)}" if uncovered else "")))
    return results


def _check_one_mutant(course: Course, grade: GradeModule,
                      mutant: Mutant) -> CheckResult:
    return check_mutant(mutant, grade("mutant", mutant_submission(course, mutant)))


def _guarded(subject: str, check: Callable[[], Any]) -> CheckResult:
    try:
        result: CheckResult = check()
        return result
    except KeyError as exc:
        return CheckResult(subject, False, f"file missing: {exc}")
