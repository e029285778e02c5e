"""The shipped expected outputs of the public cases: in sync with the references, reproducible."""

from __future__ import annotations

import json

import pytest

from autograder.expected import (
    EXPECTED_FILE,
    ExpectedDataError,
    compute_public_expected,
    expected_out_of_sync,
    load_public_expected,
    public_records,
    render,
    write_public_expected,
)
from autograder.specs import SPECS


@pytest.fixture(scope="module")
def fresh(course):
    return compute_public_expected(course)


def test_shipped_file_is_in_sync_with_the_references(course):
    assert expected_out_of_sync(course) == []
    assert write_public_expected(course, check_only=True).stale == ()


def test_rendering_is_reproducible_and_round_trips(fresh):
    assert render(fresh) == render(json.loads(render(fresh)))
    assert json.loads(render(fresh)) == json.loads(json.dumps(fresh))


def test_every_public_case_is_stored_and_nothing_hidden(fresh):
    for name, spec in SPECS.items():
        for task in spec.tasks:
            stored = fresh["modules"][name][task.name]
            assert [c["args"] for c in stored] == [list(a) for a in task.public]
            assert all(set(c) == {"args", "output", "args_after"} for c in stored)


@pytest.mark.parametrize(
    ("edit", "want"),
    [
        (lambda d: d["modules"]["ex04_first_order"]["cube_gradient"][0]["output"].update(
            data=[26.0]), "ex04_first_order.cube_gradient: public case 1 changed"),
        (lambda d: d["modules"]["ex01_constants"]["to_float32"].pop(),
         "ex01_constants.to_float32: public inputs changed"),
        (lambda d: d["modules"]["ex03_matmul"]["matmul"][0]["output"].update(dtype="float64"),
         "ex03_matmul.matmul: public case 1 changed"),
    ],
)
def test_an_edited_file_is_reported_stale(course, tmp_path, monkeypatch, fresh, edit, want):
    monkeypatch.setattr("autograder.expected.compute_public_expected", lambda _: fresh)
    data = json.loads(render(fresh))
    edit(data)
    path = tmp_path / "public_expected.json"
    path.write_text(render(data))
    assert expected_out_of_sync(course, path) == [want]
    assert write_public_expected(course, path, check_only=True).stale == (path,)
    assert write_public_expected(course, path).written == (path,)
    assert expected_out_of_sync(course, path) == []


def test_last_bit_differences_are_tolerated(course, tmp_path, monkeypatch, fresh):
    monkeypatch.setattr("autograder.expected.compute_public_expected", lambda _: fresh)
    data = json.loads(render(fresh))
    case = data["modules"]["ex04_first_order"]["derivative"][1]["output"]
    case["data"] = [v * (1 + 1e-7) for v in case["data"]]
    path = tmp_path / "public_expected.json"
    path.write_text(render(data))
    assert expected_out_of_sync(course, path) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [(None, "cannot read"), ("{not json", "cannot read"), ('{"format": 99}', "format 99")],
)
def test_unreadable_data_is_a_clear_error(tmp_path, text, want):
    path = tmp_path / "public_expected.json"
    if text is not None:
        path.write_text(text)
    with pytest.raises(ExpectedDataError, match=want):
        load_public_expected(path)


def test_records_that_do_not_match_the_spec_are_refused():
    data = load_public_expected(EXPECTED_FILE)
    data["modules"]["ex04_first_order"]["cube_gradient"][0]["args"] = [4.0]
    with pytest.raises(ExpectedDataError, match="run `gradetape build`"):
        public_records("ex04_first_order", "cube_gradient", data)
