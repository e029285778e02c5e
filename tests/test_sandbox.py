"""The sandbox against hostile submissions: every test asserts what the grader can observe.

Two module-wide pools are shared (starting a worker imports TensorFlow): an isolated one and a
degraded one (``isolation="degraded"``). The fake runner is :mod:`tests.sandbox_runners`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import textwrap
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from autograder.sandbox import (
    JobFormatError,
    JobOutcome,
    Limits,
    LimitsError,
    SandboxDegradedWarning,
    WorkerPool,
    rootfs,
)
from autograder.sandbox.channel import LineReader, ProtocolError, parse_message
from autograder.sandbox.child import must_refuse
from autograder.sandbox.jobs import run_job
from autograder.sandbox.outcome import OutcomeError, parse_outcome
from autograder.sandbox.spawn import start_zygote

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
RUNNER = "tests.sandbox_runners:run_job"
MARK = f"gradetape-mark-{uuid.uuid4().hex[:12]}"
COMM = f"gt{uuid.uuid4().hex[:13]}"  # a process name has at most 15 characters
SECRET = f"secret-{uuid.uuid4().hex}"
# Small, so that bombs hit the limits well before the call timeout on a slow 2-core machine.
LIMITS = Limits(call_timeout_s=1.5, load_timeout_s=3.0, memory_mb=512, processes=24,
                message_bytes=1 << 20, scratch_mb=16, file_size_mb=8)
PRELUDE = "import os, sys, time, signal\n"
OK = "\ndef ok(*args):\n    return 42\n"
SLEEPER = f"['/bin/sh', '-c', 'while :; do sleep 1; done', {MARK!r}]"  # MARK: in its cmdline


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    os.environ["GRADETAPE_SECRET"] = SECRET  # the pool must not hand it to its workers
    try:
        with WorkerPool(2, LIMITS, runner=RUNNER) as shared:
            yield shared
    finally:
        del os.environ["GRADETAPE_SECRET"]


@pytest.fixture(scope="module")
def degraded_pool() -> Iterator[WorkerPool]:
    limits = dataclasses.replace(LIMITS, isolation="degraded")
    with WorkerPool(1, limits, runner=RUNNER) as shared:
        with pytest.warns(SandboxDegradedWarning, match="isolation is degraded"):
            first = grade(shared, "", "ok")  # the first degraded job must be loud
        assert first.isolation.degraded and value(first, 0) == 42
        yield shared


@pytest.fixture(params=["isolated", "degraded"])
def any_pool(request: pytest.FixtureRequest) -> WorkerPool:
    name = "pool" if request.param == "isolated" else "degraded_pool"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def grade(pool: WorkerPool, source: str, *calls: str | tuple[Any, ...]) -> JobOutcome:
    """Run ``source`` (plus ``ok()``, which returns 42) with calls given as ``"task"`` or
    ``("task", arg, ...)``."""
    specs = [(c,) if isinstance(c, str) else c for c in calls]
    job = {"job_id": uuid.uuid4().hex, "module": "student",
           "source": PRELUDE + textwrap.dedent(source) + OK,
           "calls": [{"index": i, "task": s[0], "args": list(s[1:])} for i, s in enumerate(specs)]}
    return pool.run(job)


def value(outcome: JobOutcome, index: int) -> Any:
    record = outcome.calls[index]
    assert record.get("ok") is True, record
    return record["value"]


def marked_processes() -> list[int]:
    """Host processes whose command line or name carries this session's markers."""
    found = []
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
            comm = Path(f"/proc/{name}/comm").read_text().strip()
        except OSError:
            continue
        if MARK.encode() in cmdline or comm == COMM:
            found.append(int(name))
    return found


# ------------------------------------------------------------------ normal operation


def test_round_trip_with_gradient_tape_variable_and_function(pool: WorkerPool) -> None:
    source = """
    import tensorflow as tf
    def grad(x):
        v = tf.Variable(x)
        with tf.GradientTape() as tape:
            y = v ** 3
        return tape.gradient(y, v)
    @tf.function
    def double(x):
        return 2.0 * x
    def traced(x):
        print("hello from the student")
        return double(tf.constant(x))
    """
    outcome = grade(pool, source, ("grad", 3.0), ("traced", 2.5))
    assert outcome.ran and outcome.load["event"] == "loaded"
    assert value(outcome, 0) == pytest.approx(27.0)
    assert value(outcome, 1) == pytest.approx(5.0)
    assert "hello from the student" in outcome.output_tail
    assert not outcome.isolation.degraded, outcome.isolation.reasons
    assert {"pid-ns", "net-ns", "user-ns", "pivot-root", "uid-nobody"} <= set(
        outcome.isolation.features)


