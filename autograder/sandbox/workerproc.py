"""The pool's side of one worker process: start it, exchange JSON lines with deadlines, kill it."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from typing import IO, Any

from autograder.sandbox.limits import Limits

LOG_TAIL_BYTES = 2000
STOP_GRACE_S = 5.0


class WorkerFailure(RuntimeError):
    """The worker process died, stopped answering, or wrote something unreadable."""


class WorkerProcess:
    """One ``python -m autograder.sandbox.worker`` process. Used by one thread at a time."""

    def __init__(self, number: int, runner: str, limits: Limits, env: dict[str, str],
                 workdir: str) -> None:
        self.number = number
        self._command = [sys.executable, "-m", "autograder.sandbox.worker", "--runner", runner,
                         "--limits-json", limits.to_json()]
        self._env = env
        self._workdir = workdir
        self._log_path = os.path.join(workdir, f"worker-{number}.log")
        self._process: subprocess.Popen[bytes] | None = None
        self._buffer = bytearray()
        self.hello: dict[str, Any] = {}

    def start(self) -> None:
        """Launch the process (it imports the runner in the background)."""
        self.kill()
        with open(self._log_path, "wb") as log:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                cwd=self._workdir, env=self._env, start_new_session=True, close_fds=True)
        self._buffer = bytearray()
        self.hello = {}

    def wait_ready(self, timeout_s: float) -> None:
        """Block until the worker says it is ready; raises :class:`WorkerFailure`."""
        line = self.read_line(time.monotonic() + timeout_s, 1 << 20)
        try:
            hello = json.loads(line)
        except ValueError:
            hello = line.decode("utf-8", errors="replace")
        if not isinstance(hello, dict) or hello.get("event") != "ready":
            error = hello.get("error") if isinstance(hello, dict) else hello
            raise WorkerFailure(f"worker {self.number} did not start: {error}")
        self.hello = hello

    @property
    def alive(self) -> bool:
        """Whether the process is running."""
        return self._process is not None and self._process.poll() is None

    def request(self, line: bytes, timeout_s: float, max_bytes: int) -> bytes:
        """Send one job line and return the result line; raises :class:`WorkerFailure`."""
        deadline = time.monotonic() + timeout_s
        self._write_all(line, deadline)
        return self.read_line(deadline, max_bytes)

    def read_line(self, deadline: float, max_bytes: int) -> bytes:
        """The next line the worker writes, waiting until ``deadline`` at most."""
        stdout = self._pipe("stdout")
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                if len(self._buffer) > max_bytes:
                    raise WorkerFailure(f"worker {self.number} wrote over {max_bytes} bytes")
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise WorkerFailure(f"worker {self.number} did not answer in time")
                chunk = os.read(stdout.fileno(), 1 << 20)
                if not chunk:
                    raise WorkerFailure(f"worker {self.number} exited: {self.log_tail()}")
                self._buffer += chunk
        line, _, rest = bytes(self._buffer).partition(b"\n")
        self._buffer = bytearray(rest)
        return line

    def _write_all(self, data: bytes, deadline: float) -> None:
        stdin = self._pipe("stdin")
        os.set_blocking(stdin.fileno(), False)
        view = memoryview(data)
        with selectors.DefaultSelector() as selector:
            selector.register(stdin, selectors.EVENT_WRITE)
            while view:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise WorkerFailure(f"worker {self.number} does not read its jobs")
                try:
                    view = view[os.write(stdin.fileno(), view):]
                except BrokenPipeError:
                    raise WorkerFailure(f"worker {self.number} exited: {self.log_tail()}") from None
                except BlockingIOError:
                    continue

    def _pipe(self, name: str) -> IO[bytes]:
        pipe = getattr(self._process, name, None)
        if pipe is None:
            raise WorkerFailure(f"worker {self.number} is not running")
        return pipe

    def log_tail(self) -> str:
        """The end of the worker's stderr log (TensorFlow noise, tracebacks)."""
        try:
            with open(self._log_path, "rb") as log:
                log.seek(max(0, os.path.getsize(self._log_path) - LOG_TAIL_BYTES))
                return log.read().decode("utf-8", errors="replace").strip()
        except OSError:
            return ""

    def stop(self) -> None:
        """Close stdin (the worker then exits, its zygote and children with it); kill if slow."""
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass
        try:
            process.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            pass
        self.kill()

    def kill(self) -> None:
        """SIGKILL the worker's process group (worker and zygote; children follow them)."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:  # already gone
            pass
        process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass
