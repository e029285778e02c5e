"""The reference solutions in ``solutions/`` checked against independent mathematics.

The grader's expected values come from running these references, so a wrong reference would
silently grade every student wrong. Here each task is checked against something the reference
did not compute itself: worked examples from the course text, closed-form derivatives, float64
central finite differences, NumPy linear algebra and a NumPy implementation of gradient
descent. Callables come from the grader's own catalog (:mod:`autograder.functions`), the same
closures the grader hands to the references.
"""

from __future__ import annotations

import contextlib
import importlib.util
import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
import tensorflow as tf

from autograder import functions
from autograder.specs import SPECS

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"

# ------------------------------------------------------------------ loading the references

ALIASES = {
    "ex01": "ex01_constants",
    "ex02": "ex02_variables",
    "ex03": "ex03_matmul",
    "ex04": "ex04_first_order",
    "ex05": "ex05_second_order",
    "ex06": "ex06_watch",
    "ex07": "ex07_persistent_tape",
    "ex08": "ex08_linear_regression",
}


def _load(name: str) -> ModuleType:
    """Import ``solutions/<name>.py`` by path, under a name no other test uses."""
    spec = importlib.util.spec_from_file_location(f"_reference_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"cannot load solutions/{name}.py"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_fixture(alias: str) -> Any:
    @pytest.fixture(scope="module", name=alias)
    def fixture() -> ModuleType:
        return _load(ALIASES[alias])

    return fixture


ex01 = _reference_fixture("ex01")
ex02 = _reference_fixture("ex02")
ex03 = _reference_fixture("ex03")
ex04 = _reference_fixture("ex04")
ex05 = _reference_fixture("ex05")
ex06 = _reference_fixture("ex06")
ex07 = _reference_fixture("ex07")
ex08 = _reference_fixture("ex08")

# The eight core modules are checked here; ex09-ex11 have tests/test_advanced_modules.py.
ALL_TASKS = [(spec.name, task.name) for spec in SPECS.values() for task in spec.tasks
             if spec.name in ALIASES.values()]


def test_all_core_modules_and_tasks_are_listed() -> None:
    assert sorted(ALIASES.values()) == sorted(SPECS)[:8]
    assert len(ALL_TASKS) == 31


@pytest.mark.parametrize(("module", "task"), ALL_TASKS, ids=[f"{m}.{t}" for m, t in ALL_TASKS])
def test_every_task_is_a_function_that_this_file_calls(
    request: pytest.FixtureRequest, module: str, task: str
) -> None:
    alias = next(a for a, name in ALIASES.items() if name == module)
    reference = request.getfixturevalue(alias)
    assert callable(getattr(reference, task, None)), f"solutions/{module}.py lacks {task}"
    source = Path(__file__).read_text(encoding="utf-8")
    assert re.search(rf"\b{alias}\.{task}\(", source), f"no test here calls {alias}.{task}"


# ------------------------------------------------------------------ independent helpers

F64 = tf.float64


def catalog(name: str, **params: Any) -> Callable[..., Any]:
    return functions.build(name, params)


def numeric(f: Callable[..., Any]) -> Callable[..., np.ndarray]:
    """``f`` evaluated on float64 NumPy values (forward pass only, no tape)."""
    return lambda *xs: np.asarray(f(*(tf.constant(x, F64) for x in xs)).numpy(), np.float64)


def fd1(f: Callable[[Any], Any], x: Any, h: float = 1e-5) -> np.ndarray:
    """Central first difference, O(h²)."""
    g, x = numeric(f), np.asarray(x, np.float64)
    return (g(x + h) - g(x - h)) / (2 * h)


def fd2(f: Callable[[Any], Any], x: Any, h: float = 1e-3) -> np.ndarray:
    """Central second difference, O(h²)."""
    g, x = numeric(f), np.asarray(x, np.float64)
    return (g(x + h) - 2 * g(x) + g(x - h)) / h**2


def fd3(f: Callable[[Any], Any], x: Any, h: float = 2e-3) -> np.ndarray:
    """Central third difference, O(h²)."""
    g, x = numeric(f), np.asarray(x, np.float64)
    return (g(x + 2 * h) - 2 * g(x + h) + 2 * g(x - h) - g(x - 2 * h)) / (2 * h**3)


TOL1 = {"rtol": 1e-6, "atol": 1e-7}  # first-order FD, h = 1e-5, float64
TOL2 = {"rtol": 1e-5, "atol": 1e-5}  # second-order FD, h = 1e-3
TOL3 = {"rtol": 1e-4, "atol": 1e-4}  # third-order FD, h = 2e-3
TOL32 = {"rtol": 1e-5, "atol": 1e-5}  # float32 results against exact values


def value(t: Any) -> np.ndarray:
    assert t is not None, "got None instead of a tensor"
    return np.asarray(t.numpy() if hasattr(t, "numpy") else t)


def check_f64(t: Any, shape: tuple[int, ...] = ()) -> np.ndarray:
    """The reference computed in float64 (so FD tolerances apply) and kept the shape."""
    assert t is not None, "got None instead of a tensor"
    assert t.dtype == tf.float64, f"dtype {t.dtype.name}, want float64 for a float64 input"
    assert tuple(t.shape) == shape
    return value(t)


def x64(x: Any) -> tf.Tensor:
    return tf.constant(x, F64)


# Smooth catalog functions (their first three derivatives are not identically zero) and points.
SMOOTH = [
    ("poly", {"coeffs": [1.0, -2.0, 0.5, 1.5]}),
    ("poly", {"coeffs": [0.3, 0.0, -1.2, 0.4, 0.8]}),
    ("sin", {"a": 1.3, "b": 0.7}),
    ("cos", {"a": -0.8, "b": 1.1}),
    ("exp", {"a": 0.6, "b": -0.9}),
    ("tanh", {"a": 1.7, "b": 0.5}),
    ("sigmoid", {"a": 2.0, "b": 0.8}),
    ("x_sin", {"a": 1.4}),
]
POINTS = [-1.7, -0.35, 0.6, 1.9]
FN_POINTS = [
    pytest.param(name, params, x, id=f"{functions.label(name, params)} @ {x}")
    for name, params in SMOOTH
    for x in POINTS
]


# ------------------------------------------------------------------ closed forms


def _closed_form(name: str, p: dict[str, Any], order: int, x: float) -> float:
    """The ``order``-th derivative of a catalog function, written out by hand."""
    if name == "poly":
        c = np.polynomial.polynomial.polyder(np.asarray(p["coeffs"], float), order)
        return float(np.polynomial.polynomial.polyval(x, c))
    a, b = p.get("a", 1.0), p.get("b", 1.0)
    u = b * x
    if name == "sin":
        return a * b**order * [math.sin(u), math.cos(u), -math.sin(u), -math.cos(u)][order]
    if name == "exp":
        return a * b**order * math.exp(u)
    if name == "tanh":
        t = math.tanh(u)
        return a * b**order * [t, 1 - t**2, -2 * t * (1 - t**2), (1 - t**2) * (6 * t**2 - 2)][order]
    raise AssertionError(name)


CLOSED = [
    ("sin", {"a": 1.0, "b": 1.0}),
    ("sin", {"a": -1.5, "b": 0.8}),
    ("exp", {"a": 1.0, "b": 1.0}),
    ("exp", {"a": 0.7, "b": -1.2}),
    ("tanh", {"a": 1.0, "b": 1.0}),
    ("tanh", {"a": -1.3, "b": 0.6}),
    ("poly", {"coeffs": [0, 0, 0, 1]}),
    ("poly", {"coeffs": [2.0, -1.0, 0.5, 1.5, -0.25]}),
]
CLOSED_POINTS = [
    pytest.param(name, params, x, id=f"{functions.label(name, params)} @ {x}")
    for name, params in CLOSED
    for x in (-1.2, 0.3, 0.9, 2.5)  # not 0.0: TF's pow gradient makes d²(x**1)/dx² NaN there
]


def test_closed_forms_agree_with_finite_differences() -> None:
    """The hand-written closed forms used below are themselves right (checked by FD)."""
    for name, params in CLOSED:
        f = catalog(name, **params)
        for x in (-0.7, 1.1):
            np.testing.assert_allclose(_closed_form(name, params, 1, x), fd1(f, x), **TOL1)
            np.testing.assert_allclose(_closed_form(name, params, 2, x), fd2(f, x), **TOL2)
            np.testing.assert_allclose(_closed_form(name, params, 3, x), fd3(f, x), **TOL3)


# ================================================================== ex01 constants


@pytest.mark.parametrize(
    ("values", "want_shape", "want_dtype"),
    [
        ([[10, 20, 30]], (1, 3), tf.int32),
        ([1.5, 2.0], (2,), tf.float32),
        (7, (), tf.int32),
        ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], (3, 2), tf.float32),
    ],
)
def test_make_constant(ex01: ModuleType, values: Any, want_shape: tuple, want_dtype: Any) -> None:
    t = ex01.make_constant(values)
    assert isinstance(t, tf.Tensor) and not isinstance(t, tf.Variable)
    assert tuple(t.shape) == want_shape
    assert t.dtype == want_dtype
    np.testing.assert_array_equal(t.numpy(), np.asarray(values))


