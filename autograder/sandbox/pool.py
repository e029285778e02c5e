"""A pool of warm sandbox workers, safe to use from ``size`` threads at once.

Each worker imports the runner (and TensorFlow) once; every job runs in fresh children forked from
it. A worker that dies or stops answering is replaced in the background and its job comes back as
a :class:`JobOutcome` with ``error`` set: :meth:`WorkerPool.run` does not raise for a bad job.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from autograder.sandbox.jobs import check_job
from autograder.sandbox.limits import Limits
from autograder.sandbox.outcome import JobOutcome, OutcomeError, parse_outcome
from autograder.sandbox.workerproc import WorkerFailure, WorkerProcess

DEFAULT_RUNNER = "autograder.harness:run_job"
SAFETY_MARGIN_S = 15.0  # beyond the job's own budget: kill, reap and reporting time
START_TIMEOUT_S = 180.0
LOGGER = logging.getLogger("autograder.sandbox")


class WorkerStartError(RuntimeError):
    """A worker could not be started (the runner does not import, Python is broken...)."""


class PoolClosedError(RuntimeError):
    """:meth:`WorkerPool.run` was called after :meth:`WorkerPool.close`."""


class SandboxDegradedWarning(UserWarning):
    """Jobs run without full isolation (no namespaces or no private root); see the reasons."""


def worker_environment(home: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a worker: nothing inherited but PATH, LANG and PYTHONPATH."""
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths)),
        "PYTHONHASHSEED": "0",
        "PYTHONNOUSERSITE": "1",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "CUDA_VISIBLE_DEVICES": "",  # no GPU unless the caller passes one in ``env``
        # Every thread's malloc arena reserves 64 MiB of address space, which RLIMIT_AS counts.
        "MALLOC_ARENA_MAX": "2",
        "HOME": home,
        "TMPDIR": home,
    }
    env.update(extra or {})
    return env


class WorkerPool:
    """``size`` warm workers running ``runner`` under ``limits``; use as a context manager."""

    def __init__(self, size: int, limits: Limits | None = None, runner: str = DEFAULT_RUNNER,
                 env: Mapping[str, str] | None = None, *,
                 start_timeout_s: float = START_TIMEOUT_S) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.limits = limits or Limits()
        self._workdir = tempfile.mkdtemp(prefix="gradetape-sandbox-")
        os.chmod(self._workdir, 0o700)
        environment = worker_environment(self._workdir, env)
        self._workers = [WorkerProcess(n, runner, self.limits, environment, self._workdir)
                         for n in range(size)]
        self._start_timeout_s = start_timeout_s
        self._free: queue.Queue[WorkerProcess] = queue.Queue()
        self._restarts: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self.isolation_warning: str | None = None
        self.started_in_s = self._start_all()

    def _start_all(self) -> float:
        started = time.monotonic()
        try:
            for worker in self._workers:
                worker.start()
            for worker in self._workers:
                worker.wait_ready(self._start_timeout_s)
                self._free.put(worker)
        except WorkerFailure as exc:
            self.close()
            raise WorkerStartError(str(exc)) from exc
        return time.monotonic() - started

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def run(self, job: dict[str, Any]) -> JobOutcome:
        """Run one job in a free worker (waiting for one if all are busy).

        Raises :class:`~autograder.sandbox.jobs.JobFormatError` or ``TypeError`` for a job that
        is malformed or not JSON-able (a grader bug); any failure of the sandbox itself comes
        back as an outcome with ``error`` set.
        """
        check_job(job)
        line = json.dumps(job).encode("utf-8") + b"\n"
        indices = {call["index"] for call in job["calls"]}
        if self._closed:
            raise PoolClosedError("the pool is closed")
        worker = self._free.get()
        started = time.monotonic()
        healthy = False
        try:
            outcome = self._exchange(worker, job["job_id"], line, indices)
            healthy = outcome.error is None and worker.alive
        except (WorkerFailure, OutcomeError) as exc:
            LOGGER.error("sandbox worker %d failed on job %s: %s", worker.number,
                         job["job_id"], exc)
            outcome = JobOutcome.failed(job["job_id"], f"the sandbox failed: {exc}",
                                        time.monotonic() - started)
        finally:
            self._release(worker, healthy)
        self._note_isolation(outcome)
        return outcome

    def _exchange(self, worker: WorkerProcess, job_id: str, line: bytes,
                  indices: set[int]) -> JobOutcome:
        if not worker.alive:
            worker.start()
            worker.wait_ready(self._start_timeout_s)
        limits = self.limits
        timeout = limits.job_budget_s(len(indices)) + SAFETY_MARGIN_S
        # Every message was re-encoded compactly by the worker and checked against the limit;
        # JSON escaping can make the tail (and the job id) up to six times longer.
        max_bytes = ((len(indices) + 2) * limits.message_bytes
                     + 6 * (limits.output_tail_bytes + len(job_id)) + 65536)
        reply = worker.request(line, timeout, max_bytes)
        return parse_outcome(reply, job_id, indices)

    def _release(self, worker: WorkerProcess, healthy: bool) -> None:
        if healthy or self._closed:
            self._free.put(worker)
            return
        thread = threading.Thread(target=self._restart, args=(worker,), daemon=True,
                                  name=f"sandbox-restart-{worker.number}")
        with self._lock:
            self._restarts.append(thread)
        thread.start()

    def _restart(self, worker: WorkerProcess) -> None:
        try:
            worker.start()
            worker.wait_ready(self._start_timeout_s)
        except WorkerFailure as exc:  # the next job retries the start, and reports it if stuck
            LOGGER.error("sandbox worker %d did not restart: %s", worker.number, exc)
            worker.kill()
        self._free.put(worker)

    def _note_isolation(self, outcome: JobOutcome) -> None:
        if not outcome.ran or not outcome.isolation.degraded or self.isolation_warning:
            return
        reasons = "; ".join(outcome.isolation.reasons) or "unknown"
        self.isolation_warning = f"sandbox isolation is degraded: {reasons}"
        LOGGER.warning(self.isolation_warning)
        warnings.warn(self.isolation_warning, SandboxDegradedWarning, stacklevel=3)

    @property
    def workdir(self) -> str:
        """The pool's private directory: the workers' cwd and home, degraded jobs' scratch."""
        return self._workdir

    @property
    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for diagnostics and tests)."""
        return [int(w.hello.get("pid", 0)) for w in self._workers if w.alive]

    def close(self) -> None:
        """Stop every worker (and whatever its children left) and remove the pool's files."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            restarts = list(self._restarts)
        for thread in restarts:
            thread.join()
        for worker in self._workers:
            worker.stop()
        shutil.rmtree(self._workdir, ignore_errors=True)
