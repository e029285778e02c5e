"""The SQLite gradebook: keys, resume, schema guard, and surviving kill -9 half-way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.gradebook import (
    FILENAME,
    GradebookError,
    file_hash,
    grader_key,
    open_gradebook,
)
from autograder.specs import SPECS
from autograder.submission import Submission

ROOT = Path(__file__).resolve().parent.parent
SECRET = ROOT / "examples" / "class-secret.txt"
EXERCISE = {"exercise": "ex01_constants", "status": "graded", "score": 3.0, "max_score": 4.0,
            "message": "", "tasks": []}


def test_store_replaces_and_lookup_round_trips(tmp_path):
    with open_gradebook(tmp_path / FILENAME) as book:
        book.store("ada", "ex01_constants", "h1", "k1", EXERCISE)
        book.store("ada", "ex01_constants", "h2", "k1", {**EXERCISE, "score": 4.0})
        assert book.count() == 1
        row = book.lookup("ada", "ex01_constants")
        assert (row.file_hash, row.result["score"]) == ("h2", 4.0)
        assert book.is_current("ada", "ex01_constants", "h2", "k1")
        assert not book.is_current("ada", "ex01_constants", "h1", "k1")
    with open_gradebook(tmp_path / FILENAME) as book:
        assert book.students() == ["ada"]


def test_file_hash_follows_content_not_time(tmp_path):
    a = Submission("s", "ex01_constants", tmp_path / "ex01.py", cells=("x = 1\n",))
    b = Submission("s", "ex01_constants", tmp_path / "ex01.py", cells=("x = 2\n",))
    assert file_hash(a) == file_hash(Submission(**a.__dict__))
    assert file_hash(a) != file_hash(b) != file_hash(None)


def test_grader_key_changes_with_the_secret_and_the_reference(course, tmp_path):
    key = grader_key(course, "ex01_constants", b"one")
    assert key == grader_key(course, "ex01_constants", b"one")
    assert key != grader_key(course, "ex01_constants", b"two")
    shutil.copytree(course.solutions, tmp_path / "solutions")
    (tmp_path / "solutions" / "ex01_constants.py").write_text("# changed\n")
    from autograder.course import Course

    assert key != grader_key(Course(tmp_path), "ex01_constants", b"one")


def test_grader_key_changes_with_the_sandbox_settings(course):
    from autograder.sandbox import Limits

    strict = grader_key(course, "ex04_first_order", b"s", repr(Limits(isolation="require")))
    loose = grader_key(course, "ex04_first_order", b"s", repr(Limits(isolation="degraded")))
    slower = grader_key(course, "ex04_first_order", b"s", repr(Limits(isolation="require",
                                                                       call_timeout_s=60)))
    assert len({strict, loose, slower}) == 3


def test_newer_schema_and_garbage_files_are_refused_clearly(tmp_path):
    path = tmp_path / FILENAME
    with open_gradebook(path):
        pass
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(GradebookError, match="newer than this gradetape"):
        with open_gradebook(path):
            pass
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(GradebookError, match="not a usable gradebook"):
        with open_gradebook(garbage):
            pass


def _rows(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM results").fetchone()[0])
    except sqlite3.Error:
        return 0


def _alive(pgid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    alive.append(int(entry.name))
            except ProcessLookupError:
                pass
    return alive


@pytest.mark.slow
def test_kill_9_half_way_then_rerun_has_every_student_exactly_once(tmp_path):
    klass = tmp_path / "class"
    for name in ("ada_lovelace", "ben_okafor", "chen_wei", "farah_nasser"):
        shutil.copytree(ROOT / "examples" / "class" / name, klass / name)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "autograder.cli", "grade", str(klass), "--out", str(out),
               "--json", "--secret-file", str(SECRET), "--jobs", "2"]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while _rows(out / FILENAME) < 6 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    stored = _rows(out / FILENAME)
    assert 6 <= stored < 4 * len(SPECS), f"the kill came too late or too early ({stored} rows)"
    time.sleep(1)
    assert _alive(first.pid) == [], "grading processes outlived the killed run"

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr[-3000:]
    results = json.loads(second.stdout)
    assert sorted(r["student"] for r in results) == sorted(p.name for p in klass.iterdir())
    assert all(len(r["exercises"]) == len(SPECS) for r in results)
    assert _rows(out / FILENAME) == 4 * len(SPECS)
    assert f"reused from the gradebook: {stored}" in second.stderr
    with sqlite3.connect(out / FILENAME) as db:
        pairs = db.execute("SELECT student, module, COUNT(*) FROM results GROUP BY 1, 2")
        assert all(count == 1 for _, _, count in pairs)