def test_child_sees_a_fixed_environment_and_only_its_pipes(pool: WorkerPool) -> None:
    source = """
    def look():
        fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
        return {"env": dict(os.environ), "fds": fds, "stdin": sys.stdin.read(),
                "pid": os.getpid(), "cwd": os.getcwd()}
    """
    seen = value(grade(pool, source, "look"), 0)
    assert seen["env"]["HOME"] == "/tmp" and "GRADETAPE_SECRET" not in seen["env"]
    assert set(seen["env"]) <= {"PATH", "HOME", "TMPDIR", "LANG", "TF_CPP_MIN_LOG_LEVEL",
                                "PYTHONHASHSEED", "PYTHONDONTWRITEBYTECODE", "MPLBACKEND",
                                "CUDA_VISIBLE_DEVICES"}
    assert seen["fds"][:4] == [0, 1, 2, 3] and len(seen["fds"]) == 5  # + the listing's own fd
    assert seen["stdin"] == "" and seen["pid"] == 1 and seen["cwd"] == "/tmp"


def test_load_error_and_load_timeout(pool: WorkerPool) -> None:
    broken = grade(pool, "def f(:\n", "f")
    assert broken.load["event"] == "load-error" and broken.calls == {}
    assert broken.load["error"]["type"] == "SyntaxError"
    started = time.monotonic()
    stuck = grade(pool, "while True:\n    pass\n", "f")
    assert stuck.load == {"status": "timeout"} and stuck.calls == {}
    assert LIMITS.load_timeout_s <= time.monotonic() - started < LIMITS.load_timeout_s + 5


def test_output_tail_is_capped(pool: WorkerPool) -> None:
    source = "def chatty():\n    for i in range(20000):\n        print('line', i)\n    return 1\n"
    outcome = grade(pool, source, "chatty")
    assert value(outcome, 0) == 1
    assert len(outcome.output_tail.encode()) <= LIMITS.output_tail_bytes
    assert outcome.output_tail.rstrip().endswith("line 19999")


# ------------------------------------------------------------------ timeouts and crashes

LOOPS = {
    "plain": "def spin():\n    while True:\n        pass\n",
    "stubborn": textwrap.dedent("""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    def spin():
        while True:
            try:
                while True:
                    time.sleep(0.01)
            except BaseException:
                continue
    """),
}


@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_endless_call_times_out_and_skips_its_task_only(pool: WorkerPool, loop: str) -> None:
    started = time.monotonic()
    outcome = grade(pool, LOOPS[loop], "spin", "spin", "ok")
    assert outcome.calls[0] == {"status": "timeout"}
    assert outcome.calls[1] == {"status": "timeout", "skipped": True}
    assert value(outcome, 2) == 42
    assert time.monotonic() - started < LIMITS.call_timeout_s + 4


@pytest.mark.parametrize(("source", "detail"), [
    ("def die():\n    os._exit(3)\n", "exit code 3"),
    ("def die():\n    os._exit(0)\n", "exit code 0"),
    ("import ctypes\ndef die():\n    ctypes.string_at(0)\n", "killed by signal SIGSEGV"),
])
def test_crashing_call_costs_only_itself(any_pool: WorkerPool, source: str, detail: str) -> None:
    outcome = grade(any_pool, source, "ok", "die", "die", "ok")
    assert value(outcome, 0) == 42
    assert outcome.calls[1] == {"status": "crashed", "detail": detail}
    assert outcome.calls[2] == {"status": "crashed", "detail": detail}  # same task, fresh child
    assert value(outcome, 3) == 42


def test_exit_while_loading_is_a_crashed_load(any_pool: WorkerPool) -> None:
    outcome = grade(any_pool, "os._exit(0)\n", "ok")
    assert outcome.load == {"status": "crashed", "detail": "exit code 0"}
    assert outcome.calls == {}


# ------------------------------------------------------------------ the result channel

