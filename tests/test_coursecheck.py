"""`gradetape check`, the course's CI: references full marks, stubs zero, every mutant caught."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.coursecheck import MutantError, check_mutant, read_mutant
from autograder.result import ExerciseResult, TaskResult
from autograder.specs import SPECS

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = sorted((ROOT / "tests" / "mutants").glob("ex*/*.py"))


def _result(scores: dict[str, tuple[float, tuple[str, ...]]]) -> ExerciseResult:
    tasks = tuple(TaskResult(name, "passed" if got == 2 else "failed", got, 2.0, "", hints)
                  for name, (got, hints) in scores.items())
    return ExerciseResult("ex04_first_order", "graded", sum(t.score for t in tasks),
                          2.0 * len(tasks), "", tasks)


@pytest.fixture
def mutant(tmp_path: Path):
    path = tmp_path / "unwatched.py"
    path.write_text('MUTANT = {"task": "derivative", "hints": ["gradient-none-unwatched"]}\n')
    return read_mutant(path, "ex04_first_order")


def test_a_caught_mutant_passes(mutant):
    result = _result({"derivative": (0.0, ("gradient-none-unwatched",)), "other": (2.0, ())})
    assert check_mutant(mutant, result).ok


@pytest.mark.parametrize(("scores", "problem"), [
    ({"derivative": (2.0, ("gradient-none-unwatched",))}, "derivative kept full marks"),
    ({"derivative": (0.0, ("wrong-value",))}, "lacks hint(s) gradient-none-unwatched"),
    ({"derivative": (0.0, ("gradient-none-unwatched",)), "other": (1.0, ())},
     "other tasks lost points too: other"),
])
def test_a_mutant_that_escapes_or_is_misdiagnosed_fails_the_check(mutant, scores, problem):
    check = check_mutant(mutant, _result(scores))
    assert not check.ok and problem in check.detail


@pytest.mark.parametrize("text", ["x = 1\n", "MUTANT = dict(task='f')\n", "MUTANT = {}\n"])
def test_a_mutant_without_a_literal_declaration_is_refused(tmp_path, text):
    path = tmp_path / "m.py"
    path.write_text(text)
    with pytest.raises(MutantError, match="MUTANT"):
        read_mutant(path, "ex04_first_order")


def test_every_module_has_mutants_and_each_names_a_real_task():
    by_module = {m: [read_mutant(p, m) for p in MUTANTS if p.parent.name == m] for m in SPECS}
    assert [m for m, found in by_module.items() if not found] == []
    for module, found in by_module.items():
        names = {t.name for t in SPECS[module].tasks}
        assert [f.path.name for f in found if f.task not in names] == []


@pytest.mark.slow
def test_the_shipped_course_passes_its_own_check():
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    done = subprocess.run([sys.executable, "-m", "autograder.cli", "check", "--course",
                           str(ROOT), "--secret-file", str(ROOT / "examples" / "class-secret.txt"),
                           "--jobs", "2"], capture_output=True, text=True, env=env, timeout=900)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert done.returncode == 0 and failed == [], "\n".join(failed) or done.stderr[-3000:]
    for module in SPECS:
        assert re.search(rf"^ok   reference {module}: (\S+)/\1$", done.stdout, re.M), module
        assert re.search(rf"^ok   stub {module}: 0/", done.stdout, re.M), module
    for path in MUTANTS:
        assert f"ok   mutant {path.parent.name}/{path.stem}:" in done.stdout, path
    passed = int(re.search(r"^(\d+) passed, 0 failed$", done.stdout, re.M).group(1))
    assert passed >= len(MUTANTS) + 2 * len(SPECS)
