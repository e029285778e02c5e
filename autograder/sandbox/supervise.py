"""Watching one sandboxed child from the worker: deadlines, protocol checks, the end of the child.

An *attempt* is one child running the job's module and some of its calls, in order. It ends when
the child has sent everything, exits, breaks the protocol or overruns a deadline; in every case
the child is SIGKILLed (its whole PID namespace with it) and reaped before the attempt returns.
"""

from __future__ import annotations

import os
import selectors
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from autograder.sandbox.channel import (
    LineReader,
    OutputTail,
    ProtocolError,
    parse_isolation,
    parse_message,
)
from autograder.sandbox.child import EXIT_ISOLATION_REFUSED
from autograder.sandbox.limits import Limits
from autograder.sandbox.procs import describe_status
from autograder.sandbox.spawn import ChildHandle

DONE_GRACE_S = 1.0  # after the last message: time to flush output and exit unaided
EXIT_WAIT_S = 5.0
READ_BYTES = 1 << 16


@dataclass
class AttemptResult:
    """What one child produced: its isolation report, load message and per-call records."""

    isolation: dict[str, Any] | None = None
    load: dict[str, Any] | None = None
    calls: dict[int, dict[str, Any]] = field(default_factory=dict)


class Attempt:
    """Supervises one child running ``calls`` (``[{"index": int, "task": str, ...}, ...]``)."""

    def __init__(self, child: ChildHandle, calls: list[dict[str, Any]], limits: Limits,
                 job_deadline: float, tail: OutputTail) -> None:
        self._child = child
        self._pending = [(int(call["index"]), str(call["task"])) for call in calls]
        self._limits = limits
        self._job_deadline = job_deadline
        self._tail = tail
        self._reader = LineReader(limits.message_bytes)
        self._phase = "isolation"
        self._deadline = 0.0
        self._restart_clock(limits.load_timeout_s)
        self._violation: str | None = None
        self.result = AttemptResult()

    def run(self, reap: Callable[[], int | None]) -> AttemptResult:
        """Watch the child until it is finished; ``reap`` collects its wait status."""
        selector = selectors.DefaultSelector()
        for fd in (self._child.pidfd, self._child.result_fd, self._child.output_fd):
            selector.register(fd, selectors.EVENT_READ)
        try:
            timed_out = self._watch(selector)
            self._child.kill()
            _wait_readable(self._child.pidfd, EXIT_WAIT_S)
            self._drain(selector)
        finally:
            selector.close()
        self._settle(timed_out, reap())
        return self.result

    def _watch(self, selector: selectors.BaseSelector) -> bool:
        """Returns True when a deadline passed, False when the child exited or misbehaved."""
        while self._violation is None:
            remaining = self._deadline - time.monotonic()
            if remaining <= 0:
                return True
            for key, _ in selector.select(remaining):
                if key.fd == self._child.pidfd:
                    return False
                self._read(selector, key.fd)
        return False

    def _read(self, selector: selectors.BaseSelector, fd: int) -> bool:
        """One read from ``fd``; False at end of file or when nothing is there."""
        try:
            data = os.read(fd, READ_BYTES)
        except BlockingIOError:
            return False
        if not data:
            selector.unregister(fd)
            return False
        if fd == self._child.output_fd:
            self._tail.feed(data)
        elif self._violation is None:
            try:
                for line in self._reader.feed(data):
                    self._handle(line)
            except ProtocolError as exc:
                self._violation = str(exc)
        return True

    def _drain(self, selector: selectors.BaseSelector) -> None:
        """Whatever the child wrote before it died still counts."""
        for fd in (self._child.result_fd, self._child.output_fd):
            if fd in selector.get_map():
                while self._read(selector, fd):
                    pass

    def _handle(self, line: bytes) -> None:
        message = parse_message(line, self._limits.message_bytes)
        event = message.get("event")
        if self._phase == "isolation":
            self.result.isolation = parse_isolation(message)
            self._phase = "load"
        elif self._phase == "load" and event in ("loaded", "load-error"):
            self.result.load = message
            self._advance(event == "loaded")
        elif self._phase == "calls" and event == "call":
            index = message.get("index")
            expected = self._pending[0][0]
            if type(index) is not int or index != expected:
                raise ProtocolError(f"a message for call {index!r} while call {expected} ran")
            self.result.calls[index] = message
            self._pending.pop(0)
            self._advance(True)
        else:
            raise ProtocolError(f"unexpected {str(event)[:80]!r} message while {self._phase}")

    def _advance(self, go_on: bool) -> None:
        if go_on and self._pending:
            self._phase = "calls"
            self._restart_clock(self._limits.call_timeout_s)
        else:
            self._phase = "done"
            self._restart_clock(min(DONE_GRACE_S, self._limits.call_timeout_s))

    def _restart_clock(self, seconds: float) -> None:
        self._deadline = min(time.monotonic() + seconds, self._job_deadline)

    def _settle(self, timed_out: bool, status: int | None) -> None:
        """Turn how the child ended into records for the load or the current call."""
        if self._phase == "done":
            return
        if timed_out:
            failure: dict[str, Any] = {"status": "timeout"}
        elif self._violation is not None:
            failure = {"status": "crashed", "detail": f"protocol violation: {self._violation}"}
        else:
            failure = {"status": "crashed", "detail": self._exit_detail(status)}
        if self._phase != "calls":
            self.result.load = failure
            return
        index, task = self._pending.pop(0)
        self.result.calls[index] = failure
        if timed_out:
            for later in [index for index, other in self._pending if other == task]:
                self.result.calls[later] = {"status": "timeout", "skipped": True}

    def _exit_detail(self, status: int | None) -> str:
        detail = describe_status(status)
        isolation = self.result.isolation
        if status is not None and os.WIFEXITED(status) and isolation is not None \
                and os.WEXITSTATUS(status) == EXIT_ISOLATION_REFUSED:
            return ("full isolation required but unavailable: " + "; ".join(isolation["reasons"])
                    + " (grading anyway needs --isolation degraded, and its results are not "
                    "trustworthy: see docs/security.md)")
        if self._phase == "isolation":
            return f"the sandbox could not be set up ({detail})"
        return detail


def _wait_readable(fd: int, seconds: float) -> None:
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        selector.select(seconds)