GARBAGE = """
def shout():
    fake = '{"event": "call", "index": 1, "ok": true, "value": "forged"}\\n'
    print(fake, "\\x00\\xff not json {{{")
    print(fake, file=sys.stderr)
    sys.stdout.flush()
    os.write(1, fake.encode())
    os.write(2, b"\\x00\\x01garbage\\n")
    return 7
def spray():
    for fd in range(1024):
        try:
            os.write(fd, b'garbage {"event": "call"} \\x00\\n')
        except OSError:
            pass
    return 8
"""


def test_garbage_on_stdout_and_stderr_lands_in_the_tail_only(any_pool: WorkerPool) -> None:
    outcome = grade(any_pool, GARBAGE, "shout", "ok")
    assert value(outcome, 0) == 7 and value(outcome, 1) == 42
    assert "forged" in outcome.output_tail and "garbage" in outcome.output_tail


def test_garbage_on_every_descriptor_crashes_that_call_only(any_pool: WorkerPool) -> None:
    outcome = grade(any_pool, GARBAGE, "ok", "spray", "ok")
    assert value(outcome, 0) == 42
    assert outcome.calls[1]["status"] == "crashed"
    assert outcome.calls[1]["detail"].startswith("protocol violation: not JSON")
    assert value(outcome, 2) == 42
    assert value(grade(any_pool, "", "ok"), 0) == 42  # the worker is unharmed


@pytest.mark.parametrize("forged_index", [2, 99])
def test_forged_result_for_another_call_is_a_violation(any_pool: WorkerPool,
                                                       forged_index: int) -> None:
    source = f"""
    def forge():
        os.write(3, b'{{"event": "call", "index": {forged_index}, "ok": true, "value": -1}}\\n')
        return 5
    def other():
        return "genuine"
    """
    outcome = grade(any_pool, source, "forge", "ok", "other")
    assert outcome.calls[0]["status"] == "crashed"
    assert f"call {forged_index} while call 0 ran" in outcome.calls[0]["detail"]
    assert value(outcome, 1) == 42 and value(outcome, 2) == "genuine"


def test_oversized_message_is_a_violation(pool: WorkerPool) -> None:
    source = "def flood():\n    os.write(3, b'{' * (2 << 20))\n    return 1\n"
    outcome = grade(pool, source, "flood", "ok")
    assert outcome.calls[0]["status"] == "crashed"
    assert "longer than" in outcome.calls[0]["detail"]
    assert value(outcome, 1) == 42


# ------------------------------------------------------------------ resources and processes

MEMORY_BOMBS = {
    "bytearray": "def bomb():\n    return len(bytearray(10**11))\n",
    "numpy": "import numpy as np\ndef bomb():\n    return float(np.ones((10**6, 10**6)).sum())\n",
    # many small blocks; calloc'ed, so the limit is reached fast even on a loaded machine
    "gradual": "def bomb():\n    return len([bytearray(10**7) for _ in range(10**5)])\n",
}


@pytest.mark.parametrize("bomb", sorted(MEMORY_BOMBS))
def test_memory_bomb_fails_and_worker_survives(any_pool: WorkerPool, bomb: str) -> None:
    pids = any_pool.worker_pids
    outcome = grade(any_pool, MEMORY_BOMBS[bomb], "bomb", "ok")
    record = outcome.calls[0]
    assert record.get("error", {}).get("type") == "MemoryError" or record["status"] == "crashed"
    assert value(outcome, 1) == 42
    assert any_pool.worker_pids == pids


def test_process_count_is_capped(pool: WorkerPool) -> None:
    source = """
    def fork_until_refused():
        count = 0
        try:
            while True:
                if os.fork() == 0:
                    time.sleep(600)
                    os._exit(0)
                count += 1
        except OSError:
            return count
    """
    forks = value(grade(pool, source, "fork_until_refused"), 0)
    assert 0 < forks < LIMITS.processes


