"""Running a module's tasks in the current process: the student's own Python or Jupyter kernel.

Self-checks and nbgrader test cells call the student's functions where they were defined, not in
a sandbox: a self-check is feedback on one's own machine, and nbgrader runs its test cells in the
kernel that ran the student's cells. The calls and the verdicts are the grader's own
(:func:`autograder.harness.invoke`, :func:`autograder.scoring.judge_case`), so a case passes here
exactly when it passes in ``gradetape grade``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.result import CaseResult
from autograder.scoring import PlannedCase, judge_case
from autograder.spec import Task


@dataclass(frozen=True)
class KernelCase:
    """One call to make in this process and the reference's call record for it."""

    planned: PlannedCase
    expected: dict[str, Any]


def prepare() -> None:
    """Import TensorFlow quietly, turn TF32 off and start observing tapes (for the checks).

    Side effects in the student's kernel, all harmless: ``tf.GradientTape`` is wrapped to record
    how it is used (as in the grader's sandbox), and each call reseeds the global random
    generators with the grader's seed for that case.
    """
    from autograder import harness, observe

    with quiet():
        tf = harness.import_tensorflow_quietly()
        # The expectations were computed without TF32; on a recent GPU it would round matmuls.
        tf.config.experimental.enable_tensor_float_32_execution(False)
        tf.constant(0.0)  # the first op initialises devices, which logs on fd 2
    observe.install()


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Nothing reaches stderr: TensorFlow's C++ and Python logs, warnings, stray prints.

    nbgrader scores a test cell 0 when anything appears on its stderr, and TensorFlow logs on
    file descriptor 2 from C++ and through :mod:`logging` from Python, so all three are muted.
    """
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    with _fd2_silenced(), warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            logging.disable(previous)


@contextlib.contextmanager
def _fd2_silenced() -> Iterator[None]:
    if sys.__stderr__ is not None:
        sys.__stderr__.flush()
    try:
        saved = os.dup(2)
    except (OSError, ValueError):  # no file descriptor 2 (embedded interpreters)
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def public_cases(module: str, task: Task) -> list[KernelCase]:
    """The task's public cases with the shipped expectations (no reference needed)."""
    from autograder.expected import public_records, public_seed

    records = public_records(module, task.name)
    cases = []
    for i, (args, record) in enumerate(zip(task.public, records)):
        seed = public_seed(module, task.name, i + 1)
        cases.append(KernelCase(PlannedCase(task, i, i + 1, list(args), seed, hidden=False),
                                {"ok": True, **record}))
    return cases


def hidden_cases(module: str, task: Task, seed: int, references: Any) -> list[KernelCase]:
    """``task.hidden_count`` cases drawn from ``seed``; expectations from ``references``."""
    from autograder.secret import derive_seed

    if task.hidden is None:
        return []
    rng = np.random.default_rng(seed)
    cases = []
    for number in range(1, task.hidden_count + 1):
        args = list(task.hidden(rng))
        call_seed = derive_seed(str(seed).encode(), module, task.name, number)
        with quiet():
            expected = references.call(module, task.name, args, call_seed)
        cases.append(KernelCase(PlannedCase(task, number - 1, number, args, call_seed,
                                            hidden=True), expected))
    return cases


def find_function(namespace: Mapping[str, Any], name: str) -> Any:
    """The student's function ``name``, or None."""
    func = namespace.get(name)
    return func if callable(func) else None


def run_cases(func: Any, cases: list[KernelCase]) -> list[CaseResult]:
    """Call ``func`` on each case in this process and judge the outputs like the grader."""
    from autograder import harness
    from autograder.reference import call_alternative

    def alternatives(case: PlannedCase) -> list[tuple[str, dict[str, Any]]]:
        with quiet():
            return [(m.hint, call_alternative(m.implementation, case.args, case.seed))
                    for m in case.task.mistakes]

    filename = str(getattr(getattr(func, "__code__", None), "co_filename", "<student>"))
    results = []
    for case in cases:
        if func is None:
            record = _missing(case.planned.task.name)
        else:
            with quiet():
                record = harness.invoke(func, case.planned.args, case.planned.seed, filename)
            if not record["ok"] and record["error"]["type"] == "KeyboardInterrupt":
                raise KeyboardInterrupt  # the student stopped the check: stop, do not judge
        results.append(judge_case(case.planned, case.expected, record, alternatives))
    return results


def _missing(task: str) -> dict[str, Any]:
    error = {"type": "MissingFunction", "module": "", "line": None, "traceback": "",
             "message": f"no function named {task!r} is defined"}
    return {"ok": False, "error": error, "observations": {}, "seconds": 0.0}
