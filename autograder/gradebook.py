"""The SQLite gradebook: one row per (student, module), resumable and safe against kill -9.

A row remembers what was graded (the submitted file's hash) and by what (a key over the grader
version, the module's spec and reference sources and the secret's fingerprint). A re-run grades
only the pairs whose file or grader changed; each result is committed in its own transaction
as soon as it exists, so a run killed at any moment loses at most the results in flight and
never duplicates one (the pair is the primary key).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autograder import __version__
from autograder.course import Course
from autograder.submission import Submission, content_hash

SCHEMA_VERSION = 1
FILENAME = "gradebook.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    student TEXT NOT NULL,
    module TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    grader_key TEXT NOT NULL,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    status TEXT NOT NULL,
    result_json TEXT NOT NULL,
    graded_at REAL NOT NULL,
    PRIMARY KEY (student, module)
);
"""


class GradebookError(RuntimeError):
    """The gradebook file is unreadable or from an incompatible schema."""


@dataclass(frozen=True)
class Row:
    """One stored result."""

    student: str
    module: str
    file_hash: str
    grader_key: str
    result: dict[str, Any]


def file_hash(submission: Submission | None) -> str:
    """What identifies a submission's content (see :func:`autograder.submission.content_hash`)."""
    return content_hash(submission)


def grader_key(course: Course, module: str, secret: bytes, settings: str = "") -> str:
    """Changes when the grader's code, the module's spec or reference, the secret or the
    sandbox ``settings`` (limits and isolation mode, as text) change: a row graded under
    other rules is graded again, never reused."""
    import autograder

    package = Path(autograder.__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    solution = course.solution(module)
    digest.update(solution.read_bytes() if solution.is_file() else b"absent")
    digest.update(settings.encode())
    digest.update(hmac.new(secret, b"gradetape-fingerprint", hashlib.sha256).digest())
    return digest.hexdigest()


class Gradebook:
    """A gradebook file; use :func:`open_gradebook`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()  # one connection shared by the batch's threads

    def lookup(self, student: str, module: str) -> Row | None:
        """The stored row for a pair, if any."""
        with self._lock:
            found = self._db.execute(
                "SELECT student, module, file_hash, grader_key, result_json FROM results "
                "WHERE student = ? AND module = ?", (student, module)).fetchone()
        if found is None:
            return None
        return Row(found[0], found[1], found[2], found[3], json.loads(found[4]))

    def is_current(self, student: str, module: str, fhash: str, gkey: str) -> bool:
        """True when this exact file was already graded by this exact grader."""
        row = self.lookup(student, module)
        return row is not None and row.file_hash == fhash and row.grader_key == gkey

    def store(self, student: str, module: str, fhash: str, gkey: str,
              exercise: dict[str, Any]) -> None:
        """Insert or replace one result in its own transaction."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (student, module, fhash, gkey, exercise["score"], exercise["max_score"],
                 exercise["status"], json.dumps(exercise, sort_keys=True), time.time()))

    def students(self) -> list[str]:
        """Every student with at least one stored result, sorted."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT student FROM results "
                                               "ORDER BY student")]

    def exercises(self, student: str) -> dict[str, dict[str, Any]]:
        """A student's stored exercise results by module."""
        rows = self._db.execute("SELECT module, result_json FROM results WHERE student = ?",
                                (student,))
        return {module: json.loads(text) for module, text in rows}

    def count(self) -> int:
        """Number of stored (student, module) results."""
        return int(self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0])


@contextmanager
def open_gradebook(path: Path) -> Iterator[Gradebook]:
    """Open (creating if needed) the gradebook at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level="DEFERRED",
                                     check_same_thread=False)
        with closing(connection):
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            _migrate(connection, path)
            yield Gradebook(connection)
    except sqlite3.DatabaseError as exc:
        raise GradebookError(f"{path}: not a usable gradebook ({exc})") from None


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    with connection:
        connection.executescript(_SCHEMA)
        found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'"
                                   ).fetchone()
        if found is None:
            connection.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                               (str(SCHEMA_VERSION),))
        elif int(found[0]) > SCHEMA_VERSION:
            raise GradebookError(f"{path} has schema {found[0]}, newer than this gradetape "
                                 f"({SCHEMA_VERSION}); upgrade gradetape")
