"""A class's full results live in the gradebook, not in memory: the batch holds slim results
and reads the full ones back one student at a time, identical to what it graded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autograder.batch import BatchResult, LazyResults, full_results, slim
from autograder.cli import _echo_json_array
from autograder.gradebook import open_gradebook
from autograder.result import StudentResult

FIXTURE = Path(__file__).parent / "files" / "report_results.json"


def _graded() -> list[StudentResult]:
    return [StudentResult.from_dict(d) for d in json.loads(FIXTURE.read_text())]


def _store(book, results: list[StudentResult]) -> BatchResult:
    pairs = set()
    for result in results:
        for exercise in result.exercises:
            book.store(result.student, exercise.exercise, "hash", "key", exercise.to_dict())
            pairs.add((result.student, exercise.exercise))
    slim_results = [StudentResult(r.student, tuple(slim(e) for e in r.exercises), r.environment,
                                  r.internal_errors) for r in results]
    return BatchResult(slim_results, len(pairs), 0, 1.0, frozenset(pairs))


def test_slim_keeps_what_the_table_reads_and_drops_the_detail():
    exercise = next(e for r in _graded() for e in r.exercises
                    if e.exercise == "ex08_linear_regression" and e.status == "graded")
    thin = slim(exercise)
    assert (thin.score, thin.status, thin.seconds) == (exercise.score, exercise.status,
                                                       exercise.seconds)
    assert [(t.task, t.score, t.status, t.feedback, t.hints) for t in thin.tasks] == [
        (t.task, t.score, t.status, t.feedback, t.hints) for t in exercise.tasks]
    assert all(not t.cases and not t.artifacts and not t.traceback for t in thin.tasks)
    assert any(t.artifacts for t in exercise.tasks)  # the regression plot's data was there
    assert len(json.dumps(thin.to_dict())) < len(json.dumps(exercise.to_dict())) / 3


def test_full_results_read_back_from_the_gradebook_equal_what_was_graded(tmp_path):
    graded = _graded()
    with open_gradebook(tmp_path / "gradebook.sqlite") as book:
        batch = _store(book, graded)
        lazy = full_results(batch, book)
        assert len(lazy) == len(graded)
        assert list(lazy) == [r.to_dict() for r in graded]
        assert lazy[-1] == graded[-1].to_dict() and lazy[0:1] == [graded[0].to_dict()]
        with pytest.raises(IndexError):
            lazy[len(graded)]
        with pytest.raises(ValueError, match="gradebook"):
            full_results(batch)  # slim results without their gradebook: refused, not reported


def test_a_row_missing_from_the_gradebook_is_an_error_not_a_slim_report(tmp_path):
    with open_gradebook(tmp_path / "gradebook.sqlite") as book:
        batch = _store(book, _graded())
    with open_gradebook(tmp_path / "other.sqlite") as other:
        with pytest.raises(RuntimeError, match="missing from the gradebook"):
            list(full_results(batch, other))


def test_results_are_built_when_read_and_not_kept():
    loads: list[int] = []

    def load(i: int) -> dict[str, int]:
        loads.append(i)
        return {"i": i}

    lazy = LazyResults(3, load)
    assert [d["i"] for d in lazy] == [0, 1, 2] and [d["i"] for d in lazy] == [0, 1, 2]
    assert loads == [0, 1, 2, 0, 1, 2]


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": [1, 2]}, {"b": {"c": "é"}}]])
def test_the_streamed_json_array_is_what_json_dumps_prints(items, capsys):
    _echo_json_array(items)
    assert capsys.readouterr().out == json.dumps(items, indent=2) + "\n"
