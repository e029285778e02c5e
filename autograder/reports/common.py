"""What every report needs from a result: columns, safe file names, hint texts, clean text.

Reports are written from the JSON objects of ``gradetape grade --json`` (one per student, see
:mod:`autograder.result`). Everything in them that a student can influence (the student id comes
from a folder name; messages and tracebacks quote the student's code and exceptions) is treated as
hostile text: escaped by each format, stripped of control characters, and never used as a path.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from autograder import hints

Result = dict[str, Any]

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
# Characters XML 1.0 forbids (and that have no business in HTML either), e.g. ANSI escapes.
_CONTROL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_NAME = 80
TRACEBACK_LINES = 30


def safe_name(student: str) -> str:
    """A file name for ``student``: ``[A-Za-z0-9_.-]`` only, never hidden, never ``..``.

    Ids that had to change get a short hash of the original, so ``a/b`` and ``a_b`` stay apart.
    """
    name = _UNSAFE_NAME.sub("_", student).strip("._-")[:MAX_NAME] or "student"
    if name != student:
        digest = hashlib.sha256(student.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name}-{digest}"
    return name


def contained(out_dir: Path, *parts: str) -> Path:
    """``out_dir / parts``, refusing any path that would leave ``out_dir``."""
    path = out_dir.joinpath(*parts).resolve()
    if not path.is_relative_to(out_dir.resolve()):
        raise ValueError(f"refusing to write outside {out_dir}: {path}")
    return path


def clean(text: object) -> str:
    """``text`` as a string without control characters (tabs and newlines kept)."""
    return _CONTROL.sub("\ufffd", str(text))


def trim_traceback(text: str, lines: int = TRACEBACK_LINES) -> str:
    """The last ``lines`` lines of a traceback (the engine already starts it at student code)."""
    kept = clean(text).rstrip().splitlines()
    if len(kept) <= lines:
        return "\n".join(kept)
    return "\n".join([f"... ({len(kept) - lines} lines omitted)", *kept[-lines:]])


def hint_text(hint_id: str) -> str:
    """What the student reads for ``hint_id`` (an unknown id says so rather than failing)."""
    hint = hints.CATALOG.get(hint_id)
    return hint.text if hint else f"(no explanation for hint '{hint_id}' in this version)"


def module_tasks(results: Sequence[Result]) -> list[tuple[str, list[str]]]:
    """Every module and its tasks, in the order first seen across ``results``."""
    order: dict[str, dict[str, None]] = {}
    for result in results:
        for exercise in result.get("exercises", []):
            tasks = order.setdefault(exercise["exercise"], {})
            for task in exercise.get("tasks", []):
                tasks.setdefault(task["task"], None)
    return [(module, list(tasks)) for module, tasks in order.items()]


def iter_tasks(result: Result) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(exercise, task) pairs of one student."""
    for exercise in result.get("exercises", []):
        for task in exercise.get("tasks", []):
            yield exercise, task


def percent(score: float, max_score: float) -> float:
    """``score`` as a percentage of ``max_score`` (0 when nothing could be scored)."""
    return 100.0 * score / max_score if max_score else 0.0


def points(value: float) -> str:
    """A score as people write it: ``2``, ``1.25``, ``7.8``."""
    return f"{round(value, 4):g}"
