"""Finding and reading submissions: one student's folder or single files, ``.py`` or ``.ipynb``.

Reading happens in the trusted grader, so it is defensive: sizes are capped, symlinks may not leave
the student's folder (a link to ``solutions/`` would otherwise hand the reference to the sandbox
as if the student wrote it), and every unreadable file becomes a clear not-gradable message.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from autograder.notebook import NotebookError, notebook_cells

MAX_PY_BYTES = 1_000_000
MAX_NOTEBOOK_BYTES = 20_000_000
SUFFIXES = (".py", ".ipynb")
_PREFIX = re.compile(r"^(ex\d{2})(?:[_\-.]|$)", re.IGNORECASE)


class SubmissionError(ValueError):
    """A path given on the command line is not a submission (a usage error)."""


@dataclass(frozen=True)
class Submission:
    """The code of one module of one student, or why it cannot be graded."""

    student: str
    module: str
    path: Path
    cells: tuple[str, ...] = ()
    is_notebook: bool = False
    error: str = ""
    note: str = ""


def content_hash(submission: Submission | None) -> str:
    """What identifies a submission's content (its cells, or its error, or its absence)."""
    if submission is None:
        return "missing"
    digest = hashlib.sha256()
    for part in (submission.error, submission.path.name, *submission.cells):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def module_for(path: Path, modules: list[str]) -> str | None:
    """The module a file submits, from its ``exNN`` prefix (``ex04_mine.ipynb`` → ex04_...)."""
    match = _PREFIX.match(path.name)
    if not match or path.suffix.lower() not in SUFFIXES:
        return None
    prefix = match.group(1).lower()
    return next((m for m in modules if m.startswith(prefix + "_")), None)


def collect(path: Path, modules: list[str]) -> dict[str, Mapping[str, Submission]]:
    """Submissions under ``path`` (a file, one student's folder or a class folder), as
    student → module → one. Folders are read lazily (:class:`StudentFolder`)."""
    if not path.exists() and not path.is_symlink():
        raise SubmissionError(f"{path}: no such file or folder")
    if path.is_dir():
        if is_class_folder(path, modules):
            return _collect_class(path, modules)
        return {path.resolve().name: _collect_folder(path, modules)}
    module = module_for(path, modules)
    if module is None:
        raise SubmissionError(f"{path}: not a submission (expected exNN_*.py or exNN_*.ipynb "
                              f"with NN one of {', '.join(m[2:4] for m in modules)})")
    student = path.resolve().parent.name
    return {student: {module: read(student, module, path, path.parent)}}


def is_class_folder(path: Path, modules: list[str]) -> bool:
    """A folder of student folders: sub-folders and no submission files of its own."""
    entries = [p for p in path.iterdir() if not p.name.startswith(".")]
    return (not any(module_for(p, modules) for p in entries if p.is_file())
            and any(p.is_dir() for p in entries))


def _collect_class(path: Path, modules: list[str]) -> dict[str, Mapping[str, Submission]]:
    students: dict[str, Mapping[str, Submission]] = {}
    for folder in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.is_symlink():  # it could point at the course's solutions/
            message = f"{folder.name} is a symbolic link, not a student folder"
            students[folder.name] = {m: Submission(folder.name, m, folder, error=message)
                                     for m in modules}
            continue
        students[folder.name] = _collect_folder(folder, modules)
    return students


class StudentFolder(Mapping[str, Submission]):
    """One student's submissions, module → :class:`Submission`, read from disk on each lookup.

    Listing the folder is cheap and done at once; a file is read only when its module is looked
    up, and the content is not kept, so a class of any size costs the grader the same memory
    (a class of 1,000 held up front cost 160 MiB). The choice among several files submitting
    one module (the newest) is made when listing.
    """

    def __init__(self, folder: Path, modules: list[str]) -> None:
        self.folder = folder
        self.student = folder.resolve().name
        found: dict[str, list[Path]] = {}
        for file in sorted(folder.iterdir()):
            module = module_for(file, modules)
            if module:
                found.setdefault(module, []).append(file)
        self._files = found
        self._chosen = {module: max(files, key=lambda f: (f.lstat().st_mtime, f.name))
                        for module, files in found.items()}

    def __getitem__(self, module: str) -> Submission:
        chosen = self._chosen[module]
        sub = read(self.student, module, chosen, self.folder)
        files = self._files[module]
        if len(files) > 1:
            others = ", ".join(f.name for f in files if f != chosen)
            note = (f"{len(files)} files submit {module}; graded {chosen.name} (newest), "
                    f"not {others}")
            sub = Submission(**{**sub.__dict__, "note": note})
        return sub

    def __iter__(self) -> Iterator[str]:
        return iter(self._chosen)

    def __len__(self) -> int:
        return len(self._chosen)

    def __repr__(self) -> str:
        return f"StudentFolder({str(self.folder)!r}, modules={list(self._chosen)})"


def _collect_folder(folder: Path, modules: list[str]) -> Mapping[str, Submission]:
    return StudentFolder(folder, modules)


def read(student: str, module: str, path: Path, folder: Path) -> Submission:
    """Read one submission file; problems become ``Submission.error``, never exceptions."""
    def fail(message: str) -> Submission:
        return Submission(student, module, path, error=message)

    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(folder.resolve()):
            return fail(f"{path.name} is a symbolic link to a file outside the submission folder")
    if not path.is_file():
        return fail(f"{path.name} is not a regular file")
    notebook = path.suffix.lower() == ".ipynb"
    limit = MAX_NOTEBOOK_BYTES if notebook else MAX_PY_BYTES
    size = path.stat().st_size
    if size > limit:
        return fail(f"{path.name} is {size:,} bytes, over the {limit:,}-byte limit")
    data = path.read_bytes()
    if not data.strip():
        return fail(f"{path.name} is empty")
    if b"\x00" in data:
        return fail(f"{path.name} is a binary file, not Python source or a notebook")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return fail(f"{path.name} is not UTF-8 text (byte {exc.start}: {data[exc.start]:#04x})")
    if not notebook:
        return Submission(student, module, path, cells=(text,))
    try:
        cells = notebook_cells(text)
    except NotebookError as exc:
        return fail(f"{path.name}: {exc}")
    return Submission(student, module, path, cells=tuple(cells), is_notebook=True)
