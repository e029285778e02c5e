"""Per-student feedback in Markdown and HTML: ``feedback/<student>.md`` and ``.html``.

Per module and task: status, points, the diagnosis, each hint's text, the trimmed traceback and
the cases (public ones by their call, hidden ones by number, without any expected value). A task
that kept its public outputs (linear regression's ``train``) gets a plot of the student's fitted
line and loss curve next to the reference's: embedded in the HTML, a sibling PNG for Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from autograder.reports import plots
from autograder.reports.common import Result, contained, safe_name
from autograder.reports.regression import regression_cases
from autograder.reports.templating import environment
from autograder.reports.views import StudentView, student_view

FOLDER = "feedback"


def write_feedback(results: Sequence[Result], out_dir: Path) -> list[Path]:
    """Write ``feedback/<student>.md``, ``.html`` and any plot PNGs; return the paths."""
    folder = out_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for result in results:
        written += write_student_feedback(result, folder)
    return written


def feedback_file(student: str, suffix: str = ".html") -> str:
    """The file name of a student's feedback (relative to the ``feedback`` folder)."""
    return safe_name(student) + suffix


def write_student_feedback(result: Result, folder: Path) -> list[Path]:
    """One student's Markdown, HTML and plots in ``folder``."""
    stem = safe_name(str(result.get("student", "")))
    view = student_view(result)
    pngs = task_plots(result)
    png_paths = {key: contained(folder, f"{stem}.{safe_name(key)}.png") for key in pngs}
    md_plots = {key: path.name for key, path in png_paths.items()}
    html_plots = {key: plots.data_uri(png) for key, png in pngs.items()}
    written = []
    for suffix, template, plot_refs in ((".html", "feedback.html.j2", html_plots),
                                        (".md", "feedback.md.j2", md_plots)):
        path = contained(folder, stem + suffix)
        path.write_text(render(template, with_plots(view, plot_refs)), encoding="utf-8")
        written.append(path)
    for key, path in png_paths.items():
        path.write_bytes(pngs[key])
        written.append(path)
    return written


def task_plots(result: Result) -> dict[str, bytes]:
    """PNG per ``module.task`` whose public outputs can be plotted."""
    pngs = {}
    for exercise in result.get("exercises", []):
        for task in exercise.get("tasks", []):
            cases = regression_cases(task.get("artifacts") or [])
            if cases:
                pngs[f"{exercise['exercise']}.{task['task']}"] = plots.regression(cases)
    return pngs


def with_plots(view: StudentView, plot_refs: dict[str, str]) -> StudentView:
    """``view`` with each task's ``plot`` set from ``plot_refs`` (keyed by ``module.task``)."""
    if not plot_refs:
        return view
    modules = tuple(replace(m, tasks=tuple(replace(t, plot=plot_refs.get(t.key, ""))
                                           for t in m.tasks)) for m in view.modules)
    return replace(view, modules=modules)


def render(template: str, view: StudentView) -> str:
    """A feedback template rendered for ``view``."""
    return environment().get_template(template).render(s=view)
