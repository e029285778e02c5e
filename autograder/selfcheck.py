"""The self-check a student runs in their own notebook: ``check("ex04_first_order")``.

It calls the student's functions on the PUBLIC examples of each task, in the student's kernel,
and judges them exactly like the grader, against expected outputs shipped with the package
(:mod:`autograder.expected`): the reference solutions are never needed, and never present on a
student's machine. It is formative only: hidden inputs decide the grade. While a submission is
being graded (``autograder.IN_SANDBOX``), :func:`check` does nothing.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import autograder
from autograder.result import TaskResult

MODULE_VARIABLE = "GRADETAPE_MODULE"
WIDTH = 96
MAX_CASES = 3


class SelfCheckError(RuntimeError):
    """The self-check cannot run: unknown module, no functions found, stale shipped data."""


@dataclass(frozen=True)
class SelfCheckResult:
    """Per-task verdicts on the public examples of one module."""

    module: str
    tasks: tuple[TaskResult, ...]

    @property
    def passed(self) -> bool:
        """Every task passed every public example (and its process checks)."""
        return all(t.status == "passed" for t in self.tasks)


def check(module: str | None = None, namespace: Mapping[str, Any] | None = None) -> None:
    """Print how the functions defined here do on the module's public examples.

    ``module`` defaults to the notebook's ``GRADETAPE_MODULE`` variable, else to the module
    whose task functions are defined. Functions are looked up in ``namespace`` (default: the
    caller's globals, i.e. the notebook), else in ``sys.modules[module]``.
    """
    if autograder.IN_SANDBOX:
        return
    if namespace is None:
        namespace = sys._getframe(1).f_globals
    try:
        result = run_selfcheck(module, namespace)
    except SelfCheckError as exc:
        print(f"Self-check could not run: {exc}")
        return
    print(format_report(result))


def run_selfcheck(module: str | None, namespace: Mapping[str, Any]) -> SelfCheckResult:
    """Run every task's public cases; raises :class:`SelfCheckError` when it cannot."""
    from autograder import inkernel
    from autograder.expected import ExpectedDataError
    from autograder.scoring import score_task

    name = module or infer_module(namespace)
    spec = _spec(name)
    functions = _functions_for(name, namespace)
    inkernel.prepare()
    tasks = []
    for task in spec.tasks:
        try:
            cases = inkernel.public_cases(name, task)
        except ExpectedDataError as exc:
            raise SelfCheckError(str(exc)) from None
        results = inkernel.run_cases(inkernel.find_function(functions, task.name), cases)
        tasks.append(score_task(task, results))
    return SelfCheckResult(name, tuple(tasks))


def infer_module(namespace: Mapping[str, Any]) -> str:
    """``GRADETAPE_MODULE`` if set, else the one module whose task functions are defined here."""
    from autograder.specs import SPECS

    declared = namespace.get(MODULE_VARIABLE)
    if isinstance(declared, str):
        return declared
    counts = {name: sum(callable(namespace.get(t.name)) for t in spec.tasks)
              for name, spec in SPECS.items()}
    best = max(counts.values())
    found = [name for name, count in counts.items() if count == best]
    if best == 0 or len(found) > 1:
        raise SelfCheckError('cannot tell which module to check: call check("exNN_name")')
    return found[0]


def _spec(name: str) -> Any:
    from autograder.specs import SPECS

    if name not in SPECS:
        raise SelfCheckError(f"unknown module {name!r}; the modules are {', '.join(SPECS)}")
    return SPECS[name]


def _functions_for(name: str, namespace: Mapping[str, Any]) -> Mapping[str, Any]:
    """The caller's namespace if it defines a task of ``name``, else the imported module's."""
    tasks = [t.name for t in _spec(name).tasks]
    if any(callable(namespace.get(t)) for t in tasks):
        return namespace
    imported = sys.modules.get(name)
    if imported is not None:
        return vars(imported)
    raise SelfCheckError(f"none of the functions of {name} ({', '.join(tasks)}) is defined "
                         f"here: run the cells that define them first (or `import {name}`)")


def format_report(result: SelfCheckResult) -> str:
    """The text a student reads: one line per task, the diagnosis and hints of each failure."""
    from autograder import hints

    passed = sum(t.status == "passed" for t in result.tasks)
    lines = [f"Self-check of {result.module} on the examples from the text.",
             "This is formative only, never your grade: grading also uses hidden inputs.", ""]
    width = max(len(t.task) for t in result.tasks)
    for task in result.tasks:
        mark = _mark(task)
        if task.status == "passed":
            lines.append(f"  {mark}  {task.task:<{width}}  {len(task.cases)} example(s) passed")
            continue
        lines.append(f"  {mark}  {task.task}")
        failing = [c.message for c in task.cases if not c.passed]
        lines += [_indent(message) for message in failing[:MAX_CASES]]
        if len(failing) > MAX_CASES:
            lines.append(_indent(f"... and {len(failing) - MAX_CASES} more failing example(s)"))
        lines += [_indent(f"Hint: {hints.text(h)}") for h in task.hints if h in hints.CATALOG]
    lines += ["", f"{passed} of {len(result.tasks)} tasks pass their examples."]
    if passed == len(result.tasks):
        lines.append("Well done. Hidden inputs may still find a mistake the examples miss.")
    return "\n".join(lines)


def _mark(task: TaskResult) -> str:
    if task.status == "passed":
        return "PASS"
    return "TODO" if task.hints == ("not-implemented",) else "FAIL"


def _indent(text: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=" " * 8, subsequent_indent=" " * 10)
