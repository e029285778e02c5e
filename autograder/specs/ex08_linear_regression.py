"""Module 8: linear regression by gradient descent."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

from autograder.codec import tensor, variable
from autograder.spec import Mistake, ModuleSpec, Task
from autograder.specs import _draw

X = np.linspace(0.0, 10.0, 100)


def line(slope: float, intercept: float, seed: int, n: int = 100) -> tuple[dict[str, Any], ...]:
    """The seeds' data set: x = linspace(0, 10, n), y = slope·x + intercept + N(0, 1) noise."""
    x = np.linspace(0.0, 10.0, n)
    y = slope * x + intercept + np.random.default_rng(seed).normal(0.0, 1.0, n)
    return tensor(x, "float32"), tensor(np.round(y, 4), "float32")


def _predict_case(rng: np.random.Generator) -> tuple[Any, ...]:
    n = int(rng.integers(3, 12))
    x = tensor(np.round(rng.uniform(-5, 5, n), 2), "float32")
    return x, variable(_draw.number(rng, -8, 8)), variable(_draw.number(rng, -8, 8))


def _mse_case(rng: np.random.Generator) -> tuple[Any, ...]:
    n = int(rng.integers(3, 10))
    pred, true = np.round(rng.uniform(-5, 5, n), 2), np.round(rng.uniform(-5, 5, n), 2)
    column = rng.random() < 0.5  # predictions shaped (n, 1), as a Dense layer returns them
    return tensor(pred.reshape(-1, 1) if column else pred), tensor(true)


def _step_case(rng: np.random.Generator) -> tuple[Any, ...]:
    slope, intercept = _draw.number(rng, -8, 8), _draw.number(rng, -6, 6)
    x, y = line(slope, intercept, seed=int(rng.integers(1 << 30)))
    lr = float(rng.choice([0.005, 0.01]))
    return x, y, variable(_draw.number(rng, -2, 2)), variable(_draw.number(rng, -2, 2)), lr


def _train_case(rng: np.random.Generator) -> tuple[Any, ...]:
    slope, intercept = _draw.number(rng, -8, 8), _draw.number(rng, -6, 6)
    x, y = line(slope, intercept, seed=int(rng.integers(1 << 30)))
    # The public cases run the seeds' 100 epochs; hidden ones only need to defeat hard-coding.
    return x, y, float(rng.choice([0.005, 0.01])), int(rng.integers(20, 41))


def _flat(y_pred: Any, y_true: Any) -> tuple[Any, Any]:
    return tf.reshape(y_pred, tf.shape(y_true)), y_true


def _sum(y_pred: Any, y_true: Any) -> Any:
    p, t = _flat(y_pred, y_true)
    return tf.reduce_sum(tf.square(p - t))


def _mean_abs(y_pred: Any, y_true: Any) -> Any:
    p, t = _flat(y_pred, y_true)
    return tf.reduce_mean(tf.abs(p - t))


def _square_of_mean(y_pred: Any, y_true: Any) -> Any:
    p, t = _flat(y_pred, y_true)
    return tf.square(tf.reduce_mean(p - t))


def _root(y_pred: Any, y_true: Any) -> Any:
    p, t = _flat(y_pred, y_true)
    return tf.sqrt(tf.reduce_mean(tf.square(p - t)))


def _broadcast(y_pred: Any, y_true: Any) -> Any:
    return tf.reduce_mean(tf.square(y_pred - y_true))


def _ascent(x: Any, y: Any, weight: Any, bias: Any, lr: float) -> Any:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(weight * x + bias - y))
    dw, db = tape.gradient(loss, [weight, bias])
    weight.assign_add(lr * dw)
    bias.assign_add(lr * db)
    return loss


def _loss_after(x: Any, y: Any, weight: Any, bias: Any, lr: float) -> Any:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(weight * x + bias - y))
    dw, db = tape.gradient(loss, [weight, bias])
    weight.assign_sub(lr * dw)
    bias.assign_sub(lr * db)
    return tf.reduce_mean(tf.square(weight * x + bias - y))


def _summed_step(x: Any, y: Any, weight: Any, bias: Any, lr: float) -> Any:
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.square(weight * x + bias - y))
    dw, db = tape.gradient(loss, [weight, bias])
    weight.assign_sub(lr * dw)
    bias.assign_sub(lr * db)
    return loss


_MSE_MISTAKES = (Mistake("sum-not-mean", _sum), Mistake("mse-formula", _mean_abs),
                 Mistake("mse-formula", _square_of_mean), Mistake("mse-formula", _root),
                 Mistake("broadcast-shape", _broadcast))

SPEC = ModuleSpec(
    name="ex08_linear_regression",
    title="Linear regression by gradient descent",
    tasks=(
        Task("predict", 1,
             public=((tensor([0.0, 1.0, 2.0]), variable(7.0), variable(4.0)),),
             hidden=_predict_case),
        Task("mean_squared_error", 2,
             public=((tensor([1.0, 2.0, 5.0]), tensor([1.0, 2.0, 3.0])),
                     (tensor([[1.0], [2.0], [4.0]]), tensor([1.0, 3.0, 5.0]))),
             hidden=_mse_case, mistakes=_MSE_MISTAKES),
        Task("train_step", 3,
             public=((*line(7.0, 4.0, seed=0), variable(0.0), variable(0.0), 0.01),),
             hidden=_step_case, compare_args_after=True, checks=("uses-tape",),
             mistakes=(Mistake("lr-sign", _ascent), Mistake("loss-after-update", _loss_after),
                       Mistake("sum-not-mean", _summed_step))),
        Task("train", 3,
             public=((*line(7.0, 4.0, seed=0), 0.01, 100), (*line(6.0, -5.0, seed=1), 0.01, 100)),
             hidden=_train_case, hidden_count=2, numeric_any_kind=True, float_dtype="float32",
             rtol_scale=10.0, keep_outputs=True,
             mismatch_hints=(("'result[2]' has wrong length", "epoch-count"),)),
    ),
)
