"""Turning a child freshly forked from the zygote into a sandbox, in-process (no exec).

Full isolation: the child becomes ``nobody``, unshares user, mount, PID, network, IPC and UTS
namespaces, and forks once more so the job runs as PID 1 of the new PID namespace (when it dies,
the kernel kills everything left in the namespace). The forked-from process stays behind as a
*shim* that reports the job's exit status to the zygote. Then: a fresh read-only root
(:mod:`autograder.sandbox.rootfs`), rlimits, a fixed environment, no capabilities,
``PR_SET_NO_NEW_PRIVS`` and no descriptors but stdio and the result pipe.

Where the kernel refuses a namespace, the same child continues *degraded* (rlimits, ``nobody``,
a scratch directory) and says so in its :class:`IsolationReport`.
"""

from __future__ import annotations

import fcntl
import os
import resource
import signal
import socket
from dataclasses import dataclass

from autograder.sandbox import rootfs
from autograder.sandbox import syscalls as sc
from autograder.sandbox.limits import MIB, Limits

NOBODY = 65534
RESULT_FD = 3
NAMESPACES = (sc.CLONE_NEWUSER | sc.CLONE_NEWNS | sc.CLONE_NEWPID | sc.CLONE_NEWNET
              | sc.CLONE_NEWIPC | sc.CLONE_NEWUTS)
FIXED_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "TMPDIR": "/tmp",
    "LANG": "C.UTF-8",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "MPLBACKEND": "Agg",
    "CUDA_VISIBLE_DEVICES": "",
}
PASSTHROUGH_ENV = ("CUDA_VISIBLE_DEVICES",)


@dataclass(frozen=True)
class IsolationReport:
    """What isolation a child obtained; ``degraded`` whenever any part of it is missing."""

    degraded: bool
    features: tuple[str, ...]
    reasons: tuple[str, ...]

    def to_message(self) -> dict[str, object]:
        """The first line a child writes on its result pipe."""
        return {"event": "isolation", "degraded": self.degraded,
                "features": list(self.features), "reasons": list(self.reasons)}


@dataclass(frozen=True)
class ChildChannel:
    """Descriptors a freshly forked child holds: result pipe, output pipe, zygote socket."""

    result_fd: int
    output_fd: int
    announce: socket.socket
    zygote_pid: int


def isolate_child(limits: Limits, scratch: str, channel: ChildChannel) -> IsolationReport:
    """Isolate the calling child; returns in the process that must run the job.

    ``scratch`` is an empty directory owned by the sandbox user, the working directory when
    namespaces are unavailable. Announces the job's pid (and, with a PID namespace, later its
    exit status) on ``channel.announce``.
    """
    features: list[str] = ["new-session"]
    reasons: list[str] = []
    os.setsid()
    os.chdir(scratch)  # while still privileged: the scratch's parent is private to the worker
    baseline = _address_space()
    namespaced = False
    if limits.isolation == "degraded":
        reasons.append("isolation disabled by the limits (isolation='degraded')")
    else:
        namespaced = _enter_namespaces(limits, channel, features, reasons)
    if not namespaced:
        channel.announce.send(f"direct {os.getpid()}".encode())
    _keep_only_job_descriptors(channel, features)
    _apply_rlimits(limits, baseline, features)
    _drop_privileges(namespaced, features)
    _scrub_environment(features)
    sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
    features.append("no-new-privs")
    sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # last: credential changes reset it
    if not namespaced and os.getppid() != channel.zygote_pid:
        os._exit(1)  # the zygote died before we could ask to die with it
    sc.prctl(sc.PR_SET_DUMPABLE, 0)  # no core dumps; nothing may ptrace us
    return IsolationReport(bool(reasons), tuple(features), tuple(reasons))


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _enter_namespaces(limits: Limits, channel: ChildChannel, features: list[str],
                      reasons: list[str]) -> bool:
    """Unshare and fork; False (nothing changed) where the kernel refuses.

    A root worker's child unshares all but the user namespace, builds the root as real root, and
    only then becomes ``nobody`` in a user namespace of its own; an unprivileged worker's child
    needs the user namespace first to be allowed the others.
    """
    privileged = os.geteuid() == 0
    try:
        sources = rootfs.bind_sources()
        if privileged:
            sc.unshare(NAMESPACES & ~sc.CLONE_NEWUSER)
        else:
            uid, gid = os.getuid(), os.getgid()
            sc.unshare(NAMESPACES)
            _map_ids(uid, gid)
            features.append("user-ns")
    except OSError as exc:
        reasons.append(f"namespaces unavailable: {exc}")
        return False
    features += ["mount-ns", "pid-ns", "net-ns", "ipc-ns", "uts-ns"]
    _fork_namespace_init(channel)
    try:
        socket.sethostname("sandbox")
        features += rootfs.build_root(sources, limits.scratch_mb, in_user_ns=not privileged)
    except OSError as exc:
        reasons.append(f"fresh root refused: {exc}")
    if privileged:
        _enter_user_namespace(features, reasons)
    return True


