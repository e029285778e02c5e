"""Grading a class: resumable through the gradebook, with progress and an end-of-run summary.

The unit of work is one (student, module) pair. Pairs already graded from the same file by the
same grader come from the gradebook; the others go to the sandbox pool in parallel, and each
result is stored the moment it exists. One student's crash, time-out or unreadable file never
stops the batch.
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, overload

from autograder.engine import INTERNAL_PREFIX
from autograder.gradebook import Gradebook, file_hash, grader_key
from autograder.result import ExerciseResult, StudentResult
from autograder.session import Session
from autograder.submission import Submission

Progress = Callable[["BatchState"], None]


@dataclass
class BatchState:
    """Counters a progress display reads (updated under a lock)."""

    pairs_total: int
    students_total: int
    pairs_done: int = 0
    students_done: int = 0
    reused: int = 0
    failures: int = 0  # not gradable modules, crashes and time-outs
    started: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class BatchResult:
    """Every student's result plus what the run did.

    With a gradebook, the (student, module) pairs in ``in_gradebook`` are held *slim* in
    ``results`` (score, status, feedback and hints: what the table and the summary read) and
    their full results (cases, tracebacks, plot data) stay in the gradebook; :func:`full_results`
    reads them back one student at a time. A class's full results are about 100 KiB per
    student, so holding them all made memory grow with the class.
    """

    results: list[StudentResult]
    graded: int
    reused: int
    seconds: float
    in_gradebook: frozenset[tuple[str, str]] = frozenset()


def slim(exercise: ExerciseResult) -> ExerciseResult:
    """``exercise`` without its per-case detail, traceback, plot data and output."""
    return replace(exercise, output="", tasks=tuple(
        replace(t, cases=(), traceback="", artifacts=()) for t in exercise.tasks))


class LazyResults(Sequence[dict[str, Any]]):
    """Results' JSON objects (as ``gradetape grade --json`` prints them), each built when it is
    read and not cached: the report writers, which iterate several times, then hold one
    student at a time instead of a whole class."""

    def __init__(self, count: int, load: Callable[[int], dict[str, Any]]) -> None:
        self._count, self._load = count, load

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return self._load(index % self._count)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._load(i) for i in range(self._count))


def full_results(batch: BatchResult, gradebook: Gradebook | None = None) -> LazyResults:
    """A batch's full results, the slim ones completed from ``gradebook`` when read."""
    if batch.in_gradebook and gradebook is None:
        raise ValueError("this batch keeps its full results in a gradebook: pass it")

    def exercise(student: str, result: ExerciseResult) -> dict[str, Any]:
        if (student, result.exercise) not in batch.in_gradebook:
            return result.to_dict()
        assert gradebook is not None
        row = gradebook.lookup(student, result.exercise)
        if row is None:  # removed behind our back: say so rather than report a slim result
            raise RuntimeError(f"{student}/{result.exercise} is missing from the gradebook")
        return row.result

    def load(index: int) -> dict[str, Any]:
        result = batch.results[index]
        data = result.to_dict()
        data["exercises"] = [exercise(result.student, e) for e in result.exercises]
        return data

    return LazyResults(len(batch.results), load)


def _is_failure(exercise: ExerciseResult) -> bool:
    return exercise.status == "not_gradable" or any(
        t.status == "timeout" or "crashed" in t.hints for t in exercise.tasks)


def grade_class(session: Session, students: Mapping[str, Mapping[str, Submission]],
                gradebook: Gradebook | None = None, progress: Progress | None = None,
                modules: list[str] | None = None) -> BatchResult:
    """Grade every (student, module) pair, reusing current gradebook rows."""
    names = modules or list(session.grader.specs)
    pairs = [(s, m) for s in students for m in names]
    state = BatchState(len(pairs), len(students))
    remaining = {s: len(names) for s in students}
    lock = threading.Lock()
    settings = repr(getattr(session.pool, "limits", None))  # isolation mode and limits
    keys = {m: grader_key(session.course, m, session.grader.secret, settings) for m in names}
    done: dict[tuple[str, str], ExerciseResult] = {}
    in_gradebook: set[tuple[str, str]] = set()

    def work(pair: tuple[str, str]) -> None:
        student, module = pair
        sub = students[student].get(module)
        fhash, reused = file_hash(sub), False
        row = gradebook.lookup(student, module) if gradebook else None
        stored = False
        if row and row.file_hash == fhash and row.grader_key == keys[module]:
            exercise, reused, stored = ExerciseResult.from_dict(row.result), True, True
        else:
            exercise = session.grade_pair(student, module, sub)
            if gradebook is not None and not exercise.message.startswith(INTERNAL_PREFIX):
                gradebook.store(student, module, fhash, keys[module], exercise.to_dict())
                stored = True
        with lock:
            done[pair] = slim(exercise) if stored else exercise
            if stored:
                in_gradebook.add(pair)
            state.pairs_done += 1
            state.reused += reused
            state.failures += _is_failure(exercise)
            remaining[student] -= 1
            state.students_done += remaining[student] == 0
            if progress:
                progress(state)

    with ThreadPoolExecutor(max_workers=session.workers) as pool:
        list(pool.map(work, pairs))
    results = [session.assemble(s, [done[(s, m)] for m in names]) for s in students]
    return BatchResult(results, state.pairs_done - state.reused, state.reused,
                       time.monotonic() - state.started, frozenset(in_gradebook))


def summary(batch: BatchResult) -> list[str]:
    """The end-of-run lines: graded, not gradable, mean score, slowest students."""
    results = batch.results
    not_gradable = sum(e.status == "not_gradable" for r in results for e in r.exercises)
    missing = sum(e.status == "missing" for r in results for e in r.exercises)
    pcts = [100 * r.score / r.max_score for r in results if r.max_score]
    slowest = sorted(results, key=lambda r: -sum(e.seconds for e in r.exercises))[:3]
    lines = [
        f"students: {len(results)}; modules graded now: {batch.graded}, reused from the "
        f"gradebook: {batch.reused}; {batch.seconds:.1f} s",
        f"not gradable: {not_gradable} module(s); missing: {missing} module(s)",
    ]
    if pcts:
        lines.append(f"mean score: {statistics.mean(pcts):.1f}%  median: "
                     f"{statistics.median(pcts):.1f}%")
    if slowest:
        lines.append("slowest: " + ", ".join(
            f"{r.student} ({sum(e.seconds for e in r.exercises):.1f} s)" for r in slowest))
    return lines


def plain_progress(every: int = 10) -> Progress:
    """Log lines for a non-terminal: every ``every`` students and at the end."""
    last = {"students": -1}

    def report(state: BatchState) -> None:
        if state.students_done == last["students"]:
            return
        if state.students_done % every and state.students_done != state.students_total:
            return
        last["students"] = state.students_done
        elapsed = time.monotonic() - state.started
        print(f"graded {state.students_done}/{state.students_total} students "
              f"({state.pairs_done}/{state.pairs_total} modules, {state.failures} failures, "
              f"{elapsed:.0f} s)", file=sys.stderr, flush=True)

    return report

