"""The ``gradetape`` command line: parse arguments, call the package, map failures to exit codes."""

from __future__ import annotations

import json
import sys
import textwrap
import warnings
from collections.abc import Callable, Sequence
from contextlib import ExitStack, nullcontext
from enum import IntEnum
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from autograder import __version__

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    """Exit statuses: 0 whatever the scores, 2 for usage errors (click's own code too)."""

    OK = 0
    CHECK_FAILED = 1
    USAGE = 2
    INTERNAL = 3


def _usage_errors(func: F) -> F:
    """Turn the package's input errors into usage errors with a clear message."""
    from autograder.course import CourseError
    from autograder.gradebook import GradebookError
    from autograder.secret import SecretError
    from autograder.submission import SubmissionError

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (CourseError, GradebookError, SecretError, SubmissionError) as exc:
            raise click.UsageError(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def _limits(timeout: float | None, memory_mb: int | None, isolation: str) -> Any:
    from autograder.sandbox import Limits

    changes: dict[str, Any] = {"isolation": isolation}
    if timeout:
        changes["call_timeout_s"] = timeout
    if memory_mb:
        changes["memory_mb"] = memory_mb
    return Limits(**changes)


def _session_options(course: Path | None, secret_file: Path | None, jobs: int,
                     limits: Any) -> Any:
    from autograder.session import SessionOptions

    return SessionOptions(course=course, secret_file=secret_file, jobs=jobs, limits=limits)


_common = [
    click.option("--course", type=click.Path(file_okay=False, path_type=Path),
                 help="Course folder with solutions/ (default: this checkout)."),
    click.option("--secret-file", type=click.Path(dir_okay=False, path_type=Path),
                 help="Course secret for hidden inputs (default: $GRADETAPE_SECRET or "
                      "./.gradetape-secret, created on first use)."),
    click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
                 help="Parallel sandboxes (0: one per core)."),
    click.option("--timeout", type=click.FloatRange(min=0.1), help="Seconds per task call."),
    click.option("--memory-mb", type=click.IntRange(min=64), help="Memory per sandbox, MiB."),
    click.option("--isolation", type=click.Choice(["auto", "require", "degraded"]),
                 default="auto", show_default=True,
                 help="auto: namespaces where the kernel allows; require: refuse without."),
]


def common_options(func: F) -> F:
    """Options shared by the commands that grade."""
    for option in reversed(_common):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gradetape")
def main() -> None:
    """gradetape: exercises and a sandboxed autograder for TensorFlow automatic differentiation."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per student.")
@click.option("--summary", is_flag=True, help="Only the score table, no per-task details.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep a resumable gradebook and write reports in this folder.")
@common_options
@_usage_errors
def grade(paths: tuple[Path, ...], as_json: bool, summary: bool, out_dir: Path | None,
          course: Path | None, secret_file: Path | None, jobs: int, timeout: float | None,
          memory_mb: int | None, isolation: str) -> None:
    """Grade submission files (exNN_*.py / .ipynb), students' folders or a class folder."""
    from autograder.batch import summary as batch_summary
    from autograder.gradebook import FILENAME, open_gradebook
    from autograder.progress import batch_progress
    from autograder.reports.table import write_table
    from autograder.session import open_session

    students = _collect(paths)
    err = Console(stderr=True)
    warnings.filterwarnings("ignore", message="sandbox isolation is degraded")  # printed below
    options = _session_options(course, secret_file, jobs, _limits(timeout, memory_mb, isolation))
    only = None if any(p.is_dir() for p in paths) else sorted(
        {m for subs in students.values() for m in subs})
    # The gradebook stays open to the end: full results are read back from it one student at
    # a time for --json and the reports (batch.full_results), never all held at once.
    with open_gradebook(out_dir / FILENAME) if out_dir else nullcontext() as book:
        with open_session(options) as session, ExitStack() as stack:
            progress = stack.enter_context(batch_progress(err, len(students))) if (
                len(students) > 1 or out_dir) else None
            from autograder.batch import full_results, grade_class

            batch = grade_class(session, students, book, progress, only)
            warning = session.isolation_warning
        results = batch.results
        if warning:
            err.print(f"[bold red]WARNING:[/bold red] {warning}", highlight=False)
        if as_json:
            _echo_json_array(full_results(batch, book))
        else:
            # Not a terminal (a log, CI): wide enough that names and totals are not cut.
            console = Console() if sys.stdout.isatty() else Console(width=200)
            write_table(results, console, details=not summary)
        if out_dir:
            _write_reports(full_results(batch, book), out_dir, err)
    if len(results) > 1 or out_dir:
        for line in batch_summary(batch):
            err.print(line, highlight=False)
    if any(r.internal_errors for r in results):
        err.print("[bold red]internal grader errors occurred; see above[/bold red]")
        sys.exit(ExitCode.INTERNAL)