SPAWNERS = {
    "fork-bomb": f"""
    import ctypes
    def spawn():
        ctypes.CDLL(None).prctl(15, {COMM!r}.encode(), 0, 0, 0)  # PR_SET_NAME, kept by fork
        while True:
            try:
                os.fork()
            except OSError:
                pass
    """,
    "double-fork-daemon": f"""
    def spawn():
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execv("/bin/sh", {SLEEPER})
            os._exit(0)
        os.wait()
        return see_marked()
    """,
    "setsid-popen": f"""
    import subprocess
    def spawn():
        subprocess.Popen({SLEEPER}, start_new_session=True)
        return see_marked()
    """,
}
SEE_MARKED = f"""
def see_marked():
    for _ in range(300):
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if {MARK!r}.encode() in open(f"/proc/{{pid}}/cmdline", "rb").read():
                    return True
            except OSError:
                pass
        time.sleep(0.01)
    return False
"""


@pytest.mark.parametrize("spawner", sorted(SPAWNERS))
def test_nothing_the_child_starts_outlives_the_job(any_pool: WorkerPool, spawner: str) -> None:
    outcome = grade(any_pool, SEE_MARKED + textwrap.dedent(SPAWNERS[spawner]), "spawn", "ok")
    if spawner == "fork-bomb":
        assert outcome.calls[0] == {"status": "timeout"}
    else:
        assert value(outcome, 0) is True  # the daemon was running before the job ended
    assert value(outcome, 1) == 42
    assert marked_processes() == []


def test_worker_killed_mid_job_takes_its_children_along(pool: WorkerPool) -> None:
    source = SEE_MARKED + textwrap.dedent(f"""
    import subprocess
    def hang():
        subprocess.Popen({SLEEPER}, start_new_session=True)
        see_marked()
        while True:
            time.sleep(1)
    """)
    with ThreadPoolExecutor(1) as executor:
        future = executor.submit(grade, pool, source, "hang")
        deadline = time.monotonic() + 20
        while not marked_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        worker = _worker_ancestor(marked_processes()[0], pool.worker_pids)
        os.kill(worker, signal.SIGKILL)
        outcome = future.result(timeout=30)
    assert not outcome.ran and "sandbox failed" in str(outcome.error)
    for _ in range(100):
        if not marked_processes():
            break
        time.sleep(0.05)
    assert marked_processes() == []
    assert value(grade(pool, "", "ok"), 0) == 42  # the pool replaced the worker


def _worker_ancestor(pid: int, workers: list[int]) -> int:
    while pid not in workers:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
        pid = int(stat.rsplit(b")", 1)[1].split()[1])
        assert pid > 1, "the marked process is not below a worker"
    return pid


@pytest.mark.parametrize("target", ["os.getppid()", "-1", "0"])
def test_signalling_outward_hurts_neither_worker_nor_test(any_pool: WorkerPool,
                                                          target: str) -> None:
    pids = any_pool.worker_pids
    source = f"def shoot():\n    os.kill({target}, signal.SIGKILL)\n    return 'alive'\n"
    outcome = grade(any_pool, source, "shoot", "ok")
    refused = outcome.calls[0].get("error", {}).get("type") in ("PermissionError",
                                                                "ProcessLookupError")
    shot_itself = outcome.calls[0].get("status") == "crashed"  # kill(0) hits its own group
    assert outcome.calls[0].get("value") == "alive" or refused or shot_itself
    assert value(outcome, 1) == 42
    assert any_pool.worker_pids == pids


# ------------------------------------------------------------------ what the child can reach

PEEK = """
def peek(paths, secret):
    seen = {}
    for path in paths:
        try:
            seen[path] = sorted(os.listdir(path)) if os.path.isdir(path) else open(path).read()
        except OSError as exc:
            seen[path] = type(exc).__name__
    environs = [dict(os.environ).__repr__()]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            environs.append(open(f"/proc/{pid}/environ", "rb").read().decode("latin-1"))
        except OSError:
            pass
    seen["secret"] = any(secret in text for text in environs)
    seen["init"] = open("/proc/1/cmdline", "rb").read().decode("latin-1")
    return seen
"""


def test_project_home_and_host_secrets_are_out_of_reach(pool: WorkerPool) -> None:
    home_file = Path.home() / f".{MARK}"
    home_file.write_text("private")
    try:
        paths = [str(PROJECT / "pyproject.toml"), str(PROJECT / "solutions"), str(home_file),
                 str(PROJECT), str(Path.home())]
        seen = value(grade(pool, PEEK, ("peek", paths, SECRET)), 0)
    finally:
        home_file.unlink()
    assert seen[paths[0]] == "FileNotFoundError" and seen[paths[1]] == "FileNotFoundError"
    assert seen[paths[2]] == "FileNotFoundError"
    assert set(seen[paths[3]]) <= {".venv"}  # only the mount point of the interpreter
    assert not seen["secret"]
    assert "autograder.sandbox.worker" in seen["init"]  # /proc/1 is the job itself


