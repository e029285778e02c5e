"""The course secret and the per-student hidden inputs drawn from it."""

from __future__ import annotations

import stat

import pytest

from autograder.engine import plan_module
from autograder.secret import SecretError, derive_seed, load_secret
from autograder.specs import SPECS


def test_secret_file_is_created_private_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv("GRADETAPE_SECRET", raising=False)
    monkeypatch.chdir(tmp_path)
    first, source = load_secret()
    assert "new" in source
    assert stat.S_IMODE((tmp_path / ".gradetape-secret").stat().st_mode) == 0o600
    assert load_secret()[0] == first


def test_environment_wins_and_missing_explicit_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GRADETAPE_SECRET", "abc")
    assert load_secret(tmp_path / "nope") == (b"abc", "$GRADETAPE_SECRET")
    monkeypatch.delenv("GRADETAPE_SECRET")
    with pytest.raises(SecretError, match="does not exist"):
        load_secret(tmp_path / "nope")


def test_seeds_depend_on_every_part():
    base = derive_seed(b"s", "alice", "ex04", "cube_gradient")
    assert base == derive_seed(b"s", "alice", "ex04", "cube_gradient")
    assert base != derive_seed(b"t", "alice", "ex04", "cube_gradient")
    assert base != derive_seed(b"s", "bob", "ex04", "cube_gradient")


def _hidden_args(student: str, secret: bytes = b"course") -> list:
    return [c.args for c in plan_module(SPECS["ex04_first_order"], student, secret) if c.hidden]


def test_hidden_inputs_differ_per_student_and_repeat_per_run():
    assert _hidden_args("alice") == _hidden_args("alice")
    assert _hidden_args("alice") != _hidden_args("bob")
    assert _hidden_args("alice") != _hidden_args("alice", b"other secret")


def test_public_cases_are_the_same_for_everyone_and_come_first():
    plans = [plan_module(SPECS["ex05_second_order"], s, b"k") for s in ("a", "b")]
    public = [[(c.task.name, c.args) for c in p if not c.hidden] for p in plans]
    assert public[0] == public[1]
    assert plans[0][0].args == [3.0] and not plans[0][0].hidden


@pytest.mark.parametrize("spec", list(SPECS.values()), ids=list(SPECS))
def test_every_task_has_public_and_hidden_cases_and_indices_are_dense(spec):
    plan = plan_module(spec, "someone", b"k")
    assert [c.index for c in plan] == list(range(len(plan)))
    for task in spec.tasks:
        cases = [c for c in plan if c.task is task]
        assert any(not c.hidden for c in cases) and any(c.hidden for c in cases), task.name


def test_a_resubmission_meets_new_hidden_inputs_but_the_same_file_the_same_ones():
    spec = SPECS["ex04_first_order"]
    hidden = [[c.args for c in plan_module(spec, "alice", b"k", salt) if c.hidden]
              for salt in ("hash-of-v1", "hash-of-v1", "hash-of-v2")]
    assert hidden[0] == hidden[1] != hidden[2]
