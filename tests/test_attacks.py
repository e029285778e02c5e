"""Hostile submissions against the whole grader, end to end through ``gradetape grade``.

Every attacker in ``tests/submissions/attacks/`` (a student folder; its module is the reference
with ONE hostile function, or hostile module-level code) is graded in ONE class run, together with
two honest students (the reference, and ``honest_wrong`` whose ``cube_gradient`` is ``3 * x**2``
computed without a tape) and the malformed inputs of ``tests/submissions/malformed/``. Then, for
each attacker: (a) the attacked task scores no more than an honest wrong answer; (b) the run ended
normally and the honest students got their exact scores; (c) no process carrying the attacker's
marker is left; (d) no file carrying it exists outside the sandbox; (e) nothing secret reached the
JSON, the feedback or the gradebook.

The ``@@...@@`` placeholders of the attack files are filled in when the class is copied into
``tmp_path``: a marker unique to the attacker and this session (in file names, process names,
argv and environments), the checkout, the class and out folders, the course and a loopback port
the test listens on. Grading uses a copy of the course whose solutions end with a canary line, so
a leaked reference is recognisable.

A smaller run follows: a few attackers under ``--isolation degraded``. The ``crash_*`` attackers
send malformed results (a Python int beyond float range, forged messages of the wrong shape);
they once stopped the whole class run and now only fail their own case.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ATTACKS = ROOT / "tests" / "submissions" / "attacks"
MALFORMED = ROOT / "tests" / "submissions" / "malformed"
SECRET_FILE = ROOT / "examples" / "class-secret.txt"
RUN = uuid.uuid4().hex[:8]
CALL_TIMEOUT_S = "5"  # each endless loop costs this much
REFERENCE_CANARY = f"reference-canary-{RUN}"
STUDENT_CANARY = f"student-canary-{RUN}"
ENV_CANARY = f"env-canary-{RUN}"
EX01, EX03, EX04 = "ex01_constants", "ex03_matmul", "ex04_first_order"
CUBE = "cube_gradient"
HAND_FORMULA = "    return tf.constant(3.0 * float(x) ** 2, dtype=tf.float32)\n"
MODULES = sorted(path.stem for path in (ROOT / "solutions").glob("ex*.py"))
UNAVAILABLE = "full isolation required but unavailable"


@dataclass(frozen=True)
class Attack:
    """One attacker and what grading it must show.

    ``rest``: ``"full"`` the module's other tasks keep full marks (the attack cost only its own
    task); ``"none"`` the module is not gradable; ``None`` not checked (the attack sabotages its
    own later calls too). ``says``: a pattern the attacked task's record must match (proof that
    the attack ran and how it was stopped). ``never``: a pattern it must not match.
    """

    student: str
    module: str = EX04
    task: str = CUBE
    want_max: float = 0.0
    rest: str | None = "full"
    says: str = ""
    never: str = ""

    @property
    def mark(self) -> str:
        """12 characters: fits a process name (15 at most)."""
        return f"gt{RUN}{ALL_NAMES.index(self.student):02d}"


DIED = r"the process died"
TIMED_OUT = r"ran past the time limit"
REACHED = r"(RuntimeError: |; )(@@CHECKOUT@@|@@CLASS@@|@@OUT@@|@@COURSE@@)[^;:\s]*: OK"
MAIN = [
    Attack("exit_import_sysexit", rest="none", says=r"loading raised SystemExit"),
    Attack("exit_import_osexit", rest="none", says=r"died while loading the submission \(exit"),
    Attack("exit_task_sysexit", says=r"raised SystemExit"),
    Attack("exit_task_osexit", says=DIED + r" \(exit code 0\)"),
    Attack("exit_task_abort", says=DIED + r" \(killed by signal SIG(SEGV|ABRT)\)"),
    Attack("exit_uncatchable", says=DIED),
    Attack("loop_plain", says=TIMED_OUT),
    Attack("loop_stubborn", says=TIMED_OUT),
    Attack("mem_bytearray", says=r"MemoryError|" + DIED + "|" + TIMED_OUT),  # 2 GB to fill
    Attack("mem_numpy", says=r"MemoryError|" + DIED),
    Attack("mem_tf", says=r"ResourceExhausted|MemoryError|" + DIED),
    Attack("disk_tmp", says=r"refused: \[[^]]*'E(NOSPC|FBIG)'"),
    Attack("disk_cwd", says=r"refused: \[[^]]*'E(NOSPC|FBIG)'"),
    Attack("fork_bomb", says=TIMED_OUT),
    Attack("popen_daemon", says=r"daemons running: [1-9]"),
    Attack("double_fork_daemon", says=r"daemons running: [1-9]"),
    Attack("kill_parent", says=r"still alive after kill"),
    Attack("kill_everyone", says=r"still alive after kill\(-1"),
    Attack("kill_group", says=r"still alive after killpg"),
    Attack("read_solutions", says=r"@@CHECKOUT@@/solutions: FileNotFoundError", never=r": OK"),
    Attack("read_secret_env", says=r"class-secret.txt: FileNotFoundError", never=REACHED),
    Attack("gc_walk", says=r"modules=\[\] keys=\[\] texts=\[\]"),
    Attack("steal_other_student", says=r"class folder: FileNotFoundError", never=r": OK"),
    Attack("write_outside", says=r"@@CLASS@@: FileNotFoundError", never=REACHED),
    Attack("network", says=r"loopback: \w+Error", never=r": OK"),
    Attack("fake_print", says=r"wrong value"),
    Attack("fake_every_fd", says=r"protocol violation"),
    Attack("forged_message", says=r"protocol violation: a message for call"),
    Attack("lying_objects", EX01, "make_constant", says=r"wrong type"),
    Attack("huge_output", EX03, "matmul", says=r"too large to compare"),
    Attack("nan_output", EX04, "derivative", says=r"NaN"),
    Attack("segfault", says=DIED + r" \(killed by signal SIGSEGV\)"),
    Attack("patch_allclose", says=r"wrong value"),
    Attack("patch_grader", rest=None, says=r"wrong value"),
    Attack("patch_tape", rest=None, says=r"wrong value"),
    # Known limitation, see test_forged_observations_do_not_beat_an_honest_wrong_answer.
    Attack("forge_observations", want_max=2.0),
    Attack("nested_userns", says=r"nested user namespace"),
    Attack("notebook_shell", says=r"cell \d+ raised NameError: name 'get_ipython' is not"),
    # Once able to stop the whole class run: each now costs its author only the case.
    Attack("crash_bigint", EX01, "shape_and_dtype", says=r"wrong"),
    Attack("crash_forged_load", rest="none", says=r"malformed result: malformed cell errors"),
    Attack("crash_forged_error", says=r"malformed result: malformed error record"),
]
DEGRADED = ["exit_task_osexit", "loop_stubborn", "popen_daemon", "double_fork_daemon",
            "fake_every_fd", "forged_message"]
ALL_NAMES = [attack.student for attack in MAIN]
BY_NAME = {attack.student: attack for attack in MAIN}


# ------------------------------------------------------------------ building and running a class


@dataclass
class ClassRun:
    """What one ``gradetape grade`` of a class folder produced, and what it left behind."""

    returncode: int
    stdout: str
    stderr: str
    class_dir: Path
    out_dir: Path
    places: dict[str, str]
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    processes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    outputs: str = ""
    connections: int = 0

    def exercise(self, student: str, module: str) -> dict[str, Any]:
        """One student's result for one module."""
        found = [e for e in self.results[student]["exercises"] if e["exercise"] == module]
        assert found, f"{student} has no result for {module}"
        return found[0]

    def leftovers(self, mark: str) -> list[str]:
        """Processes and files still carrying ``mark`` after the run."""
        return [item for item in self.processes + self.files if mark in item]


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course whose reference solutions end with a canary line."""
    root = tmp_path_factory.mktemp("course")
    (root / "solutions").mkdir()
    for source in sorted((ROOT / "solutions").glob("ex*.py")):
        text = source.read_text(encoding="utf-8")
        (root / "solutions" / source.name).write_text(f"{text}\n# {REFERENCE_CANARY}\n")
    return root


def _copy_attacker(attack: Attack, dest: Path, places: dict[str, str]) -> None:
    folder = dest / attack.student
    folder.mkdir()
    for source in (ATTACKS / attack.student).iterdir():
        text = source.read_text(encoding="utf-8").replace("@@MARK@@", attack.mark)
        for key, value in places.items():
            text = text.replace(f"@@{key}@@", value)
        (folder / source.name).write_text(text, encoding="utf-8")


def _add_honest_students(dest: Path, modules: list[str]) -> None:
    reference, wrong = dest / "honest_reference", dest / "honest_wrong"
    reference.mkdir()
    wrong.mkdir()
    for module in modules:
        text = (ROOT / "solutions" / f"{module}.py").read_text(encoding="utf-8")
        (reference / f"{module}.py").write_text(f"{text}\n# {STUDENT_CANARY}\n")
    text = (ROOT / "solutions" / f"{EX04}.py").read_text(encoding="utf-8")
    body = re.search(r"(?s)(def cube_gradient.*?### BEGIN SOLUTION\n)(.*?)(    ### END)", text)
    assert body is not None
    text = text.replace(body.group(0), body.group(1) + HAND_FORMULA + body.group(3))
    (wrong / f"{EX04}.py").write_text(f"{text}\n# {STUDENT_CANARY}\n")


def _add_malformed_students(dest: Path) -> None:
    for folder in sorted(MALFORMED.iterdir()):
        shutil.copytree(folder, dest / folder.name)
    links = [("link_to_solutions", f"{EX04}.py", ROOT / "solutions" / f"{EX04}.py"),
             ("link_to_passwd", f"{EX01}.py", Path("/etc/passwd"))]
    for name, file, target in links:
        (dest / name).mkdir()
        (dest / name / file).symlink_to(target)
    (dest / "linked_folder").symlink_to(ROOT / "solutions", target_is_directory=True)


def _grade(class_dir: Path, out_dir: Path, course: Path,
           *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRADETAPE_")}
    env.update(TF_CPP_MIN_LOG_LEVEL="3", GT_ENV_CANARY=ENV_CANARY)
    command = [sys.executable, "-m", "autograder.cli", "grade", str(class_dir), "--json",
               "--secret-file", str(SECRET_FILE), "--course", str(course), "--out", str(out_dir),
               "--timeout", CALL_TIMEOUT_S, *extra]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def _run_class(base: Path, course: Path, attacks: list[Attack], *extra: str,
               honest_modules: list[str], malformed: bool = False,
               port: int = 9) -> ClassRun:
    class_dir, out_dir = base / "class", base / "out"
    class_dir.mkdir()
    places = {"CHECKOUT": str(ROOT), "COURSE": str(course), "CLASS": str(class_dir),
              "OUT": str(out_dir), "PORT": str(port)}
    for attack in attacks:
        _copy_attacker(attack, class_dir, places)
    _add_honest_students(class_dir, honest_modules)
    if malformed:
        _add_malformed_students(class_dir)
    done = _grade(class_dir, out_dir, course, *extra)
    run = ClassRun(done.returncode, done.stdout, done.stderr, class_dir, out_dir, places)
    if done.returncode == 0:
        run.results = {r["student"]: r for r in json.loads(done.stdout)}
    run.processes = _marked_processes(f"gt{RUN}")
    run.files = _marked_files(f"gt{RUN}", [Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"),
                                           Path.home(), ROOT, class_dir, out_dir, course])
    run.outputs = done.stdout + done.stderr + _read_tree(out_dir)
    return run


def _marked_processes(prefix: str) -> list[str]:
    """``pid: argv`` of every process whose argv, name or environment holds ``prefix``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            seen = b" ".join(Path(f"/proc/{pid}/{part}").read_bytes()
                             for part in ("cmdline", "comm", "environ"))
        except OSError:
            continue
        if prefix.encode() in seen:
            found.append(f"{pid}: {seen.decode('latin-1')[:300]}")
    return found


def _marked_files(prefix: str, roots: list[Path]) -> list[str]:
    """Paths under ``roots`` (and in ``/``) whose name holds ``prefix``."""
    found = [f"/{name}" for name in os.listdir("/") if prefix in name]
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in (".git", ".venv", "proc")]
            found += [os.path.join(folder, n) for n in dirs + files if prefix in n]
    return sorted(set(found))


def _read_tree(folder: Path) -> str:
    """Every file under ``folder`` (reports, gradebook), decoded as far as it goes."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace")
                     for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture(scope="module")
def listener() -> Iterator[socket.socket]:
    """A loopback port the network attacker is told about; nothing may connect to it."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.setblocking(False)
        yield server


@pytest.fixture(scope="module")
def main_run(tmp_path_factory: pytest.TempPathFactory, course: Path,
             listener: socket.socket) -> ClassRun:
    """Every attacker, the honest students and the malformed inputs in one class run."""
    run = _run_class(tmp_path_factory.mktemp("main"), course, MAIN, "--isolation", "require",
                     honest_modules=MODULES, malformed=True, port=listener.getsockname()[1])
    # Skip only where the kernel refuses namespaces; any other isolation failure (a root that
    # cannot be assembled, say) is a bug and must fail the tests below.
    if UNAVAILABLE in run.stdout and "namespaces unavailable" in run.stdout:
        pytest.skip("this kernel refuses the sandbox's namespaces (--isolation require)")
    while True:
        try:
            listener.accept()[0].close()
        except BlockingIOError:
            break
        run.connections += 1
    return run


