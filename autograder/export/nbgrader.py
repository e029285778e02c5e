"""The course as an nbgrader course that nbgrader's own ``generate_assignment``/``autograde`` grade.

Layout written under ``course_dir``::

    nbgrader_config.py                course id, code stub, timeouts, environment for the kernels
    source/<assignment>/exNN_*.ipynb   one notebook per module (nbgrader cell metadata, schema 3)
    gradetape_solutions/exNN_*.py      the references, for the hidden tests (instructor only)

Cells: teaching text as locked markdown; a locked setup cell that imports TensorFlow with stderr
muted (nbgrader scores a test cell 0 when it writes to stderr); each task's function as a solution
cell whose ``### BEGIN SOLUTION`` region ``generate_assignment`` replaces by
``raise NotImplementedError`` (the same stub as ``exercises/``); after it, one locked, autograded
test cell per task worth the task's points, calling :func:`autograder.nbgrader_tests.run_task` on
the public examples and, inside ``### BEGIN HIDDEN TESTS``, on inputs drawn from a seed. Expected
values never appear in a cell: public ones ship with gradetape, hidden ones are computed at
autograde time from ``gradetape_solutions/``, which must never be released to students.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from nbformat.notebooknode import NotebookNode

from autograder.course import Course
from autograder.nbgrader_tests import SOLUTIONS_DIR, SOLUTIONS_ENV
from autograder.secret import derive_seed

SCHEMA_VERSION = 3
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
_DEF = re.compile(r"^def (\w+)\(", re.MULTILINE)

SETUP_CODE = '''# Setup (read-only): imports TensorFlow with its log lines muted, so that the
# test cells' output stays clean. Run this cell first.
GRADETAPE_MODULE = "{module}"
from autograder.nbgrader_tests import setup_kernel

setup_kernel()'''

TEST_CODE = '''# Tests of `{task}` ({points:g} points): the examples from the text here,
# other inputs too when graded.
from autograder.nbgrader_tests import run_task

run_task("{module}", "{task}")'''

HIDDEN_CODE = '''
### BEGIN HIDDEN TESTS
run_task("{module}", "{task}", hidden_seed={seed})
### END HIDDEN TESTS'''

CONFIG = '''"""nbgrader configuration of the gradetape course (from `gradetape export nbgrader`).

Run nbgrader from this folder. Autograding needs gradetape installed and the reference solutions
in {solutions}/ next to this file: keep that folder private, never release it to students.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821  (nbgrader provides get_config when it loads this file)
HERE = Path(__file__).resolve().parent

c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = str(HERE)
# The same stub as gradetape's exercises/ files.
c.ClearSolutions.code_stub = {{"python": "raise NotImplementedError"}}
# Training demos and the first TensorFlow import take longer than nbgrader's default 30 s.
c.Execute.timeout = 300

