"""Benchmark: where a correct student's grading time goes, module by module.

Run by hand (not a test), on an otherwise idle machine::

    .venv/bin/python benchmarks/bench_breakdown.py [--students 6]

Prints, from one run:

* the fixed cost of one sandboxed job (a module with no task calls) through a warm worker, with
  full isolation (``auto``) and without (``degraded``), median of 22 jobs;
* per module, one correct student graded serially (``--jobs 1``) through the sandbox and in the
  grader's own process with no isolation at all (the floor), median over the students after the
  first (which warms the caches).

It explains ``bench_grading.py``'s figures: the sandbox's share is the difference of the two
columns; the rest is the grading work itself (the student's code, the references for the hidden
cases, scoring).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

import bench_grading as bench  # noqa: E402

EMPTY_JOB = {"module": "ex01_constants", "filename": "ex01_constants.py",
             "cells": ["import tensorflow as tf\nx = 1\n"], "as_main": False, "calls": []}


def fixed_job_ms(isolation: str, jobs: int = 25, skip: int = 3) -> float:
    """Median wall time of a job that loads a two-line module and calls nothing."""
    from autograder.sandbox import Limits, WorkerPool

    times = []
    with WorkerPool(1, Limits(isolation=isolation)) as pool:
        for i in range(jobs):
            start = time.perf_counter()
            outcome = pool.run({**EMPTY_JOB, "job_id": f"empty/{i}"})
            times.append(time.perf_counter() - start)
            if outcome.error or outcome.load.get("event") != "loaded":
                raise SystemExit(f"the empty job failed: {outcome.error or outcome.load}")
    return statistics.median(times[skip:]) * 1000


def per_module(students: int) -> dict[str, tuple[float, float]]:
    """Module → (sandboxed, in-process) median seconds for one correct student."""
    from autograder.session import SessionOptions, open_session

    with tempfile.TemporaryDirectory(prefix="gradetape-breakdown-") as tmp:
        folder = Path(tmp) / "class"
        bench.make_class(folder, students, correct_only=True)
        subs = bench.students_of(folder)
        modules = bench.chosen_modules()
        boxed: dict[str, list[float]] = {m: [] for m in modules}
        inline: dict[str, list[float]] = {m: [] for m in modules}
        with open_session(SessionOptions(secret_file=bench.SECRET, jobs=1)) as session:
            for student, mine in subs.items():
                for module in modules:
                    start = time.perf_counter()
                    session.grade_pair(student, module, mine.get(module))
                    boxed[module].append(time.perf_counter() - start)
        grader = bench.inline_grader()
        for student, mine in subs.items():
            for module in modules:
                start = time.perf_counter()
                grader.grade_student(student, {module: mine[module]}, [module])
                inline[module].append(time.perf_counter() - start)
    return {m: (statistics.median(boxed[m][1:]), statistics.median(inline[m][1:]))
            for m in modules}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=6)
    args = parser.parse_args()
    if args.students < 2:
        parser.error("--students must be at least 2 (the first one only warms up)")
    full, degraded = fixed_job_ms("auto"), fixed_job_ms("degraded")
    print(f"one empty job through a warm worker: {full:.1f} ms isolated (auto), "
          f"{degraded:.1f} ms degraded (median of 22)")
    rows = per_module(args.students)
    print(f"{'module':28s} {'sandboxed':>10s} {'in-process':>11s}   (s, one correct student, "
          f"median of {args.students - 1}, --jobs 1)")
    for module, (boxed, inline) in rows.items():
        print(f"{module:28s} {boxed:10.3f} {inline:11.3f}")
    total_boxed = sum(b for b, _ in rows.values())
    total_inline = sum(i for _, i in rows.values())
    print(f"{'total':28s} {total_boxed:10.3f} {total_inline:11.3f}")


if __name__ == "__main__":
    main()
