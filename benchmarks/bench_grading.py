"""Benchmark: gradetape's warm sandboxed workers against a process per submission and the floor.

Run by hand (not a test), on an otherwise idle machine::

    .venv/bin/python benchmarks/bench_grading.py --students 100 --jobs 2

It generates a class (correct, wrong, crashing and slow submissions), then measures in ONE run,
side by side, so that machine noise hits every figure alike:

* ``import tensorflow`` in a fresh interpreter (median of 3): the yardstick;
* (a) gradetape at ``--jobs N``: warm workers, one isolated child per module;
* (b) a fresh Python process per submission that imports TensorFlow and grades it in-process
  (what nbgrader / otter-grader pay), on a sample of submissions, extrapolated per student;
* (c) the floor: the same grading work in warm processes with no isolation at all (``N``
  processes, each grading its share of the class in-process, no fork, no sandbox);
and the peak memory (PSS, so pages shared by fork count once) of the whole grading process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SECRET = ROOT / "examples" / "class-secret.txt"

WRONG = {
    "ex03_matmul": "def matmul(a, b):\n    return a * b\n",
    "ex04_first_order": "def cube_gradient(x):\n    v = tf.Variable(int(x))\n"
                        "    with tf.GradientTape() as tape:\n        y = v**3\n"
                        "    return tape.gradient(y, v)\n",
    "ex08_linear_regression": "def mean_squared_error(y_pred, y_true):\n"
                              "    return tf.reduce_sum(tf.square(y_pred - y_true))\n",
}
CRASHING = {
    "ex02_variables": "def reassign(variable, value):\n    raise RuntimeError('oops')\n",
    "ex05_second_order": "def second_derivative(f, x):\n    return undefined_name\n",
    "ex06_watch": "raise ImportError('a broken import at the top of the file')\n",
}
SLOW = {"ex07_persistent_tape": "import time\n\n\ndef chain_rule_gradients(x):\n"
                                "    time.sleep(0.3)\n    return {}\n"}


def chosen_modules() -> list[str]:
    """The modules graded: the eight core ones (as the targets are stated), or every module
    with ``GRADETAPE_BENCH_ALL=1`` (set by ``--all-modules``, read by the helper processes)."""
    from autograder.specs import module_names

    names = module_names()
    return names if os.environ.get("GRADETAPE_BENCH_ALL") == "1" else names[:8]


def make_class(target: Path, students: int, correct_only: bool = False) -> None:
    """60% correct, 20% wrong, 10% crashing, 10% slow (deterministic by index); or all correct."""
    from classgen import write_student

    modules = chosen_modules

    kinds = ["correct"] if correct_only else ["correct"] * 6 + ["wrong"] * 2 + ["crashing", "slow"]
    for i in range(students):
        kind = kinds[i % len(kinds)]
        extra = {"wrong": WRONG, "crashing": CRASHING, "slow": SLOW}.get(kind, {})
        write_student(target / f"s{i:04d}_{kind}", {m: extra.get(m, "") for m in modules()})


def time_import_tensorflow(repeats: int = 3) -> float:
    """Median wall time of ``import tensorflow`` in a fresh interpreter."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import tensorflow"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class InlineRunner:
    """No isolation at all: runs the harness in this very process (benchmark floor only)."""

    def run(self, job: dict[str, Any]) -> Any:
        from autograder import harness

        messages: list[dict[str, Any]] = []
        harness.run_job(job, lambda m: messages.append(json.loads(json.dumps(m))))
        load = messages[0] if messages else {"status": "crashed"}
        calls = {m["index"]: m for m in messages[1:]}
        return SimpleNamespace(load=load, calls=calls, output_tail="", isolation={}, error=None)


def inline_grader() -> Any:
    from autograder import harness
    from autograder.course import Course
    from autograder.engine import Grader
    from autograder.reference import References
    from autograder.secret import load_secret
    from autograder.specs import SPECS

    harness.prepare_worker()
    secret, _ = load_secret(SECRET)
    return Grader(SPECS, References(Course.locate(ROOT)), secret, InlineRunner())


def students_of(folder: Path) -> dict[str, Any]:
    from autograder.specs import module_names
    from autograder.submission import collect

    return collect(folder, module_names())


# ---------------------------------------------------------------- (a) gradetape