# Kernels inherit this environment: hidden tests load the references from here at autograde
# time, and TensorFlow keeps its C++ log lines off stderr.
os.environ.setdefault("{env}", str(HERE / "{solutions}"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
'''

SOLUTIONS_README = """# Reference solutions: instructor only

The hidden tests of the nbgrader notebooks run these files at autograde time to compute expected
values. Never release this folder: it holds the answers.
"""


def export_nbgrader(course: Course, course_dir: Path, assignment: str = "gradetape", *,
                    modules: list[str] | None = None, secret: bytes | None = None,
                    course_id: str = "gradetape") -> list[Path]:
    """Write the nbgrader course; returns the files written.

    ``modules`` defaults to every module. Hidden inputs are drawn from seeds derived from
    ``secret`` (pass the course secret for a reproducible export; default: fresh random seeds).
    """
    from autograder.specs import module_names

    names = modules or module_names()
    key = secret if secret is not None else secrets.token_bytes(32)
    source = course_dir / "source" / assignment
    solutions = course_dir / SOLUTIONS_DIR
    source.mkdir(parents=True, exist_ok=True)
    solutions.mkdir(parents=True, exist_ok=True)
    written = [_write(course_dir / "nbgrader_config.py", CONFIG.format(
        course_id=course_id, env=SOLUTIONS_ENV, solutions=SOLUTIONS_DIR)),
        _write(solutions / "README.md", SOLUTIONS_README)]
    for name in names:
        reference = course.solution(name)
        nb = assignment_notebook(name, reference.read_text(), key, assignment)
        written.append(_write(source / f"{name}.ipynb", nbformat.writes(nb) + "\n"))
        written.append(Path(shutil.copyfile(reference, solutions / reference.name)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def assignment_notebook(module: str, solution_text: str, secret: bytes,
                        assignment: str) -> NotebookNode:
    """The instructor's (source) notebook of one module, with nbgrader metadata on its cells."""
    from autograder.specs import SPECS

    spec = SPECS[module]
    cells = list(jupytext.reads(solution_text, fmt="py:percent").cells)
    out: list[NotebookNode] = []
    pending: list[Any] = []  # tasks whose test cells follow the current solution's demo cells
    for cell in cells:
        if cell.cell_type == "markdown" or _is_solution(cell):
            out += [_test_cell(module, task, secret, assignment) for task in pending]
            pending = []
        if not any(c.cell_type == "code" for c in out) and cell.cell_type == "code":
            out.append(_cell("code", SETUP_CODE.format(module=module), "setup", locked=True))
        out.append(_convert(cell, len(out)))
        if _is_solution(cell):
            defined = set(_DEF.findall(cell.source))
            pending = [t for t in spec.tasks if t.name in defined]
    tested = {c.metadata["nbgrader"]["grade_id"] for c in out if "nbgrader" in c.metadata}
    pending += [t for t in spec.tasks if f"{t.name}_test" not in tested and t not in pending]
    out += [_test_cell(module, task, secret, assignment) for task in pending]
    return _notebook(module, out)


def _is_solution(cell: Any) -> bool:
    return cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source


def _convert(cell: Any, index: int) -> NotebookNode:
    if cell.cell_type == "markdown":
        return _cell("markdown", cell.source, f"text_{index:03d}", locked=True)
    if _is_solution(cell):
        names = _DEF.findall(cell.source)
        grade_id = f"{names[0]}_solution" if names else f"solution_{index:03d}"
        return _cell("code", cell.source, grade_id, solution=True)
    return _cell("code", cell.source)  # imports and demos: students may edit them


def _test_cell(module: str, task: Any, secret: bytes, assignment: str) -> NotebookNode:
    source = TEST_CODE.format(module=module, task=task.name, points=task.points)
    if task.hidden is not None:
        seed = derive_seed(secret, "nbgrader", assignment, module, task.name)
        source += HIDDEN_CODE.format(module=module, task=task.name, seed=seed)
    return _cell("code", source, f"{task.name}_test", locked=True, points=task.points)


def _cell(kind: str, source: str, grade_id: str | None = None, *, locked: bool = False,
          solution: bool = False, points: float | None = None) -> NotebookNode:
    """A cell; with ``grade_id``, nbgrader schema-3 metadata (a grade cell when it has points)."""
    cell = (nbformat.v4.new_code_cell(source) if kind == "code"
            else nbformat.v4.new_markdown_cell(source))
    if grade_id is not None:
        meta: dict[str, Any] = {"grade": points is not None, "grade_id": grade_id,
                                "locked": locked, "schema_version": SCHEMA_VERSION,
                                "solution": solution}
        if points is not None:
            meta["points"] = points
        cell.metadata["nbgrader"] = meta
    return cell


def _notebook(module: str, cells: list[NotebookNode]) -> NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = NotebookNode({"kernelspec": dict(KERNELSPEC),
                                "language_info": {"name": "python"}})
    for index, cell in enumerate(cells):
        cell.id = f"{module}-{index:03d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb
