"""The references of Modules 9–11 checked against independent mathematics, and the grader's view
of them (the tape and tf.function observations that their special checks read).

The grader's expected values come from running these references, so each task is checked here
against something the reference did not compute itself: closed forms, float64 central finite
differences of forward passes only, ``np.linalg.lstsq`` and a NumPy gradient descent. Callables
come from the grader's catalog (:mod:`autograder.functions`), the closures the grader passes.
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
import tensorflow as tf

from autograder import codec, functions, harness, observe
from autograder.spec import get_check
from autograder.specs import SPECS
from autograder.specs.ex11_multifeature_regression import dataset

ROOT = Path(__file__).resolve().parents[1]
F64 = tf.float64
MODULES = ("ex09_jacobians", "ex10_gradient_control", "ex11_multifeature_regression")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_advanced_{name}", ROOT / "solutions" /
                                                  f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ex09() -> ModuleType:
    return _load("ex09_jacobians")


@pytest.fixture(scope="module")
def ex10() -> ModuleType:
    return _load("ex10_gradient_control")


@pytest.fixture(scope="module")
def ex11() -> ModuleType:
    return _load("ex11_multifeature_regression")


def catalog(name: str, **params: Any) -> Callable[..., Any]:
    return functions.build(name, params)


def forward(f: Callable[..., Any]) -> Callable[[np.ndarray], np.ndarray]:
    """``f`` on float64 NumPy input, forward pass only (no tape)."""
    return lambda x: np.asarray(f(tf.constant(x, F64)).numpy(), np.float64)


def fd_jacobian(f: Callable[..., Any], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences: J[i..., j...] = ∂f(x)[i...]/∂x[j...], shape f(x).shape + x.shape."""
    g, x = forward(f), np.asarray(x, np.float64)
    columns = []
    for j in range(x.size):
        step = np.zeros(x.size)
        step[j] = h
        step = step.reshape(x.shape)
        columns.append((g(x + step) - g(x - step)) / (2 * h))
    return np.moveaxis(np.asarray(columns), 0, -1).reshape(g(x).shape + x.shape)


def fd_hessian_times(f: Callable[..., Any], x: np.ndarray, v: np.ndarray,
                     h: float = 1e-4) -> np.ndarray:
    """(H v)_i from four forward passes per i: the mixed difference along e_i and v."""
    g, x, v = forward(f), np.asarray(x, np.float64), np.asarray(v, np.float64)
    out = []
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = h
        out.append((g(x + e + h * v) - g(x + e - h * v) - g(x - e + h * v)
                    + g(x - e - h * v)) / (4 * h * h))
    return np.asarray(out)


def value(t: Any) -> np.ndarray:
    assert t is not None, "got None instead of a tensor"
    return np.asarray(t.numpy() if hasattr(t, "numpy") else t)


def f64(t: Any, shape: tuple[int, ...]) -> np.ndarray:
    """The result stayed float64 (so FD tolerances apply) and has ``shape``."""
    assert t is not None and t.dtype == F64, f"want float64, got {getattr(t, 'dtype', t)}"
    assert tuple(t.shape) == shape, f"shape {tuple(t.shape)}, want {shape}"
    return value(t)


FD = {"rtol": 1e-6, "atol": 1e-7}  # first differences, h = 1e-6, float64
FD2 = {"rtol": 1e-5, "atol": 1e-5}  # second differences, h = 1e-4
F32 = {"rtol": 1e-5, "atol": 1e-5}


@contextlib.contextmanager
def count_calls(cls: Any, name: str) -> Iterator[list[int]]:
    """Count calls of ``cls.name`` inside the block."""
    counter, original = [0], getattr(cls, name)

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return original(self, *args, **kwargs)

    setattr(cls, name, counting)
    try:
        yield counter
    finally:
        setattr(cls, name, original)


def test_registered_in_teaching_order_with_mutants_for_every_task() -> None:
    names = list(SPECS)
    assert names[-3:] == list(MODULES)
    for module in MODULES:
        mutants = (ROOT / "tests" / "mutants" / module).glob("*.py")
        covered = {codec_literal(p)["task"] for p in mutants}
        assert covered == {t.name for t in SPECS[module].tasks}, module


def codec_literal(path: Path) -> dict[str, Any]:
    import ast

    tree = ast.parse(path.read_text())
    node = next(n for n in tree.body if isinstance(n, ast.Assign)
                and getattr(n.targets[0], "id", "") == "MUTANT")
    meta: dict[str, Any] = ast.literal_eval(node.value)
    return meta


# ================================================================== ex09 jacobians

LAYER_W = [[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]]
JACOBIAN_CASES = [
    pytest.param(("poly", {"coeffs": [0, 0, 1]}), [1.0, 2.0, 3.0], id="square-vector"),
    pytest.param(("tanh_layer", {"W": LAYER_W}), [0.1, 0.2], id="layer-3x2"),
    pytest.param(("tanh_layer", {"W": LAYER_W, "a": 1.7}), [[0.3, -0.4], [1.1, 0.2]],
                 id="layer-on-matrix"),
    pytest.param(("sin", {"a": 1.3, "b": 0.7}), [[0.5, -1.2, 2.0], [0.1, 0.0, -0.3]],
                 id="sin-on-matrix"),
    pytest.param(("x_sin", {"a": 1.4}), [-0.7, 0.35, 1.9, 0.6], id="x-sin"),
]


def test_jacobian_worked_example(ex09: ModuleType) -> None:
    got = ex09.jacobian(catalog("poly", coeffs=[0, 0, 1]), tf.constant([1.0, 2.0, 3.0]))
    assert got.dtype == tf.float32
    np.testing.assert_array_equal(value(got), np.diag([2.0, 4.0, 6.0]))


@pytest.mark.parametrize(("entry", "x"), JACOBIAN_CASES)
def test_jacobian_shape_rule_and_finite_differences(ex09: ModuleType, entry, x) -> None:
    f, x = catalog(entry[0], **entry[1]), np.asarray(x)
    y_shape = forward(f)(x).shape
    got = f64(ex09.jacobian(f, tf.constant(x, F64)), y_shape + x.shape)  # target + source
    np.testing.assert_allclose(got, fd_jacobian(f, x), **FD)
    summed = got.reshape(int(np.prod(y_shape)), -1).sum(axis=0).reshape(x.shape)
    with tf.GradientTape() as tape:  # the gradient is the Jacobian summed over the outputs
        xt = tf.constant(x, F64)
        tape.watch(xt)
        y = f(xt)
    np.testing.assert_allclose(summed, tape.gradient(y, xt).numpy(), rtol=1e-12, atol=1e-12)


def test_jacobian_of_the_layer_is_w_scaled_by_the_tanh_slope(ex09: ModuleType) -> None:
    x = np.array([0.1, 0.2])
    got = value(ex09.jacobian(catalog("tanh_layer", W=LAYER_W), tf.constant(x, F64)))
    w = np.asarray(LAYER_W)
    np.testing.assert_allclose(got, (1 - np.tanh(w @ x) ** 2)[:, None] * w, rtol=1e-12)


@pytest.mark.parametrize(
    ("entry", "x"),
    [
        (("poly", {"coeffs": [0, 0, 1]}), [[1.0, 2.0], [3.0, 4.0]]),
        (("tanh_layer", {"W": LAYER_W}), [[0.1, 0.2], [-0.5, 0.7], [1.2, -0.3]]),
        (("tanh_layer", {"W": [[0.5, -1.0, 0.2], [1.5, 0.3, -0.7]], "a": 0.8}),
         [[0.2, -0.1, 0.4], [1.0, 0.5, -1.5]]),
        (("exp", {"a": 0.6, "b": -0.9}), [[0.3, -1.1, 0.8]]),
    ],
    ids=["square", "layer-3x2", "layer-2x3", "exp-batch-of-one"],
)
def test_batch_jacobian_is_the_diagonal_blocks(ex09: ModuleType, entry, x) -> None:
    f, x = catalog(entry[0], **entry[1]), np.asarray(x)
    batch, m = x.shape[0], forward(f)(x).shape[1]
    got = f64(ex09.batch_jacobian(f, tf.constant(x, F64)), (batch, m, x.shape[1]))
    full = fd_jacobian(f, x)  # (batch, m, batch, n)
    for b in range(batch):
        np.testing.assert_allclose(got[b], full[b, :, b, :], **FD)
        for other in set(range(batch)) - {b}:  # the blocks batch_jacobian skips are zero
            np.testing.assert_allclose(full[b, :, other, :], 0.0, atol=1e-9)