@pytest.fixture(scope="module")
def degraded_run(tmp_path_factory: pytest.TempPathFactory, course: Path) -> ClassRun:
    """A few attackers again, with namespaces switched off."""
    attacks = [BY_NAME[name] for name in DEGRADED]
    return _run_class(tmp_path_factory.mktemp("degraded"), course, attacks, "--isolation",
                      "degraded", honest_modules=[EX04])


# ------------------------------------------------------------------ checks shared by the runs


def _task(exercise: dict[str, Any], name: str) -> dict[str, Any]:
    return next(t for t in exercise["tasks"] if t["task"] == name)


def _pattern(text: str, places: dict[str, str]) -> str:
    for key, value in places.items():
        text = text.replace(f"@@{key}@@", re.escape(value))
    return text


def _check_attacker(run: ClassRun, attack: Attack) -> None:
    assert run.returncode == 0, run.stderr[-3000:]
    exercise = run.exercise(attack.student, attack.module)
    task = _task(exercise, attack.task)
    record = json.dumps({**task, "message": exercise["message"]}, ensure_ascii=False)
    assert task["score"] <= attack.want_max, record[:3000]  # (a)
    others = [t for t in exercise["tasks"] if t["task"] != attack.task]
    if attack.rest == "full":
        assert exercise["status"] == "graded"
        assert [t["task"] for t in others if t["score"] != t["max_score"]] == []
    elif attack.rest == "none":
        assert exercise["status"] == "not_gradable" and exercise["score"] == 0
    if attack.says:
        assert re.search(_pattern(attack.says, run.places), record), record[:3000]
    if attack.never:
        assert not re.search(_pattern(attack.never, run.places), record), record[:3000]
    assert run.leftovers(attack.mark) == []  # (c) and (d)
    student = json.dumps(run.results[attack.student])
    assert [c for c in _canaries() if c in student] == []  # (e)