@pytest.mark.parametrize(
    ("values", "want"),
    [
        pytest.param([[1, 2], [3, 4]], np.array([[1, 2], [3, 4]], np.float32), id="int-list"),
        pytest.param([0.5, 1.5], np.array([0.5, 1.5], np.float32), id="float-list"),
        pytest.param(np.array([1.5, 2.5]), np.array([1.5, 2.5], np.float32), id="f64-ndarray"),
        pytest.param(np.array([0.1, 1e10]), np.array([0.1, 1e10], np.float32), id="f64-rounded"),
        pytest.param(
            np.arange(6).reshape(2, 3),
            np.arange(6, dtype=np.float32).reshape(2, 3),
            id="int64-ndarray",
        ),
        pytest.param(tf.constant([7, 8]), np.array([7.0, 8.0], np.float32), id="int32-tensor"),
        pytest.param(tf.constant([0.25], F64), np.array([0.25], np.float32), id="f64-tensor"),
        pytest.param(tf.constant(3.0), np.float32(3.0), id="f32-scalar"),
    ],
)
def test_to_float32(ex01: ModuleType, values: Any, want: np.ndarray) -> None:
    t = ex01.to_float32(values)
    assert isinstance(t, tf.Tensor)
    assert t.dtype == tf.float32
    assert tuple(t.shape) == np.shape(want)
    np.testing.assert_array_equal(t.numpy(), want)


@pytest.mark.parametrize(
    "want",
    [
        np.array([[1.0, 2.0]], np.float32),
        np.array([1, 2], np.int32),
        np.array(2.5, np.float64),
        np.array(np.arange(24).reshape(2, 3, 4), np.float64),
    ],
    ids=["f32-row", "int32", "f64-scalar", "f64-rank3"],
)
def test_to_numpy(ex01: ModuleType, want: np.ndarray) -> None:
    for source in (tf.constant(want), tf.Variable(want)):
        got = ex01.to_numpy(source)
        assert isinstance(got, np.ndarray)
        assert got.dtype == want.dtype
        assert got.shape == want.shape
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    ("tensor", "want"),
    [
        (tf.constant([[10, 20, 30]]), ((1, 3), "int32")),
        (tf.constant(2.5), ((), "float32")),
        (tf.constant(np.zeros((2, 0, 4))), ((2, 0, 4), "float64")),
        (tf.Variable([1.0, 2.0]), ((2,), "float32")),
    ],
    ids=["row-int32", "scalar", "empty-f64", "variable"],
)
def test_shape_and_dtype(ex01: ModuleType, tensor: Any, want: tuple) -> None:
    shape, dtype = ex01.shape_and_dtype(tensor)
    assert (shape, dtype) == want
    assert type(shape) is tuple and all(type(d) is int for d in shape)
    assert type(dtype) is str


# ================================================================== ex02 variables


@pytest.mark.parametrize(
    ("initial", "want_dtype"),
    [
        (5, tf.int32),
        ([1.0, 2.0], tf.float32),
        (np.array([[0.5], [1.5]]), tf.float64),
        (tf.constant([3.0, 4.0], F64), tf.float64),
    ],
    ids=["int", "float-list", "f64-ndarray", "f64-tensor"],
)
def test_make_variable(ex02: ModuleType, initial: Any, want_dtype: Any) -> None:
    v = ex02.make_variable(initial)
    assert isinstance(v, tf.Variable)
    assert v.dtype == want_dtype
    assert v.trainable
    np.testing.assert_array_equal(v.numpy(), np.asarray(initial))


