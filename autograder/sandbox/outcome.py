"""The parent's view of a finished job, parsed and type-checked from the worker's result line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

PLAIN_SCALARS = (str, int, float, bool, type(None))
MAX_DEPTH = 400  # below the interpreter's recursion limit


class OutcomeError(ValueError):
    """A worker's result line is not a well-formed job result."""


@dataclass(frozen=True)
class Isolation:
    """How isolated the job's children were. ``degraded`` means some protection was missing."""

    degraded: bool
    features: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobOutcome:
    """One job's result. ``error`` is set (and the rest empty) when the job could not be run.

    ``load`` is the runner's ``loaded``/``load-error`` message or ``{"status": "timeout"}`` /
    ``{"status": "crashed", "detail": ...}``. ``calls`` maps a call index to the runner's
    ``call`` message or such a status (a timeout also marks the rest of its task
    ``{"status": "timeout", "skipped": True}``); calls have no entry when the module did not load.
    Treat the dicts as read-only.
    """

    job_id: str
    load: dict[str, Any]
    calls: dict[int, dict[str, Any]]
    output_tail: str
    isolation: Isolation
    seconds: float
    error: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ran(self) -> bool:
        """Whether the sandbox ran the job (whatever the student's code did)."""
        return self.error is None

    @classmethod
    def failed(cls, job_id: str, error: str, seconds: float = 0.0) -> JobOutcome:
        """An outcome for a job the sandbox could not run."""
        return cls(job_id=job_id, load={"status": "not-run", "detail": error}, calls={},
                   output_tail="", isolation=Isolation(degraded=True, reasons=(error,)),
                   seconds=seconds, error=error)


def parse_outcome(line: bytes, job_id: str, indices: set[int]) -> JobOutcome:
    """Parse a worker's result line for the job ``job_id`` with call ``indices``."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise OutcomeError(f"result is not JSON: {str(exc)[:200]}") from None
    check_plain(data)
    if not isinstance(data, dict) or data.get("job_id") != job_id:
        raise OutcomeError(f"result is not for job {job_id!r}")
    if isinstance(data.get("error"), str):
        return JobOutcome.failed(job_id, data["error"])
    calls = {_index(key, indices): _typed(value, dict, f"call {key}")
             for key, value in _field(data, "calls", dict).items()}
    isolation = _field(data, "isolation", dict)
    return JobOutcome(
        job_id=job_id, load=_field(data, "load", dict), calls=calls,
        output_tail=_field(data, "output_tail", str),
        isolation=Isolation(_field(isolation, "degraded", bool),
                            _strings(isolation.get("features")),
                            _strings(isolation.get("reasons"))),
        seconds=float(_field(data, "seconds", (int, float))), raw=data)


def check_plain(value: Any, depth: int = 0) -> None:
    """Accept only dict (string keys), list, str, int, float, bool and None, nested sanely."""
    if depth > MAX_DEPTH:
        raise OutcomeError("result nested too deeply")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise OutcomeError(f"non-string key {key!r}")
            check_plain(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_plain(item, depth + 1)
    elif type(value) not in PLAIN_SCALARS:
        raise OutcomeError(f"unexpected {type(value).__name__} in a result")


def _field(data: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    return _typed(data.get(key), kind, repr(key))


def _typed(value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise OutcomeError(f"{what} has the wrong type {type(value).__name__}")
    return value


def _index(key: str, indices: set[int]) -> int:
    if not key.isdigit() or int(key) not in indices:
        raise OutcomeError(f"a result for call {key!r}, which the job does not have")
    return int(key)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise OutcomeError("isolation features and reasons must be lists of strings")
    return tuple(value)
