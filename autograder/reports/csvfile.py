"""``grades.csv``: one row per student; a column per module and per task, total and percentage.

Columns: ``student``, then for each module its total (``ex04_first_order``) followed by its tasks
(``ex04_first_order.cube_gradient``), then ``total``, ``max_score``, ``percentage``. A module or
task a student has no result for is left empty (not 0), so a partial re-grade is visible.
Quoting is the csv module's; the file is UTF-8 with a BOM so spreadsheet programs read accents.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from autograder.reports.common import Result, module_tasks, percent, points

FILE = "grades.csv"
# A cell starting with one of these is a formula to a spreadsheet (CSV injection): quote it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_csv(results: Sequence[Result], out_dir: Path) -> list[Path]:
    """Write ``grades.csv`` into ``out_dir``; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    layout = module_tasks(results)
    path = out_dir / FILE
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header(layout))
        for result in results:
            writer.writerow(row(result, layout))
    return [path]


def header(layout: list[tuple[str, list[str]]]) -> list[str]:
    """The column names for ``layout`` (modules and their tasks)."""
    columns = ["student"]
    for module, tasks in layout:
        columns += [module, *(f"{module}.{task}" for task in tasks)]
    return [*columns, "total", "max_score", "percentage"]


def row(result: Result, layout: list[tuple[str, list[str]]]) -> list[str]:
    """One student's cells, in the order of :func:`header`."""
    exercises = {e["exercise"]: e for e in result.get("exercises", [])}
    cells = [spreadsheet_safe(str(result.get("student", "")))]
    for module, tasks in layout:
        exercise = exercises.get(module)
        task_scores = {t["task"]: t["score"] for t in (exercise or {}).get("tasks", [])}
        cells.append(points(exercise["score"]) if exercise else "")
        cells += [points(task_scores[t]) if t in task_scores else "" for t in tasks]
    score, max_score = float(result.get("score", 0.0)), float(result.get("max_score", 0.0))
    return [*cells, points(score), points(max_score), f"{percent(score, max_score):.2f}"]


def spreadsheet_safe(text: str) -> str:
    """``text``, prefixed with ``'`` when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