def test_no_network_not_even_the_host_loopback(pool: WorkerPool) -> None:
    source = """
    import socket
    def connect(port):
        results = []
        for address in (("127.0.0.1", port), ("1.1.1.1", 53)):
            try:
                socket.create_connection(address, timeout=1).close()
                results.append("connected")
            except OSError as exc:
                results.append(type(exc).__name__)
        return results
    """
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.2)
        results = value(grade(pool, source, ("connect", server.getsockname()[1])), 0)
        with pytest.raises(TimeoutError):
            server.accept()
    assert "connected" not in results and len(results) == 2


def test_writes_outside_the_scratch_fail_and_the_scratch_is_bounded(pool: WorkerPool) -> None:
    source = """
    def scribble(project):
        results = {}
        for path in ["/x", "/usr/x", "/etc/x", "/dev/x", sys.prefix + "/x", project + "/x",
                     "/proc/sys/kernel/hostname"]:
            try:
                with open(path, "w") as handle:
                    handle.write("x")
                results[path] = "written"
            except OSError as exc:
                results[path] = type(exc).__name__
        for name, size in [("big", 10 << 20), *[(f"part{i}", 4 << 20) for i in range(5)]]:
            try:
                with open(name, "wb") as handle:
                    handle.write(b"\\0" * size)
                results[name] = "written"
            except OSError as exc:
                results[name] = exc.strerror
        return results
    """
    results = value(grade(pool, source, ("scribble", str(PROJECT))), 0)
    assert "written" not in [results[p] for p in results if p.startswith("/")], results
    assert results["big"] == "File too large"  # RLIMIT_FSIZE (8 MiB here)
    assert results["part0"] == "written" and "No space left on device" in results.values()


def test_scratch_is_private_and_gone_afterwards(any_pool: WorkerPool) -> None:
    source = f"""
    def leave_file():
        with open({MARK!r}, "w") as handle:
            handle.write("left behind")
        return os.path.abspath({MARK!r})
    """
    path = value(grade(any_pool, source, "leave_file"), 0)
    assert not os.path.exists(path)  # isolated: "/tmp/MARK" in a tmpfs the host never saw
    assert not os.path.exists(os.path.dirname(path)) or os.path.dirname(path) == "/tmp"
    assert not list(Path(any_pool.workdir).rglob(MARK))


def test_degraded_mode_still_grades_and_says_why(degraded_pool: WorkerPool) -> None:
    outcome = grade(degraded_pool, "import tensorflow as tf\n" + LOOPS["plain"],
                    "spin", "ok")
    assert outcome.calls[0] == {"status": "timeout"} and value(outcome, 1) == 42
    assert outcome.isolation.degraded and "uid-nobody" in outcome.isolation.features
    assert "isolation='degraded'" in " ".join(outcome.isolation.reasons)
    assert degraded_pool.isolation_warning is not None


@pytest.mark.parametrize(("isolation", "want_load"), [("require", None), ("auto", "loaded")])
def test_when_the_kernel_refuses_require_runs_nothing_and_auto_degrades(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolation: str,
        want_load: str | None) -> None:
    def refuse() -> None:
        raise OSError(1, "simulated refusal")

    monkeypatch.setattr(rootfs, "bind_sources", refuse)  # the zygote is forked from this process
    limits = dataclasses.replace(LIMITS, isolation=isolation)
    zygote = start_zygote("tests.sandbox_runners:run_nothing", limits, str(tmp_path))
    try:
        result = run_job({"job_id": "r", "module": "m", "calls": [{"index": 0, "task": "t"}]},
                         zygote, limits)
    finally:
        zygote.close()
        os.waitpid(zygote.pid, 0)
    assert result["isolation"]["degraded"] is True
    assert "simulated refusal" in " ".join(result["isolation"]["reasons"])
    assert result["load"].get("event") == want_load
    if want_load is None:
        assert result["load"]["detail"].startswith("full isolation required but unavailable")
        assert result["calls"] == {}
    else:
        assert result["calls"]["0"]["event"] == "call"