def _canaries() -> list[str]:
    """Strings that may appear in no output at all."""
    secret = SECRET_FILE.read_text(encoding="utf-8").strip()
    return [secret, REFERENCE_CANARY, STUDENT_CANARY, ENV_CANARY, "### BEGIN SOLUTION"]


# ------------------------------------------------------------------ the main run


@pytest.mark.parametrize("attack", MAIN, ids=lambda a: a.student)
def test_attacker_gains_nothing_and_leaves_nothing(main_run: ClassRun, attack: Attack) -> None:
    _check_attacker(main_run, attack)


def test_class_run_ends_normally_and_grades_everyone(main_run: ClassRun) -> None:
    assert main_run.returncode == 0, main_run.stderr[-3000:]
    students = {p.name for p in main_run.class_dir.iterdir()}
    assert set(main_run.results) == students
    for result in main_run.results.values():
        assert "internal_errors" not in result, result["internal_errors"]
        assert len(result["exercises"]) == len(MODULES)
    assert {"grades.csv", "junit.xml", "class.html", "gradebook.sqlite"} <= {
        p.name for p in main_run.out_dir.iterdir()}
    assert len(main_run.stdout) < 20_000_000  # the 10^8-element tensor did not come back


def test_honest_students_get_their_exact_scores(main_run: ClassRun) -> None:
    reference = main_run.results["honest_reference"]
    assert [e["exercise"] for e in reference["exercises"] if e["score"] != e["max_score"]] == []
    assert reference["score"] == reference["max_score"] > 0
    wrong = main_run.exercise("honest_wrong", EX04)
    assert (wrong["score"], _task(wrong, CUBE)["score"]) == (6.0, 0.0)
    assert "no-tape" in _task(wrong, CUBE)["hints"]


