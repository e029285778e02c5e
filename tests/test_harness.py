"""What the child-side harness reports: loads, trimmed tracebacks, outputs and tape usage."""

from __future__ import annotations

import pytest

import autograder
from autograder import codec, harness, observe

observe.install()


@pytest.fixture(autouse=True)
def _outside_the_sandbox_afterwards(monkeypatch):
    """run_job marks the process as a sandbox child; undo that for the tests after it."""
    monkeypatch.setattr(autograder, "IN_SANDBOX", autograder.IN_SANDBOX)


def run(cells, calls, as_main=False):
    messages = []
    job = {"module": "ex04_first_order", "filename": "ex04_first_order.py", "cells": cells,
           "as_main": as_main, "calls": calls}
    harness.run_job(job, messages.append)
    return messages


def call(task, *args, index=0):
    return {"index": index, "task": task, "args": list(args), "seed": 1}


def test_syntax_error_is_a_load_error_with_the_line():
    [msg] = run(["def f(:\n    pass\n"], [call("f")])
    assert msg["event"] == "load-error"
    assert msg["error"]["type"] == "SyntaxError" and msg["error"]["line"] == 1


def test_exit_at_import_is_a_load_error_not_an_exit():
    [msg] = run(["import sys\nsys.exit(3)\n"], [])
    assert msg["event"] == "load-error" and msg["error"]["type"] == "SystemExit"


def test_traceback_is_trimmed_to_the_students_frames():
    source = "import tensorflow as tf\ndef f(x):\n    return tf.matmul(x, x)\n"
    _, result = run([source], [call("f", codec.tensor([1.0, 2.0]))])
    tb = result["error"]["traceback"]
    assert 'File "ex04_first_order.py", line 3, in f' in tb
    assert "site-packages" not in tb and "tensorflow/python" not in tb


def test_missing_function_and_not_implemented():
    _, missing, stub = run(["def g(x):\n    raise NotImplementedError\n"],
                           [call("f", 1.0), call("g", 1.0, index=1)])
    assert missing["error"]["type"] == "MissingFunction"
    assert stub["error"]["type"] == "NotImplementedError"


def test_notebook_cells_continue_after_a_failing_cell():
    cells = ["def f(x):\n    return x * 2\n", "f(undefined)\n", "def g(x):\n    return x\n"]
    loaded, f, g = run(cells, [call("f", 2.0), call("g", 3.0, index=1)], as_main=True)
    assert loaded["event"] == "loaded" and loaded["cell_errors"][0]["cell"] == 2
    assert f["output"]["value"] == 4.0 and g["output"]["value"] == 3.0


UNWATCHED = """
import tensorflow as tf
def f(c):
    with tf.GradientTape() as tape:
        y = c ** 3
    return tape.gradient(y, c)
"""
NOT_NESTED = """
import tensorflow as tf
def f(x):
    x = tf.Variable(x)
    with tf.GradientTape() as t1:
        y = x ** 3
    dy = t1.gradient(y, x)
    with tf.GradientTape() as t2:
        pass
    return t2.gradient(dy, x)
"""


@pytest.mark.parametrize(
    ("source", "arg", "check"),
    [
        (UNWATCHED, codec.tensor(3.0), lambda o: o["gradients"][0]["watched"] == [False]),
        (NOT_NESTED, 3.0, lambda o: [t["nested"] for t in o["tapes"]] == [False, False]
         and o["gradients"][0]["others_recording"] == 0),
    ],
)
def test_tape_observations(source, arg, check):
    _, result = run([source], [call("f", arg)])
    assert result["output"] == {"kind": "none"}
    assert check(result["observations"])


def test_in_place_update_is_visible_in_args_after():
    source = "def f(v, x):\n    v.assign(x)\n    return v\n"
    _, result = run([source], [call("f", codec.variable(5.0), 10.0)])
    assert result["output"]["arg"] == 0 and result["args_after"][0]["data"] == [10.0]
