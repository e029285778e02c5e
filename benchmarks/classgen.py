"""Generating classes of student folders: the sample class of ``make demo`` and benchmark classes.

A student's file is the reference module with some task functions replaced by other definitions
(a mistake, a crash, a stub), spliced in at the function's own lines so the file reads like a
filled-in exercise. Used by hand and by the benchmark; never by the grader.
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"


def splice(source: str, overrides: str) -> str:
    """``source`` with each top-level function defined in ``overrides`` replaced by that one.

    Statements in ``overrides`` that are not function definitions (imports, globals) are put
    after the module's last top-level import.
    """
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    try:
        new = ast.parse(overrides)
    except SyntaxError:  # a deliberately broken submission: replace the named function by text
        name = re.search(r"^def (\w+)", overrides, re.MULTILINE)
        old = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and name
                   and n.name == name.group(1))
        lines[_start(old) - 1: _end(old, lines)] = [overrides.lstrip("\n")]
        return "".join(lines)
    new_lines = overrides.splitlines(keepends=True)
    spans = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    replacements: list[tuple[int, int, str]] = []
    extra: list[str] = []
    for node in new.body:
        text = "".join(new_lines[_start(node) - 1: node.end_lineno])
        if isinstance(node, ast.FunctionDef) and node.name in spans:
            old = spans[node.name]
            replacements.append((_start(old) - 1, _end(old, lines), text))
        elif not (isinstance(node, ast.Assign) and _is_mutant_meta(node)):
            extra.append(text if text.endswith("\n") else text + "\n")
    if extra:
        anchor = max((n.end_lineno or 0 for n in tree.body
                      if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
        replacements.append((anchor, anchor, "".join(extra)))
    for start, end, text in sorted(replacements, reverse=True):  # bottom-up keeps spans valid
        lines[start:end] = [text if text.endswith("\n") else text + "\n"]
    return "".join(lines)


def _start(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno] + [d.lineno for d in decorators])


def _end(node: ast.stmt, lines: list[str]) -> int:
    """The function's last line, counting indented trailing comments (``### END SOLUTION``)."""
    end = node.end_lineno or node.lineno
    while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].lstrip()[:1] == "#":
        end += 1
    return end


def _is_mutant_meta(node: ast.Assign) -> bool:
    return any(isinstance(t, ast.Name) and t.id == "MUTANT" for t in node.targets)


def write_student(folder: Path, recipe: Mapping[str, str | None]) -> None:
    """Write one student's folder.

    ``recipe`` maps each module to submit to: ``""`` (the reference as is), override source to
    splice in, or ``None`` (the untouched stub). Modules not in the recipe are not submitted.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for module, overrides in recipe.items():
        target = folder / f"{module}.py"
        if overrides is None:
            shutil.copyfile(EXERCISES / f"{module}.py", target)
            continue
        source = (SOLUTIONS / f"{module}.py").read_text()
        target.write_text(splice(source, overrides) if overrides else source)


def modules() -> list[str]:
    """The course's module names, from the solution files."""
    return sorted(p.stem for p in SOLUTIONS.glob("ex*.py"))
