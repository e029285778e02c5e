"""``class.html``: what an instructor needs at a glance about the whole class.

The hardest tasks (pass rate per task, lowest first), the diagnoses most students received (hint
counts, with the text students read), the score histogram, per-module counts of missing and
not-gradable submissions, and a table of students linking to their feedback pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from autograder.reports import plots
from autograder.reports.common import (
    Result,
    clean,
    hint_text,
    iter_tasks,
    module_tasks,
    percent,
)
from autograder.reports.feedback import FOLDER as FEEDBACK_FOLDER
from autograder.reports.feedback import feedback_file
from autograder.reports.templating import environment

FILE = "class.html"
TOP_HINTS = 12


@dataclass(frozen=True)
class HintRow:
    """A diagnosis and how many students got it (in a task they did not pass)."""

    id: str
    students: int
    share: float
    tasks: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ModuleRow:
    """A module across the class."""

    name: str
    mean_percent: float
    counts: dict[str, int]  # graded / not_gradable / missing → students


@dataclass(frozen=True)
class StudentRow:
    """A student's line in the table."""

    student: str
    link: str
    score: float
    max_score: float
    percent: float
    modules: tuple[tuple[str, float, float], ...]  # (status, score, max_score) per module
    internal_errors: int


@dataclass(frozen=True)
class ClassSummary:
    """Everything the page shows."""

    students: tuple[StudentRow, ...]
    modules: tuple[ModuleRow, ...]
    pass_rates: tuple[tuple[str, float], ...]  # lowest first
    hints: tuple[HintRow, ...]  # most frequent first

    @property
    def module_names(self) -> list[str]:
        """Module names in column order."""
        return [m.name for m in self.modules]


def write_class_page(results: Sequence[Result], out_dir: Path,
                     feedback_dir: str = FEEDBACK_FOLDER) -> list[Path]:
    """Write ``class.html`` into ``out_dir`` (links point into ``feedback_dir``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = summarize(results, feedback_dir)
    images = {
        "histogram": plots.data_uri(plots.score_histogram([s.percent for s in summary.students])),
        "pass_rates": plots.data_uri(plots.horizontal_bars(
            summary.pass_rates, title="Students who passed each task (lowest first)",
            xlabel="passed (%)", xmax=100, percent=True)),
        "hints": plots.data_uri(plots.horizontal_bars(
            [(h.id, h.students) for h in summary.hints], title="Most frequent diagnoses",
            xlabel="students")) if summary.hints else "",
    }
    html = environment().get_template("class.html.j2").render(c=summary, images=images)
    path = out_dir / FILE
    path.write_text(html, encoding="utf-8")
    return [path]


def summarize(results: Sequence[Result], feedback_dir: str = FEEDBACK_FOLDER) -> ClassSummary:
    """The class's numbers, from the students' results.

    ``results`` is read once (it may be read from the gradebook one student at a time); the
    passes below run over the few fields the page needs.
    """
    results = [_page_fields(r) for r in results]
    layout = module_tasks(results)
    students = tuple(_student_row(r, [m for m, _ in layout], feedback_dir) for r in results)
    return ClassSummary(students, tuple(_module_row(results, m) for m, _ in layout),
                        pass_rates(results, layout), hint_rows(results))


def _page_fields(result: Result) -> Result:
    """What the class page reads of a student: no cases, tracebacks, output or plot data."""
    return {
        "student": result.get("student", ""), "score": result.get("score", 0.0),
        "max_score": result.get("max_score", 0.0),
        "internal_errors": result.get("internal_errors", []),
        "exercises": [
            {"exercise": e["exercise"], "status": e["status"], "score": e.get("score", 0.0),
             "max_score": e.get("max_score", 0.0),
             "tasks": [{"task": t.get("task", ""), "status": t.get("status"),
                        "hints": t.get("hints", [])} for t in e.get("tasks", [])]}
            for e in result.get("exercises", [])],
    }


def pass_rates(results: Sequence[Result], layout: list[tuple[str, list[str]]]
               ) -> tuple[tuple[str, float], ...]:
    """``(module.task, % of students who passed it)``, lowest first (a missing module: not)."""
    passed: Counter[str] = Counter()
    for result in results:
        for exercise, task in iter_tasks(result):
            if task.get("status") == "passed":
                passed[f"{exercise['exercise']}.{task['task']}"] += 1
    keys = [f"{module}.{task}" for module, tasks in layout for task in tasks]
    rates = [(key, percent(passed[key], len(results))) for key in keys]
    return tuple(sorted(rates, key=lambda row: row[1]))


def hint_rows(results: Sequence[Result], top: int = TOP_HINTS) -> tuple[HintRow, ...]:
    """The hints most students received, with the tasks they came up in most."""
    students: Counter[str] = Counter()
    tasks: dict[str, Counter[str]] = {}
    for result in results:
        seen = set()
        for exercise, task in iter_tasks(result):
            if task.get("status") == "passed":
                continue
            for hint_id in task.get("hints", []):
                seen.add(hint_id)
                tasks.setdefault(hint_id, Counter())[f"{exercise['exercise']}.{task['task']}"] += 1
        students.update(seen)
    return tuple(HintRow(clean(h), n, percent(n, len(results)),
                         tuple(clean(t) for t, _ in tasks[h].most_common(3)), hint_text(h))
                 for h, n in students.most_common(top))


def _module_row(results: Sequence[Result], module: str) -> ModuleRow:
    counts: Counter[str] = Counter()
    shares = []
    for result in results:
        exercise = next((e for e in result.get("exercises", []) if e["exercise"] == module), None)
        counts[exercise["status"] if exercise else "missing"] += 1
        if exercise:
            shares.append(percent(exercise.get("score", 0.0), exercise.get("max_score", 0.0)))
    mean = sum(shares) / len(results) if results else 0.0
    return ModuleRow(clean(module), mean, dict(counts))


def _student_row(result: Result, modules: list[str], feedback_dir: str) -> StudentRow:
    student = str(result.get("student", ""))
    exercises = {e["exercise"]: e for e in result.get("exercises", [])}
    cells = tuple((exercises[m]["status"], float(exercises[m].get("score", 0.0)),
                   float(exercises[m].get("max_score", 0.0))) if m in exercises
                  else ("missing", 0.0, 0.0) for m in modules)
    score, max_score = float(result.get("score", 0.0)), float(result.get("max_score", 0.0))
    return StudentRow(clean(student), f"{feedback_dir}/{feedback_file(student)}", score,
                      max_score, percent(score, max_score), cells,
                      len(result.get("internal_errors", [])))
