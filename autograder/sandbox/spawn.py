"""The worker's handle on its zygote: start it, ask it for children, have them reaped."""

from __future__ import annotations

import json
import os
import signal
import socket
import tempfile
import traceback
from dataclasses import dataclass
from typing import Any

from autograder.sandbox.limits import Limits
from autograder.sandbox.zygote import MESSAGE_BYTES, REAP_WAIT_S, zygote_main


class ZygoteError(RuntimeError):
    """The zygote died, hung, or answered nonsense; the worker cannot go on."""


class SpawnError(RuntimeError):
    """The zygote could not start a sandboxed child for this attempt."""


@dataclass(frozen=True)
class ChildHandle:
    """A running sandboxed child, as the worker sees it."""

    pid: int
    pidfd: int
    result_fd: int  # read end, non-blocking
    output_fd: int  # read end, non-blocking
    contained: bool  # PID 1 of its own PID namespace: killing it kills all it started

    def kill(self) -> None:
        """SIGKILL the child; without a PID namespace, its process group too."""
        try:
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not self.contained:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:  # the group is empty: only the unreaped leader was left
                pass

    def close(self) -> None:
        """Close the worker's descriptors for this child."""
        for fd in (self.pidfd, self.result_fd, self.output_fd):
            os.close(fd)


class ZygoteClient:
    """Requests to one zygote process; not thread-safe (a worker runs one job at a time)."""

    def __init__(self, sock: socket.socket, pid: int, limits: Limits) -> None:
        self.pid = pid
        self._sock = sock
        self._sock.settimeout(limits.load_timeout_s + 2 * REAP_WAIT_S + 10)

    def spawn(self, job: bytes) -> ChildHandle:
        """Start a child for ``job`` (a JSON document); raises :class:`SpawnError`."""
        job_fd = _job_file(job)
        result_r, result_w = os.pipe()
        output_r, output_w = os.pipe()
        try:
            self._send({"op": "spawn"}, [job_fd, result_w, output_w])
        finally:
            for fd in (job_fd, result_w, output_w):
                os.close(fd)
        reply, fds = self._receive()
        if "error" in reply or len(fds) != 1:
            for fd in (result_r, output_r, *fds):
                os.close(fd)
            raise SpawnError(str(reply.get("error", "no pidfd in the zygote's reply")))
        for fd in (result_r, output_r):
            os.set_blocking(fd, False)
        return ChildHandle(int(reply["pid"]), fds[0], result_r, output_r,
                           bool(reply["contained"]))

    def reap(self) -> int | None:
        """Collect the current child's wait status (``None`` if it could not be learned)."""
        self._send({"op": "reap"}, [])
        reply, fds = self._receive()
        for fd in fds:
            os.close(fd)
        status = reply.get("status")
        return status if isinstance(status, int) else None

    def close(self) -> None:
        """Closing the socket makes the zygote kill what is left and exit."""
        self._sock.close()

    def _send(self, message: dict[str, Any], fds: list[int]) -> None:
        try:
            socket.send_fds(self._sock, [json.dumps(message).encode()], fds)
        except OSError as exc:
            raise ZygoteError(f"the zygote is gone: {exc}") from exc

    def _receive(self) -> tuple[dict[str, Any], list[int]]:
        try:
            message, fds, _, _ = socket.recv_fds(self._sock, MESSAGE_BYTES, 1)
        except OSError as exc:
            raise ZygoteError(f"the zygote did not answer: {exc}") from exc
        if not message:
            raise ZygoteError("the zygote exited")
        reply = json.loads(message)
        if not isinstance(reply, dict):
            raise ZygoteError(f"the zygote answered {reply!r}")
        return reply, fds


def start_zygote(runner: str, limits: Limits, workdir: str) -> ZygoteClient:
    """Fork the zygote and wait until it has imported ``runner``; raises :class:`ZygoteError`."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        ours.close()
        code = 1
        try:
            code = zygote_main(theirs, runner, limits, workdir, parent)
        except BaseException:  # the zygote must never return into the worker
            traceback.print_exc()
        finally:
            os._exit(code)
    theirs.close()
    message = ours.recv(MESSAGE_BYTES)
    reply = json.loads(message) if message else {"error": "the zygote exited while starting"}
    if not reply.get("ready"):
        ours.close()
        os.waitpid(pid, 0)
        raise ZygoteError(str(reply.get("error")))
    return ZygoteClient(ours, pid, limits)


def _job_file(job: bytes) -> int:
    try:
        fd = os.memfd_create("gradetape-job", os.MFD_CLOEXEC)
    except (AttributeError, OSError):  # not Linux, or no memfd: an unlinked temporary file
        fd, path = tempfile.mkstemp()
        os.unlink(path)
    view = memoryview(job)
    while view:
        view = view[os.write(fd, view):]
    return fd
