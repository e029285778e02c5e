"""Stub generation from the solution regions, and the in-sync check CI relies on."""

from __future__ import annotations

import ast
import shutil

import pytest

from autograder.build import BuildError, build_exercises, out_of_sync, strip_solutions
from autograder.course import Course

SOURCE = '''def f(x):
    """Doc."""
    ### BEGIN SOLUTION
    y = x + 1
    return y
    ### END SOLUTION


class K:
    def g(self):
        ### BEGIN SOLUTION
        return 2
        ### END SOLUTION
'''


def test_regions_become_not_implemented_at_their_indentation():
    out = strip_solutions(SOURCE)
    assert "x + 1" not in out and "return 2" not in out
    assert '    """Doc."""\n    raise NotImplementedError\n' in out
    assert "        raise NotImplementedError\n" in out
    ast.parse(out)


@pytest.mark.parametrize(
    ("source", "want"),
    [
        ("    ### END SOLUTION\n", "without BEGIN"),
        ("    ### BEGIN SOLUTION\n    x = 1\n", "never closed"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n", "inside another region"),
    ],
)
def test_unbalanced_markers_are_errors_with_a_line(source, want):
    with pytest.raises(BuildError, match=want):
        strip_solutions(source, "ex.py")


def test_committed_exercises_are_in_sync(course):
    assert out_of_sync(course) == []


def test_stubs_keep_signatures_and_docstrings_and_hide_solutions(course):
    for solution in sorted(course.solutions.glob("ex*.py")):
        stub = (course.exercises / solution.name).read_text()
        ref_tree, stub_tree = ast.parse(solution.read_text()), ast.parse(stub)
        ref_funcs = {n.name: n for n in ast.walk(ref_tree) if isinstance(n, ast.FunctionDef)}
        stub_funcs = {n.name: n for n in ast.walk(stub_tree) if isinstance(n, ast.FunctionDef)}
        assert set(ref_funcs) == set(stub_funcs), solution.name
        for name, ref in ref_funcs.items():
            assert ast.get_docstring(ref) == ast.get_docstring(stub_funcs[name])
            assert ast.dump(ref.args) == ast.dump(stub_funcs[name].args)
        assert "BEGIN SOLUTION" not in stub


def test_a_changed_solution_makes_the_stubs_stale_until_rebuilt(course, tmp_path):
    shutil.copytree(course.solutions, tmp_path / "solutions")
    shutil.copytree(course.exercises, tmp_path / "exercises")
    copy = Course(tmp_path)
    target = copy.solutions / "ex01_constants.py"
    target.write_text(target.read_text() + "\n# an edit\n")
    assert [p.name for p in out_of_sync(copy)] == ["ex01_constants.py"]
    assert build_exercises(copy).written
    assert out_of_sync(copy) == []
