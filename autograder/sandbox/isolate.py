"""Turning a child freshly forked from the zygote into a sandbox, in-process (no exec, so the
imported TensorFlow stays warm).

The job always runs as PID 1 of a new PID namespace: when it dies, the kernel kills everything
left in the namespace. (Like any PID 1 it ignores signals it sent itself and has no handler
for: ``os.kill(os.getpid(), SIGKILL)`` does nothing, ``abort()`` ends in SIGSEGV.)

* Root worker (one fork): the zygote makes the PID namespace; the child, still real root,
  unshares mount, network, IPC and UTS namespaces, builds a fresh read-only root
  (:mod:`autograder.sandbox.rootfs`), becomes ``nobody`` and enters a user namespace of its own.
* Unprivileged worker (two forks): the child unshares a user namespace with the rest, then forks
  PID 1 and stays behind as a *shim* that reports PID 1's exit status to the zygote.

Then, in both: rlimits, a fixed environment, no capabilities, ``PR_SET_NO_NEW_PRIVS``, no
descriptors but stdio and the result pipe, death with the parent. Where the kernel refuses a
namespace the same child continues *degraded* (rlimits, ``nobody`` if root, a scratch directory)
and says why in its :class:`IsolationReport`.
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
    """What a freshly forked child holds: its pipes, the zygote's socket, its circumstances."""

    result_fd: int
    output_fd: int
    announce: socket.socket
    zygote_pid: int
    in_new_pid_ns: bool  # a root zygote forked us as PID 1 of a new PID namespace


def isolate_child(limits: Limits, scratch: str, channel: ChildChannel) -> IsolationReport:
    """Isolate the calling child; returns in the process that must run the job.

    ``scratch`` is an empty directory owned by the sandbox user, the working directory when
    namespaces are unavailable. Unless the zygote made the PID namespace, tells the zygote on
    ``channel.announce`` which process runs the job (and, through a shim, later its status).
    """
    features: list[str] = ["new-session"]
    reasons: list[str] = []
    os.setsid()
    os.chdir(scratch)  # while still privileged: the scratch's parent is private to the worker
    baseline = _address_space()
    contained = channel.in_new_pid_ns  # in a PID namespace that dies with the job
    if limits.isolation == "degraded":
        reasons.append("isolation disabled by the limits (isolation='degraded')")
    elif channel.in_new_pid_ns:
        _isolate_as_root(limits, features, reasons)
    elif os.geteuid() == 0:
        reasons.append("namespaces unavailable: the zygote could not make a PID namespace")
    else:
        contained = _isolate_unprivileged(limits, channel, features, reasons)
    if not contained:
        channel.announce.send(b"direct")
    _keep_only_job_descriptors(channel, features)
    _apply_rlimits(limits, baseline, features)
    _drop_privileges(features)
    _scrub_environment(features)
    sc.prctl(sc.PR_SET_NO_NEW_PRIVS, 1)
    features.append("no-new-privs")
    sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # last: credential changes reset it
    if not contained and os.getppid() != channel.zygote_pid:
        os._exit(1)  # the zygote died before we could ask to die with it
    sc.prctl(sc.PR_SET_DUMPABLE, 0)  # no core dumps; nothing may ptrace us
    return IsolationReport(bool(reasons), tuple(features), tuple(reasons))


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _isolate_as_root(limits: Limits, features: list[str], reasons: list[str]) -> None:
    """PID 1 of a fresh PID namespace, still real root: build the root, then become nobody.

    The user namespace comes last, so RLIMIT_NPROC counts this job's tasks only (and not every
    ``nobody`` process on the host).
    """
    features.append("pid-ns")
    try:
        sources = rootfs.bind_sources()
        sc.unshare(NAMESPACES & ~(sc.CLONE_NEWUSER | sc.CLONE_NEWPID))
    except OSError as exc:
        reasons.append(f"namespaces unavailable: {exc}")
        return
    features += ["mount-ns", "net-ns", "ipc-ns", "uts-ns"]
    try:
        socket.sethostname("sandbox")
        features += rootfs.build_root(sources, limits.scratch_mb, in_user_ns=False)
    except OSError as exc:
        reasons.append(f"fresh root refused: {exc}")
    sc.drop_bounding_set()
    uid, gid = _become_nobody(features)
    try:
        sc.prctl(sc.PR_SET_DUMPABLE, 1)  # else /proc/self/uid_map is not ours to write
        sc.unshare(sc.CLONE_NEWUSER)
        _map_ids(uid, gid)
        features.append("user-ns")
    except OSError as exc:
        reasons.append(f"user namespace refused: {exc}")
        return
    rootfs.limit_nested_userns(features)  # in the job's own user namespace: never host-wide


def _isolate_unprivileged(limits: Limits, channel: ChildChannel, features: list[str],
                          reasons: list[str]) -> bool:
    """Unshare every namespace (the user namespace makes it allowed) and fork PID 1, leaving
    this process behind as a shim that reports PID 1's exit status; False where refused."""
    try:
        sources = rootfs.bind_sources()
        uid, gid = os.getuid(), os.getgid()
        sc.unshare(NAMESPACES)
        _map_ids(uid, gid)
    except OSError as exc:
        reasons.append(f"namespaces unavailable: {exc}")
        return False
    features += ["user-ns", "pid-ns", "mount-ns", "net-ns", "ipc-ns", "uts-ns"]
    _fork_namespace_init(channel)
    try:
        socket.sethostname("sandbox")
        features += rootfs.build_root(sources, limits.scratch_mb, in_user_ns=True)
    except OSError as exc:
        reasons.append(f"fresh root refused: {exc}")
    return True


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
        os.setsid()  # out of the shim's process group: kill(0, ...) must not reach it
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


def _drop_privileges(features: list[str]) -> None:
    try:
        sc.drop_bounding_set()
    except OSError:  # not ours to drop: an unprivileged worker has no capabilities either
        pass
    if "uid-nobody" not in features and "user-ns" not in features:
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
