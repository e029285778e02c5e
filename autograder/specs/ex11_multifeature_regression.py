"""Module 11: multi-feature linear regression, gradient checks and tf.function."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import tensor, variable
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

EXAMPLE_X = tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
EXAMPLE_Y = tensor([1.0, 0.0, -1.0])


def example_params() -> tuple[dict[str, Any], dict[str, Any]]:
    """The text's w = [[0.5], [-1.0]] and b = 2.0 (fresh encodings: cases never share one)."""
    return variable([[0.5], [-1.0]]), variable(2.0)


def dataset(true_w: list[float], true_b: float, n: int = 50, noise: float = 0.1,
            seed: int = 0) -> tuple[dict[str, Any], dict[str, Any]]:
    """The module's ``make_data``: X uniform in [-1, 1] (2 decimals), y = X @ w + b + noise."""
    rng = np.random.default_rng(seed)
    features = np.round(rng.uniform(-1.0, 1.0, size=(n, len(true_w))), 2)
    targets = features @ np.asarray(true_w) + true_b + rng.normal(0.0, noise, size=n)
    return tensor(features, "float32"), tensor(np.round(targets, 4), "float32")


def _random_data(rng: np.random.Generator) -> tuple[dict[str, Any], dict[str, Any]]:
    d, n = int(rng.integers(2, 5)), int(rng.integers(30, 80))
    true_w = [_draw.number(rng, -3.0, 3.0) for _ in range(d)]
    return dataset(true_w, _draw.number(rng, -2.0, 2.0), n, seed=int(rng.integers(1 << 30)))


def _params(rng: np.random.Generator, d: int) -> tuple[dict[str, Any], dict[str, Any]]:
    return variable(_draw.matrix(rng, (d, 1), 2.0)), variable(_draw.number(rng, -2.0, 2.0))


def _model_case(rng: np.random.Generator) -> tuple[Any, ...]:
    X, y = _random_data(rng)
    return (X, y, *_params(rng, X["shape"][1]))


def _predict_case(rng: np.random.Generator) -> tuple[Any, ...]:
    X, _, w, b = _model_case(rng)
    return X, w, b


def _train_case(rng: np.random.Generator) -> tuple[Any, ...]:
    X, y = _random_data(rng)
    return X, y, float(rng.choice([0.6, 0.7])), int(rng.integers(30, 51))


# ---------------------------------------------------------------- typical mistakes


def _elementwise(X: Any, w: Any, b: Any) -> Any:
    return X * tf.transpose(w) + b


def _broadcast_loss(X: Any, y: Any, w: Any, b: Any) -> Any:
    return tf.reduce_mean(tf.square(tf.matmul(X, w) + b - y))


def _summed_loss(X: Any, y: Any, w: Any, b: Any) -> Any:
    return tf.reduce_sum(tf.square(tf.matmul(X, w) + b - tf.reshape(y, (-1, 1))))


def _float32_check(X: Any, y: Any, w: Any, b: Any) -> Any:
    def loss(v: Any) -> Any:
        return tf.reduce_mean(tf.square(tf.matmul(X, v) + b - tf.reshape(y, (-1, 1))))

    theoretical, numerical = tf.test.compute_gradient(loss, [tf.convert_to_tensor(w)])
    return theoretical[0], numerical[0]


def _descent(X: Any, y: Any, lr: float, epochs: int, target_shape: Any, sign: float) -> Any:
    w = tf.Variable(tf.zeros((X.shape[1], 1), dtype=X.dtype))
    b = tf.Variable(tf.zeros((), dtype=X.dtype))
    target = tf.reshape(y, target_shape)
    losses = []
    for _ in range(epochs):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(X, w) + b - target))
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(sign * lr * dw)
        b.assign_sub(sign * lr * db)
        losses.append(float(loss))
    return w, b, losses


def _broadcast_train(X: Any, y: Any, lr: float, epochs: int) -> Any:
    return _descent(X, y, lr, epochs, (-1,), 1.0)


def _ascent_train(X: Any, y: Any, lr: float, epochs: int) -> Any:
    return _descent(X, y, lr, epochs, (-1, 1), -1.0)


SPEC = ModuleSpec(
    name="ex11_multifeature_regression",
    title="Multi-feature regression and tf.function",
    tasks=(
        Task("predict", 1, public=((EXAMPLE_X, *example_params()),), hidden=_predict_case,
             mistakes=(Mistake("elementwise-not-matmul", _elementwise),)),
        Task("mse_loss", 2,
             public=((EXAMPLE_X, EXAMPLE_Y, *example_params()),
                     (*dataset([2.0, -3.0, 0.5], 1.0), variable([[1.0], [-1.0], [0.0]]),
                      variable(0.5))),
             hidden=_model_case,
             mistakes=(Mistake("broadcast-shape", _broadcast_loss),
                       Mistake("sum-not-mean", _summed_loss))),
        Task("gradient_check", 2,
             public=((EXAMPLE_X, EXAMPLE_Y, *example_params()),), hidden=_model_case,
             mistakes=(Mistake("gradient-check-float32", _float32_check),)),
        Task("train", 3,
             public=((*dataset([2.0, -3.0, 0.5], 1.0), 0.7, 50),), hidden=_train_case,
             checks=("uses-tape", "traces-once"), float_dtype="float32", rtol_scale=10.0,
             timeout_s=60.0, mismatch_hints=(("'result[2]' has wrong length", "epoch-count"),),
             mistakes=(Mistake("broadcast-shape", _broadcast_train),
                       Mistake("lr-sign", _ascent_train))),
    ),
)