def _collect(paths: tuple[Path, ...]) -> dict[str, Any]:
    from autograder.specs import module_names
    from autograder.submission import collect

    students: dict[str, Any] = {}
    for path in paths:
        for student, subs in collect(path, module_names()).items():
            # Folders stay lazy (read when graded); a student named by several paths (single
            # files) is merged, a later path winning for the same module.
            students[student] = {**students[student], **subs} if student in students else subs
    return students


def _echo_json_array(items: Sequence[dict[str, Any]]) -> None:
    """A JSON array printed one student at a time (the same text as ``json.dumps(list,
    indent=2)``), so a class's results are never all in memory as text."""
    if not items:
        click.echo("[]")
        return
    click.echo("[")
    for i, item in enumerate(items):
        text = textwrap.indent(json.dumps(item, indent=2), "  ")
        click.echo(text + ("," if i < len(items) - 1 else ""))
    click.echo("]")


def _write_reports(results: Sequence[dict[str, Any]], out_dir: Path, err: Console) -> None:
    """Every report format from the results' JSON objects; a failing writer is an internal
    error."""
    from autograder.reports import ReportError, write_all

    try:
        written = write_all(results, out_dir)
    except ReportError as exc:
        for failure in exc.failures:
            err.print(f"[bold red]report failed:[/bold red] {failure}", highlight=False)
        sys.exit(ExitCode.INTERNAL)
    for kind, files in written.items():
        if files:
            more = f" (+{len(files) - 1} more)" if len(files) > 1 else ""
            err.print(f"{kind}: {files[0]}{more}", highlight=False)


@main.command()
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder written by `gradetape grade ... --out`.")
@_usage_errors
def report(out_dir: Path) -> None:
    """Regenerate every report from the gradebook in OUT (no grading)."""
    from autograder.engine import INTERNAL_PREFIX
    from autograder.gradebook import FILENAME, GradebookError, open_gradebook
    from autograder.result import ExerciseResult, StudentResult

    if not (out_dir / FILENAME).is_file():
        raise GradebookError(f"{out_dir / FILENAME} does not exist: grade with --out first")
    from autograder.batch import LazyResults

    with open_gradebook(out_dir / FILENAME) as book:
        students = book.students()

        def load(index: int) -> dict[str, Any]:  # one student at a time, as the writers read
            exercises = [ExerciseResult.from_dict(e)
                         for e in book.exercises(students[index]).values()]
            exercises.sort(key=lambda e: e.exercise)
            errors = tuple(e.message for e in exercises if e.message.startswith(INTERNAL_PREFIX))
            return StudentResult(students[index], tuple(exercises), {}, errors).to_dict()

        _write_reports(LazyResults(len(students), load), out_dir, Console(stderr=True))
    click.echo(f"{len(students)} students' reports written to {out_dir}")


@main.group()
def export() -> None:
    """Export the course for another platform (Gradescope, nbgrader)."""


@export.command("nbgrader")
@click.argument("course_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--assignment", default="gradetape", show_default=True)
@click.option("--course", type=click.Path(file_okay=False, path_type=Path))
@click.option("--module", "modules", multiple=True, help="Only these modules (repeatable).")
@click.option("--secret-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Seed hidden cases from this secret (default: new random seeds).")
@_usage_errors
def export_nbgrader_course(course_dir: Path, assignment: str, course: Path | None,
                           modules: tuple[str, ...], secret_file: Path | None) -> None:
    """Write an nbgrader course: source/ASSIGNMENT/*.ipynb, nbgrader_config.py, references."""
    from autograder.course import Course
    from autograder.export.nbgrader import export_nbgrader
    from autograder.secret import load_secret

    secret = load_secret(secret_file, create=False)[0] if secret_file else None
    written = export_nbgrader(Course.locate(course), course_dir, assignment,
                              modules=list(modules) or None, secret=secret)
    click.echo(f"wrote {len(written)} files under {course_dir}")
    click.echo(f"next: cd {course_dir} && nbgrader generate_assignment {assignment}")


