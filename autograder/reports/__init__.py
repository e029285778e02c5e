"""Report writers: each takes results (the JSON objects of ``gradetape grade --json``) and writes
one format into an output folder, returning the paths it wrote.

==========  =========================================  ==================================
format      files                                      writer
==========  =========================================  ==================================
csv         ``grades.csv``                             ``csvfile.write_csv``
feedback    ``feedback/<student>.md``/``.html``/png    ``feedback.write_feedback``
gradescope  ``gradescope/<student>/results.json``      ``gradescope.write_gradescope``
junit       ``junit.xml``                              ``junit.write_junit``
class       ``class.html``                             ``classpage.write_class_page``
==========  =========================================  ==================================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

Writer = Callable[[Sequence[dict[str, Any]], Path], list[Path]]

# Resolved when called, so importing one writer (or running ``python -m
# autograder.reports.gradescope``) does not import them all, matplotlib included.
WRITERS: dict[str, tuple[str, str]] = {
    "csv": ("csvfile", "write_csv"),
    "feedback": ("feedback", "write_feedback"),
    "gradescope": ("gradescope", "write_gradescope"),
    "junit": ("junit", "write_junit"),
    "class": ("classpage", "write_class_page"),
}


class ReportError(RuntimeError):
    """Some formats could not be written; the others were. ``failures``: format → error."""

    def __init__(self, failures: dict[str, BaseException], written: dict[str, list[Path]]):
        self.failures = failures
        self.written = written
        names = ", ".join(f"{name} ({exc.__class__.__name__}: {exc})"
                          for name, exc in failures.items())
        super().__init__(f"could not write report(s): {names}")


def writer(name: str) -> Writer:
    """The writer function of format ``name`` (a key of :data:`WRITERS`)."""
    module, function = WRITERS[name]
    found: Writer = getattr(import_module(f"{__name__}.{module}"), function)
    return found


def write_all(results: Sequence[dict[str, Any]], out_dir: Path) -> dict[str, list[Path]]:
    """Every format into ``out_dir``; format name → paths written.

    A format that fails does not stop the others: they are all attempted, then
    :class:`ReportError` lists the failures (a grader bug, never the student's).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {}
    failures: dict[str, BaseException] = {}
    for name in WRITERS:
        try:
            written[name] = writer(name)(results, out_dir)
        except Exception as exc:  # collected, the other formats still written, raised below
            failures[name] = exc
    if failures:
        raise ReportError(failures, written)
    return written
