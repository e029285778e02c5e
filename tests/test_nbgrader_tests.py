"""What nbgrader test cells call: verdicts, diagnoses, where the hidden tests find references."""

from __future__ import annotations

import importlib.util
import re

import pytest
import tensorflow as tf

from autograder.nbgrader_tests import (
    SOLUTIONS_DIR,
    SOLUTIONS_ENV,
    ReferencesMissingError,
    run_task,
    solutions_folder,
)
from autograder.specs import SPECS


@pytest.fixture(scope="module")
def ex04(course) -> dict:
    spec = importlib.util.spec_from_file_location("nbtests_ref_ex04",
                                                  course.solution("ex04_first_order"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {t.name: getattr(module, t.name) for t in SPECS["ex04_first_order"].tasks}


def _hard_coded(x):
    v = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = v**3
    return tape.gradient(y, v)  # right for the public example only


@pytest.mark.parametrize(
    ("func", "hidden", "want"),
    [
        ("reference", False, "cube_gradient: 1 public case(s) passed\n"),
        ("reference", True, "cube_gradient: 1 public case(s) passed, 3 hidden case(s) passed"),
        (_hard_coded, False, "cube_gradient: 1 public case(s) passed\n"),
        (_hard_coded, True, AssertionError("3 of 4 case(s) failed (3 of them hidden)")),
        (_hard_coded, True, AssertionError("the right answer for the example in the text")),
        (None, False, AssertionError("could not find this function")),
    ],
)
def test_run_task_passes_quietly_or_raises_the_diagnosis(ex04, course, monkeypatch, capfd, func,
                                                         hidden, want):
    monkeypatch.setenv(SOLUTIONS_ENV, str(course.solutions))
    namespace = {"cube_gradient": ex04["cube_gradient"] if func == "reference" else func}
    seed = 1234 if hidden else None
    if isinstance(want, AssertionError):
        with pytest.raises(AssertionError, match=re.escape(str(want))):
            run_task("ex04_first_order", "cube_gradient", seed, namespace)
    else:
        run_task("ex04_first_order", "cube_gradient", seed, namespace)
        assert want in capfd.readouterr().out
    assert capfd.readouterr().err == ""  # nbgrader scores a test cell 0 on any stderr


def test_hidden_cases_without_the_references_are_a_setup_error(ex04, monkeypatch, tmp_path):
    monkeypatch.delenv(SOLUTIONS_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReferencesMissingError, match=SOLUTIONS_ENV):
        run_task("ex04_first_order", "cube_gradient", 1, ex04)


@pytest.mark.parametrize(
    ("env", "cwd", "folders", "want"),
    [
        ("refs", ".", ["refs"], "refs"),
        (None, "autograded/stu/ps1", [SOLUTIONS_DIR], SOLUTIONS_DIR),
        # A folder the student submitted is never trusted: only the layout above it is.
        (None, "autograded/stu/ps1", [f"autograded/stu/ps1/{SOLUTIONS_DIR}"], None),
        (None, "elsewhere", [SOLUTIONS_DIR], None),
        ("missing", ".", [], None),
    ],
)
def test_references_come_from_the_env_or_the_autograde_layout(monkeypatch, tmp_path, env, cwd,
                                                              folders, want):
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / cwd).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path / cwd)
    if env:
        monkeypatch.setenv(SOLUTIONS_ENV, str(tmp_path / env))
    else:
        monkeypatch.delenv(SOLUTIONS_ENV, raising=False)
    if want is None:
        with pytest.raises(ReferencesMissingError):
            solutions_folder()
    else:
        assert solutions_folder() == (tmp_path / want).resolve()
