"""Gradescope's ``results.json``, one per student: ``gradescope/<student>/results.json``.

The format is Gradescope's autograder specification
(https://gradescope-autograders.readthedocs.io/en/latest/specs/); ``gradescope_schema.json`` next
to this file is the subset we produce, and the tests validate every file against it. One test per
task, named ``<module>.<task>``, whose output is the task's Markdown feedback. The submission's
stdout (the grader's log) is only shown to instructors.

Also the converter that the exported autograder's ``run_autograder`` calls::

    python -m autograder.reports.gradescope --from-json grade.json --out results.json \
        [--modules ex04_first_order,ex05_second_order]

It always writes a valid ``results.json``; when grading produced nothing usable it says so to the
student (score 0, "not final") and exits 1, so the failure shows in the instructors' log.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from autograder.reports.common import Result, contained, points, safe_name
from autograder.reports.templating import environment, md_code, md_text
from autograder.reports.views import STATUS_LABEL, task_view

FOLDER = "gradescope"
FILE = "results.json"
SCHEMA = Path(__file__).with_name("gradescope_schema.json")
INTERNAL_ERROR_OUTPUT = (
    "**The autograder could not grade this submission.** This is a problem with the grader, not "
    "with your work: the score shown is not final and course staff have been notified."
)


def write_gradescope(results: Sequence[Result], out_dir: Path) -> list[Path]:
    """Write ``gradescope/<student>/results.json`` for every student; return the paths."""
    written = []
    for result in results:
        folder = contained(out_dir, FOLDER, safe_name(str(result.get("student", ""))))
        folder.mkdir(parents=True, exist_ok=True)
        written.append(write_json(gradescope_results(result), folder / FILE))
    return written


def write_json(data: dict[str, Any], path: Path) -> Path:
    """``data`` as indented UTF-8 JSON at ``path``."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def gradescope_results(result: Result) -> dict[str, Any]:
    """The ``results.json`` object of one student."""
    tests = [gradescope_test(e["exercise"], t)
             for e in result.get("exercises", []) for t in e.get("tasks", [])]
    data: dict[str, Any] = {
        "score": round(float(result.get("score", 0.0)), 6),
        "output": summary_markdown(result),
        "output_format": "md",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    seconds = sum(float(e.get("seconds", 0.0)) for e in result.get("exercises", []))
    if seconds:
        data["execution_time"] = max(1, round(seconds))
    return data


def gradescope_test(module: str, task: dict[str, Any]) -> dict[str, Any]:
    """One task as a Gradescope test (``passed`` only when it scored full marks)."""
    return {
        "name": f"{module}.{task['task']}",
        "score": round(float(task.get("score", 0.0)), 6),
        "max_score": float(task.get("max_score", 0.0)),
        "status": "passed" if task.get("status") == "passed" else "failed",
        "output": task_markdown(module, task),
        "output_format": "md",
        "visibility": "visible",
    }


def task_markdown(module: str, task: dict[str, Any]) -> str:
    """One task's feedback in Markdown, as in the feedback files but without heading or plot."""
    return environment().get_template("task.md.j2").render(t=task_view(module, task)).strip()


def summary_markdown(result: Result) -> str:
    """The submission-level output: total, each module's points and why a module was not graded."""
    lines = []
    if result.get("internal_errors"):
        lines += [INTERNAL_ERROR_OUTPUT, ""]
    lines.append(f"**Total: {points(float(result.get('score', 0.0)))} / "
                 f"{points(float(result.get('max_score', 0.0)))} points**")
    lines.append("")
    for exercise in result.get("exercises", []):
        status = exercise.get("status", "")
        line = (f"- {md_text(exercise['exercise'])}: {points(exercise.get('score', 0.0))} / "
                f"{points(exercise.get('max_score', 0.0))}")
        if status != "graded":
            line += f" ({STATUS_LABEL.get(status, status)}: {md_code(exercise.get('message', ''))})"
        lines.append(line)
    return "\n".join(lines)


def failure_results(reason: str) -> dict[str, Any]:
    """A valid ``results.json`` for when grading produced nothing usable (a grader failure)."""
    return {"score": 0.0, "output": f"{INTERNAL_ERROR_OUTPUT}\n\n{md_code(reason)}",
            "output_format": "md", "stdout_visibility": "hidden", "tests": []}


def only_modules(result: Result, modules: list[str]) -> Result:
    """``result`` restricted to ``modules`` (an assignment grades some modules of the course)."""
    exercises = [e for e in result.get("exercises", []) if e.get("exercise") in modules]
    return {**result, "exercises": exercises,
            "score": sum(float(e.get("score", 0.0)) for e in exercises),
            "max_score": sum(float(e.get("max_score", 0.0)) for e in exercises)}


def convert(source: Path, out: Path, modules: list[str] | None = None) -> int:
    """``gradetape grade --json`` output for one student → ``out``; 0, or 1 on a grader failure.

    With ``modules``, only those modules count (the others are dropped from tests and score).
    """
    try:
        results = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        write_json(failure_results(f"no grading results ({exc.__class__.__name__})"), out)
        return 1
    if not isinstance(results, list) or len(results) != 1 or not isinstance(results[0], dict):
        count = len(results) if isinstance(results, list) else "no"
        write_json(failure_results(f"expected one student's results, got {count}"), out)
        return 1
    result = only_modules(results[0], modules) if modules else results[0]
    write_json(gradescope_results(result), out)
    return 1 if result.get("internal_errors") else 0


def main(argv: list[str] | None = None) -> int:
    """Command line of the converter; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m autograder.reports.gradescope",
                                     description="Convert gradetape JSON results to Gradescope's.")
    parser.add_argument("--from-json", type=Path, required=True, metavar="FILE",
                        help="output of `gradetape grade --json` for one student")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="where to write results.json")
    parser.add_argument("--modules", default="", metavar="NAMES",
                        help="comma-separated modules to keep (default: all in the results)")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    modules = [m.strip() for m in args.modules.split(",") if m.strip()]
    return convert(args.from_json, args.out, modules or None)


if __name__ == "__main__":
    sys.exit(main())
