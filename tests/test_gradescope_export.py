"""The Gradescope autograder zip: its layout, and ``run_autograder`` run locally.

The run test lays the zip out as Gradescope does (``source/``, ``submission/``, ``results/``
under one root), skips ``setup.sh`` (it installs into a fresh venv from the network) and points
``run_autograder`` at this interpreter with ``GRADETAPE_PYTHON``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from autograder.export.gradescope import ExportError, build_autograder_zip, unpack
from autograder.reports.gradescope import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
MODULE = "ex04_first_order"
BROKEN = "\n\ndef cube_gradient(x):\n    return None\n"  # overrides one task's reference


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "autograder.zip"
    return build_autograder_zip(ROOT, out, modules=[MODULE])


def test_zip_has_the_scripts_at_its_root_and_the_course(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = set(archive.namelist())
        modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in archive.infolist()}
        run = archive.read("run_autograder").decode()
    assert {"setup.sh", "run_autograder", "gradetape-secret", "pyproject.toml",
            "constraints.txt", "README.md", "autograder/cli.py",
            "autograder/reports/gradescope_schema.json", f"solutions/{MODULE}.py",
            "autograder/export/gradescope_files/run_autograder"} <= names
    assert modes["setup.sh"] == modes["run_autograder"] == 0o755
    assert modes["gradetape-secret"] == 0o600
    assert {m for n, m in modes.items() if n.startswith("solutions/")} == {0o600}
    assert modes["autograder/harness.py"] == 0o644  # the sandboxed child imports it
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("tests/", "examples/", "exercises/", "."))]
    assert f'GRADETAPE_MODULES-{MODULE}' in run and "@MODULES@" not in run


def test_each_export_draws_a_new_secret(autograder_zip, tmp_path):
    again = build_autograder_zip(ROOT, tmp_path / "again.zip")
    secrets = [zipfile.ZipFile(z).read("gradetape-secret").strip() for z in (autograder_zip, again)]
    assert secrets[0] != secrets[1] and all(len(s) == 64 for s in secrets)


@pytest.mark.parametrize("modules", [["ex99_nothing"], ["../solutions/ex04_first_order"]])
def test_unknown_modules_are_refused(tmp_path, modules):
    with pytest.raises(ExportError, match="unknown module"):
        build_autograder_zip(ROOT, tmp_path / "a.zip", modules=modules)


def test_a_course_without_constraints_is_refused(tmp_path):
    course = tmp_path / "course"
    (course / "solutions").mkdir(parents=True)
    with pytest.raises(ExportError, match=r"constraints\.txt"):
        build_autograder_zip(course, tmp_path / "a.zip")


@pytest.mark.parametrize("script", ["setup.sh", "run_autograder"])
def test_scripts_are_valid_bash(autograder_zip, tmp_path, script):
    unpack(autograder_zip, tmp_path)
    assert os.stat(tmp_path / script).st_mode & stat.S_IXUSR
    subprocess.run(["bash", "-n", str(tmp_path / script)], check=True)


def run_autograder(autograder_zip: Path, root: Path, submission: str | None) -> tuple[int, dict]:
    """Lay out ``root`` like /autograder, submit ``submission`` as the module, run, read results."""
    unpack(autograder_zip, root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "submission" / "nested").mkdir(parents=True)
    if submission is not None:  # inside a folder, as when a student uploads a zipped folder
        (root / "submission" / "nested" / f"{MODULE}.py").write_text(submission)
    (root / "submission_metadata.json").write_text(json.dumps({"users": [{"id": "4242"}]}))
    env = {**os.environ, "GRADETAPE_AUTOGRADER_ROOT": str(root), "GRADETAPE_PYTHON": sys.executable}
    env.pop("GRADETAPE_MODULES", None)
    run = subprocess.run([str(root / "run_autograder")], cwd=root, env=env, capture_output=True,
                         text=True, timeout=600)
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert "as student 4242" in run.stdout, run.stdout + run.stderr[-3000:]
    return run.returncode, results


REFERENCE = (ROOT / "solutions" / f"{MODULE}.py").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(("submission", "want_rc", "want_score", "want_failed"), [
    (REFERENCE, 0, 8.0, []),
    (REFERENCE + BROKEN, 0, 6.0, [f"{MODULE}.cube_gradient"]),
    (None, 0, 0.0, [f"{MODULE}.{t}" for t in ("cube_gradient", "derivative",
                                              "partial_derivatives", "gradient_of_sum")]),
])
def test_run_autograder_grades_the_submission(autograder_zip, tmp_path, submission, want_rc,
                                              want_score, want_failed):
    rc, results = run_autograder(autograder_zip, tmp_path, submission)
    assert rc == want_rc
    assert results["score"] == want_score
    assert len(results["tests"]) == 4  # only the exported module's tasks
    assert sum(t["max_score"] for t in results["tests"]) == 8.0
    assert [t["name"] for t in results["tests"] if t["status"] == "failed"] == want_failed
