"""Student notebooks: generated from the stubs, reproducible, in sync, gradable to full marks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import jupytext
import nbformat
import pytest

from autograder.build import stub_text
from autograder.course import Course
from autograder.nbbuild import build_notebooks, notebook_for, notebooks_out_of_sync, render
from autograder.specs import SPECS, module_names

MODULES = module_names()


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_committed_notebooks_are_in_sync(course):
    assert notebooks_out_of_sync(course) == []


def test_two_builds_are_byte_identical(course, tmp_path):
    first = build_notebooks(course, tmp_path / "a").written
    second = build_notebooks(course, tmp_path / "b").written
    assert [p.name for p in first] == [f"{m}.ipynb" for m in MODULES]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    assert build_notebooks(course, tmp_path / "a").written == ()


@pytest.mark.parametrize("module", MODULES)
def test_notebook_is_the_stub_plus_setup_and_self_check(course, module):
    nb = nbformat.reads((course.root / "notebooks" / f"{module}.ipynb").read_text(), as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert [c.id for c in nb.cells] == [f"{module}-{i:03d}" for i in range(len(nb.cells))]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    stub = jupytext.reads(stub_text(course.solution(module)), fmt="py:percent")
    assert _code(nb)[1:-1] == _code(stub)[1:]  # the stub's cells, between setup and check
    assert f'GRADETAPE_MODULE = "{module}"' in code[0].source
    assert code[-1].source.endswith(f'check("{module}")')
    assert nb.cells[-2].cell_type == "markdown" and "never your grade" in nb.cells[-2].source
    text = json.dumps(nb)
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text


def test_a_changed_solution_makes_its_notebook_stale_until_rebuilt(course, tmp_path):
    shutil.copytree(course.solutions, tmp_path / "solutions")
    copy = Course(tmp_path)
    build_notebooks(copy)
    target = copy.solution("ex02_variables")
    edited = target.read_text().replace("# %% [markdown]\n", "# %% [markdown]\n# Edit\n#\n", 1)
    target.write_text(edited)
    assert [p.name for p in notebooks_out_of_sync(copy)] == ["ex02_variables.ipynb"]
    assert [p.name for p in build_notebooks(copy).written] == ["ex02_variables.ipynb"]
    assert notebooks_out_of_sync(copy) == []


def filled_notebook(course: Course, module: str) -> str:
    """The student notebook with each stub cell replaced by the reference's cell."""
    nb = notebook_for(course.solution(module))
    reference = jupytext.reads(course.solution(module).read_text(), fmt="py:percent")
    solutions = [s for s in _code(reference) if "### BEGIN SOLUTION" in s]
    stubs = [c for c in nb.cells
             if c.cell_type == "code" and "raise NotImplementedError" in c.source]
    assert len(stubs) == len(solutions) == len(SPECS[module].tasks)
    for cell, source in zip(stubs, solutions):
        cell.source = source
    return render(nb)


@pytest.mark.slow
def test_notebooks_grade_full_when_filled_in_and_zero_as_built(course, tmp_path):
    modules = ["ex01_constants", "ex04_first_order"]
    for student, text in [("filled", lambda m: filled_notebook(course, m)),
                          ("asbuilt", lambda m: (course.root / "notebooks" / f"{m}.ipynb")
                           .read_text())]:
        (tmp_path / student).mkdir()
        for module in modules:
            (tmp_path / student / f"{module}.ipynb").write_text(text(module))
    run = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "grade", str(tmp_path / "filled"),
         str(tmp_path / "asbuilt"), "--json", "--secret-file",
         str(course.root / "examples" / "class-secret.txt")],
        capture_output=True, text=True, timeout=600, cwd=course.root,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert run.returncode == 0, run.stderr[-3000:]
    graded = {s["student"]: {e["exercise"]: e for e in s["exercises"]}
              for s in json.loads(run.stdout)}
    for module in modules:
        filled, built = graded["filled"][module], graded["asbuilt"][module]
        assert filled["score"] == filled["max_score"] == SPECS[module].max_score, filled["message"]
        assert filled["message"] == ""  # no cell raised: the check cell is a no-op when graded
        assert built["status"] == "graded" and built["score"] == 0
        assert all(t["hints"] == ["not-implemented"] for t in built["tasks"])