@pytest.mark.parametrize(
    ("initial", "new", "want"),
    [(5, 10, 10), (1.5, -2.0, -2.0), ([1.0, 2.0], [3.0, 4.0], [3.0, 4.0])],
)
def test_reassign_updates_the_same_variable(ex02: ModuleType, initial, new, want) -> None:
    v = tf.Variable(initial)
    alias = v
    result = ex02.reassign(v, new)
    assert result is v
    np.testing.assert_array_equal(alias.numpy(), want)


@pytest.mark.parametrize(
    ("initial", "amount", "want"),
    [
        (10, 3, 7),
        (1.0, 0.2, 0.8),
        (np.array([1.0, 2.0]), np.array([0.5, 0.5]), np.array([0.5, 1.5])),
        (np.array([[1.0, 2.0]]), np.array([[1.5, -0.5]]), np.array([[-0.5, 2.5]])),
    ],
)
def test_decrement_updates_the_same_variable(ex02: ModuleType, initial, amount, want) -> None:
    v = tf.Variable(initial)
    result = ex02.decrement(v, amount)
    assert result is v
    np.testing.assert_allclose(v.numpy(), want, rtol=1e-6)


@pytest.mark.parametrize("initial", [1.0, [1.0, 2.0], 0, np.array([[1.0, -1.0]])])
def test_make_frozen_variable(ex02: ModuleType, initial: Any) -> None:
    v = ex02.make_frozen_variable(initial)
    assert isinstance(v, tf.Variable)
    assert v.trainable is False
    np.testing.assert_array_equal(v.numpy(), np.asarray(initial))
    with tf.GradientTape() as tape:  # not watched automatically: that is what frozen means
        y = tf.reduce_sum(tf.cast(v, tf.float32) ** 2)
    assert tape.gradient(y, v) is None


# ================================================================== ex03 matmul

RNG = np.random.default_rng(20240601)


@pytest.mark.parametrize(
    ("a", "b", "want_dtype"),
    [
        ([[1, 2], [3, 4]], [[10, 20], [30, 40]], tf.int32),
        (
            RNG.integers(-50, 50, (3, 4)).astype(np.int32),
            RNG.integers(-50, 50, (4, 2)).astype(np.int32),
            tf.int32,
        ),
        (
            np.round(RNG.uniform(-3, 3, (2, 5)), 2).astype(np.float32),
            np.round(RNG.uniform(-3, 3, (5, 3)), 2).astype(np.float32),
            tf.float32,
        ),
        (RNG.normal(size=(4, 3)), RNG.normal(size=(3, 1)), tf.float64),
        (tf.constant(RNG.normal(size=(2, 2))), tf.Variable(RNG.normal(size=(2, 3))), tf.float64),
    ],
    ids=["list", "int32", "float32", "float64", "tensor-variable"],
)
def test_matmul_matches_numpy(ex03: ModuleType, a: Any, b: Any, want_dtype: Any) -> None:
    want = np.matmul(np.asarray(a), np.asarray(b))
    got = ex03.matmul(a, b)
    assert tuple(got.shape) == want.shape
    assert got.dtype == want_dtype
    np.testing.assert_allclose(got.numpy(), want, rtol=1e-6, atol=1e-6)


def test_matmul_worked_example(ex03: ModuleType) -> None:
    got = ex03.matmul([[1, 2], [3, 4]], [[10, 20], [30, 40]])
    assert got.dtype == tf.int32
    np.testing.assert_array_equal(got.numpy(), [[70, 100], [150, 220]])


@pytest.mark.parametrize(
    ("c", "v", "want"),
    [
        (np.ones((2, 3)), np.ones((3, 1)), np.array([[3.0], [3.0]])),
        (
            np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
            np.array([[1.0], [0.0], [-1.0]]),
            np.array([[-2.0], [-2.0]]),
        ),
        (
            np.array([[0.5, -1.5, 2.0], [1.0, 0.25, -4.0]]),
            np.array([[2.0], [4.0], [0.5]]),
            np.array([[0.5 * 2 - 1.5 * 4 + 2.0 * 0.5], [1.0 * 2 + 0.25 * 4 - 4.0 * 0.5]]),
        ),
    ],
)
def test_constant_times_variable(ex03: ModuleType, c, v, want) -> None:
    got = ex03.constant_times_variable(c, v)
    assert isinstance(got, tf.Tensor) and not isinstance(got, tf.Variable)
    assert got.dtype == tf.float64
    assert tuple(got.shape) == (2, 1)
    np.testing.assert_allclose(got.numpy(), want, rtol=1e-12)
    np.testing.assert_allclose(got.numpy(), c @ v, rtol=1e-12)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]]),
        (RNG.normal(size=(3, 4)).astype(np.float32), RNG.normal(size=(2, 4)).astype(np.float32)),
        (RNG.normal(size=(1, 5)), RNG.normal(size=(4, 5))),
    ],
    ids=["example", "float32", "float64"],
)
def test_matmul_transpose_b(ex03: ModuleType, a: Any, b: Any) -> None:
    a_np, b_np = np.asarray(a), np.asarray(b)
    want = a_np @ b_np.T
    got = ex03.matmul_transpose_b(a, b)
    assert tuple(got.shape) == want.shape == (a_np.shape[0], b_np.shape[0])
    np.testing.assert_allclose(got.numpy(), want, rtol=1e-5, atol=1e-6)


def test_matmul_transpose_b_worked_example(ex03: ModuleType) -> None:
    got = ex03.matmul_transpose_b([[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]])
    assert got.dtype == tf.float32
    np.testing.assert_array_equal(got.numpy(), [[11.0, 17.0]])


