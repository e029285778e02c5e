"""What the test cells of an nbgrader course (:mod:`autograder.export.nbgrader`) call.

A test cell checks one task in the student's kernel::

    from autograder.nbgrader_tests import run_task
    run_task("ex04_first_order", "cube_gradient")
    ### BEGIN HIDDEN TESTS
    run_task("ex04_first_order", "cube_gradient", hidden_seed=1234567)
    ### END HIDDEN TESTS

The public call needs no reference: its expectations ship with the package
(:mod:`autograder.expected`). The hidden call checks the public cases again plus cases whose
inputs it draws from the seed in the cell (students never see it: ``generate_assignment`` strips
the region), and computes their expected values at autograde time by running the reference
solutions, which live only on the instructor's machine, in the folder named by
``$GRADETAPE_SOLUTIONS`` (the exported ``nbgrader_config.py`` sets it to the course's
``gradetape_solutions/``). A failing case raises :class:`AssertionError` with the
grader's diagnosis; nothing is written to stderr, which nbgrader would score as a failure.

Trust: nbgrader runs these cells in the kernel that ran the student's code, unsandboxed, so a
submission written to attack the tests can defeat them. For untrusted submissions grade the
``.ipynb`` files with ``gradetape grade``, which runs them in its sandbox.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autograder.course import Course
from autograder.result import TaskResult
from autograder.scoring import score_task

SOLUTIONS_ENV = "GRADETAPE_SOLUTIONS"
SOLUTIONS_DIR = "gradetape_solutions"


class ReferencesMissingError(RuntimeError):
    """Hidden tests ran where the reference solutions are not (a setup fault, not the student's)."""


@dataclass(frozen=True)
class SolutionsFolder(Course):
    """A folder holding the reference modules themselves (the export's ``gradetape_solutions/``)."""

    @property
    def solutions(self) -> Path:
        """The folder itself."""
        return self.root


def setup_kernel() -> None:
    """Import TensorFlow and start its devices with stderr muted (the notebook's first cell)."""
    from autograder import inkernel

    inkernel.prepare()


def run_task(module: str, task: str, hidden_seed: int | None = None,
             namespace: Mapping[str, Any] | None = None) -> None:
    """Check ``task`` on its public cases (and hidden ones drawn from ``hidden_seed``).

    Raises :class:`AssertionError` with the diagnosis when a case fails. The functions are looked
    up in ``namespace`` (default: the calling cell's globals).
    """
    __tracebackhide__ = True  # IPython: show the diagnosis, not this frame
    from autograder import inkernel
    from autograder.specs import SPECS

    if namespace is None:
        namespace = sys._getframe(1).f_globals
    spec_task = SPECS[module].task(task)
    inkernel.prepare()
    # The public cases run with the hidden ones too: together they reveal a hard-coded answer.
    cases = inkernel.public_cases(module, spec_task)
    if hidden_seed is not None:
        cases += inkernel.hidden_cases(module, spec_task, hidden_seed, references())
    result = score_task(spec_task, inkernel.run_cases(inkernel.find_function(namespace, task),
                                                      cases))
    if result.status != "passed":
        raise AssertionError(failure_message(result))
    hidden = sum(c.hidden for c in result.cases)
    print(f"{task}: {len(result.cases) - hidden} public case(s) passed"
          + (f", {hidden} hidden case(s) passed" if hidden else ""))


def failure_message(result: TaskResult) -> str:
    """The diagnosis of the failing cases and the hints that explain them."""
    from autograder import hints

    failing = [c for c in result.cases if not c.passed]
    hidden = sum(c.hidden for c in failing)
    lines = [f"{result.task}: {len(failing)} of {len(result.cases)} case(s) failed "
             f"({hidden} of them hidden)"]
    lines += [f"  {c.message}" for c in failing[:3]]
    lines += [f"  Hint: {hints.text(h)}" for h in result.hints if h in hints.CATALOG]
    return "\n".join(lines)


def solutions_folder() -> Path:
    """Where the references are: ``$GRADETAPE_SOLUTIONS``, else the course of an autograde run.

    The fallback trusts only the folder layout above the submission (``COURSE/autograded/
    STUDENT/ASSIGNMENT``), never a folder a student could have submitted.
    """
    value = os.environ.get(SOLUTIONS_ENV)
    parents = Path.cwd().resolve().parents
    folder: Path | None = None
    if value:
        folder = Path(value)
    elif len(parents) >= 3 and parents[1].name == "autograded":
        folder = parents[2] / SOLUTIONS_DIR
    if folder is None or not folder.is_dir():
        raise ReferencesMissingError(
            f"hidden tests need the reference solutions (looked in {folder or 'no folder'}): run "
            f"nbgrader autograde from the course folder, whose nbgrader_config.py sets "
            f"${SOLUTIONS_ENV}")
    return folder.resolve()


def references() -> Any:
    """The references of :func:`solutions_folder`, loaded once per folder."""
    return _references_at(solutions_folder())


@functools.lru_cache(maxsize=4)
def _references_at(folder: Path) -> Any:
    from autograder.reference import References

    return References(SolutionsFolder(folder))
