"""The shape check on what a sandboxed child sends back, before any of it is scored.

The child runs the student's code, so every message it writes is untrusted: a submission can
write its own JSON lines to the result pipe. The sandbox guarantees only that each message is a
JSON object. Here the grader, in its own process, checks the fields that scoring and feedback
read and replaces a message of the wrong shape by a plain "crashed" record, so a forged message
costs its author the case and never stops the run.

The output description (``"output"``) is not checked here: comparison reads it defensively and
a malformed one fails the case (see :func:`autograder.scoring.judge_case`).
"""

from __future__ import annotations

from typing import Any

MALFORMED = "the submission's process sent a malformed result"
ERROR_TEXT_FIELDS = ("type", "module", "message", "traceback")
LIMIT = 20_000  # characters kept of any text field


def clean_load(load: Any) -> dict[str, Any]:
    """The load message if it has the right shape, otherwise a ``crashed`` record."""
    if not isinstance(load, dict):
        return _crashed("load message is not an object")
    if "status" in load and "event" not in load:  # written by the sandbox itself
        return load
    event = load.get("event")
    if event == "loaded":
        cell_errors = load.get("cell_errors", [])
        if not isinstance(cell_errors, list) or not all(_is_cell_error(e) for e in cell_errors):
            return _crashed("malformed cell errors")
        return {**load, "cell_errors": cell_errors}
    if event == "load-error":
        error = clean_error(load.get("error"))
        return {**load, "error": error} if error else _crashed("malformed load error")
    return _crashed(f"unknown load event {str(event)[:40]!r}")


def clean_calls(calls: Any) -> dict[int, dict[str, Any]]:
    """Every call record checked with :func:`clean_call`; entries not keyed by an int dropped."""
    if not isinstance(calls, dict):
        return {}
    return {index: clean_call(record) for index, record in calls.items()
            if isinstance(index, int) and not isinstance(index, bool)}


def clean_call(record: Any) -> dict[str, Any]:
    """One call record if it has the right shape, otherwise a ``crashed`` record."""
    if not isinstance(record, dict):
        return _crashed("call record is not an object")
    if "status" in record and "ok" not in record:  # timeout / crashed, written by the sandbox
        return record
    ok = record.get("ok")
    if not isinstance(ok, bool):
        return _crashed("call record without a boolean 'ok'")
    observations = record.get("observations", {})
    if not isinstance(observations, dict):
        return _crashed("observations are not an object")
    seconds = record.get("seconds", 0.0)
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        return _crashed("seconds is not a number")
    if ok:
        if not isinstance(record.get("output"), dict):
            return _crashed("output is not a description")
        return record
    error = clean_error(record.get("error"))
    return {**record, "error": error} if error else _crashed("malformed error record")


def clean_error(error: Any) -> dict[str, Any] | None:
    """An error record with text fields as bounded strings and ``line`` an int or None."""
    if not isinstance(error, dict):
        return None
    cleaned: dict[str, Any] = {**error}
    for name in ERROR_TEXT_FIELDS:
        value = error.get(name, "")
        if not isinstance(value, str):
            return None
        cleaned[name] = value[:LIMIT]
    line = error.get("line")
    if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
        return None
    if not cleaned["type"]:
        return None
    return cleaned


def _is_cell_error(err: Any) -> bool:
    return (isinstance(err, dict) and all(isinstance(err.get(k, ""), str)
                                          for k in ("type", "message"))
            and isinstance(err.get("cell", 0), int))


def _crashed(why: str) -> dict[str, Any]:
    return {"status": "crashed", "detail": f"{MALFORMED}: {why}"}
