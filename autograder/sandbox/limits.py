"""Resource limits and isolation settings for one sandboxed job."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

ISOLATION_MODES = ("auto", "require", "degraded")
"""``auto``: full isolation, falling back (loudly) to a degraded child where the kernel refuses;
``require``: never run student code without full isolation; ``degraded``: never try it (tests)."""

MIB = 1024 * 1024


class LimitsError(ValueError):
    """A :class:`Limits` value is out of range or of the wrong type."""


@dataclass(frozen=True)
class Limits:
    """What one job may use. Times are wall-clock seconds measured by the worker, from outside.

    ``memory_mb`` is *added* to the address space the worker already has mapped when it forks:
    TensorFlow maps several GiB of virtual memory at import, so an absolute ``RLIMIT_AS`` would
    either refuse TensorFlow or allow nearly anything. It caps each process of the job
    (``RLIMIT_AS`` is per process); ``processes`` bounds how many there are, threads included.
    """

    memory_mb: int = 2048
    call_timeout_s: float = 10.0
    load_timeout_s: float = 20.0
    cpu_s: int = 120
    file_size_mb: int = 32
    open_files: int = 256
    processes: int = 64
    message_bytes: int = 4 * MIB
    output_tail_bytes: int = 4096
    scratch_mb: int = 64
    isolation: str = "auto"

    def __post_init__(self) -> None:
        if self.isolation not in ISOLATION_MODES:
            raise LimitsError(f"isolation must be one of {ISOLATION_MODES}, not {self.isolation!r}")
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name != "isolation" and (isinstance(value, bool) or value <= 0):
                raise LimitsError(f"{field.name} must be a positive number, not {value!r}")

    def job_budget_s(self, calls: int) -> float:
        """The most wall time a job with ``calls`` calls may take, reloads included."""
        return self.load_timeout_s + calls * self.call_timeout_s

    def to_json(self) -> str:
        """The limits as a JSON object (how the pool hands them to a worker)."""
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Limits:
        """Parse :meth:`to_json` output; unknown keys are an error."""
        data: Any = json.loads(text)
        if not isinstance(data, dict):
            raise LimitsError("limits must be a JSON object")
        unknown = sorted(set(data) - {field.name for field in dataclasses.fields(cls)})
        if unknown:
            raise LimitsError(f"unknown limits: {', '.join(unknown)}")
        return cls(**data)
