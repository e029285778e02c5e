"""Generating the student stubs in ``exercises/`` from the reference solutions.

The solutions are the single source of truth: every ``### BEGIN SOLUTION`` … ``### END SOLUTION``
region becomes ``raise NotImplementedError`` at the region's indentation; everything else (the
teaching text, signatures, docstrings, demos) is copied unchanged. :func:`out_of_sync` lets CI
prove that the committed stubs are what the solutions generate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from autograder.course import Course

BEGIN = re.compile(r"^(?P<indent>[ \t]*)### BEGIN SOLUTION[ \t]*$")
END = re.compile(r"^[ \t]*### END SOLUTION[ \t]*$")
HEADER = ("# This file is generated from solutions/{name}\n"
          "# by `gradetape build`; edit that file, not this one.\n")


class BuildError(ValueError):
    """A solution file's markers are unbalanced or nested."""


@dataclass(frozen=True)
class BuildResult:
    """Which stub files were written or found stale."""

    written: tuple[Path, ...]
    stale: tuple[Path, ...]


def strip_solutions(source: str, name: str = "<source>") -> str:
    """Replace each solution region with ``raise NotImplementedError``."""
    out: list[str] = []
    indent: str | None = None
    start = 0
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        begin = BEGIN.match(line)
        if begin:
            if indent is not None:
                raise BuildError(f"{name}:{number}: BEGIN SOLUTION inside another region")
            indent, start = begin.group("indent"), number
            continue
        if END.match(line):
            if indent is None:
                raise BuildError(f"{name}:{number}: END SOLUTION without BEGIN")
            out.append(f"{indent}raise NotImplementedError\n")
            indent = None
            continue
        if indent is None:
            out.append(line)
    if indent is not None:
        raise BuildError(f"{name}:{start}: BEGIN SOLUTION is never closed")
    return "".join(out)


def stub_text(solution: Path) -> str:
    """The exercise file generated from one solution file."""
    return HEADER.format(name=solution.name) + strip_solutions(solution.read_text(), solution.name)


def build_exercises(course: Course, check_only: bool = False) -> BuildResult:
    """Write (or, with ``check_only``, just compare) every stub; returns what changed."""
    written, stale = [], []
    course.exercises.mkdir(exist_ok=True)
    for solution in sorted(course.solutions.glob("ex*.py")):
        target = course.exercises / solution.name
        text = stub_text(solution)
        if target.is_file() and target.read_text() == text:
            continue
        stale.append(target)
        if not check_only:
            target.write_text(text)
            written.append(target)
    return BuildResult(tuple(written), tuple(stale))


def out_of_sync(course: Course) -> list[Path]:
    """Stubs that differ from what the solutions generate (empty when in sync)."""
    return list(build_exercises(course, check_only=True).stale)