@pytest.mark.parametrize(
    ("x", "w", "want"),
    [
        (np.array([[1.0, 2.0]]), tf.constant([[3.0], [4.0]]), np.array([[11.0]])),
        (RNG.normal(size=(3, 4)), tf.constant(RNG.normal(size=(4, 2)), tf.float32), None),
        (RNG.normal(size=(1, 2)), tf.Variable(RNG.normal(size=(2, 3)), dtype=tf.float32), None),
    ],
    ids=["example", "tensor", "variable"],
)
def test_mixed_precision_matmul(ex03: ModuleType, x: np.ndarray, w: Any, want: Any) -> None:
    got = ex03.mixed_precision_matmul(x, w)
    assert x.dtype == np.float64
    assert got.dtype == tf.float32
    reference = x @ np.asarray(w.numpy(), np.float64) if want is None else want
    assert tuple(got.shape) == reference.shape
    np.testing.assert_allclose(got.numpy(), reference, rtol=1e-5, atol=1e-5)


# ================================================================== ex04 first order


@pytest.mark.parametrize(("x", "want"), [(3.0, 27.0), (-2.0, 12.0), (0.5, 0.75), (0.0, 0.0)])
def test_cube_gradient(ex04: ModuleType, x: float, want: float) -> None:
    got = ex04.cube_gradient(x)
    assert got.dtype == tf.float32 and tuple(got.shape) == ()
    np.testing.assert_allclose(value(got), want, **TOL32)
    np.testing.assert_allclose(value(got), 3 * x**2, **TOL32)


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("poly", {"coeffs": [0, 0, 0, 1]}, 3.0, 27.0),
        ("sin", {}, 0.0, 1.0),
        ("sin", {}, 1.0, math.cos(1.0)),
        ("exp", {"a": 1.0, "b": 2.0}, 0.0, 2.0),
        ("tanh", {}, 0.0, 1.0),
        ("poly", {"coeffs": [5, 3, -2]}, 1.5, 3 - 4 * 1.5),
    ],
)
def test_derivative_worked_examples(ex04: ModuleType, name, params, x, want) -> None:
    got = ex04.derivative(catalog(name, **params), x)
    assert got.dtype == tf.float32, "a Python float point differentiates in float32"
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(("name", "params", "x"), CLOSED_POINTS)
def test_derivative_closed_form(ex04: ModuleType, name, params, x) -> None:
    got = check_f64(ex04.derivative(catalog(name, **params), x64(x)))
    np.testing.assert_allclose(got, _closed_form(name, params, 1, x), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_derivative_finite_differences(ex04: ModuleType, name, params, x) -> None:
    f = catalog(name, **params)
    np.testing.assert_allclose(check_f64(ex04.derivative(f, x64(x))), fd1(f, x), **TOL1)
    got32 = ex04.derivative(f, x)
    assert got32.dtype == tf.float32
    np.testing.assert_allclose(value(got32), fd1(f, x), rtol=1e-4, atol=1e-4)


TWO_VAR = [
    ({"a": 1, "b": 1, "c": 0}, 1.0, 2.0),
    ({"a": -1.5, "b": 0.7, "c": 2.0}, 0.4, -1.3),
    ({"a": 0.3, "b": -2.0, "c": -1.1}, -1.8, 0.9),
    ({"a": 2.0, "b": 1.0, "c": 1.0}, 0.0, 0.0),
]


def _two_var_partials(p: dict[str, float], x: float, y: float) -> tuple[float, float]:
    a, b, c = p["a"], p["b"], p["c"]
    return 2 * a * x * y + c * math.cos(x), a * x * x + 3 * b * y * y


def test_partial_derivatives_worked_example(ex04: ModuleType) -> None:
    dx, dy = ex04.partial_derivatives(catalog("two_var", a=1, b=1, c=0), 1.0, 2.0)
    assert dx.dtype == dy.dtype == tf.float32
    np.testing.assert_allclose([value(dx), value(dy)], [4.0, 13.0], **TOL32)
    dx, dy = ex04.partial_derivatives(lambda a, b: a**2 * b, 2.0, 5.0)
    np.testing.assert_allclose([value(dx), value(dy)], [20.0, 4.0], **TOL32)


@pytest.mark.parametrize(("params", "x", "y"), TWO_VAR)
def test_partial_derivatives(ex04: ModuleType, params, x, y) -> None:
    f = catalog("two_var", **params)
    dx, dy = ex04.partial_derivatives(f, x64(x), x64(y))
    got = [check_f64(dx), check_f64(dy)]
    np.testing.assert_allclose(got, _two_var_partials(params, x, y), rtol=1e-12, atol=1e-12)
    fd = [fd1(lambda t: f(t, x64(y)), x), fd1(lambda t: f(x64(x), t), y)]
    np.testing.assert_allclose(got, fd, **TOL1)


@pytest.mark.parametrize(
    ("name", "params", "xs", "want"),
    [
        ("poly", {"coeffs": [0, 0, 1]}, [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),
        ("exp", {}, [0.0, 0.0], [1.0, 1.0]),
        ("sin", {"a": 2.0, "b": 0.5}, [0.0, math.pi], [1.0, 0.0]),
        ("poly", {"coeffs": [1, 1, 0, 1]}, [-1.0, 0.0, 2.0], [4.0, 1.0, 13.0]),
    ],
)
def test_gradient_of_sum_worked_examples(ex04: ModuleType, name, params, xs, want) -> None:
    got = ex04.gradient_of_sum(catalog(name, **params), xs)
    assert got.dtype == tf.float32 and tuple(got.shape) == (len(xs),)
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(("name", "params"), SMOOTH, ids=[str(i) for i in range(len(SMOOTH))])
def test_gradient_of_sum_elementwise(ex04: ModuleType, name, params) -> None:
    f = catalog(name, **params)
    xs = np.array([*POINTS, 0.0])  # float64 ndarray: the reference keeps float64
    got = check_f64(ex04.gradient_of_sum(f, xs), shape=xs.shape)
    np.testing.assert_allclose(got, fd1(f, xs), **TOL1)
    if name in ("sin", "exp", "tanh", "poly"):
        want = [_closed_form(name, params, 1, float(x)) for x in xs]
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


# ================================================================== ex05 second order


@pytest.mark.parametrize(("x", "want"), [(3.0, 18.0), (-2.5, -15.0), (0.0, 0.0), (1.25, 7.5)])
def test_cube_second_derivative(ex05: ModuleType, x: float, want: float) -> None:
    got = ex05.cube_second_derivative(x)
    assert got.dtype == tf.float32
    np.testing.assert_allclose(value(got), want, **TOL32)
    got64 = check_f64(ex05.cube_second_derivative(x64(x)))
    np.testing.assert_allclose(got64, 6 * x, rtol=1e-12)
    np.testing.assert_allclose(got64, fd2(lambda t: t**3, x), **TOL2)


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("poly", {"coeffs": [0, 0, 0, 1]}, 3.0, 18.0),
        ("sin", {}, 1.0, -math.sin(1.0)),
        ("poly", {"coeffs": [7, 2]}, 5.0, 0.0),  # f'' does not depend on x: zero, not None
        ("constant", {"value": 3.0}, 1.0, 0.0),
        ("exp", {"a": 1.0, "b": 2.0}, 0.0, 4.0),
    ],
)
def test_second_derivative_worked_examples(ex05: ModuleType, name, params, x, want) -> None:
    got = ex05.second_derivative(catalog(name, **params), x)
    assert got is not None
    assert got.dtype == tf.float32
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(("name", "params", "x"), CLOSED_POINTS)
def test_second_derivative_closed_form(ex05: ModuleType, name, params, x) -> None:
    got = check_f64(ex05.second_derivative(catalog(name, **params), x64(x)))
    np.testing.assert_allclose(got, _closed_form(name, params, 2, x), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_second_derivative_finite_differences(ex05: ModuleType, name, params, x) -> None:
    f = catalog(name, **params)
    np.testing.assert_allclose(check_f64(ex05.second_derivative(f, x64(x))), fd2(f, x), **TOL2)


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("poly", {"coeffs": [0, 0, 0, 1]}, 3.0, (27.0, 18.0)),
        ("sin", {}, 0.0, (1.0, 0.0)),
        ("poly", {"coeffs": [1, -3]}, 2.0, (-3.0, 0.0)),
        ("exp", {"a": 2.0, "b": -1.0}, 0.0, (-2.0, 2.0)),
    ],
)
def test_first_and_second_derivative_worked_examples(ex05, name, params, x, want) -> None:
    first, second = ex05.first_and_second_derivative(catalog(name, **params), x)
    assert first.dtype == second.dtype == tf.float32
    np.testing.assert_allclose([value(first), value(second)], want, **TOL32)


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_first_and_second_derivative_finite_differences(ex05, name, params, x) -> None:
    f = catalog(name, **params)
    first, second = ex05.first_and_second_derivative(f, x64(x))
    np.testing.assert_allclose(check_f64(first), fd1(f, x), **TOL1)
    np.testing.assert_allclose(check_f64(second), fd2(f, x), **TOL2)


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("poly", {"coeffs": [0, 0, 0, 0, 1]}, 2.0, 48.0),
        ("poly", {"coeffs": [0, 0, 0, 0, 1]}, 1.5, 36.0),  # the public case
        ("poly", {"coeffs": [0, 0, 0, 1]}, -1.0, 6.0),
        ("poly", {"coeffs": [1, 2, 3]}, 0.5, 0.0),  # f''' does not depend on x: zero
        ("sin", {}, 0.5, -math.cos(0.5)),
        ("exp", {"a": 1.0, "b": 2.0}, 0.0, 8.0),
    ],
)
def test_third_derivative_worked_examples(ex05: ModuleType, name, params, x, want) -> None:
    got = ex05.third_derivative(catalog(name, **params), x)
    assert got is not None and got.dtype == tf.float32
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(("name", "params", "x"), CLOSED_POINTS)
def test_third_derivative_closed_form(ex05: ModuleType, name, params, x) -> None:
    got = check_f64(ex05.third_derivative(catalog(name, **params), x64(x)))
    np.testing.assert_allclose(got, _closed_form(name, params, 3, x), rtol=1e-11, atol=1e-11)


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_third_derivative_finite_differences(ex05: ModuleType, name, params, x) -> None:
    f = catalog(name, **params)
    np.testing.assert_allclose(check_f64(ex05.third_derivative(f, x64(x))), fd3(f, x), **TOL3)


