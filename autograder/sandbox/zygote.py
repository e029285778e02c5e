"""The zygote: a process that imports the runner (and TensorFlow) once and forks job children.

The worker forks the zygote before reading any job, so the zygote's memory, which every child
inherits, never holds another student's submission or results. The worker talks to it over a
``SOCK_SEQPACKET`` socket: ``spawn`` (with the job file and the two pipes attached) and ``reap``.
The zygote is a child subreaper: orphans of a degraded child come back to it and are killed.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import traceback
from dataclasses import dataclass
from typing import Any

from autograder.sandbox import procs
from autograder.sandbox import syscalls as sc
from autograder.sandbox.child import Runner, run_child
from autograder.sandbox.isolate import NOBODY, ChildChannel
from autograder.sandbox.limits import Limits

MESSAGE_BYTES = 65536
REAP_WAIT_S = 5.0


class RunnerImportError(ImportError):
    """The runner named by ``module:function`` could not be imported or is not callable."""


@dataclass(frozen=True)
class _Spawned:
    forked: int  # our child: the job itself, or a shim waiting on the namespace's PID 1
    shim: bool  # the job's status comes from the shim, on the announce socket
    contained: bool  # in a PID namespace: nothing of the job outlives its PID 1
    announce: socket.socket
    scratch: str


def load_runner(path: str) -> Runner:
    """Import ``module:function``, calling the module's ``prepare_worker()`` first if any."""
    module_name, _, attribute = path.partition(":")
    if not module_name or not attribute:
        raise RunnerImportError(f"runner must look like 'package.module:function', not {path!r}")
    module = importlib.import_module(module_name)
    prepare = getattr(module, "prepare_worker", None)
    if callable(prepare):
        prepare()
    runner = getattr(module, attribute, None)
    if not callable(runner):
        raise RunnerImportError(f"{path} is not a callable")
    return runner


def zygote_main(sock: socket.socket, runner_path: str, limits: Limits, workdir: str,
                parent: int) -> int:
    """Body of the zygote process; returns its exit code."""
    sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        return 1
    sc.prctl(sc.PR_SET_CHILD_SUBREAPER, 1)
    try:
        runner = load_runner(runner_path)
    except BaseException:  # reported to the worker, which reports it to the pool
        sock.send(json.dumps({"error": traceback.format_exc()[-8000:]}).encode())
        return 1
    gc.freeze()  # children then leave the imported objects' pages shared
    sock.send(b'{"ready": true}')
    _Zygote(sock, runner, limits, workdir).serve()
    return 0


class _Zygote:
    def __init__(self, sock: socket.socket, runner: Runner, limits: Limits, workdir: str) -> None:
        self._sock = sock
        self._runner = runner
        self._limits = limits
        self._workdir = workdir
        self._current: _Spawned | None = None
        self._pid_ns: int | None = None  # our own PID namespace, to return to after each fork
        if os.geteuid() == 0 and limits.isolation != "degraded":
            self._pid_ns = os.open("/proc/self/ns/pid", os.O_RDONLY)

    def serve(self) -> None:
        while True:
            message, fds, _, _ = socket.recv_fds(self._sock, MESSAGE_BYTES, 4)
            if not message:  # the worker is gone: take everything down with us
                if self._current is not None:
                    os.kill(self._current.forked, signal.SIGKILL)
                procs.kill_descendants(os.getpid())
                return
            op = json.loads(message).get("op")
            if op == "spawn" and len(fds) == 3 and self._current is None:
                reply, reply_fds = self._spawn(*fds)
            elif op == "reap" and self._current is not None:
                reply, reply_fds = self._reap(), []
            else:
                reply, reply_fds = {"error": f"bad request {op!r}"}, []
                for fd in fds:
                    os.close(fd)
            socket.send_fds(self._sock, [json.dumps(reply).encode()], reply_fds)
            for fd in reply_fds:
                os.close(fd)

    def _spawn(self, job_fd: int, result_fd: int, output_fd: int) -> tuple[dict[str, Any],
                                                                           list[int]]:
        procs.reap_children()  # shims of earlier jobs that were still exiting
        scratch = tempfile.mkdtemp(prefix="job-", dir=self._workdir)
        if os.geteuid() == 0:
            os.chown(scratch, NOBODY, NOBODY)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        new_pid_ns = self._enter_new_pid_ns()
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid != 0 and new_pid_ns:  # the parent's later children belong in its own namespace
            sc.setns(int(self._pid_ns or 0), sc.CLONE_NEWPID)
        if pid < 0:
            for fd in (job_fd, result_fd, output_fd):
                os.close(fd)
            self._cleanup(ours, scratch)
            theirs.close()
            return {"error": "fork failed"}, []
        if pid == 0:
            ours.close()
            channel = ChildChannel(result_fd, output_fd, theirs, os.getppid(), new_pid_ns)
            run_child(job_fd, scratch, channel, self._limits, self._runner)
        theirs.close()
        for fd in (job_fd, result_fd, output_fd):
            os.close(fd)
        if new_pid_ns:
            self._current = _Spawned(pid, False, True, ours, scratch)
            return {"pid": pid, "contained": True}, [os.pidfd_open(pid)]
        return self._await_announcement(pid, ours, scratch)

    def _enter_new_pid_ns(self) -> bool:
        """Make our next child PID 1 of a new PID namespace (root only); False if refused."""
        if self._pid_ns is None:
            return False
        try:
            sc.unshare(sc.CLONE_NEWPID)
        except OSError:
            return False
        return True

    def _await_announcement(self, pid: int, ours: socket.socket,
                            scratch: str) -> tuple[dict[str, Any], list[int]]:
        """The child says whether it runs the job itself or left a shim behind."""
        ours.settimeout(self._limits.load_timeout_s)
        try:
            message, fds, _, _ = socket.recv_fds(ours, 256, 1)
        except OSError:
            message, fds = b"", []
        kind, _, number = message.decode().partition(" ")
        if kind not in ("namespace", "direct") or (kind == "namespace") != bool(fds):
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            self._cleanup(ours, scratch)
            return {"error": f"the sandbox did not start ({procs.describe_status(status)})"}, []
        shim = kind == "namespace"
        self._current = _Spawned(pid, shim, shim, ours, scratch)
        target = int(number) if shim else pid
        return {"pid": target, "contained": shim}, [fds[0] if shim else os.pidfd_open(pid)]

    def _reap(self) -> dict[str, Any]:
        spawned, self._current = self._current, None
        assert spawned is not None
        status: int | None = None
        if spawned.shim:
            spawned.announce.settimeout(REAP_WAIT_S)
            try:
                kind, _, number = spawned.announce.recv(256).decode().partition(" ")
                status = int(number) if kind == "status" else None
            except (OSError, ValueError):
                pass
            if status is None:  # the shim dies, and its PID 1 with it (parent-death signal)
                os.kill(spawned.forked, signal.SIGKILL)
                os.waitpid(spawned.forked, 0)
        else:
            os.kill(spawned.forked, signal.SIGKILL)
            _, status = os.waitpid(spawned.forked, 0)
        if not spawned.contained:
            procs.kill_descendants(os.getpid())
        self._cleanup(spawned.announce, spawned.scratch)
        return {"status": status}

    @staticmethod
    def _cleanup(announce: socket.socket, scratch: str) -> None:
        announce.close()
        shutil.rmtree(scratch, ignore_errors=True)
