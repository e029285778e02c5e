"""The readable terminal table of ``gradetape grade``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from autograder.result import StudentResult

_STATUS_STYLE = {"passed": "green", "failed": "yellow", "error": "red", "timeout": "magenta"}


def _cell(score: float, max_score: float, status: str) -> str:
    if status == "missing":
        return "[dim]missing[/dim]"
    if status == "not_gradable":
        return "[red]not gradable[/red]"
    style = "green" if score == max_score else ("yellow" if score > 0 else "red")
    return f"[{style}]{score:g}/{max_score:g}[/{style}]"


def write_table(results: list[StudentResult], console: Console, details: bool = True) -> None:
    """A score grid (students × modules), then each student's failing tasks with hints."""
    if not results:
        console.print("no students graded")
        return
    modules = [e.exercise for e in results[0].exercises]
    table = Table(title="gradetape results", show_lines=False)
    table.add_column("student", style="bold", no_wrap=True)
    for module in modules:
        table.add_column(module[:4], justify="right")
    table.add_column("total", justify="right", no_wrap=True)
    for result in results:
        cells = [_cell(e.score, e.max_score, e.status) for e in result.exercises]
        pct = 100 * result.score / result.max_score if result.max_score else 0.0
        total = f"{result.score:g}/{result.max_score:g} ({pct:.0f}%)"
        table.add_row(escape(result.student), *cells, total)
    console.print(table)
    if details:
        for result in results:
            _write_details(result, console)


def _write_details(result: StudentResult, console: Console) -> None:
    lines = []
    for ex in result.exercises:
        if ex.status != "graded":
            lines.append(f"  [bold]{ex.exercise}[/bold]: {ex.status.replace('_', ' ')} — "
                         f"{escape(ex.message)}")
            continue
        for task in ex.tasks:
            if task.status == "passed":
                continue
            style = _STATUS_STYLE.get(task.status, "white")
            hints = f" [cyan]\\[{', '.join(task.hints)}][/cyan]" if task.hints else ""
            first = task.feedback.splitlines()[0] if task.feedback else ""
            lines.append(f"  {ex.exercise}.{task.task}: [{style}]{task.status}[/{style}] "
                         f"{task.score:g}/{task.max_score:g}{hints} {escape(first)}")
    for error in result.internal_errors:
        lines.append(f"  [bold red]internal error[/bold red]: {escape(error)}")
    if lines:
        console.print(f"[bold]{escape(result.student)}[/bold]")
        for line in lines:
            console.print(line, highlight=False, soft_wrap=True)
