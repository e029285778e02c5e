"""The job's side of the sandbox: isolate, report, run the runner, exit. Never returns.

Exit codes the worker understands: 0 the runner returned, 1 it raised, 70 the sandbox could not be
set up, 71 full isolation was required and unavailable (nothing of the job ran).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, NoReturn

from autograder.sandbox.channel import encode
from autograder.sandbox.isolate import RESULT_FD, ChildChannel, isolate_child
from autograder.sandbox.limits import Limits

EXIT_RAISED = 1
EXIT_SETUP_FAILED = 70
EXIT_ISOLATION_REFUSED = 71

Runner = Callable[[dict[str, Any], Callable[[dict[str, Any]], None]], None]


class MessageSizeError(ValueError):
    """A message the runner emitted is larger than ``Limits.message_bytes``."""


class Emitter:
    """The ``emit`` callable handed to the runner: one JSON line per message on the result pipe."""

    def __init__(self, fd: int, max_bytes: int) -> None:
        self._fd = fd
        self._max_bytes = max_bytes

    def __call__(self, message: dict[str, Any]) -> None:
        """Send ``message``; raises :class:`MessageSizeError` (nothing sent) when too large."""
        if not isinstance(message, dict):
            raise TypeError(f"a message must be a dict, not {type(message).__name__}")
        data = encode(message)
        if len(data) > self._max_bytes:
            raise MessageSizeError(f"message of {len(data)} bytes exceeds {self._max_bytes}")
        view = memoryview(data + b"\n")
        while view:
            view = view[os.write(self._fd, view):]


def run_child(job_fd: int, scratch: str, channel: ChildChannel, limits: Limits,
              runner: Runner) -> NoReturn:
    """Entry point of a child just forked from the zygote."""
    code = EXIT_SETUP_FAILED
    try:
        job_bytes = _read_all(job_fd)
        os.close(job_fd)
        report = isolate_child(limits, scratch, channel)
        emit = Emitter(RESULT_FD, limits.message_bytes)
        emit(report.to_message())
        if must_refuse(report.degraded, report.features, limits.isolation):
            _exit(EXIT_ISOLATION_REFUSED)
        _prepare_interpreter()
        code = EXIT_RAISED
        runner(json.loads(job_bytes), emit)
        code = 0
    except BaseException:  # whatever happens, the child must exit here
        traceback.print_exc()
    _exit(code)


def must_refuse(degraded: bool, features: tuple[str, ...] | list[str], isolation: str) -> bool:
    """Whether a child that could not be fully isolated must run nothing.

    ``require`` refuses any gap. ``auto`` accepts a gap only where the child still left the
    grader's uid for ``nobody`` (a root grader): an unprivileged grader's child without
    namespaces would run as the grader's own user, able to read the references and the secret
    and to write into other students' folders, so ``auto`` refuses there too and only an
    explicit ``degraded`` runs it.
    """
    if not degraded or isolation == "degraded":
        return False
    return isolation == "require" or "uid-nobody" not in features


def _read_all(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 20, offset):  # the writer left the shared offset at the end
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _prepare_interpreter() -> None:
    sys.dont_write_bytecode = True
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # output written just before a crash still reaches the tail
            reconfigure(line_buffering=True)


def _exit(code: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:  # a closed or replaced stream
            pass
    os._exit(code)
