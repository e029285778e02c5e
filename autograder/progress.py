"""Progress of a batch: a live bar on a terminal, plain log lines elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from autograder.batch import BatchState, plain_progress
from autograder.batch import Progress as Callback


@contextmanager
def batch_progress(console: Console, students: int) -> Iterator[Callback]:
    """A callback for :func:`autograder.batch.grade_class` that shows students done, rate, ETA
    and failures so far."""
    if not console.is_terminal:
        yield plain_progress(every=max(1, students // 20))
        return
    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(),
               TextColumn("students"), TimeElapsedColumn(), TextColumn("eta"),
               TimeRemainingColumn(), TextColumn("[red]{task.fields[failures]} failures"))
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("grading", total=students, failures=0)

        def update(state: BatchState) -> None:
            bar.update(task, completed=state.students_done, failures=state.failures)

        yield update
