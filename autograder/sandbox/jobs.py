"""Running one job in the worker: as many fresh children as it takes to give every call a record.

A call that times out costs the rest of its task (``{"status": "timeout", "skipped": true}``);
a call that crashes costs only itself. Either way a fresh child reloads the module for the calls
still to run. A module that does not load ends the job: its calls get no record.
"""

from __future__ import annotations

import json
import time
from typing import Any

from autograder.sandbox.channel import OutputTail
from autograder.sandbox.limits import Limits
from autograder.sandbox.spawn import SpawnError, ZygoteClient
from autograder.sandbox.supervise import Attempt, AttemptResult

NO_REPORT = {"degraded": True, "features": [], "reasons": ["no child reported its isolation"]}


class JobFormatError(ValueError):
    """A job is not ``{"job_id": str, "calls": [{"index": int, "task": str, ...}, ...], ...}``."""


def check_job(job: Any) -> dict[str, Any]:
    """Return ``job`` if it has the fields the sandbox relies on; raises :class:`JobFormatError`."""
    if not isinstance(job, dict) or not isinstance(job.get("job_id"), str):
        raise JobFormatError("a job must be a JSON object with a string 'job_id'")
    calls = job.get("calls")
    if not isinstance(calls, list) or not all(
            isinstance(c, dict) and type(c.get("index")) is int and isinstance(c.get("task"), str)
            for c in calls):
        raise JobFormatError("'calls' must be a list of objects with an int 'index' and a "
                             "string 'task'")
    if len({c["index"] for c in calls}) != len(calls):
        raise JobFormatError("call indices must be unique")
    return job


def run_job(job: dict[str, Any], zygote: ZygoteClient, limits: Limits) -> dict[str, Any]:
    """Run a checked job to completion; returns the worker's result line as a dict."""
    started = time.monotonic()
    deadline = started + limits.job_budget_s(len(job["calls"]))
    tail = OutputTail(limits.output_tail_bytes)
    load: dict[str, Any] | None = None
    isolation: dict[str, Any] | None = None
    records: dict[int, dict[str, Any]] = {}
    remaining = list(job["calls"])
    while load is None or remaining:
        result = _attempt({**job, "calls": remaining}, zygote, limits, deadline, tail)
        isolation = isolation or result.isolation
        records.update(result.calls)
        remaining = [call for call in remaining if call["index"] not in records]
        if load is None:
            load = result.load or {"status": "crashed", "detail": "no load message"}
            if load.get("event") != "loaded":
                break
        elif (result.load or {}).get("event") != "loaded":
            _fail_all(records, remaining, _reload_failure(result.load))
            break
        if remaining and time.monotonic() >= deadline:
            _fail_all(records, remaining, {"status": "timeout", "skipped": True,
                                           "detail": "the job's time budget is spent"})
            break
    return {
        "job_id": job["job_id"],
        "load": load,
        "calls": {str(call["index"]): records[call["index"]] for call in job["calls"]
                  if call["index"] in records},
        "output_tail": tail.text(),
        "isolation": isolation or NO_REPORT,
        "seconds": round(time.monotonic() - started, 6),
    }


def _attempt(job: dict[str, Any], zygote: ZygoteClient, limits: Limits, deadline: float,
             tail: OutputTail) -> AttemptResult:
    try:
        child = zygote.spawn(json.dumps(job).encode())
    except SpawnError as exc:
        return AttemptResult(load={"status": "crashed", "detail": str(exc)})
    try:
        return Attempt(child, job["calls"], limits, deadline, tail).run(zygote.reap)
    finally:
        child.close()


def _reload_failure(load: dict[str, Any] | None) -> dict[str, Any]:
    load = load or {}
    if load.get("status") == "timeout":
        return {"status": "timeout", "detail": "the module timed out when loaded again"}
    reason = load.get("detail") or "it raised this time"
    return {"status": "crashed", "detail": f"the module did not load again: {reason}"}


def _fail_all(records: dict[int, dict[str, Any]], calls: list[dict[str, Any]],
              record: dict[str, Any]) -> None:
    for call in calls:
        records.setdefault(call["index"], dict(record))
