"""Finding and reading submissions; every bad file is a clear not-gradable message."""

from __future__ import annotations

import json
import os

import nbformat
import pytest

from autograder.specs import module_names
from autograder.submission import SubmissionError, collect, module_for

MODULES = module_names()


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("ex04_first_order.py", "ex04_first_order"),
        ("ex04_mine.ipynb", "ex04_first_order"),
        ("EX08.py", "ex08_linear_regression"),
        ("ex99_nothing.py", None),
        ("notes.py", None),
        ("ex04_first_order.txt", None),
    ],
)
def test_module_from_prefix(tmp_path, name, want):
    assert module_for(tmp_path / name, MODULES) == want


def _one(tmp_path, name, data):
    folder = tmp_path / "stu"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    return collect(folder, MODULES)["stu"]


@pytest.mark.parametrize(
    ("name", "data", "want"),
    [
        ("ex01_a.py", b"", "is empty"),
        ("ex01_a.py", b"   \n\n", "is empty"),
        ("ex01_a.py", b"\x7fELF\x00\x00\x01", "binary file"),
        ("ex01_a.py", b"x = '\xff\xfe'\n", "not UTF-8"),
        ("ex01_a.ipynb", b"{not json", "not a readable notebook"),
        ("ex01_a.ipynb", json.dumps({"cells": 3, "nbformat": 4}).encode(), "notebook"),
    ],
)
def test_bad_files_are_not_gradable_with_a_reason(tmp_path, name, data, want):
    sub = _one(tmp_path, name, data)["ex01_constants"]
    assert want in sub.error


def test_symlink_out_of_the_folder_is_refused(tmp_path, root):
    folder = tmp_path / "stu"
    folder.mkdir()
    os.symlink(root / "solutions" / "ex04_first_order.py", folder / "ex04_first_order.py")
    sub = collect(folder, MODULES)["stu"]["ex04_first_order"]
    assert "outside the submission folder" in sub.error
    assert not sub.cells


def test_symlink_inside_the_folder_is_followed(tmp_path):
    folder = tmp_path / "stu"
    (folder / "work").mkdir(parents=True)
    (folder / "work" / "mine.py").write_text("x = 1\n")
    os.symlink(folder / "work" / "mine.py", folder / "ex02_variables.py")
    assert collect(folder, MODULES)["stu"]["ex02_variables"].cells == ("x = 1\n",)


def test_notebook_cells_in_order_and_magics_neutralised(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# title"),
                nbformat.v4.new_code_cell("%matplotlib inline\nimport os"),
                nbformat.v4.new_code_cell("!pip install tensorflow\nx = 1"),
                nbformat.v4.new_code_cell("%%bash\nrm -rf /"),
                nbformat.v4.new_code_cell("os.path?\nfiles = !ls\ny = 2")]
    sub = _one(tmp_path, "ex01_nb.ipynb", nbformat.writes(nb))["ex01_constants"]
    assert sub.is_notebook and len(sub.cells) == 4
    joined = "".join(sub.cells)
    for dangerous in ("\n!pip", "%matplotlib", "\nrm -rf", "= !ls"):
        assert dangerous not in "\n" + "\n".join(
            line for line in joined.splitlines() if not line.lstrip().startswith(("#", "pass")))
    compile(joined, "nb", "exec")
    assert "x = 1" in joined and "y = 2" in joined


def test_two_files_for_one_module_grade_the_newest_and_say_so(tmp_path):
    folder = tmp_path / "stu"
    folder.mkdir()
    (folder / "ex01_old.py").write_text("a = 1\n")
    (folder / "ex01_new.py").write_text("b = 2\n")
    os.utime(folder / "ex01_old.py", (1, 1))
    sub = collect(folder, MODULES)["stu"]["ex01_constants"]
    assert sub.cells == ("b = 2\n",) and "ex01_old.py" in sub.note


def test_a_path_that_is_not_a_submission_is_a_usage_error(tmp_path):
    with pytest.raises(SubmissionError, match="no such file"):
        collect(tmp_path / "missing", MODULES)
    (tmp_path / "notes.txt").write_text("hi")
    with pytest.raises(SubmissionError, match="not a submission"):
        collect(tmp_path / "notes.txt", MODULES)


def test_a_class_folder_reads_each_file_when_it_is_graded_not_up_front(tmp_path):
    # A class of 1,000 held in memory up front cost the grader 160 MiB; files are read on lookup.
    for student in ("ann", "bob"):
        (tmp_path / student).mkdir()
        (tmp_path / student / "ex01_constants.py").write_text(f"who = {student!r}\n")
    students = collect(tmp_path, MODULES)
    (tmp_path / "bob" / "ex01_constants.py").write_text("who = 'edited after listing'\n")
    assert list(students) == ["ann", "bob"] and list(students["bob"]) == ["ex01_constants"]
    assert students["bob"]["ex01_constants"].cells == ("who = 'edited after listing'\n",)
    assert students["ann"].get("ex02_variables") is None
    (tmp_path / "ann" / "ex01_constants.py").unlink()  # gone before grading: not gradable
    assert "not a regular file" in students["ann"]["ex01_constants"].error
