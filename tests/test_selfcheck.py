"""The student's self-check: the grader's verdicts on the public examples, in the student's own
kernel."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import tensorflow as tf

import autograder
from autograder import hints
from autograder.selfcheck import SelfCheckError, check, infer_module, run_selfcheck
from autograder.specs import SPECS, module_names


def reference_namespace(course, module: str) -> dict:
    """The reference's functions, as a notebook that defines them would hold them."""
    path = course.solution(module)
    spec = importlib.util.spec_from_file_location(f"selfcheck_ref_{module}", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return {t.name: getattr(loaded, t.name) for t in SPECS[module].tasks}


def _no_tape(x):
    return tf.constant(3.0 * x * x)


def _unwatched(f, x):
    c = tf.constant(x)
    with tf.GradientTape() as tape:
        y = f(c)
    return tape.gradient(y, c)


def _numpy_array(values):
    return np.array(values)


def _todo(*args):
    raise NotImplementedError


@pytest.mark.parametrize(
    ("module", "task", "wrong", "want"),
    [
        ("ex04_first_order", "cube_gradient", _no_tape, "no-tape"),
        ("ex04_first_order", "derivative", _unwatched, "gradient-none-unwatched"),
        ("ex01_constants", "make_constant", _numpy_array, "not-a-tensor"),
        ("ex01_constants", "to_numpy", _todo, "not-implemented"),
        ("ex04_first_order", "gradient_of_sum", None, "missing-function"),
    ],
)
def test_a_wrong_task_fails_with_its_hint_and_the_others_pass(course, capsys, module, task,
                                                              wrong, want):
    namespace = reference_namespace(course, module)
    if wrong is None:
        del namespace[task]
    else:
        namespace[task] = wrong
    check(module, namespace)
    out = capsys.readouterr().out
    assert hints.text(want)[:60] in " ".join(out.split())
    verdicts = {line.split()[1]: line.split()[0] for line in out.splitlines()
                if line.startswith("  ") and line.split()[0] in ("PASS", "FAIL", "TODO")}
    assert verdicts.pop(task) == ("TODO" if want == "not-implemented" else "FAIL")
    assert set(verdicts.values()) == {"PASS"}
    assert "never your grade" in out


@pytest.mark.parametrize("module", module_names())
def test_reference_functions_pass_every_task(course, module):
    result = run_selfcheck(module, reference_namespace(course, module))
    assert result.passed
    assert [t.task for t in result.tasks] == [t.name for t in SPECS[module].tasks]


def test_check_from_a_notebook_finds_the_module_and_functions_in_the_caller(course, capsys):
    namespace = {**reference_namespace(course, "ex04_first_order"),
                 "GRADETAPE_MODULE": "ex04_first_order"}
    exec("from autograder import check\ncheck()", namespace)
    assert "4 of 4 tasks pass their examples" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("namespace", "want"),
    [
        ({"GRADETAPE_MODULE": "ex05_second_order"}, "ex05_second_order"),
        ({"make_variable": print, "decrement": print}, "ex02_variables"),
        ({"matmul": print, "predict": print}, SelfCheckError),
        ({}, SelfCheckError),
    ],
)
def test_module_inferred_from_the_variable_or_the_functions(namespace, want):
    if want is SelfCheckError:
        with pytest.raises(SelfCheckError, match="cannot tell which module"):
            infer_module(namespace)
    else:
        assert infer_module(namespace) == want


@pytest.mark.parametrize(
    ("module", "namespace", "want"),
    [
        ("ex99_nothing", {}, "unknown module 'ex99_nothing'"),
        ("ex04_first_order", {"unrelated": print}, "none of the functions of ex04_first_order"),
        (None, {}, "cannot tell which module"),
    ],
)
def test_when_it_cannot_run_it_says_why(capsys, monkeypatch, module, namespace, want):
    if module:  # an earlier test may have left a module of that name imported
        monkeypatch.delitem(sys.modules, module, raising=False)
    check(module, namespace)
    assert f"Self-check could not run: {want}" in capsys.readouterr().out


def test_functions_of_an_imported_module_are_found(course, monkeypatch, capsys):
    module = type(sys)("ex01_constants")
    vars(module).update(reference_namespace(course, "ex01_constants"))
    monkeypatch.setitem(sys.modules, "ex01_constants", module)
    check("ex01_constants", {})
    assert "4 of 4 tasks pass" in capsys.readouterr().out


def test_silent_no_op_while_graded_in_the_sandbox(monkeypatch, capsys):
    monkeypatch.setattr(autograder, "IN_SANDBOX", True)
    calls = []
    monkeypatch.setattr("autograder.selfcheck.run_selfcheck", lambda *a: calls.append(a))
    autograder.check("ex04_first_order")
    check("ex04_first_order", {})
    assert capsys.readouterr() == ("", "") and calls == []


STUDENT_MACHINE = textwrap.dedent("""
    import importlib.util, sys
    spec = importlib.util.spec_from_file_location("ref", sys.argv[1])
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    cube_gradient, derivative = ref.cube_gradient, ref.derivative
    solutions = sys.argv[2]

    def refuse(event, args):  # from here on, the reference solutions do not exist
        if event == "open" and str(args[0]).startswith(solutions):
            raise PermissionError(f"self-check opened {args[0]}")

    sys.addaudithook(refuse)
    GRADETAPE_MODULE = "ex04_first_order"
    from autograder import check
    check()
""")


@pytest.mark.slow
def test_runs_without_the_reference_solutions(course, tmp_path):
    empty = tmp_path / "empty-course"
    empty.mkdir()
    env = {**os.environ, "GRADETAPE_COURSE": str(empty), "TF_CPP_MIN_LOG_LEVEL": "3"}
    run = subprocess.run([sys.executable, "-c", STUDENT_MACHINE,
                          str(course.solution("ex04_first_order")), str(course.solutions)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    out = " ".join(run.stdout.split())
    assert "PASS cube_gradient" in out and "PASS derivative" in out
    assert "FAIL partial_derivatives" in out and hints.text("missing-function")[:40] in out
    assert "2 of 4 tasks pass" in out
