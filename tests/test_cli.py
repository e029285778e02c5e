"""The gradetape command line, end to end, through the real sandbox.

One grading run of the references and the stubs is shared by several tests (each run pays a
TensorFlow import in the grader and in its workers).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = ROOT / "examples" / "class-secret.txt"
pytestmark = pytest.mark.slow


def gradetape(*args: str, cwd: Path = ROOT, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    env.pop("GRADETAPE_SECRET", None)
    return subprocess.run([sys.executable, "-m", "autograder.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def graded() -> dict[str, dict]:
    run = gradetape("grade", "solutions", "exercises", "--json", "--secret-file", str(SECRET))
    assert run.returncode == 0, run.stderr[-3000:]
    return {s["student"]: s for s in json.loads(run.stdout)}


def test_references_earn_full_marks_on_every_module(graded):
    solutions = graded["solutions"]
    assert len(solutions["exercises"]) == 11
    assert solutions["score"] == solutions["max_score"] == 77
    for exercise in solutions["exercises"]:
        assert exercise["status"] == "graded"
        assert all(t["status"] == "passed" for t in exercise["tasks"]), exercise["exercise"]


def test_stubs_earn_zero_with_not_implemented_everywhere(graded):
    stubs = graded["exercises"]
    assert stubs["score"] == 0 and "internal_errors" not in stubs
    tasks = [t for e in stubs["exercises"] for t in e["tasks"]]
    assert len(tasks) == 44
    assert all(t["status"] == "error" and t["hints"] == ["not-implemented"] for t in tasks)


def test_json_contract_fields(graded):
    student = graded["solutions"]
    assert {"student", "score", "max_score", "exercises", "environment"} <= set(student)
    assert {"tensorflow", "numpy", "python", "gradetape"} <= set(student["environment"])
    exercise = student["exercises"][0]
    assert {"exercise", "status", "score", "max_score", "message", "tasks"} <= set(exercise)
    task = exercise["tasks"][0]
    assert {"task", "status", "score", "max_score", "feedback", "hints", "hidden"} <= set(task)


def test_hidden_case_feedback_never_reveals_the_expected_value(tmp_path):
    student = tmp_path / "mia"
    student.mkdir()
    (student / "ex04_first_order.py").write_text(
        "import tensorflow as tf\n\ndef cube_gradient(x):\n    return tf.constant(27.0)\n")
    run = gradetape("grade", str(student / "ex04_first_order.py"), "--json",
                    "--secret-file", str(SECRET))
    task = json.loads(run.stdout)[0]["exercises"][0]["tasks"][0]
    assert "hard-coded" in task["hints"]
    hidden = [c for c in task["cases"] if c["hidden"] and not c["passed"]]
    assert hidden and all("expected" not in c["message"] and "call" not in c for c in hidden)


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (["grade", "no/such/path"], "no such file"),
        (["grade", "README.md"], "not a submission"),
        (["grade", "solutions", "--jobs", "-1"], "Invalid value"),
        (["grade", "solutions", "--secret-file", "missing-secret"], "does not exist"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args, want):
    run = gradetape(*args, timeout=120)
    assert run.returncode == 2
    assert want in run.stderr


def test_list_shows_modules_tasks_and_points():
    run = gradetape("list", timeout=120)
    assert run.returncode == 0
    assert "ex04_first_order" in run.stdout and "cube_gradient" in run.stdout
    assert "11 modules, 44 tasks, 77 points" in run.stdout


def test_table_output_names_the_diagnosis():
    run = gradetape("grade", "examples/class/ben_okafor", "--secret-file", str(SECRET))
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ben_okafor" in run.stdout and "57/77" in run.stdout
    for hint in ("gradient-none-integer", "tapes-not-nested", "gradient-none-unwatched",
                 "tape-not-persistent", "sum-not-mean", "lr-sign"):
        assert hint in run.stdout
