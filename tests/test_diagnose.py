"""Hint rules: from errors and tape observations to ids students can act on."""

from __future__ import annotations

import pytest

from autograder import hints
from autograder.diagnose import explain_none_gradient, hints_for_error
from autograder.spec import Task

TASK = Task("t", 1, public=((1.0,),),
            error_hints=(("Incompatible shapes", "elementwise-not-matmul"),))


def grad(tape=0, dtype="float32", watched=True, none=True, others=0):
    return {"tape": tape, "source_dtypes": [dtype], "watched": [watched], "none": [none],
            "others_recording": others}


@pytest.mark.parametrize(
    ("observations", "want"),
    [
        ({"gradients": [grad(dtype="int32", watched=False)]}, ["gradient-none-integer"]),
        ({"gradients": [grad(watched=False)]}, ["gradient-none-unwatched"]),
        ({"gradients": [grad()], "numpy_in_tape": 2}, ["gradient-none-numpy"]),
        ({"gradients": [grad(none=False), grad(tape=1)]}, ["tapes-not-nested"]),
        ({"gradients": [grad(none=False, others=1), grad(tape=1)]},
         ["gradient-none-outside-tape"]),
        ({"gradients": [grad()]}, ["gradient-none-outside-tape"]),
        ({"gradients": []}, ["gradient-none"]),
    ],
)
def test_none_gradient_explanations(observations, want):
    assert explain_none_gradient(observations) == want


@pytest.mark.parametrize(
    ("error", "want"),
    [
        ({"type": "NotImplementedError", "message": ""}, ["not-implemented"]),
        ({"type": "MissingFunction", "message": ""}, ["missing-function"]),
        ({"type": "RuntimeError", "message": "A non-persistent GradientTape can only be used to "
          "compute one set of gradients (or jacobians)"}, ["tape-not-persistent"]),
        ({"type": "InvalidArgumentError", "message": "cannot compute MatMul as input #1(zero-"
          "based) was expected to be a double tensor but is a float tensor"}, ["dtype-mismatch"]),
        ({"type": "InvalidArgumentError", "message": "Incompatible shapes: [2] vs. [3]"},
         ["elementwise-not-matmul"]),
        ({"type": "TypeError", "message": "Cannot convert 2.5 to EagerTensor of dtype int32"},
         ["dtype-mismatch"]),
        ({"type": "RuntimeError", "message": "`variable -= value` with `tf.Variable`s is not "
          "supported. Use `variable.assign_sub(value)` to modify the variable"},
         ["variable-rebound"]),
        ({"type": "AttributeError", "message": "'tensorflow.python.framework.ops.EagerTensor' "
          "object has no attribute 'assign'"}, ["variable-rebound"]),
        ({"type": "MemoryError", "message": ""}, ["memory-limit"]),
        ({"type": "ResourceExhaustedError", "message": "OOM when allocating tensor with shape"
          "[100000,100000]"}, ["memory-limit"]),
        ({"type": "ValueError", "message": "something else"}, []),
    ],
)
def test_error_hints(error, want):
    assert hints_for_error(error, None, TASK) == want


def test_only_a_numpy_target_blames_numpy():
    error = {"type": "ValueError", "message": "something else"}
    numpy_target = {"gradients": [{**grad(watched=True), "target_kinds": ["numpy"]}]}
    none_target = {"gradients": [{**grad(watched=True), "target_kinds": ["NoneType"]}]}
    assert hints_for_error(error, numpy_target, TASK) == ["gradient-none-numpy"]
    assert hints_for_error(error, none_target, TASK) == []


def test_using_a_none_gradient_is_explained_by_the_tape():
    error = {"type": "TypeError",
             "message": "unsupported operand type(s) for -: 'NoneType' and 'float'"}
    observations = {"gradients": [grad(watched=False)]}
    assert hints_for_error(error, observations, TASK) == ["gradient-none-unwatched"]


def test_every_hint_id_the_grader_can_emit_is_in_the_catalog():
    import re
    from pathlib import Path

    from autograder.specs import SPECS

    package = Path(__file__).resolve().parent.parent / "autograder"
    sources = ["compare.py", "diagnose.py", "scoring.py", "checks.py", "engine.py"]
    emitted = set()
    for name in sources:
        text = (package / name).read_text()
        for group in re.findall(r"\(((?:\"[a-z0-9-]+\",\s*)+)\)", text):
            emitted |= set(re.findall(r'"([a-z0-9-]+)"', group))
    for spec in SPECS.values():
        for task in spec.tasks:
            emitted |= {m.hint for m in task.mistakes} | {h for _, h in task.error_hints}
    assert emitted, "the scan found nothing: the test would pass vacuously"
    assert emitted - set(hints.CATALOG) == set()


def test_catalog_ids_are_kebab_case_with_text():
    import re

    for hint_id, hint in hints.CATALOG.items():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", hint_id)
        assert hint.id == hint_id and len(hint.text) > 20


def test_docs_hints_md_is_generated_from_the_catalog(root):
    assert (root / "docs" / "hints.md").read_text() == hints.markdown(), (
        "docs/hints.md is stale: run `gradetape hints --markdown > docs/hints.md`")