def tree_pss_kib(root_pid: int) -> int:
    """PSS of a process and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def run_gradetape(folder: Path, jobs: int, out: Path, reports: bool = True) -> dict[str, Any]:
    """What ``gradetape grade CLASS --out OUT`` does: grade into a gradebook in ``out``, then
    write every report from it; peak memory covers both."""
    from autograder.batch import full_results, grade_class
    from autograder.gradebook import FILENAME, open_gradebook
    from autograder.reports import write_all
    from autograder.session import SessionOptions, open_session

    students = students_of(folder)
    peak = {"kib": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak["kib"] = max(peak["kib"], tree_pss_kib(os.getpid()))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    with open_gradebook(out / FILENAME) as book:
        with open_session(SessionOptions(secret_file=SECRET, jobs=jobs)) as session:
            ready = time.perf_counter()
            batch = grade_class(session, students, book, modules=chosen_modules())
            graded = time.perf_counter()
        if reports:
            write_all(full_results(batch, book), out)
        reported = time.perf_counter()
    stop.set()
    sampler.join()
    scores = {r.student: r.score for r in batch.results}
    return {"startup_s": ready - start, "grading_s": graded - ready, "students": len(students),
            "reports_s": reported - graded,
            "peak_pss_mib": peak["kib"] / 1024, "scores": scores}


# ---------------------------------------------------------------- (b) process per submission


def anchor_one(folder: Path, module: str) -> None:
    """Entry point of one (b) process: import TensorFlow, grade one submission, exit."""
    grader = inline_grader()
    subs = students_of(folder)
    student, modules = next(iter(subs.items()))
    grader.grade_student(student, modules, [module])


def run_anchors(folder: Path, sample: int) -> dict[str, Any]:
    module_names = chosen_modules
    students = sorted(p for p in folder.iterdir() if p.name.endswith("_correct"))
    pairs = [(s, m) for s in students for m in module_names()][:sample]
    times = []
    for student, module in pairs:
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--anchor-one", str(student), module],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return {"submissions": len(times), "per_submission_s": statistics.mean(times),
            "per_student_s": statistics.mean(times) * len(module_names())}


# ---------------------------------------------------------------- (c) the floor


def floor_part(folder: Path, part: int, parts: int) -> None:
    """Entry point of one (c) process: warm up, wait for 'go', grade every parts-th student."""
    grader = inline_grader()
    students = students_of(folder)
    names = sorted(students)[part::parts]
    print("ready", flush=True)
    sys.stdin.readline()
    for name in names:
        grader.grade_student(name, students[name], chosen_modules())
    print("done", flush=True)


def run_floor(folder: Path, parts: int) -> dict[str, Any]:
    procs = [subprocess.Popen([sys.executable, __file__, "--floor-part", str(folder), str(i),
                               str(parts)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True) for i in range(parts)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "done"
        proc.wait()
    return {"grading_s": time.perf_counter() - start, "processes": parts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--anchor-sample", type=int, default=16,
                        help="submissions graded one process each for (b)")
    parser.add_argument("--correct-students", type=int, default=30,
                        help="size of the all-correct class timed for the first target")
    parser.add_argument("--all-modules", action="store_true",
                        help="grade all modules, not only the eight core ones")
    parser.add_argument("--skip-baselines", action="store_true",
                        help="only (a) and memory (for the 100 vs 1000 memory comparison)")
    parser.add_argument("--anchor-one", nargs=2, metavar=("FOLDER", "MODULE"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--floor-part", nargs=3, metavar=("FOLDER", "I", "N"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.all_modules:
        os.environ["GRADETAPE_BENCH_ALL"] = "1"
    if args.anchor_one:
        anchor_one(Path(args.anchor_one[0]), args.anchor_one[1])
        return
    if args.floor_part:
        floor_part(Path(args.floor_part[0]), int(args.floor_part[1]), int(args.floor_part[2]))
        return
    report(args)


def report(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="gradetape-bench-") as tmp:
        folder = Path(tmp) / "class"
        make_class(folder, args.students)
        imp = time_import_tensorflow()
        a = run_gradetape(folder, args.jobs, Path(tmp) / "out")
        per_a = a["grading_s"] / a["students"]
        lines = [f"students: {args.students} x {len(chosen_modules())} modules; jobs: "
                 f"{args.jobs}; cores: {os.cpu_count()}",
                 f"import tensorflow (median of 3): {imp:.2f} s",
                 f"(a) gradetape: {per_a:.3f} s/student ({a['grading_s']:.1f} s grading, "
                 f"{a['startup_s']:.1f} s start-up), {per_a / imp:.3f} x import",
                 f"reports from the gradebook: {a['reports_s']:.1f} s",
                 f"peak PSS of the grading tree (grading and reports): "
                 f"{a['peak_pss_mib']:.0f} MiB"]
        if not args.skip_baselines:
            correct = Path(tmp) / "correct"
            make_class(correct, args.correct_students, correct_only=True)
            ok = run_gradetape(correct, args.jobs, Path(tmp) / "out-correct", reports=False)
            per_ok = ok["grading_s"] / ok["students"]
            lines.append(f"(a') gradetape, all-correct class of {ok['students']}: "
                         f"{per_ok:.3f} s/student, {per_ok / imp:.3f} x import (target < 0.25)")
            b = run_anchors(folder, args.anchor_sample)
            c = run_floor(folder, args.jobs)
            per_c = c["grading_s"] / args.students
            lines += [f"(b) process per submission: {b['per_student_s']:.2f} s/student "
                      f"({b['per_submission_s']:.2f} s x {len(chosen_modules())}, sample of "
                      f"{b['submissions']})",
                      f"(c) floor, {c['processes']} warm unisolated processes: "
                      f"{per_c:.3f} s/student",
                      f"ratios: (a)/(c) = {per_a / per_c:.2f} (target <= 1.5); "
                      f"(b)/(a) = {b['per_student_s'] / per_a:.1f} (target >= 20); "
                      f"(a)/import = {per_a / imp:.3f} (target < 0.25)"]
        print("\n".join(lines))


if __name__ == "__main__":
    main()