# ================================================================== ex06 watch


@pytest.mark.parametrize(
    ("c", "want"),
    [(3.0, 27.0), (-1.5, 6.75), ([1.0, -2.0, 0.5], [3.0, 12.0, 0.75])],
)
def test_constant_cube_gradient(ex06: ModuleType, c: Any, want: Any) -> None:
    constant = tf.constant(c)
    got = ex06.constant_cube_gradient(constant)
    assert got.dtype == tf.float32
    assert tuple(got.shape) == tuple(constant.shape)
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_derivative_wrt_constant_finite_differences(ex06: ModuleType, name, params, x) -> None:
    f = catalog(name, **params)
    np.testing.assert_allclose(
        check_f64(ex06.derivative_wrt_constant(f, x64(x))), fd1(f, x), **TOL1
    )


@pytest.mark.parametrize(("name", "params"), SMOOTH, ids=[str(i) for i in range(len(SMOOTH))])
def test_derivative_wrt_constant_vector(ex06: ModuleType, name, params) -> None:
    f, xs = catalog(name, **params), np.array(POINTS)
    got = check_f64(ex06.derivative_wrt_constant(f, x64(xs)), shape=xs.shape)
    np.testing.assert_allclose(got, fd1(f, xs), **TOL1)
    got32 = ex06.derivative_wrt_constant(f, tf.constant(xs, tf.float32))
    assert got32.dtype == tf.float32 and tuple(got32.shape) == xs.shape
    np.testing.assert_allclose(value(got32), fd1(f, xs), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(
    ("name", "params", "x", "want"),
    [
        ("poly", {"coeffs": [0, 0, 0, 1]}, 3.0, 27.0),
        ("exp", {}, 0.0, 1.0),
        ("sin", {}, 0.0, 1.0),
        ("tanh", {"a": 2.0, "b": 1.0}, [0.0, 0.0], [2.0, 2.0]),
    ],
)
def test_derivative_wrt_constant_worked_examples(ex06, name, params, x, want) -> None:
    got = ex06.derivative_wrt_constant(catalog(name, **params), tf.constant(x))
    assert got.dtype == tf.float32
    np.testing.assert_allclose(value(got), want, **TOL32)


@pytest.mark.parametrize(
    ("x", "dtype"),
    [
        ([1.0, 2.0], tf.float32),
        (3.0, tf.float32),
        ([[0.5, -1.0], [2.0, 4.0]], tf.float64),
        (-0.7, tf.float64),
    ],
)
def test_gradient_or_zero_gives_zeros_for_a_constant_function(ex06, x, dtype) -> None:
    xt = tf.constant(x, dtype)
    got = ex06.gradient_or_zero(catalog("constant", value=5.0), xt)
    assert got is not None, "unconnected gradient must be zeros, not None"
    assert got.dtype == dtype
    assert tuple(got.shape) == tuple(xt.shape)
    np.testing.assert_array_equal(value(got), np.zeros(xt.shape))


@pytest.mark.parametrize(("name", "params", "x"), FN_POINTS)
def test_gradient_or_zero_connected(ex06: ModuleType, name, params, x) -> None:
    f = catalog(name, **params)
    np.testing.assert_allclose(check_f64(ex06.gradient_or_zero(f, x64(x))), fd1(f, x), **TOL1)


def test_gradient_or_zero_worked_example(ex06: ModuleType) -> None:
    got = ex06.gradient_or_zero(catalog("poly", coeffs=[0, 0, 1]), tf.constant(3.0))
    np.testing.assert_allclose(value(got), 6.0, **TOL32)


@pytest.mark.parametrize(
    ("a", "b", "x0", "x1", "want"),
    [
        (1.0, 1.0, 2.0, 3.0, 8.0),
        (2.5, -1.0, -1.2, 0.4, 2.5 * -1.2 - 2 * 0.4),
        (0.5, 0.0, 3.0, -2.0, 1.5),
        (1.0, 1.5, 0.0, 1.0, 3.0),
    ],
)
def test_watch_only_second(ex06: ModuleType, a, b, x0, x1, want) -> None:
    f = catalog("product", a=a, b=b)
    v0, v1 = tf.Variable(x0), tf.Variable(x1)
    d0, d1 = ex06.watch_only_second(f, v0, v1)
    assert d0 is None, "x0 is a trainable variable the tape must not watch"
    assert d1.dtype == tf.float32
    np.testing.assert_allclose(value(d1), want, **TOL32)
    w0, w1 = tf.Variable(x0, dtype=F64), tf.Variable(x1, dtype=F64)
    d0, d1 = ex06.watch_only_second(f, w0, w1)
    assert d0 is None
    np.testing.assert_allclose(check_f64(d1), fd1(lambda t: f(x64(x0), t), x1), **TOL1)


# ================================================================== ex07 persistent tape


@contextlib.contextmanager
def count_tapes() -> Iterator[list[int]]:
    """Count the ``tf.GradientTape`` objects created inside the block."""
    counter = [0]
    original = tf.GradientTape.__init__

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        counter[0] += 1
        original(self, *args, **kwargs)

    tf.GradientTape.__init__ = counting_init
    try:
        yield counter
    finally:
        tf.GradientTape.__init__ = original


def test_tape_counter_counts_nested_tapes(ex05: ModuleType) -> None:
    """The counter itself works: nested-tape references create two and three tapes."""
    f = catalog("sin")
    with count_tapes() as second:
        ex05.second_derivative(f, 1.0)
    with count_tapes() as third:
        ex05.third_derivative(f, 1.0)
    assert (second[0], third[0]) == (2, 3)
    assert tf.GradientTape.__init__.__name__ == "__init__"


@pytest.mark.parametrize(
    ("x", "want"),
    [
        (3.0, {"dz_dy": 2.0, "dy_dx": 27.0, "dz_dx": 54.0}),
        (-1.0, {"dz_dy": 2.0, "dy_dx": 3.0, "dz_dx": 6.0}),
        (0.5, {"dz_dy": 2.0, "dy_dx": 0.75, "dz_dx": 1.5}),
    ],
)
def test_chain_rule_gradients(ex07: ModuleType, x: float, want: dict[str, float]) -> None:
    with count_tapes() as tapes:
        got = ex07.chain_rule_gradients(x)
    assert tapes[0] == 1, f"{tapes[0]} tapes, want exactly one"
    assert isinstance(got, dict) and set(got) == set(want)
    assert {k: float(value(t)) for k, t in got.items()} == pytest.approx(want, rel=1e-6)
    got64 = ex07.chain_rule_gradients(x64(x))
    cube = lambda t: t**3  # noqa: E731
    np.testing.assert_allclose(check_f64(got64["dy_dx"]), fd1(cube, x), **TOL1)
    np.testing.assert_allclose(check_f64(got64["dz_dx"]), fd1(lambda t: 2 * t**3, x), **TOL1)
    np.testing.assert_allclose(check_f64(got64["dz_dy"]), 2.0, rtol=1e-12)


def test_chain_rule_gradients_worked_example_exactly(ex07: ModuleType) -> None:
    got = ex07.chain_rule_gradients(3.0)
    assert {k: float(value(t)) for k, t in got.items()} == {
        "dz_dy": 2.0,
        "dy_dx": 27.0,
        "dz_dx": 54.0,
    }


COMPOSITES = [
    (("poly", {"coeffs": [0, 0, 0, 1]}), ("poly", {"coeffs": [0, 2]})),
    (("sin", {}), ("poly", {"coeffs": [0, 0, 1]})),
    (("sin", {"a": 1.3, "b": 0.7}), ("exp", {"a": 0.6, "b": -0.9})),
    (("poly", {"coeffs": [1.0, -2.0, 0.5, 1.5]}), ("tanh", {"a": 1.7, "b": 0.5})),
    (("x_sin", {"a": 1.4}), ("poly", {"coeffs": [0.3, 0.0, -1.2, 0.4, 0.8]})),
    (("exp", {"a": -0.5, "b": 1.2}), ("sigmoid", {"a": 2.0, "b": 0.8})),
]


def test_composite_gradients_worked_examples(ex07: ModuleType) -> None:
    got = ex07.composite_gradients(
        catalog("poly", coeffs=[0, 0, 0, 1]), catalog("poly", coeffs=[0, 2]), 3.0
    )
    np.testing.assert_allclose([value(t) for t in got], [2.0, 27.0, 54.0], **TOL32)
    got = ex07.composite_gradients(tf.sin, tf.square, 0.5)
    want = [2 * math.sin(0.5), math.cos(0.5), math.sin(1.0)]
    np.testing.assert_allclose([value(t) for t in got], want, **TOL32)


@pytest.mark.parametrize(("inner", "outer"), COMPOSITES, ids=[str(i) for i in range(6)])
@pytest.mark.parametrize("x", [-1.2, 0.4, 1.3])
def test_composite_gradients_finite_differences(ex07: ModuleType, inner, outer, x) -> None:
    f, g = catalog(inner[0], **inner[1]), catalog(outer[0], **outer[1])
    with count_tapes() as tapes:
        result = ex07.composite_gradients(f, g, x64(x))
    assert tapes[0] == 1, f"{tapes[0]} tapes, want exactly one"
    assert len(result) == 3
    dz_dy, dy_dx, dz_dx = (check_f64(t) for t in result)
    y = float(numeric(f)(np.float64(x)))
    np.testing.assert_allclose(dz_dy, fd1(g, y), **TOL1)
    np.testing.assert_allclose(dy_dx, fd1(f, x), **TOL1)
    np.testing.assert_allclose(dz_dx, fd1(lambda t: g(f(t)), x), **TOL1)
    np.testing.assert_allclose(dz_dx, dz_dy * dy_dx, rtol=1e-12, atol=1e-12)  # chain rule


FAMILIES = [
    [("sin", {}), ("exp", {}), ("poly", {"coeffs": [0, 0, 1]})],
    [("tanh", {"a": 1.7, "b": 0.5}), ("x_sin", {"a": 1.4})],
    [
        ("poly", {"coeffs": [1.0, -2.0, 0.5, 1.5]}),
        ("cos", {"a": -0.8, "b": 1.1}),
        ("sigmoid", {"a": 2.0, "b": 0.8}),
        ("exp", {"a": 0.6, "b": -0.9}),
    ],
]


def test_gradients_from_one_tape_worked_examples(ex07: ModuleType) -> None:
    fs = [catalog("sin"), catalog("exp"), catalog("poly", coeffs=[0, 0, 1])]
    got = ex07.gradients_from_one_tape(fs, 1.0)
    np.testing.assert_allclose([value(t) for t in got], [math.cos(1.0), math.e, 2.0], **TOL32)
    got = ex07.gradients_from_one_tape([tf.sin, tf.exp, tf.square], 0.0)
    np.testing.assert_allclose([value(t) for t in got], [1.0, 1.0, 0.0], **TOL32)


@pytest.mark.parametrize("family", FAMILIES, ids=["3", "2", "4"])
@pytest.mark.parametrize("x", [-1.4, 0.2, 1.1])
def test_gradients_from_one_tape_finite_differences(ex07: ModuleType, family, x) -> None:
    fs = [catalog(name, **params) for name, params in family]
    with count_tapes() as tapes:
        got = ex07.gradients_from_one_tape(fs, x64(x))
    assert tapes[0] == 1, f"{tapes[0]} tapes, want exactly one"
    assert isinstance(got, list) and len(got) == len(fs)
    for f, d in zip(fs, got):
        np.testing.assert_allclose(check_f64(d), fd1(f, x), **TOL1)
    got32 = ex07.gradients_from_one_tape(fs, x)
    assert all(d.dtype == tf.float32 for d in got32)


# ================================================================== ex08 linear regression


def seeds_data(slope: float, intercept: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The grader's data: x = linspace(0, 10, 100), y = slope·x + intercept + N(0, 1) noise,
    y rounded to 4 decimals, both float32 (as the grader encodes them)."""
    x = np.linspace(0.0, 10.0, 100)
    y = slope * x + intercept + np.random.default_rng(seed).normal(0.0, 1.0, 100)
    return x.astype(np.float32), np.round(y, 4).astype(np.float32)


DATASETS = {"7x+4": (7.0, 4.0, 0), "6x-5": (6.0, -5.0, 1)}


def numpy_mse_and_grad(x, y, w: float, b: float) -> tuple[float, float, float]:
    """MSE L = mean((w x + b − y)²) and its analytic gradient, in float64."""
    x, y = np.asarray(x, np.float64), np.asarray(y, np.float64)
    r = w * x + b - y
    return float(np.mean(r**2)), float(2 * np.mean(r * x)), float(2 * np.mean(r))


def numpy_gradient_descent(x, y, lr: float, epochs: int, w: float = 0.0, b: float = 0.0):
    losses = []
    for _ in range(epochs):
        loss, gw, gb = numpy_mse_and_grad(x, y, w, b)
        losses.append(loss)
        w, b = w - lr * gw, b - lr * gb
    return w, b, losses


@pytest.mark.parametrize(
    ("x", "w", "b", "want"),
    [
        ([0.0, 1.0, 2.0], 7.0, 4.0, [4.0, 11.0, 18.0]),
        ([-1.5, 0.25], -2.0, 0.5, [3.5, 0.0]),
        ([3.0], 0.0, -1.0, [-1.0]),
    ],
)
def test_predict(ex08: ModuleType, x, w, b, want) -> None:
    xt = tf.constant(x)
    for weight, bias in ((tf.Variable(w), tf.Variable(b)), (w, b)):
        got = ex08.predict(xt, weight, bias)
        assert got.dtype == tf.float32 and tuple(got.shape) == (len(x),)
        np.testing.assert_allclose(value(got), want, **TOL32)


MSE_CASES = [
    pytest.param([1.0, 2.0, 5.0], [1.0, 2.0, 3.0], 4 / 3, id="example"),
    pytest.param([[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0], 0.0, id="column-perfect"),
    pytest.param([[1.0], [2.0], [3.0]], [1.0, 2.0, 5.0], 4 / 3, id="column-example"),
    pytest.param([0.0, 0.0], [3.0, -1.0], 5.0, id="zeros"),
    pytest.param(
        [[2.5], [-1.0], [0.5], [4.0]],
        [2.0, 1.0, 0.5, -1.0],
        (0.25 + 4 + 0 + 25) / 4,
        id="column-mixed",
    ),
]


@pytest.mark.parametrize(("y_pred", "y_true", "want"), MSE_CASES)
def test_mean_squared_error(ex08: ModuleType, y_pred, y_true, want) -> None:
    p, t = np.asarray(y_pred, np.float64), np.asarray(y_true, np.float64)
    numpy_mse = np.mean((p.reshape(t.shape) - t) ** 2)
    assert numpy_mse == pytest.approx(want)
    got = ex08.mean_squared_error(tf.constant(y_pred), tf.constant(y_true))
    assert got.dtype == tf.float32 and tuple(got.shape) == ()
    np.testing.assert_allclose(value(got), numpy_mse, **TOL32)


@pytest.mark.parametrize("column", [False, True])
@pytest.mark.parametrize("n", [3, 9])
def test_mean_squared_error_random(ex08: ModuleType, n: int, column: bool) -> None:
    rng = np.random.default_rng(n + 100 * column)
    p, t = np.round(rng.uniform(-5, 5, n), 2), np.round(rng.uniform(-5, 5, n), 2)
    p32, t32 = p.astype(np.float32), t.astype(np.float32)
    got = ex08.mean_squared_error(
        tf.constant(p32.reshape(-1, 1) if column else p32), tf.constant(t32)
    )
    want = np.mean((p32.astype(np.float64) - t32.astype(np.float64)) ** 2)
    np.testing.assert_allclose(value(got), want, rtol=1e-6)


@pytest.mark.parametrize(
    ("dataset", "w0", "b0", "lr"),
    [
        ("7x+4", 0.0, 0.0, 0.01),
        ("7x+4", 1.5, -0.7, 0.005),
        ("6x-5", -1.2, 1.9, 0.01),
        ("6x-5", 5.9, -4.9, 0.01),
    ],
)
def test_train_step(ex08: ModuleType, dataset: str, w0: float, b0: float, lr: float) -> None:
    x, y = seeds_data(*DATASETS[dataset])
    weight, bias = tf.Variable(w0), tf.Variable(b0)
    w0, b0 = float(weight.numpy()), float(bias.numpy())  # the float32 starting values
    want_loss, gw, gb = numpy_mse_and_grad(x, y, w0, b0)
    loss = ex08.train_step(tf.constant(x), tf.constant(y), weight, bias, lr)
    assert isinstance(weight, tf.Variable) and isinstance(bias, tf.Variable)
    assert weight.dtype == bias.dtype == tf.float32
    np.testing.assert_allclose(value(loss), want_loss, rtol=1e-5)  # the loss BEFORE the update
    np.testing.assert_allclose(weight.numpy(), w0 - lr * gw, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(bias.numpy(), b0 - lr * gb, rtol=1e-5, atol=1e-5)


def test_train_step_worked_example(ex08: ModuleType) -> None:
    x, y = seeds_data(7.0, 4.0, 0)
    weight, bias = tf.Variable(0.0), tf.Variable(0.0)
    loss = ex08.train_step(tf.constant(x), tf.constant(y), weight, bias, 0.01)
    assert float(value(loss)) == pytest.approx(1946.57, abs=0.01)
    assert (float(weight.numpy()), float(bias.numpy())) == pytest.approx((5.1008, 0.7816), abs=1e-4)


def _non_increasing_after(losses: list[float], start: int) -> None:
    tail = np.asarray(losses[start:])
    rises = np.diff(tail) - 1e-5 * np.abs(tail[:-1])  # float32 round-off allowance
    assert (rises <= 0).all(), f"loss rises after epoch {start + int(np.argmax(rises))}"


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("epochs", [1, 10, 100])
def test_train_matches_numpy_gradient_descent(ex08: ModuleType, dataset: str, epochs) -> None:
    x, y = seeds_data(*DATASETS[dataset])
    w, b, losses = ex08.train(tf.constant(x), tf.constant(y), 0.01, epochs)
    assert type(w) is float and type(b) is float
    assert isinstance(losses, list) and len(losses) == epochs
    assert all(type(loss) is float for loss in losses)
    nw, nb, nlosses = numpy_gradient_descent(x, y, 0.01, epochs)
    np.testing.assert_allclose([w, b], [nw, nb], rtol=1e-4)
    np.testing.assert_allclose(losses, nlosses, rtol=1e-4)
    _non_increasing_after(losses, 3)


def test_train_from_nonzero_start(ex08: ModuleType) -> None:
    x, y = seeds_data(6.0, -5.0, 1)
    w, b, losses = ex08.train(tf.constant(x), tf.constant(y), 0.005, 60, 2.0, -1.0)
    nw, nb, nlosses = numpy_gradient_descent(x, y, 0.005, 60, 2.0, -1.0)
    np.testing.assert_allclose([w, b], [nw, nb], rtol=1e-4)
    np.testing.assert_allclose(losses, nlosses, rtol=1e-4)


def test_train_worked_example_table(ex08: ModuleType) -> None:
    """The module's table: 100 epochs on 7x + 4 give w ≈ 7.28, b ≈ 2.25, loss ≈ 1.714."""
    x, y = seeds_data(7.0, 4.0, 0)
    w, b, losses = ex08.train(tf.constant(x), tf.constant(y), 0.01, 100)
    assert (round(w, 2), round(b, 2), round(losses[-1], 3)) == (7.28, 2.25, 1.714)


@pytest.fixture(scope="module", params=list(DATASETS))
def long_training(request: pytest.FixtureRequest, ex08: ModuleType) -> tuple[Any, ...]:
    """2000 epochs, once per data set (the only long run in this file)."""
    x, y = seeds_data(*DATASETS[request.param])
    return (x, y, *ex08.train(tf.constant(x), tf.constant(y), 0.01, 2000))


def test_train_converges_to_least_squares(long_training: tuple[Any, ...]) -> None:
    x, y, w, b, losses = long_training
    design = np.stack([x.astype(np.float64), np.ones(len(x))], axis=1)
    (ls_w, ls_b), *_ = np.linalg.lstsq(design, y.astype(np.float64), rcond=None)
    assert abs(w - ls_w) < 0.05 and abs(b - ls_b) < 0.05
    ls_loss = float(np.mean((design @ [ls_w, ls_b] - y) ** 2))
    assert losses[-1] == pytest.approx(ls_loss, rel=1e-3)
    assert len(losses) == 2000
    _non_increasing_after(losses, 3)


def test_least_squares_of_the_seeds_data() -> None:
    """The course text's numbers for 7x + 4: lstsq gives w ≈ 7.01, b ≈ 4.01."""
    x, y = seeds_data(7.0, 4.0, 0)
    design = np.stack([x.astype(np.float64), np.ones(len(x))], axis=1)
    (ls_w, ls_b), *_ = np.linalg.lstsq(design, y.astype(np.float64), rcond=None)
    assert (round(ls_w, 2), round(ls_b, 2)) == (7.01, 4.01)
