"""Notebook submissions: code cells in order, IPython syntax made inert.

Students paste ``%matplotlib inline``, ``!pip install`` and ``obj?`` from tutorials. Outside
IPython those lines are syntax errors, and a shell escape must never run on the grading host, so
each such line becomes ``pass`` with a comment that keeps the original visible in tracebacks.
"""

from __future__ import annotations

import re

import nbformat

_MAGIC_LINE = re.compile(r"^(\s*)(%|!|\?)")
_HELP_SUFFIX = re.compile(r"^(\s*)[\w.\[\]()]+\?{1,2}\s*$")
_ASSIGN_MAGIC = re.compile(r"^(\s*)[\w, ]+=\s*[%!]")


class NotebookError(ValueError):
    """A notebook that cannot be read: invalid JSON or not a valid nbformat notebook."""


def notebook_cells(text: str) -> list[str]:
    """The code cells of a notebook as Python sources with IPython syntax neutralised."""
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises JSON, Value and its own errors
        raise NotebookError(f"not a readable notebook ({_first_line(exc)})") from None
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        raise NotebookError(f"not a valid notebook ({_first_line(exc)})") from None
    return [neutralise(cell.source) for cell in nb.cells if cell.cell_type == "code"]


def neutralise(source: str) -> str:
    """Replace IPython-only lines (magics, shell escapes, help) with inert ``pass`` lines."""
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        return "\n".join(f"# {line}" for line in lines) + "\npass  # cell magic removed\n"
    out = []
    for line in lines:
        match = (_MAGIC_LINE.match(line) or _HELP_SUFFIX.match(line)
                 or _ASSIGN_MAGIC.match(line))
        if match:
            out.append(f"{match.group(1)}pass  # IPython line removed: {line.strip()[:80]}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
