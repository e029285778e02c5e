"""The grader's shape check on child messages: a forged record fails its case, never the run."""

from __future__ import annotations

import pytest

from autograder import wire
from autograder.codec import describe
from autograder.compare import Options, compare
from autograder.scoring import PlannedCase, judge_case
from autograder.specs import SPECS

ERROR = {"type": "ValueError", "module": "builtins", "message": "bad", "line": 3,
         "traceback": "ValueError: bad"}
GOOD_CALL = {"event": "call", "index": 0, "ok": True, "output": {"kind": "none"},
             "observations": {}, "seconds": 0.1}


def test_well_formed_messages_pass_unchanged():
    loaded = {"event": "loaded", "cell_errors": [{"cell": 2, "type": "NameError",
                                                  "message": "x"}]}
    assert wire.clean_load(loaded) == loaded
    assert wire.clean_load({"event": "load-error", "error": ERROR})["error"] == ERROR
    assert wire.clean_call(GOOD_CALL) == GOOD_CALL
    failed = {**GOOD_CALL, "ok": False, "error": ERROR}
    del failed["output"]
    assert wire.clean_call(failed) == failed
    for status in ({"status": "timeout"}, {"status": "crashed", "detail": "SIGKILL"}):
        assert wire.clean_load(status) == status and wire.clean_call(status) == status


@pytest.mark.parametrize("load", [
    "loaded", None, [], {"event": "loaded", "cell_errors": "boom"},
    {"event": "loaded", "cell_errors": [{"cell": "1", "type": "X"}]},
    {"event": "loaded", "cell_errors": [{"cell": 1, "type": ["X"]}]},
    {"event": "load-error", "error": "boom"},
    {"event": "load-error", "error": {**ERROR, "message": 1e999}},
    {"event": "load-error", "error": {**ERROR, "line": "3"}},
    {"event": "party"},
])
def test_a_malformed_load_message_is_a_crash_with_a_reason(load):
    cleaned = wire.clean_load(load)
    assert cleaned["status"] == "crashed"
    assert cleaned["detail"].startswith(wire.MALFORMED)


@pytest.mark.parametrize("record", [
    "ok", 7, {**GOOD_CALL, "ok": "yes"}, {**GOOD_CALL, "ok": 1},
    {**GOOD_CALL, "output": [1, 2]}, {**GOOD_CALL, "observations": ["tape"]},
    {**GOOD_CALL, "seconds": "fast"}, {**GOOD_CALL, "ok": False, "error": "boom"},
    {**GOOD_CALL, "ok": False, "error": {**ERROR, "type": ""}},
    {**GOOD_CALL, "ok": False, "error": {**ERROR, "traceback": {"a": 1}}},
    {**GOOD_CALL, "ok": False},
])
def test_a_malformed_call_record_is_a_crash(record):
    assert wire.clean_call(record)["status"] == "crashed"


def test_call_map_keys_must_be_ints_and_text_is_bounded():
    calls = wire.clean_calls({0: GOOD_CALL, "1": GOOD_CALL, True: GOOD_CALL})
    assert list(calls) == [0]
    long = {**GOOD_CALL, "ok": False, "error": {**ERROR, "message": "x" * 10**6}}
    assert len(wire.clean_call(long)["error"]["message"]) == wire.LIMIT
    assert wire.clean_calls(["not", "a", "map"]) == {}


def test_a_huge_python_int_is_a_wrong_value_not_an_overflow():
    spec = SPECS["ex01_constants"]
    task = next(t for t in spec.tasks if t.name == "shape_and_dtype")
    expected = describe(((2, 3), "int32"))
    got = describe(((10**400, 3), "int32"))
    assert compare(expected, got, Options()) is not None
    case = PlannedCase(task=task, index=0, number=1, args=[], seed=1, hidden=False)
    result = judge_case(case, {"ok": True, "output": expected},
                        {"ok": True, "output": got, "observations": {}}, lambda c: [])
    assert result.status == "failed" and not result.passed
