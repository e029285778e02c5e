"""The sandbox: warm worker processes that fork one isolated child per grading job.

Typical use::

    with WorkerPool(size=2, limits=Limits(call_timeout_s=5)) as pool:
        outcome = pool.run(job)

See :mod:`autograder.sandbox.worker` for the process tree and the wire protocol, and
:mod:`autograder.sandbox.isolate` for what a child can and cannot do.
"""

from __future__ import annotations

from autograder.sandbox.jobs import JobFormatError
from autograder.sandbox.limits import Limits, LimitsError
from autograder.sandbox.outcome import Isolation, JobOutcome, OutcomeError
from autograder.sandbox.pool import (
    PoolClosedError,
    SandboxDegradedWarning,
    WorkerPool,
    WorkerStartError,
)

__all__ = [
    "Isolation",
    "JobFormatError",
    "JobOutcome",
    "Limits",
    "LimitsError",
    "OutcomeError",
    "PoolClosedError",
    "SandboxDegradedWarning",
    "WorkerPool",
    "WorkerStartError",
]
