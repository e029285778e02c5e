"""The Gradescope autograder zip (``gradetape export gradescope ZIP``).

At the root of the zip, as Gradescope wants it (https://gradescope-autograders.readthedocs.io/en/
latest/specs/): ``setup.sh`` (builds a venv and installs the bundled gradetape with the pinned
versions of ``constraints.txt``), ``run_autograder`` (grades ``/autograder/submission`` with
``python -m autograder.cli grade --json`` and converts the result with
``python -m autograder.reports.gradescope``), ``gradetape-secret`` (a new course secret, so the
hidden inputs on Gradescope are not those of any local secret), and the course itself:
``autograder/``, ``solutions/``, ``pyproject.toml``, ``constraints.txt``, ``README.md``.
The scripts live in ``gradescope_files/`` next to this module.
"""

from __future__ import annotations

import os
import re
import secrets
import zipfile
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

BUNDLED = ("autograder", "solutions", "pyproject.toml", "constraints.txt", "README.md")
SECRET_FILE = "gradetape-secret"
SCRIPTS = ("setup.sh", "run_autograder")
_SKIPPED_PARTS = ("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache")
_SKIPPED_SUFFIXES = (".pyc", ".pyo")
_MODULE_NAME = re.compile(r"^ex\d{2}_[a-z0-9_]+$")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same course gives the same entries


class ExportError(RuntimeError):
    """The course cannot be exported (a file is missing or a module name is unknown)."""


def build_autograder_zip(course_root: Path, out_zip: Path, *,
                         modules: Sequence[str] | None = None,
                         secret: str | None = None) -> Path:
    """Write the autograder zip for the course at ``course_root`` to ``out_zip``; return it.

    ``modules`` limits grading to the modules of one Gradescope assignment (default: all).
    ``secret`` is for tests; by default a new one is drawn with :func:`secrets.token_hex`.
    """
    root = course_root.resolve()
    missing = [name for name in BUNDLED if not (root / name).exists()]
    if missing:
        raise ExportError(f"{root} lacks {', '.join(missing)}: cannot build the autograder")
    chosen = check_modules(root, modules or ())
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    partial = out_zip.with_name(out_zip.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in SCRIPTS:
            text = script(name).replace("@MODULES@", ",".join(chosen))
            _add(archive, name, text.encode("utf-8"), 0o755)
        _add(archive, SECRET_FILE, (secret or secrets.token_hex(32)).encode() + b"\n", 0o600)
        for path in bundled_files(root):
            name = path.relative_to(root).as_posix()
            # The references are for the grader (root on Gradescope) alone: a sandboxed
            # child runs as nobody and must not read them even where isolation is degraded.
            mode = 0o600 if name.startswith("solutions/") else 0o644
            _add(archive, name, path.read_bytes(), mode)
    partial.replace(out_zip)
    return out_zip


def check_modules(root: Path, modules: Sequence[str]) -> list[str]:
    """``modules``, each checked to be a module of the course (it has a solution)."""
    for module in modules:
        if not _MODULE_NAME.match(module) or not (root / "solutions" / f"{module}.py").is_file():
            raise ExportError(f"unknown module {module!r}: no solutions/{module}.py")
    return list(modules)


def script(name: str) -> str:
    """The text of one of the zip's scripts (``setup.sh``, ``run_autograder``)."""
    return (resources.files("autograder.export") / "gradescope_files" / name).read_text("utf-8")


def bundled_files(root: Path) -> Iterator[Path]:
    """The course files that go into the zip: no caches, no links, nothing hidden."""
    for name in BUNDLED:
        top = root / name
        if top.is_file() and not top.is_symlink():
            yield top
            continue
        for path in sorted(top.rglob("*")):
            parts = path.relative_to(root).parts
            if (path.is_symlink() or not path.is_file() or path.suffix in _SKIPPED_SUFFIXES
                    or any(p in _SKIPPED_PARTS or p.startswith(".") for p in parts)):
                continue
            yield path


def _add(archive: zipfile.ZipFile, name: str, data: bytes, mode: int) -> None:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.external_attr = (0o100000 | mode) << 16  # a regular file with these permissions
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so unzip honours the permissions
    archive.writestr(info, data)


def unpack(zip_path: Path, target: Path) -> Path:
    """Extract ``zip_path`` into ``target`` keeping the executable bits (for local dry runs)."""
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            path = Path(archive.extract(info, target))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(path, mode)
    return target
