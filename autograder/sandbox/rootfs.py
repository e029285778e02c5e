"""The isolated child's file system: a fresh tmpfs root holding read-only views of what Python and
TensorFlow need, and nothing of the project, the class folder or ``$HOME``.

A root worker builds it as real root in a mount namespace of its own, before becoming
``nobody`` (the Python installation may sit under a ``0700`` home directory); an unprivileged
worker builds it inside its user namespace.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from autograder.sandbox import syscalls as sc

SYSTEM_PATHS = ("/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
HOST_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime")
DEVICES = ("null", "zero", "full", "random", "urandom")
PROC_READONLY = ("sys", "sysrq-trigger", "irq", "bus")
# Where the new root is assembled: any existing directory that holds none of the bind sources
# (a tmpfs is mounted over it in our private mount namespace, hiding what it covers there).
STAGING_CANDIDATES = ("/tmp", "/mnt", "/media", "/srv", "/var/tmp", "/opt", "/run", "/home")
SYNTHETIC_ETC = {
    "passwd": "root:x:0:0:sandbox:/tmp:/bin/sh\nnobody:x:65534:65534::/nonexistent:/bin/false\n",
    "group": "root:x:0:\nnogroup:x:65534:\n",
    "hosts": "127.0.0.1 localhost\n::1 localhost\n",
    "nsswitch.conf": "passwd: files\ngroup: files\nhosts: files\n",
    "hostname": "sandbox\n",
}


@dataclass(frozen=True)
class BindSource:
    """A host path to show read-only at the same path inside the sandbox."""

    path: str
    link: str | None = None  # the host path is a symbolic link to this, recreated as such


def python_paths() -> list[str]:
    """The Python installation and the virtual environment, outermost first, minus duplicates."""
    candidates = {os.path.abspath(p) for p in (sys.base_prefix, sys.prefix, sys.base_exec_prefix,
                                               sys.exec_prefix)}
    chosen: list[str] = []
    for path in sorted(candidates, key=len):
        covered = any(path == c or path.startswith(c + "/") for c in [*SYSTEM_PATHS, *chosen])
        if not covered and os.path.isdir(path):
            chosen.append(path)
    return chosen


def bind_sources() -> list[BindSource]:
    """What the new root shows of the host; raises :class:`OSError` if that would expose the
    project directory."""
    _refuse_project_inside(python_paths())
    sources: list[BindSource] = []
    etc = [f"/etc/{name}" for name in HOST_ETC]
    devices = [f"/dev/{name}" for name in DEVICES]
    for path in [*SYSTEM_PATHS, *python_paths(), *etc, *devices]:
        if os.path.islink(path):
            sources.append(BindSource(path, os.readlink(path)))
        elif os.path.exists(path):
            sources.append(BindSource(path))
    return sources


def _refuse_project_inside(paths: list[str]) -> None:
    # A virtual environment *is* the project directory: binding it would expose solutions/.
    project = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if not os.path.isdir(os.path.join(project, "solutions")):
        return
    for path in paths:
        if project == path or project.startswith(path + "/"):
            raise OSError(1, f"the Python installation {path} contains the project {project}")


def build_root(sources: list[BindSource], scratch_mb: int, in_user_ns: bool) -> list[str]:
    """Assemble the new root and pivot into it; the cwd ends up in the writable ``/tmp``.

    Must run in the new PID namespace (``/proc`` shows the namespace of the mounting process).
    ``in_user_ns``: the caller is in its own user namespace (never set it for a process of the
    host's: it would change host-wide sysctls). Raises :class:`OSError` when the kernel refuses a
    step. Returns the features obtained.
    """
    features: list[str] = []
    sc.mount(None, "/", None, sc.MS_REC | sc.MS_PRIVATE)
    root = staging_dir(sources)
    sc.mount("tmpfs", root, "tmpfs", sc.MS_NOSUID | sc.MS_NODEV, "size=1m,mode=0755")
    # The scratch first: a source under /tmp (a checkout's virtual environment) is then bound
    # read-only inside it rather than hidden by it.
    os.makedirs(f"{root}/tmp", mode=0o755, exist_ok=True)
    sc.mount("tmpfs", f"{root}/tmp", "tmpfs", sc.MS_NOSUID | sc.MS_NODEV | sc.MS_NOEXEC,
             f"size={scratch_mb}m,mode=1777")
    features.append("tmpfs-scratch")
    for source in sources:
        _place(root, source)
    _write_etc(root)
    _make_dev_links(root)
    _mount_proc(root, in_user_ns, features)
    _remount_readonly_under(root, keep_writable={root, f"{root}/tmp", f"{root}/proc",
                                                 f"{root}/proc/sys/user"})
    os.chdir(root)
    sc.pivot_root(".", ".")
    sc.umount(".", sc.MNT_DETACH)
    os.chdir("/")
    sc.mount(None, "/", None, sc.MS_REMOUNT | sc.MS_BIND | sc.MS_RDONLY | sc.MS_NOSUID
             | sc.MS_NODEV)
    os.chdir("/tmp")
    features += ["pivot-root", "readonly-root"]
    return features


def staging_dir(sources: list[BindSource]) -> str:
    """A candidate directory that covers no bind source, link target or their real paths (a
    checkout or a virtual environment under ``/tmp`` must stay visible while the root is
    assembled), preferring an empty one."""
    used = set()
    for source in sources:
        for path in (source.path, source.link):
            if path:
                used |= {path, os.path.realpath(path)}

    def covers(candidate: str) -> bool:
        return any(p == candidate or p.startswith(candidate + "/") for p in used)

    usable = [c for c in STAGING_CANDIDATES
              if os.path.isdir(c) and not os.path.islink(c) and not covers(c)]
    for candidate in usable:  # an empty directory first: covering it hides nothing at all
        if not os.listdir(candidate):
            return candidate
    if usable:
        return usable[0]
    raise OSError(2, "no directory to assemble the root in: every candidate holds a bind "
                     f"source ({', '.join(STAGING_CANDIDATES)})")


def _place(root: str, source: BindSource) -> None:
    target = root + source.path
    os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
    if source.link is not None:
        os.symlink(source.link, target)
        return
    if os.path.isdir(source.path):
        os.makedirs(target, mode=0o755, exist_ok=True)
    elif not os.path.exists(target):
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o644))
    sc.mount(source.path, target, None, sc.MS_BIND | sc.MS_REC)


def _write_etc(root: str) -> None:
    os.makedirs(f"{root}/etc", mode=0o755, exist_ok=True)
    for name, text in SYNTHETIC_ETC.items():
        with open(f"{root}/etc/{name}", "w", encoding="ascii") as handle:
            handle.write(text)


def _make_dev_links(root: str) -> None:
    links = {"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1",
             "stderr": "/proc/self/fd/2"}
    for name, target in links.items():
        os.symlink(target, f"{root}/dev/{name}")


def _mount_proc(root: str, in_user_ns: bool, features: list[str]) -> None:
    os.makedirs(f"{root}/proc", mode=0o555, exist_ok=True)
    sc.mount("proc", f"{root}/proc", "proc", sc.MS_NOSUID | sc.MS_NODEV | sc.MS_NOEXEC)
    features.append("proc")
    if in_user_ns:  # a nested user namespace is the usual first step of a kernel exploit
        try:
            with open(f"{root}/proc/sys/user/max_user_namespaces", "w", encoding="ascii") as f:
                f.write("0")
            features.append("no-nested-userns")
        except OSError:
            pass
    for name in PROC_READONLY:
        path = f"{root}/proc/{name}"
        if os.path.exists(path):
            sc.mount(path, path, None, sc.MS_BIND | sc.MS_REC)
    if not in_user_ns and os.path.isdir(f"{root}/proc/sys/user"):
        # A mount of its own, left writable: the root path enters its user namespace only
        # after this, then sets that namespace's max_user_namespaces (limit_nested_userns).
        sc.mount(f"{root}/proc/sys/user", f"{root}/proc/sys/user", None, sc.MS_BIND)


def limit_nested_userns(features: list[str]) -> None:
    """Forbid user namespaces below the caller's own (call only inside a fresh one).

    The sysctl is per user namespace and needs CAP_SYS_RESOURCE there to change, so once the
    child drops its capabilities it cannot raise the limit again.
    """
    try:
        with open("/proc/sys/user/max_user_namespaces", "w", encoding="ascii") as f:
            f.write("0")
        features.append("no-nested-userns")
    except OSError:
        pass


def _remount_readonly_under(root: str, keep_writable: set[str]) -> None:
    """Make every mount below ``root`` read-only, keeping the flags the kernel locked."""
    for target in _mount_points_under(root):
        if target in keep_writable:
            continue
        extra = 0 if target.startswith(f"{root}/dev/") else sc.MS_NODEV
        flags = sc.MS_REMOUNT | sc.MS_BIND | sc.MS_RDONLY | sc.MS_NOSUID | extra
        sc.mount(None, target, None, flags | _locked_flags(target))


def _locked_flags(target: str) -> int:
    # In a user namespace a remount must repeat the atime/noexec flags inherited from the host.
    f_flag = os.statvfs(target).f_flag
    pairs = ((os.ST_NOEXEC, sc.MS_NOEXEC), (os.ST_NODEV, sc.MS_NODEV),
             (os.ST_NOATIME, sc.MS_NOATIME), (os.ST_NODIRATIME, sc.MS_NODIRATIME),
             (os.ST_RELATIME, sc.MS_RELATIME))
    return sum(ms for st, ms in pairs if f_flag & st)


def _mount_points_under(root: str) -> list[str]:
    with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as handle:
        points = [line.split()[4] for line in handle]
    decoded = [p.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
               .replace("\\134", "\\") for p in points]
    return [p for p in decoded if p == root or p.startswith(root + "/")]
