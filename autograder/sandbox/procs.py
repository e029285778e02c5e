"""Process bookkeeping from ``/proc``: finding, killing and reaping a process's descendants."""

from __future__ import annotations

import os
import signal
import time


def describe_status(status: int | None) -> str:
    """``'exit code 3'`` or ``'killed by signal SIGSEGV'`` for a ``waitpid`` status."""
    if status is None:
        return "exit status unknown"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            return f"killed by signal {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    if os.WIFEXITED(status):
        return f"exit code {os.WEXITSTATUS(status)}"
    return f"wait status {status}"


def descendants(root: int) -> list[int]:
    """Live (non-zombie) descendants of ``root``, parents before children."""
    children: dict[int, list[int]] = {}
    zombies: set[int] = set()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue  # exited while we looked
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)
        if fields[0] == b"Z":
            zombies.add(pid)
    found: list[int] = []
    queue = list(children.get(root, []))
    while queue:
        pid = queue.pop(0)
        found.append(pid)
        queue.extend(children.get(pid, []))
    return [pid for pid in found if pid not in zombies]


def reap_children() -> None:
    """Collect every exited child of the caller without blocking."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_descendants(root: int, rounds: int = 500) -> int:
    """SIGKILL every descendant of ``root`` until none is left (a fork loop races us).

    ``root`` should be a child subreaper, so orphans come back to it and are reaped here.
    Returns how many kills were sent.
    """
    sent = 0
    for _ in range(rounds):
        found = descendants(root)
        if not found:
            break
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
                sent += 1
            except OSError:
                pass
        reap_children()
        time.sleep(0.001)
    reap_children()
    return sent
