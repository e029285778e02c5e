"""The nbgrader course export, graded by the real nbgrader: reference full marks, stubs zero.

One course is exported, released with ``nbgrader generate_assignment`` and autograded with
``nbgrader autograde`` for three students; the tests read nbgrader's own gradebook. Two modules
keep the run short (each notebook costs a kernel start and a TensorFlow import).
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.export.nbgrader import export_nbgrader
from autograder.specs import SPECS, module_names

nbgrader = pytest.importorskip("nbgrader", reason="install the nbgrader extra")
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3  # noqa: E402

ASSIGNMENT = "ps1"
MODULES = ["ex01_constants", "ex04_first_order"]
SECRET = b"test-export-secret"
RUN_TASK = re.compile(r"^run_task\('(\w+)', '(\w+)'(?:, hidden_seed=\d+)?\)$")


def _nbgrader_cells(path: Path) -> dict[str, nbformat.NotebookNode]:
    nb = nbformat.read(path, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, course) -> Path:
    folder = tmp_path_factory.mktemp("nbgrader-all")
    export_nbgrader(course, folder, ASSIGNMENT, secret=SECRET)
    return folder


@pytest.mark.parametrize("module", module_names())
def test_nbgraders_validator_accepts_every_exported_notebook(exported, module):
    nb = nbformat.read(exported / "source" / ASSIGNMENT / f"{module}.ipynb", as_version=4)
    nbformat.validate(nb)
    MetadataValidatorV3().validate_nb(nb)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert [(c.metadata.nbgrader.grade_id, c.metadata.nbgrader.points) for c in tests] == [
        (f"{t.name}_test", t.points) for t in SPECS[module].tasks]
    assert all(c.metadata.nbgrader.locked for c in tests)
    assert all(c.metadata.nbgrader.locked for c in nb.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("module", module_names())
def test_test_cells_hold_calls_only_never_expected_values(exported, module):
    """A test cell's code is an import and run_task calls: no value a student could copy."""
    for grade_id, cell in _nbgrader_cells(exported / "source" / ASSIGNMENT / f"{module}.ipynb"
                                          ).items():
        if not grade_id.endswith("_test"):
            continue
        statements = ast.parse(cell.source).body
        assert ast.unparse(statements[0]) == "from autograder.nbgrader_tests import run_task"
        calls = [RUN_TASK.match(ast.unparse(s)) for s in statements[1:]]
        assert all(calls) and {c.groups() for c in calls} == {(module, grade_id[:-5])}
        assert "### BEGIN HIDDEN TESTS" in cell.source


def test_export_is_reproducible_with_a_secret_and_private_without(course, tmp_path, exported):
    again = export_nbgrader(course, tmp_path / "again", ASSIGNMENT, secret=SECRET)
    fresh = export_nbgrader(course, tmp_path / "fresh", ASSIGNMENT)
    for path in again:
        relative = path.relative_to(tmp_path / "again")
        assert path.read_bytes() == (exported / relative).read_bytes(), relative
    notebook = Path("source", ASSIGNMENT, "ex04_first_order.ipynb")
    assert (tmp_path / "fresh" / notebook).read_text() != (exported / notebook).read_text()
    assert len(fresh) == len(again) == 2 + 2 * len(module_names())


def test_references_and_config_sit_outside_the_released_source(course, exported):
    for module in module_names():
        copy = exported / "gradetape_solutions" / f"{module}.py"
        assert copy.read_bytes() == course.solution(module).read_bytes()
    assert not list((exported / "source").rglob("*.py"))
    config = (exported / "nbgrader_config.py").read_text()
    assert 'c.ClearSolutions.code_stub = {"python": "raise NotImplementedError"}' in config
    assert "c.CourseDirectory.course_id = 'gradetape'" in config


# ---------------------------------------------------------------- the real nbgrader


def nbgrader_cli(course_dir: Path, *args: str) -> None:
    # nbgrader runs `alembic` from PATH and loads nbgrader_config.py from the working directory.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)  # the course's config must make the kernels quiet
    env.pop("GRADETAPE_SOLUTIONS", None)
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-4000:]


