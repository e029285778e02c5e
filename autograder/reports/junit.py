"""``junit.xml``: one testsuite per student × module, one testcase per task.

So a course's CI (GitHub Actions, GitLab, Jenkins) lists every task. A failed task is a
``<failure>``, an error or timeout (the student's code raised or ran too long) an ``<error>``, both
carrying the task's feedback, hints and traceback; a module that is missing or not gradable fails
all its tasks with the reason. ElementTree does the escaping; characters XML cannot hold at all
(control characters from a student's output) are replaced first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from autograder.reports.common import Result, clean, hint_text, points, trim_traceback

FILE = "junit.xml"
_ERROR_STATUSES = ("error", "timeout")
_TOTALS = ("tests", "failures", "errors", "skipped")


def write_junit(results: Sequence[Result], out_dir: Path) -> list[Path]:
    """Write ``junit.xml`` into ``out_dir``; return its path.

    Written one suite at a time (the class's totals, which the root element carries, come
    from a first pass), so a class of any size never sits in memory as one XML tree.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    totals = dict.fromkeys(_TOTALS, 0)
    for suite in _suites(results):
        for key in _TOTALS:
            totals[key] += int(suite.get(key, "0"))
    root = ET.Element("testsuites", {"name": "gradetape", **{k: str(v) for k, v in totals.items()}})
    opening = ET.tostring(root, encoding="unicode").removesuffix(" />") + ">"
    path = out_dir / FILE
    with path.open("w", encoding="utf-8") as out:
        out.write(f"<?xml version='1.0' encoding='utf-8'?>\n{opening}\n")
        for suite in _suites(results):
            ET.indent(suite, level=1)
            out.write(f"  {ET.tostring(suite, encoding='unicode')}\n")
        out.write("</testsuites>\n")
    return [path]


def _suites(results: Sequence[Result]) -> Iterator[ET.Element]:
    for result in results:
        for exercise in result.get("exercises", []):
            yield testsuite(str(result.get("student", "")), exercise)


def testsuite(student: str, exercise: dict[str, Any]) -> ET.Element:
    """One student's module."""
    name = clean(f"{student}.{exercise['exercise']}")
    suite = ET.Element("testsuite", name=name)
    properties = ET.SubElement(suite, "properties")
    values = {"status": clean(exercise.get("status", "")),
              "score": points(exercise.get("score", 0.0)),
              "max_score": points(exercise.get("max_score", 0.0))}
    for key, value in values.items():
        ET.SubElement(properties, "property", name=key, value=value)
    cases = [testcase(name, exercise, task) for task in exercise.get("tasks", [])]
    suite.extend(cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(c.find("failure") is not None for c in cases)))
    suite.set("errors", str(sum(c.find("error") is not None for c in cases)))
    suite.set("skipped", "0")
    suite.set("time", f"{float(exercise.get('seconds', 0.0)):.3f}")
    return suite


def testcase(classname: str, exercise: dict[str, Any], task: dict[str, Any]) -> ET.Element:
    """One task: passed (no child), ``<failure>`` or ``<error>``."""
    case = ET.Element("testcase", classname=classname, name=clean(task.get("task", "")))
    status = str(task.get("status", ""))
    score = f"{points(task.get('score', 0.0))}/{points(task.get('max_score', 0.0))} points"
    if status == "passed":
        return case
    kind = outcome_kind(str(exercise.get("status", "")), status)
    first = clean(task.get("feedback", "")).splitlines() or [status]
    outcome = ET.SubElement(case, kind, type=f"{exercise.get('status')}/{status}",
                            message=f"{status} ({score}): {first[0]}"[:500])
    outcome.text = details(task)
    return case


def outcome_kind(module_status: str, task_status: str) -> str:
    """``error`` when the student's code raised, timed out or could not load; else ``failure``."""
    if module_status == "missing":
        return "failure"
    return "error" if module_status == "not_gradable" or task_status in _ERROR_STATUSES else (
        "failure")


def details(task: dict[str, Any]) -> str:
    """The task's feedback, hint texts and trimmed traceback as plain text."""
    parts = [clean(task.get("feedback", ""))]
    parts += [f"hint {clean(h)}: {hint_text(h)}" for h in task.get("hints", [])]
    if task.get("traceback"):
        parts.append("traceback (student code):\n" + trim_traceback(task["traceback"]))
    return "\n\n".join(p for p in parts if p)
