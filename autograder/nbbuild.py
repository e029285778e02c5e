"""Student notebooks: one ``.ipynb`` per module, generated from the stubs like ``exercises/``.

Each notebook is the module's stub text (:func:`autograder.build.stub_text`) read by jupytext:
the teaching text becomes markdown cells and the stubs code cells, without outputs. A first code
cell names the module (``GRADETAPE_MODULE``) and a last section runs the self-check
(:func:`autograder.check`). The output is byte-reproducible: cell ids derive from the module and
the cell's position, and nothing records a time or a tool version, so :func:`notebooks_out_of_sync`
can prove in CI that the committed notebooks are what the solutions generate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jupytext
import nbformat
from nbformat.notebooknode import NotebookNode

from autograder.build import BuildResult, stub_text
from autograder.course import Course

NOTEBOOKS_DIR = "notebooks"
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
CHECK_TEXT = """## Check your work

Run the cell below to try your functions on the examples from this notebook. It prints, for each
task, whether the examples pass and a hint when they do not. The self-check is formative only,
never your grade: grading also uses hidden inputs, so make your functions work for any valid
input, not just the examples."""
CHECK_CODE = 'from autograder import check\n\ncheck("{module}")'
MODULE_LINE = '# tells check() at the end which module this is\nGRADETAPE_MODULE = "{module}"'


def notebook_for(solution: Path) -> NotebookNode:
    """The student notebook of one solution file."""
    module = solution.stem
    nb = jupytext.reads(stub_text(solution), fmt="py:percent")
    cells = list(nb.cells)
    setup = MODULE_LINE.format(module=module)
    if cells and cells[0].cell_type == "code" and _only_comments(cells[0].source):
        header = cells[0].source.replace("This file is", "This notebook is", 1)
        setup = f"{header}\n{setup}"  # keep the "generated from" header with it
        cells = cells[1:]
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    cells.insert(first_code, nbformat.v4.new_code_cell(setup))
    cells.append(nbformat.v4.new_markdown_cell(CHECK_TEXT))
    cells.append(nbformat.v4.new_code_cell(CHECK_CODE.format(module=module)))
    return _normalised(module, cells)


def _only_comments(source: str) -> bool:
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("#") for line in lines)


def _normalised(module: str, cells: list[Any]) -> NotebookNode:
    """Fixed metadata, empty outputs and ids derived from the position: nothing that varies."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = NotebookNode({"kernelspec": dict(KERNELSPEC),
                                "language_info": dict(LANGUAGE_INFO)})
    for index, cell in enumerate(cells):
        new = (nbformat.v4.new_code_cell(cell.source) if cell.cell_type == "code"
               else nbformat.v4.new_markdown_cell(cell.source))
        new.id = f"{module}-{index:03d}"
        nb.cells.append(new)
    nbformat.validate(nb)
    return nb


def render(nb: NotebookNode) -> str:
    """A notebook's file text (nbformat's own layout, one trailing newline)."""
    return nbformat.writes(nb).rstrip("\n") + "\n"


def build_notebooks(course: Course, out_dir: Path | None = None,
                    check_only: bool = False) -> BuildResult:
    """Write (or, with ``check_only``, just compare) one notebook per module."""
    out = out_dir or course.root / NOTEBOOKS_DIR
    written, stale = [], []
    if not check_only:
        out.mkdir(parents=True, exist_ok=True)
    for solution in sorted(course.solutions.glob("ex*.py")):
        target = out / f"{solution.stem}.ipynb"
        text = render(notebook_for(solution))
        if target.is_file() and target.read_text() == text:
            continue
        stale.append(target)
        if not check_only:
            target.write_text(text)
            written.append(target)
    return BuildResult(tuple(written), tuple(stale))


def notebooks_out_of_sync(course: Course, out_dir: Path | None = None) -> list[Path]:
    """Notebooks that differ from what the solutions generate (empty when in sync)."""
    return list(build_notebooks(course, out_dir, check_only=True).stale)