@export.command("gradescope")
@click.argument("zip_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--course", type=click.Path(file_okay=False, path_type=Path))
@click.option("--module", "modules", multiple=True, help="Only these modules (repeatable).")
@_usage_errors
def export_gradescope(zip_path: Path, course: Path | None, modules: tuple[str, ...]) -> None:
    """Write a Gradescope autograder zip (setup.sh, run_autograder, pinned gradetape)."""
    from autograder.course import Course
    from autograder.export.gradescope import ExportError, build_autograder_zip

    try:
        path = build_autograder_zip(Course.locate(course).root, zip_path,
                                    modules=list(modules) or None)
    except ExportError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"wrote {path}")


@main.command("list")
def list_modules() -> None:
    """Show the modules, their tasks and points."""
    from autograder.specs import SPECS

    for spec in SPECS.values():
        click.echo(f"{spec.name}  {spec.title}  ({spec.max_score:g} points)")
        for task in spec.tasks:
            hidden = f" + {task.hidden_count} hidden" if task.hidden else ""
            click.echo(f"    {task.name:<30} {task.points:g} pt  "
                       f"{len(task.public)} public{hidden} case(s)")
    total = sum(s.max_score for s in SPECS.values())
    click.echo(f"{len(SPECS)} modules, {sum(len(s.tasks) for s in SPECS.values())} tasks, "
               f"{total:g} points")


@main.command("hints")
@click.option("--markdown", is_flag=True, help="Print the catalog as docs/hints.md.")
def list_hints(markdown: bool) -> None:
    """Show the diagnosis catalog: hint ids and what students read."""
    from autograder import hints

    if markdown:
        click.echo(hints.markdown(), nl=False)
        return
    for hint in hints.CATALOG.values():
        click.echo(f"{hint.id:<26} {hint.trigger}")


@main.command()
@click.option("--course", type=click.Path(file_okay=False, path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Only report stale files (exit 1 if any).")
@_usage_errors
def build(course: Path | None, check_only: bool) -> None:
    """Generate exercises/, notebooks/ and the self-check data from solutions/."""
    from autograder.build import build_exercises
    from autograder.course import Course
    from autograder.expected import write_public_expected
    from autograder.nbbuild import build_notebooks

    where = Course.locate(course)
    results = [build_exercises(where, check_only=check_only),
               build_notebooks(where, check_only=check_only),
               write_public_expected(where, check_only=check_only)]
    stale = [path for result in results for path in result.stale]
    for path in stale:
        click.echo(f"{'stale' if check_only else 'wrote'} {path}")
    if not stale:
        click.echo("exercises, notebooks and self-check data are up to date")
    if check_only and stale:
        sys.exit(ExitCode.CHECK_FAILED)


@main.command()
@common_options
@_usage_errors
def check(course: Path | None, secret_file: Path | None, jobs: int, timeout: float | None,
          memory_mb: int | None, isolation: str) -> None:
    """Course CI: references full marks, stubs zero, every mutant caught, stubs in sync."""
    from autograder.coursecheck import run_checks
    from autograder.session import open_session
    from autograder.specs import SPECS, module_names
    from autograder.submission import collect

    options = _session_options(course, secret_file, jobs, _limits(timeout, memory_mb, isolation))
    with open_session(options) as session:
        def grade_one(student: str, submission: Any) -> Any:
            return session.grader.grade_module(student, SPECS[submission.module], submission)

        def folder(path: Path) -> Any:
            return next(iter(collect(path, module_names()).values()))

        tasks = {name: [t.name for t in spec.tasks] for name, spec in SPECS.items()}
        results = run_checks(session.course, tasks, grade_one, folder)
    failed = [r for r in results if not r.ok]
    for r in results:
        click.echo(f"{'ok  ' if r.ok else 'FAIL'} {r.subject}: {r.detail}")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(ExitCode.CHECK_FAILED if failed else ExitCode.OK)


if __name__ == "__main__":
    main()