def submit(course_dir: Path, student: str, module: str, edit=None) -> None:
    """Hand in the released notebook, its solution cells replaced by ``edit(grade_id, source)``."""
    released = course_dir / "release" / ASSIGNMENT / f"{module}.ipynb"
    nb = nbformat.read(released, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and edit is not None:
            cell.source = edit(meta["grade_id"], cell.source)
    folder = course_dir / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{module}.ipynb")


NOISE = '''
    import sys
    print("debugging output on stderr", file=sys.stderr)
    tf.get_logger().warning("a TensorFlow warning")
'''


@pytest.fixture(scope="module")
def graded(tmp_path_factory, course) -> Path:
    folder = tmp_path_factory.mktemp("nbgrader-course")
    export_nbgrader(course, folder, ASSIGNMENT, modules=MODULES, secret=SECRET)
    nbgrader_cli(folder, "generate_assignment", ASSIGNMENT, "--force")
    for module in MODULES:
        source = _nbgrader_cells(folder / "source" / ASSIGNMENT / f"{module}.ipynb")
        submit(folder, "perfect", module, lambda gid, _, cells=source: cells[gid].source)
        submit(folder, "stubs", module)
    # Right answers from functions that also write to stderr and log TensorFlow warnings.
    noisy = _nbgrader_cells(folder / "source" / ASSIGNMENT / "ex01_constants.ipynb")
    submit(folder, "noisy", "ex01_constants",
           lambda gid, _: noisy[gid].source.replace("    ### BEGIN SOLUTION\n",
                                                    "    ### BEGIN SOLUTION" + NOISE, 1))
    nbgrader_cli(folder, "autograde", ASSIGNMENT, "--force")
    return folder


def scores(course_dir: Path, student: str) -> dict[str, tuple[float, float]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, student)
        return {f"{nb.name}.{grade.name}": (grade.score, grade.max_score)
                for nb in submission.notebooks for grade in nb.grades}


def _all_tests(modules: list[str]) -> set[str]:
    return {f"{m}.{t.name}_test" for m in modules for t in SPECS[m].tasks}


@pytest.mark.slow
def test_reference_earns_full_marks_in_nbgraders_gradebook(graded):
    got = scores(graded, "perfect")
    assert set(got) == _all_tests(MODULES)
    assert all(score == maximum > 0 for score, maximum in got.values()), got
    assert sum(m for _, m in got.values()) == sum(SPECS[m].max_score for m in MODULES)


@pytest.mark.slow
def test_released_stubs_earn_zero(graded):
    got = scores(graded, "stubs")
    assert set(got) == _all_tests(MODULES) and all(s == 0 for s, _ in got.values()), got


@pytest.mark.slow
def test_stderr_from_the_students_functions_does_not_cost_points(graded):
    got = scores(graded, "noisy")
    assert all(got[key][0] == got[key][1] for key in _all_tests(["ex01_constants"])), got
    assert all(got[key][0] == 0 for key in _all_tests(["ex04_first_order"]))  # not submitted


@pytest.mark.slow
def test_hidden_tests_ran_at_autograde_time_and_stubs_got_the_diagnosis(graded):
    outputs = {}
    for student in ("perfect", "stubs"):
        folder = graded / "autograded" / student / ASSIGNMENT
        cells = _nbgrader_cells(folder / "ex04_first_order.ipynb")
        outputs[student] = json.dumps(cells["derivative_test"].outputs)
    assert "derivative: 2 public case(s) passed, 3 hidden case(s) passed" in outputs["perfect"]
    assert "raised NotImplementedError" in outputs["stubs"]
    assert '"stderr"' not in outputs["perfect"]


@pytest.mark.slow
def test_released_notebooks_hide_solutions_and_hidden_tests_and_match_the_stubs(graded, root):
    for module in MODULES:
        released = graded / "release" / ASSIGNMENT / f"{module}.ipynb"
        text = released.read_text()
        for secret in ("BEGIN SOLUTION", "HIDDEN TESTS", "hidden_seed"):
            assert secret not in text
        MetadataValidatorV3().validate_nb(nbformat.read(released, as_version=4))
        stubs = [c.source for c in _nbgrader_cells(released).values()
                 if c.metadata.nbgrader.solution]
        built = nbformat.read(root / "notebooks" / f"{module}.ipynb", as_version=4)
        assert stubs == [c.source for c in built.cells if "raise NotImplementedError" in c.source]