def test_outputs_hold_no_reference_secret_or_student_data(main_run: ClassRun) -> None:
    leaked = [canary for canary in _canaries() if canary in main_run.outputs]
    assert leaked == []
    assert main_run.connections == 0  # nothing reached the grader's loopback
    honest = main_run.class_dir / "honest_wrong" / f"{EX04}.py"
    assert honest.read_text(encoding="utf-8").endswith(f"# {STUDENT_CANARY}\n")  # not appended


def test_nothing_outlives_the_run(main_run: ClassRun) -> None:
    assert main_run.processes == []
    assert main_run.files == []


MALFORMED_CASES = [
    ("bad_json_notebook", "not_gradable", r"not a readable notebook"),
    ("invalid_nbformat", "not_gradable", r"not a valid notebook \('outputs' is a required"),
    ("not_utf8", "not_gradable", r"is not UTF-8 text \(byte \d+: 0xe9\)"),
    ("empty_file", "not_gradable", r"ex04_first_order.py is empty"),
    ("binary_file", "not_gradable", r"is a binary file"),
    ("wrong_signature", "graded", r"missing 1 required positional argument: 'y'"),
    ("not_a_function", "graded", r"'cube_gradient' is not a function \(it is of type int\)"),
    ("link_to_solutions", "not_gradable", r"symbolic link to a file outside"),
    ("link_to_passwd", "not_gradable", r"symbolic link to a file outside"),
    ("linked_folder", "not_gradable", r"linked_folder is a symbolic link, not a student folder"),
]


@pytest.mark.parametrize(("student", "status", "message"), MALFORMED_CASES,
                         ids=[case[0] for case in MALFORMED_CASES])
def test_malformed_input_gets_a_clear_message(main_run: ClassRun, student: str, status: str,
                                              message: str) -> None:
    module = EX01 if student == "link_to_passwd" else EX04
    exercise = main_run.exercise(student, module)
    assert exercise["status"] == status and exercise["score"] <= 6.0
    text = exercise["message"] if status == "not_gradable" else _task(exercise, CUBE)["feedback"]
    assert re.search(message, text), text
    assert "root:" not in json.dumps(main_run.results[student])  # /etc/passwd was not read


# ------------------------------------------------------------------ known gaps


@pytest.mark.xfail(strict=True, reason="process checks (uses-tape, nested-tapes, one-tape, "
                   "traces-once, no-full-hessian) read observations the child reports; a child "
                   "that rewrites autograder.observe passes them with a hand-computed value. "
                   "See docs/security.md, 'What it does not guarantee'.")
def test_forged_observations_do_not_beat_an_honest_wrong_answer(main_run: ClassRun) -> None:
    forged = _task(main_run.exercise("forge_observations", EX04), CUBE)["score"]
    assert forged <= _task(main_run.exercise("honest_wrong", EX04), CUBE)["score"]


def test_no_nested_user_namespace(main_run: ClassRun) -> None:
    task = _task(main_run.exercise("nested_userns", EX04), CUBE)
    assert "nested user namespace: refused" in task.get("traceback", "")


# ------------------------------------------------------------------ degraded isolation


@pytest.mark.parametrize("name", DEGRADED)
def test_degraded_mode_still_keeps_scores_out_of_reach(degraded_run: ClassRun, name: str) -> None:
    _check_attacker(degraded_run, BY_NAME[name])


def test_degraded_run_says_so_and_grades_the_honest_exactly(degraded_run: ClassRun) -> None:
    assert degraded_run.returncode == 0, degraded_run.stderr[-3000:]
    assert "isolation is degraded" in degraded_run.stderr
    assert degraded_run.exercise("honest_reference", EX04)["score"] == 8.0
    assert degraded_run.exercise("honest_wrong", EX04)["score"] == 6.0
    assert degraded_run.processes == [] and degraded_run.files == []