def _enter_user_namespace(features: list[str], reasons: list[str]) -> None:
    """Become ``nobody``, in a user namespace so RLIMIT_NPROC counts this job's tasks only."""
    sc.drop_bounding_set()
    uid, gid = _become_nobody(features)
    try:
        sc.prctl(sc.PR_SET_DUMPABLE, 1)  # else /proc/self/uid_map is not ours to write
        sc.unshare(sc.CLONE_NEWUSER)
        _map_ids(uid, gid)
        features.append("user-ns")
    except OSError as exc:
        reasons.append(f"user namespace refused: {exc}")


def _become_nobody(features: list[str]) -> tuple[int, int]:
    """Leave root for ``nobody`` so the job counts as its own user (RLIMIT_NPROC applies)."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)
        features.append("uid-nobody")
    return os.getuid(), os.getgid()


def _map_ids(uid: int, gid: int) -> None:
    for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"),
                       ("gid_map", f"0 {gid} 1")):
        with open(f"/proc/self/{name}", "w", encoding="ascii") as handle:
            handle.write(text)


def _fork_namespace_init(channel: ChildChannel) -> None:
    """Fork the namespace's PID 1 (returns there); this process becomes the status shim."""
    pid = os.fork()
    if pid == 0:
        return
    code = 1
    try:
        sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != channel.zygote_pid:
            os.kill(pid, signal.SIGKILL)
            return
        os.close(channel.result_fd)
        os.close(channel.output_fd)
        pidfd = os.pidfd_open(pid)  # before any wait: the pid cannot have been reused
        socket.send_fds(channel.announce, [f"namespace {pid}".encode()], [pidfd])
        _, status = os.waitpid(pid, 0)
        channel.announce.send(f"status {status}".encode())
        code = 0
    finally:
        os._exit(code)


def _apply_rlimits(limits: Limits, baseline: int, features: list[str]) -> None:
    pairs = (
        (resource.RLIMIT_AS, baseline + limits.memory_mb * MIB),
        (resource.RLIMIT_CPU, limits.cpu_s),
        (resource.RLIMIT_FSIZE, limits.file_size_mb * MIB),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_NPROC, limits.processes),
        (resource.RLIMIT_CORE, 0),
    )
    for which, value in pairs:
        resource.setrlimit(which, (value, value))
    features.append("rlimits")


def _drop_privileges(namespaced: bool, features: list[str]) -> None:
    try:
        sc.drop_bounding_set()
    except OSError:  # not ours to drop: an unprivileged worker has no capabilities either
        pass
    if not namespaced:
        _become_nobody(features)
    sc.clear_capabilities()
    features.append("no-capabilities")


def _scrub_environment(features: list[str]) -> None:
    kept = {name: os.environ[name] for name in PASSTHROUGH_ENV if name in os.environ}
    os.environ.clear()
    os.environ.update({**FIXED_ENV, **kept})
    features.append("fixed-env")


def _keep_only_job_descriptors(channel: ChildChannel, features: list[str]) -> None:
    """stdin from /dev/null, stdout and stderr to the output pipe, the result pipe as fd 3."""
    result = fcntl.fcntl(channel.result_fd, fcntl.F_DUPFD, 10)
    output = fcntl.fcntl(channel.output_fd, fcntl.F_DUPFD, 10)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.dup2(result, RESULT_FD)
    os.closerange(RESULT_FD + 1, max(os.sysconf("SC_OPEN_MAX"), 1024))
    features.append("fds-closed")