def test_batch_jacobian_worked_example(ex09: ModuleType) -> None:
    got = ex09.batch_jacobian(catalog("poly", coeffs=[0, 0, 1]),
                              tf.constant([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_array_equal(value(got), [[[2, 0], [0, 4]], [[6, 0], [0, 8]]])


def rosenbrock_hessian(x: np.ndarray, a: float = 1.0, b: float = 100.0) -> np.ndarray:
    """Σ b(x[i+1] − x[i]²)² + (a − x[i])², differentiated twice by hand."""
    n, h = len(x), np.zeros((len(x), len(x)))
    for i in range(n - 1):
        h[i, i] += 2 - 4 * b * (x[i + 1] - x[i] ** 2) + 8 * b * x[i] ** 2
        h[i + 1, i + 1] += 2 * b
        h[i, i + 1] += -4 * b * x[i]
        h[i + 1, i] += -4 * b * x[i]
    return h


def logsumexp_hessian(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = w @ x
    p = np.exp(z - z.max())
    p /= p.sum()
    return w.T @ (np.diag(p) - np.outer(p, p)) @ w


A3 = np.array([[2.0, 0.5, -1.0], [1.5, 1.0, 0.3], [0.0, -0.7, 3.0]])
W3 = np.array([[1.0, -0.5, 0.2], [0.3, 0.8, -1.2], [-0.6, 0.1, 0.9], [1.1, 1.4, -0.3]])
HESSIANS = [
    pytest.param(("rosenbrock", {}), [1.0, 1.0, 1.0], rosenbrock_hessian(np.ones(3)),
                 id="rosenbrock-minimum"),
    pytest.param(("rosenbrock", {"a": 1.5, "b": 10.0}), [0.3, -1.2, 0.8, 1.4],
                 rosenbrock_hessian(np.array([0.3, -1.2, 0.8, 1.4]), 1.5, 10.0),
                 id="rosenbrock-4"),
    pytest.param(("quadratic", {"A": A3.tolist(), "c": [1.0, -2.0, 0.5]}), [0.4, -0.9, 1.3],
                 (A3 + A3.T) / 2, id="quadratic-symmetrised"),
    pytest.param(("logsumexp", {"W": W3.tolist()}), [0.2, -0.5, 1.1],
                 logsumexp_hessian(W3, np.array([0.2, -0.5, 1.1])), id="logsumexp"),
]


def test_hessian_worked_example_exactly(ex09: ModuleType) -> None:
    got = ex09.hessian(ex09.rosenbrock, tf.constant([1.0, 1.0, 1.0]))
    assert got.dtype == tf.float32
    np.testing.assert_array_equal(value(got), [[802, -400, 0], [-400, 1002, -400],
                                               [0, -400, 200]])
    np.testing.assert_array_equal(value(got), value(ex09.hessian(
        catalog("rosenbrock"), tf.constant([1.0, 1.0, 1.0]))))  # the catalog's is the text's


@pytest.mark.parametrize(("entry", "x", "closed"), HESSIANS)
def test_hessian_closed_forms_and_finite_differences(ex09: ModuleType, entry, x, closed) -> None:
    f, x = catalog(entry[0], **entry[1]), np.asarray(x)
    got = f64(ex09.hessian(f, tf.constant(x, F64)), (len(x), len(x)))
    np.testing.assert_allclose(got, closed, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(got, got.T, rtol=1e-12, atol=1e-12)
    columns = [fd_hessian_times(f, x, e) for e in np.eye(len(x))]  # H e_j is column j
    np.testing.assert_allclose(got, np.stack(columns, axis=1), **FD2)


@pytest.mark.parametrize(("entry", "x", "closed"), HESSIANS)
def test_hessian_vector_product_without_a_jacobian(ex09: ModuleType, entry, x, closed) -> None:
    f, x = catalog(entry[0], **entry[1]), np.asarray(x)
    v = np.linspace(-1.0, 1.5, len(x))
    with count_calls(tf.GradientTape, "jacobian") as jacobians:
        got = f64(ex09.hessian_vector_product(f, tf.constant(x, F64), tf.constant(v, F64)),
                  (len(x),))
    assert jacobians[0] == 0, "the reference formed the Hessian"
    np.testing.assert_allclose(got, closed @ v, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(got, fd_hessian_times(f, x, v), **FD2)


def test_hessian_vector_product_worked_example(ex09: ModuleType) -> None:
    got = ex09.hessian_vector_product(ex09.rosenbrock, tf.constant([1.0, 1.0, 1.0]),
                                      tf.constant([1.0, 0.0, 0.0]))
    np.testing.assert_array_equal(value(got), [802.0, -400.0, 0.0])


# ================================================================== ex10 gradient control


def sigmoid(x: np.ndarray) -> np.ndarray:
    return np.exp(-np.logaddexp(0.0, -x))


def test_stop_gradient_example_is_9_not_27(ex10: ModuleType) -> None:
    got = ex10.stop_gradient_product(3.0)
    assert got.dtype == tf.float32 and tuple(got.shape) == ()
    assert float(value(got)) == 9.0


@pytest.mark.parametrize("x", [-2.5, -0.4, 0.75, 1.9, 3.3])
def test_stop_gradient_product_is_x_squared(ex10: ModuleType, x: float) -> None:
    np.testing.assert_allclose(value(ex10.stop_gradient_product(x)), np.float32(x) ** 2,
                               **F32)


PAIRS = [
    (("poly", {"coeffs": [0, 0, 1]}), ("exp", {}), 3.0, 0.0),
    (("sin", {}), ("poly", {"coeffs": [0, 0, 0, 1]}), 0.5, 2.0),
    (("tanh", {"a": 1.7, "b": 0.5}), ("x_sin", {"a": 1.4}), -1.1, 0.6),
    (("exp", {"a": 0.6, "b": -0.9}), ("cos", {"a": -0.8, "b": 1.1}), 0.9, -1.3),
]


@pytest.mark.parametrize(("fe", "ge", "x", "y"), PAIRS, ids=["example", "sin-cube", "3", "4"])
def test_stop_recording_gradients(ex10: ModuleType, fe, ge, x: float, y: float) -> None:
    f, g = catalog(fe[0], **fe[1]), catalog(ge[0], **ge[1])
    dz_dx, dz_dy = ex10.stop_recording_gradients(f, g, x, y)
    assert dz_dy is not None and dz_dy.dtype == tf.float32 and float(value(dz_dy)) == 0.0
    want = fd_jacobian(f, np.float64(x)) * forward(g)(np.float64(y))
    np.testing.assert_allclose(value(dz_dx), want, rtol=1e-5, atol=1e-5)


def test_stop_recording_example(ex10: ModuleType) -> None:
    got = ex10.stop_recording_gradients(catalog("poly", coeffs=[0, 0, 1]), catalog("exp"),
                                        3.0, 0.0)
    assert [float(value(t)) for t in got] == [6.0, 0.0]


def clipped_chain(f: Callable[..., Any], g: Callable[..., Any], x: np.ndarray,
                  limit: float) -> np.ndarray:
    """f'(x) · clip(g'(f(x))), both derivatives by finite differences (element-wise f, g)."""
    fx = forward(f)(x)
    df = np.diagonal(fd_jacobian(f, x))
    dg = np.diagonal(fd_jacobian(g, fx))
    return df * np.clip(dg, -limit, limit)


CLIPS = [
    (("poly", {"coeffs": [0, 0, 1]}), ("poly", {"coeffs": [0, 0, 0, 1]}),
     [-1.5, 0.5, 1.0, 2.0], 3.0),
    (("exp", {"a": 1.2, "b": 0.9}), ("poly", {"coeffs": [0.5, -1.0, 0.3, 1.5]}),
     [-1.0, 0.2, 0.9, 1.6], 1.0),
    (("sin", {"a": 2.0, "b": 1.1}), ("tanh", {"a": 3.0, "b": 2.0}), [-0.8, 0.0, 0.4, 1.3], 0.5),
]


@pytest.mark.parametrize(("fe", "ge", "x", "limit"), CLIPS, ids=["example", "exp-cubic", "tanh"])
def test_clipped_chain_gradient(ex10: ModuleType, fe, ge, x, limit: float) -> None:
    f, g, x = catalog(fe[0], **fe[1]), catalog(ge[0], **ge[1]), np.asarray(x)
    got = f64(ex10.clipped_chain_gradient(f, g, tf.constant(x, F64), limit), x.shape)
    np.testing.assert_allclose(got, clipped_chain(f, g, x, limit), **FD)
    unclipped = np.diagonal(fd_jacobian(lambda t: g(f(t)), x))
    assert not np.allclose(got, unclipped), "the case does not exercise the clip"
    assert not np.allclose(got, np.clip(unclipped, -limit, limit)), "clip-after looks right"


def test_clipped_chain_worked_example_and_identity_forward(ex10: ModuleType) -> None:
    x = tf.constant([-1.5, 0.5, 1.0, 2.0])
    got = ex10.clipped_chain_gradient(tf.square, lambda t: t**3, x, 3.0)
    np.testing.assert_allclose(value(got), [-9.0, 0.1875, 6.0, 12.0], **F32)
    np.testing.assert_array_equal(value(ex10.clip_gradient(x, 0.1)), value(x))


SOFTPLUS_X = [-150.0, -100.0, -20.0, -1.0, 0.0, 1e-3, 1.0, 20.0, 90.0, 100.0, 150.0]


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_softplus_is_stable_with_the_exact_gradient(ex10: ModuleType, dtype: Any) -> None:
    x = np.asarray(SOFTPLUS_X)
    y, dy = ex10.softplus_and_gradient(tf.constant(x, dtype))
    assert y.dtype == dy.dtype == dtype
    assert np.isfinite(value(y)).all() and np.isfinite(value(dy)).all()
    tol = F32 if dtype == tf.float32 else {"rtol": 1e-12, "atol": 1e-300}
    np.testing.assert_allclose(value(y), np.logaddexp(0.0, x), **tol)
    np.testing.assert_allclose(value(dy), sigmoid(x), **tol)


def test_softplus_gradient_at_100_is_one_and_at_0_a_half(ex10: ModuleType) -> None:
    y, dy = ex10.softplus_and_gradient(tf.constant([0.0, 100.0]))
    assert value(dy).tolist() == [0.5, 1.0]
    assert value(y)[1] == 100.0
    np.testing.assert_allclose(value(y)[0], np.log(2.0), rtol=1e-7)


def test_softplus_custom_gradient_multiplies_by_upstream(ex10: ModuleType) -> None:
    x = tf.constant([-1.3, 0.0, 0.4, 2.2], F64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        z = 3.0 * ex10.softplus(2.0 * x) ** 2
    got = tape.gradient(z, x).numpy()
    xs = x.numpy()
    want = 3.0 * 2 * np.logaddexp(0.0, 2 * xs) * sigmoid(2 * xs) * 2.0
    np.testing.assert_allclose(got, want, rtol=1e-12)
    np.testing.assert_allclose(got, np.diagonal(fd_jacobian(
        lambda t: 3.0 * tf.nn.softplus(2.0 * t) ** 2, xs)), **FD)


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_xlogx_has_no_nan_and_the_right_slope(ex10: ModuleType, dtype: Any) -> None:
    x = np.array([-2.0, -0.5, 0.0, 1e-3, 0.5, 1.0, 2.0, 7.5])
    y, dy = ex10.xlogx_and_gradient(tf.constant(x, dtype))
    assert y.dtype == dy.dtype == dtype
    assert np.isfinite(value(y)).all() and np.isfinite(value(dy)).all()
    positive = x > 0
    safe = np.where(positive, x, 1.0)
    tol = F32 if dtype == tf.float32 else {"rtol": 1e-12, "atol": 1e-12}
    np.testing.assert_allclose(value(y), np.where(positive, safe * np.log(safe), 0.0), **tol)
    np.testing.assert_allclose(value(dy), np.where(positive, np.log(safe) + 1, 0.0), **tol)
    if dtype == tf.float64:
        fd = np.diagonal(fd_jacobian(lambda t: t * tf.math.log(t), x[x > 0.01], h=1e-7))
        np.testing.assert_allclose(value(dy)[x > 0.01], fd, **FD)


def test_the_naive_where_really_is_a_nan_trap() -> None:
    """The module's claim: the single-where version has the right values and NaN slopes."""
    x = tf.constant([-1.0, 0.0, 0.5, 2.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.where(x > 0, x * tf.math.log(x), 0.0)
    assert np.isfinite(y.numpy()).all()
    assert np.isnan(tape.gradient(y, x).numpy()[:2]).all()


# ================================================================== ex11 regression

EX_X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
EX_W, EX_B, EX_Y = np.array([[0.5], [-1.0]]), 2.0, np.array([1.0, 0.0, -1.0])


def data(true_w: list[float], true_b: float, n: int = 50, seed: int = 0):
    """The grader's data set (its encoding decoded), as float32 tensors."""
    X, y = (codec.decode_input(e) for e in dataset(true_w, true_b, n, seed=seed))
    return X, y


def numpy_loss_and_grad(X, y, w, b) -> tuple[float, np.ndarray, float]:
    X, y, w = (np.asarray(a, np.float64) for a in (X, y, w))
    r = X @ w.reshape(-1, 1) + float(b) - y.reshape(-1, 1)
    return float(np.mean(r**2)), 2 * X.T @ r / len(y), float(2 * np.mean(r))


def lstsq(X, y) -> np.ndarray:
    design = np.hstack([np.asarray(X, np.float64), np.ones((X.shape[0], 1))])
    return np.linalg.lstsq(design, np.asarray(y, np.float64), rcond=None)[0]


def test_make_data_is_the_graders_dataset(ex11: ModuleType) -> None:
    X, y = ex11.make_data([2.0, -3.0, 0.5], 1.0)
    gX, gy = data([2.0, -3.0, 0.5], 1.0)
    np.testing.assert_array_equal(X.numpy(), gX.numpy())
    np.testing.assert_array_equal(y.numpy(), gy.numpy())
    assert X.shape == (50, 3) and y.shape == (50,)


def test_predict_and_loss_worked_examples(ex11: ModuleType) -> None:
    w, b = tf.Variable(EX_W, dtype=tf.float32), tf.Variable(EX_B)
    got = ex11.predict(tf.constant(EX_X, tf.float32), w, b)
    assert got.dtype == tf.float32 and tuple(got.shape) == (3, 1)
    np.testing.assert_array_equal(value(got), [[0.5], [-0.5], [-1.5]])
    loss = ex11.mse_loss(tf.constant(EX_X, tf.float32), tf.constant(EX_Y, tf.float32), w, b)
    assert tuple(loss.shape) == () and float(value(loss)) == 0.25


@pytest.mark.parametrize(("d", "n", "seed"), [(2, 30, 1), (3, 50, 2), (4, 79, 3)])
def test_predict_and_loss_match_numpy(ex11: ModuleType, d: int, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X, y = data(list(rng.uniform(-3, 3, d)), 0.7, n, seed)
    w = tf.Variable(np.round(rng.uniform(-2, 2, (d, 1)), 2), dtype=tf.float32)
    b = tf.Variable(-1.3)
    want = X.numpy().astype(np.float64) @ w.numpy().astype(np.float64) + float(b.numpy())
    np.testing.assert_allclose(value(ex11.predict(X, w, b)), want, **F32)
    loss, *_ = numpy_loss_and_grad(X.numpy(), y.numpy(), w.numpy(), b.numpy())
    np.testing.assert_allclose(value(ex11.mse_loss(X, y, w, b)), loss, rtol=1e-5)
    got64 = ex11.mse_loss(*(tf.cast(t, F64) for t in (X, y, w, b)))
    assert got64.dtype == F64
    np.testing.assert_allclose(value(got64), loss, rtol=1e-12)


@pytest.mark.parametrize(("d", "n", "seed"), [(2, 3, None), (3, 50, 2), (4, 61, 5)])
def test_gradient_check_is_float64_and_matches_the_analytic_gradient(
    ex11: ModuleType, d: int, n: int, seed: int | None
) -> None:
    if seed is None:
        X, y = tf.constant(EX_X, tf.float32), tf.constant(EX_Y, tf.float32)
        w, b = tf.Variable(EX_W, dtype=tf.float32), tf.Variable(EX_B)
    else:
        rng = np.random.default_rng(seed)
        X, y = data(list(rng.uniform(-3, 3, d)), 0.4, n, seed)
        w = tf.Variable(np.round(rng.uniform(-2, 2, (d, 1)), 2), dtype=tf.float32)
        b = tf.Variable(0.9)
    theoretical, numerical = ex11.gradient_check(X, y, w, b)
    for jac in (theoretical, numerical):
        assert type(jac) is np.ndarray and jac.dtype == np.float64 and jac.shape == (1, d)
    _, grad, _ = numpy_loss_and_grad(X.numpy(), y.numpy(), w.numpy(), b.numpy())
    np.testing.assert_allclose(theoretical, grad.T, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(numerical, grad.T, rtol=1e-9, atol=1e-9)  # float64: ~10 digits
    if seed is None:
        np.testing.assert_allclose(theoretical, [[-3.0, -4.0]], rtol=1e-12)


def test_a_float32_gradient_check_is_visibly_noisier(ex11: ModuleType) -> None:
    """The module's reason for float64: in float32 the numerical Jacobian is off by far more."""
    X, y = data([2.0, -3.0, 0.5], 1.0)
    w, b = tf.Variable([[1.0], [-1.0], [0.0]]), tf.Variable(0.5)
    theoretical, numerical = ex11.gradient_check(X, y, w, b)
    t32, n32 = tf.test.compute_gradient(lambda v: ex11.mse_loss(X, y, v, b),
                                        [tf.convert_to_tensor(w)])
    err64 = np.max(np.abs(theoretical - numerical))
    err32 = np.max(np.abs(t32[0] - n32[0]))
    assert err64 < 1e-9 < 1e-5 < err32


def numpy_gradient_descent(X, y, lr: float, epochs: int) -> tuple[np.ndarray, list[float]]:
    """[w; b] and the losses, all in float64."""
    X, y = np.asarray(X, np.float64), np.asarray(y, np.float64)
    w, b, losses = np.zeros((X.shape[1], 1)), 0.0, []
    for _ in range(epochs):
        loss, gw, gb = numpy_loss_and_grad(X, y, w, b)
        losses.append(loss)
        w, b = w - lr * gw, b - lr * gb
    return np.append(w.ravel(), b), losses


@contextlib.contextmanager
def traced_functions() -> Iterator[list[Any]]:
    """Every tf.function created inside the block (their tracing counts are read afterwards)."""
    from tensorflow.python.eager.polymorphic_function import polymorphic_function

    made: list[Any] = []
    original = polymorphic_function.Function.__init__

    def recording(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if not str(getattr(args[0], "__module__", "")).startswith("tensorflow"):
            made.append(self)

    polymorphic_function.Function.__init__ = recording
    try:
        yield made
    finally:
        polymorphic_function.Function.__init__ = original


TRAININGS = [
    pytest.param([2.0, -3.0, 0.5], 1.0, 50, 0, 0.7, 50, id="example"),
    pytest.param([1.2, 0.4], -0.8, 30, 7, 0.6, 30, id="d2-short"),
    pytest.param([-2.5, 1.0, 0.3, 2.2], 1.7, 79, 11, 0.7, 50, id="d4"),
]


@pytest.mark.parametrize(("true_w", "true_b", "n", "seed", "lr", "epochs"), TRAININGS)
def test_train_matches_numpy_and_traces_once(ex11: ModuleType, true_w, true_b, n, seed, lr,
                                             epochs) -> None:
    X, y = data(true_w, true_b, n, seed)
    with traced_functions() as made:
        w, b, losses = ex11.train(X, y, lr, epochs)
    assert [f.experimental_get_tracing_count() for f in made] == [1]
    assert isinstance(w, tf.Variable) and isinstance(b, tf.Variable)
    assert w.shape == (len(true_w), 1) and b.shape == () and w.dtype == b.dtype == tf.float32
    assert len(losses) == epochs and all(type(loss) is float for loss in losses)
    want, want_losses = numpy_gradient_descent(X.numpy(), y.numpy(), lr, epochs)
    got = np.append(w.numpy().ravel(), b.numpy())
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(losses, want_losses, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(got, lstsq(X.numpy(), y.numpy()), atol=2e-3)  # converged


def test_train_example_agrees_with_lstsq_to_four_digits(ex11: ModuleType) -> None:
    """The module's claim for make_data([2, -3, 0.5], 1), learning rate 0.7, 50 epochs."""
    X, y = data([2.0, -3.0, 0.5], 1.0)
    w, b, losses = ex11.train(X, y, 0.7, 50)
    exact = lstsq(X.numpy(), y.numpy())
    np.testing.assert_allclose(np.append(w.numpy().ravel(), b.numpy()), exact, atol=1e-4)
    np.testing.assert_allclose(exact, [2.0, -3.0, 0.5, 1.0], atol=0.05)  # near the truth
    residual = np.hstack([X.numpy(), np.ones((50, 1))]) @ exact - y.numpy()
    assert losses[-1] == pytest.approx(np.mean(residual**2), rel=1e-3)


# ================================================================== what the grader observes

observe.install()

RETRACING = """
import tensorflow as tf
def train(n):
    @tf.function
    def step(k):
        return tf.constant(1.0) * k
    return [float(step(i)) for i in range(n)]
"""
RECREATED = """
import tensorflow as tf
def train(n):
    def step():
        return tf.constant(2.0)
    return [float(tf.function(step)()) for _ in range(n)]
"""
MODULE_LEVEL = """
import tensorflow as tf
@tf.function
def step(x):
    return x * 2.0
def train(n):
    return [float(step(tf.constant(float(i)))) for i in range(n)]
"""
EAGER = "def train(n):\n    return [float(i) for i in range(n)]\n"


def run_job(source: str, calls: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    job = {"module": "student", "filename": "student.py", "cells": [source], "as_main": False,
           "calls": [{"index": i, "task": task, "args": args, "seed": 1}
                     for i, (task, args) in enumerate(calls)]}
    import autograder

    in_sandbox = getattr(autograder, "IN_SANDBOX", False)
    try:
        harness.run_job(job, messages.append)
    finally:  # run_job marks the process as a sandbox child (the self-check then stays quiet)
        autograder.IN_SANDBOX = in_sandbox
    return [m for m in messages if m["event"] == "call"]


@pytest.mark.parametrize(
    ("source", "want"),
    [
        (RETRACING, ["retracing"]),
        (RECREATED, ["retracing"]),
        (MODULE_LEVEL, []),  # traced on the first call only: later calls reuse the graph
        (EAGER, ["no-tf-function"]),
    ],
    ids=["python-argument", "recreated-in-loop", "module-level-reused", "eager"],
)
def test_traces_once_check(source: str, want: list[str]) -> None:
    records = run_job(source, [("train", [4]), ("train", [3])])
    check = get_check("traces-once")
    for record in records:
        assert record["ok"], record
        outcome = check(record, {})
        assert list(outcome.hints if outcome else ()) == want


def test_function_observations_count_per_call() -> None:
    first, second = run_job(MODULE_LEVEL, [("train", [3]), ("train", [2])])
    assert [(f["calls"], f["traces"]) for f in first["observations"]["functions"]] == [(3, 1)]
    assert [(f["calls"], f["traces"]) for f in second["observations"]["functions"]] == [(2, 0)]


def test_tensorflows_own_functions_are_not_counted(ex09: ModuleType) -> None:
    """tape.jacobian runs through a tf.function of TensorFlow's: not the student's tracing."""
    observe.reset()
    ex09.hessian(ex09.rosenbrock, tf.constant([1.0, 2.0]))
    seen = observe.snapshot()
    assert seen["functions"] == []
    assert [j["kind"] for j in seen["jacobians"]] == ["jacobian"]
    assert get_check("no-full-hessian")({"observations": seen}, {}) is not None
    observe.reset()
    ex09.hessian_vector_product(ex09.rosenbrock, tf.constant([1.0, 2.0]), tf.constant([1.0, 0]))
    assert get_check("no-full-hessian")({"observations": observe.snapshot()}, {}) is None