def test_the_root_is_assembled_where_no_bind_source_lives() -> None:
    def sources(*paths: str) -> list[rootfs.BindSource]:
        return [rootfs.BindSource(p) for p in paths]

    first = rootfs.STAGING_CANDIDATES[0]
    assert rootfs.staging_dir(sources("/usr", "/tmp/checkout/.venv")) != "/tmp"
    assert rootfs.staging_dir(sources(f"{first}/x")) != first
    with pytest.raises(OSError, match="no directory to assemble the root in"):
        rootfs.staging_dir(sources(*(f"{c}/x" for c in rootfs.STAGING_CANDIDATES)))


@pytest.mark.parametrize(("degraded", "features", "isolation", "refused"), [
    (False, ("user-ns",), "require", False),
    (True, ("uid-nobody",), "require", True),
    (True, ("uid-nobody",), "auto", False),  # a root grader: the child is nobody
    (True, ("new-session",), "auto", True),  # unprivileged: the child would be the grader
    (True, ("new-session",), "degraded", False),
])
def test_auto_falls_back_only_where_the_child_leaves_the_graders_uid(
        degraded: bool, features: tuple[str, ...], isolation: str, refused: bool) -> None:
    assert must_refuse(degraded, features, isolation) is refused


# ------------------------------------------------------------------ the parent's checks


def test_malformed_jobs_are_refused_before_reaching_a_worker(pool: WorkerPool) -> None:
    with pytest.raises(JobFormatError):
        pool.run({"job_id": "x", "calls": [{"index": "0", "task": "f"}]})
    with pytest.raises(JobFormatError):
        pool.run({"job_id": "x", "calls": [{"index": 0, "task": "f"}, {"index": 0, "task": "g"}]})


@pytest.mark.parametrize(("data", "want"), [
    (b'{"a": 1}\n{"b"', [b'{"a": 1}']),
    (b"x" * 10, []),
])
def test_line_reader_splits_lines(data: bytes, want: list[bytes]) -> None:
    assert LineReader(16).feed(data) == want


@pytest.mark.parametrize("data", [b"x" * 17, b"y" * 20 + b"\n"])
def test_line_reader_refuses_long_lines(data: bytes) -> None:
    with pytest.raises(ProtocolError):
        LineReader(16).feed(data)


@pytest.mark.parametrize("line", [b"[1, 2]", b"not json", b"[" * 100000, b'"text"'])
def test_only_json_objects_are_messages(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_message(line, 1 << 20)


def test_messages_are_measured_as_the_worker_will_send_them() -> None:
    line = b'{"v": [' + b",".join([b"1e15"] * 10) + b"]}"  # 1e15 re-encodes as 18 characters
    assert parse_message(line, 1000)["v"][0] == 1e15
    with pytest.raises(ProtocolError, match="re-encoded"):
        parse_message(line, len(line) + 10)


GOOD = {"job_id": "j", "load": {"event": "loaded"}, "calls": {"0": {"status": "timeout"}},
        "output_tail": "", "isolation": {"degraded": False, "features": [], "reasons": []},
        "seconds": 0.5}


@pytest.mark.parametrize(("change", "want"), [
    ({}, None),
    ({"job_id": "other"}, "not for job"),
    ({"calls": {"7": {}}}, "does not have"),
    ({"calls": {"0": [1]}}, "wrong type"),
    ({"seconds": True}, "wrong type"),
    ({"isolation": {"degraded": "no", "features": [], "reasons": []}}, "wrong type"),
])
def test_result_lines_are_type_checked(change: dict[str, Any], want: str | None) -> None:
    line = json.dumps({**GOOD, **change}).encode()
    if want is None:
        assert parse_outcome(line, "j", {0}).calls == {0: {"status": "timeout"}}
    else:
        with pytest.raises(OutcomeError, match=want):
            parse_outcome(line, "j", {0})


def test_limits_round_trip_and_refuse_nonsense() -> None:
    assert Limits.from_json(LIMITS.to_json()) == LIMITS
    with pytest.raises(LimitsError):
        Limits.from_json('{"memroy_mb": 1}')
    with pytest.raises(LimitsError):
        Limits(isolation="maybe")
    with pytest.raises(LimitsError):
        Limits(call_timeout_s=0)
