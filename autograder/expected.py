"""Expected outputs of the PUBLIC cases, precomputed so that checks run without the references.

A student's self-check (:mod:`autograder.selfcheck`) and the public half of an nbgrader test cell
(:mod:`autograder.nbgrader_tests`) run on machines that must never hold ``solutions/``. They read
what the references return on the public inputs from ``autograder/public_expected.json``, which
``gradetape build`` regenerates (:func:`write_public_expected`) and a test keeps in sync
(:func:`expected_out_of_sync`). Hidden cases are never stored here: their inputs are drawn per
student and their expected values exist only on the grader's machine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autograder.build import BuildResult
from autograder.course import Course

EXPECTED_FILE = Path(__file__).with_name("public_expected.json")
FORMAT = 1
PUBLIC_SEED_KEY = b"public"  # the engine seeds public calls with derive_seed(b"public", ...)


class ExpectedDataError(RuntimeError):
    """The shipped expected outputs are missing or do not match the task specs."""


def public_seed(module: str, task: str, number: int) -> int:
    """The seed the grader uses for public case ``number`` (1-based) of ``task``."""
    from autograder.secret import derive_seed

    return derive_seed(PUBLIC_SEED_KEY, module, task, number)


def compute_public_expected(course: Course) -> dict[str, Any]:
    """Run the references on every public case; returns the data :data:`EXPECTED_FILE` holds."""
    from autograder.reference import References
    from autograder.specs import SPECS

    references = References(course)
    modules: dict[str, Any] = {}
    for spec in SPECS.values():
        tasks: dict[str, Any] = {}
        for task in spec.tasks:
            tasks[task.name] = [
                _stored(list(args), references.call(spec.name, task.name, list(args),
                                                    public_seed(spec.name, task.name, number)))
                for number, args in enumerate(task.public, start=1)
            ]
        modules[spec.name] = tasks
    return {"format": FORMAT, "generated_by": "gradetape build (autograder.expected)",
            "modules": modules}


def _stored(args: list[Any], record: dict[str, Any]) -> dict[str, Any]:
    # Observations hold object ids and timings: they vary between runs and no check reads the
    # reference's, so only what the comparison needs is kept.
    return {"args": args, "output": record["output"], "args_after": record["args_after"]}


def render(data: dict[str, Any]) -> str:
    """The file's text: stable key order, one case a line (readable diffs), byte-reproducible."""
    def dump(value: Any) -> str:
        return json.dumps(value, sort_keys=True, separators=(",", ":"))

    lines = ["{", f' "format": {dump(data["format"])},',
             f' "generated_by": {dump(data["generated_by"])},', ' "modules": {']
    modules = sorted(data["modules"].items())
    for m, (module, tasks) in enumerate(modules):
        lines.append(f"  {dump(module)}: {{")
        for t, (task, cases) in enumerate(sorted(tasks.items())):
            body = ",\n".join(f"    {dump(case)}" for case in cases)
            comma = "," if t < len(tasks) - 1 else ""
            lines.append(f"   {dump(task)}: [\n{body}\n   ]{comma}")
        lines.append("  }" + ("," if m < len(modules) - 1 else ""))
    return "\n".join([*lines, " }", "}"]) + "\n"


def write_public_expected(course: Course, path: Path = EXPECTED_FILE,
                          check_only: bool = False) -> BuildResult:
    """Regenerate the public cases' expected outputs (``check_only``: report whether stale).

    Writing replaces the file whenever its text differs; checking uses
    :func:`expected_out_of_sync`, which tolerates last-bit differences between machines.
    """
    if check_only:
        return BuildResult((), (path,) if expected_out_of_sync(course, path) else ())
    text = render(compute_public_expected(course))
    if path.is_file() and path.read_text() == text:
        return BuildResult((), ())
    path.write_text(text)
    return BuildResult((path,), (path,))


def load_public_expected(path: Path = EXPECTED_FILE) -> dict[str, Any]:
    """The shipped data; raises :class:`ExpectedDataError` when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ExpectedDataError(f"cannot read {path.name} ({exc}); run `gradetape build`") from None
    if data.get("format") != FORMAT:
        raise ExpectedDataError(f"{path.name} has format {data.get('format')!r}, "
                                f"expected {FORMAT}; run `gradetape build`")
    return data


def public_records(module: str, task: str, data: dict[str, Any] | None = None) -> list[Any]:
    """The stored cases of one task, checked against the spec's public inputs."""
    from autograder.specs import SPECS

    data = data if data is not None else load_public_expected()
    spec_args = [list(args) for args in SPECS[module].task(task).public]
    stored = data["modules"].get(module, {}).get(task)
    if stored is None or [case["args"] for case in stored] != spec_args:
        raise ExpectedDataError(f"the stored expected outputs of {module}.{task} do not match "
                                f"its public cases; run `gradetape build`")
    return list(stored)


def expected_out_of_sync(course: Course, path: Path = EXPECTED_FILE) -> list[str]:
    """Cases whose stored expectation differs from the references' (empty when in sync).

    Values are compared with the grader's own tolerances, so last-bit differences between
    machines do not make the file stale; inputs, kinds, shapes and dtypes must match exactly.
    """
    from autograder.compare import compare
    from autograder.scoring import options_for
    from autograder.specs import SPECS

    try:
        stored = load_public_expected(path)["modules"]
    except ExpectedDataError as exc:
        return [str(exc)]
    fresh = compute_public_expected(course)["modules"]
    stale = sorted(set(stored) ^ set(fresh))
    for module, tasks in fresh.items():
        for name, cases in tasks.items():
            old = stored.get(module, {}).get(name)
            if old is None or [c["args"] for c in old] != [c["args"] for c in cases]:
                stale.append(f"{module}.{name}: public inputs changed")
                continue
            options = options_for(SPECS[module].task(name))
            for number, (new, mine) in enumerate(zip(cases, old), start=1):
                if _differs(new, mine, options, compare):
                    stale.append(f"{module}.{name}: public case {number} changed")
    return stale


def _differs(new: dict[str, Any], old: dict[str, Any], options: Any, compare: Any) -> bool:
    if compare(new["output"], old["output"], options) is not None:
        return True
    if len(new["args_after"]) != len(old["args_after"]):
        return True
    for after_new, after_old in zip(new["args_after"], old["args_after"]):
        if (after_new is None) != (after_old is None):
            return True
        if after_new is not None and compare(after_new, after_old, options) is not None:
            return True
    return False
