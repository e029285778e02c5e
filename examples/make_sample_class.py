"""Regenerate ``examples/class/``: the sample class that ``make demo`` grades.

Run ``.venv/bin/python examples/make_sample_class.py`` after changing a solution; commit the result.
Each student shows something an instructor meets in a real class.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

from classgen import SOLUTIONS, modules, write_student  # noqa: E402

ALL = modules()
CORRECT = dict.fromkeys(ALL, "")

INTEGER_VARIABLE = '''
def cube_gradient(x):
    v = tf.Variable(int(x))
    with tf.GradientTape() as tape:
        y = v**3
    return tape.gradient(y, v)
'''
NOT_NESTED = '''
def second_derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape1:
        y = f(x)
    dy_dx = tape1.gradient(y, x)
    with tf.GradientTape() as tape2:
        tape2.watch(x)
    return tape2.gradient(dy_dx, x)
'''
UNWATCHED = '''
def constant_cube_gradient(c):
    with tf.GradientTape() as tape:
        y = c**3
    return tape.gradient(y, c)
'''
NOT_PERSISTENT = '''
def chain_rule_gradients(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = x**3
        z = 2 * y
    return {"dz_dy": tape.gradient(z, y), "dy_dx": tape.gradient(y, x),
            "dz_dx": tape.gradient(z, x)}
'''
SUM_AND_ASCENT = '''
def mean_squared_error(y_pred, y_true):
    y_pred = tf.reshape(y_pred, tf.shape(y_true))
    return tf.reduce_sum(tf.square(y_pred - y_true))


def train_step(x, y, weight, bias, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(weight * x + bias - y))
    grad_w, grad_b = tape.gradient(loss, [weight, bias])
    weight.assign_add(learning_rate * grad_w)
    bias.assign_add(learning_rate * grad_b)
    return loss
'''
HARD_CODED_04 = '''
def cube_gradient(x):
    return tf.constant(27.0)


def derivative(f, x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = tf.constant(np.asarray(f(x)))
    return tape.gradient(y, x)
'''
HARD_CODED_05 = '''
def cube_second_derivative(x):
    return tf.constant(18.0)
'''
HARD_CODED_07 = '''
def chain_rule_gradients(x):
    return {"dz_dy": tf.constant(2.0), "dy_dx": tf.constant(27.0), "dz_dx": tf.constant(54.0)}
'''
SYNTAX_ERROR = '''
def matmul(a, b):
    return tf.matmul(a, b
'''
INFINITE_LOOP = '''
def third_derivative(f, x):
    while True:
        x = x + 1
'''
EXITS = '''
import os


def decrement(variable, amount):
    os._exit(1)
'''
MATRIX_MISTAKES = '''
def matmul(a, b):
    return a * b


def matmul_transpose_b(a, b):
    return tf.matmul(a, b)


def mixed_precision_matmul(x, w):
    return tf.matmul(x, w)
'''
REBINDS = '''
def reassign(variable, value):
    variable = tf.Variable(value)
    return variable
'''
BROADCAST = '''
def mean_squared_error(y_pred, y_true):
    return tf.reduce_mean(tf.square(y_pred - y_true))
'''
READS_SECRETS = '''
import glob
import os


def make_constant(values):
    stolen = []
    for pattern in ("/work/*/solutions/*.py", "../*/solutions/*.py", "/root/**/*.py",
                    os.path.expanduser("~/*")):
        stolen += glob.glob(pattern, recursive=True)[:3]
    print("STOLEN", stolen, dict(os.environ))
    return tf.constant(values)
'''
MONKEYPATCH = '''
import numpy

numpy.allclose = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None
try:
    import autograder.compare

    autograder.compare.compare = lambda *args, **kwargs: None
except ImportError:
    pass


def reassign(variable, value):
    return variable
'''
FAKE_RESULTS = '''
import json
import os


def cube_gradient(x):
    fake = json.dumps({"event": "call", "index": 99, "ok": True, "score": 100}) + "\\n"
    print(fake)
    for fd in range(3, 64):
        try:
            os.write(fd, fake.encode())
        except OSError:
            pass
    return tf.constant(27.0)
'''
KILLS_PARENT = '''
import os
import signal


def constant_cube_gradient(c):
    os.kill(os.getppid(), signal.SIGKILL)
    os.kill(-1, signal.SIGKILL)
    return tf.constant(27.0)
'''
DAEMON = '''
import subprocess


def chain_rule_gradients(x):
    subprocess.Popen(["sleep", "1000"], start_new_session=True)
    return {"dz_dy": tf.constant(2.0), "dy_dx": tf.constant(27.0), "dz_dx": tf.constant(54.0)}
'''
MEMORY_BOMB = '''
def matmul(a, b):
    hog = bytearray(64 * 1024**3)
    return tf.matmul(a, b) + len(hog)
'''
WRONG_DTYPE = '''
def make_constant(values):
    return tf.constant(values, dtype=tf.float64)
'''
OFF_BY_ONE = '''
def train(x, y, learning_rate, epochs, initial_weight=0.0, initial_bias=0.0):
    weight = tf.Variable(initial_weight)
    bias = tf.Variable(initial_bias)
    losses = []
    for _ in range(epochs - 1):
        losses.append(float(train_step(x, y, weight, bias, learning_rate)))
    return float(weight.numpy()), float(bias.numpy()), losses
'''

GRADIENT_NOT_JACOBIAN = '''
def jacobian(f, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x)
'''
NO_STOP_GRADIENT = '''
def stop_gradient_product(x):
    x = tf.Variable(x)
    with tf.GradientTape() as tape:
        z = x**2 * x
    return tape.gradient(z, x)
'''
HESSIAN_NOT_NESTED = '''
def hessian(f, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = f(x)
    g = inner.gradient(y, x)
    return outer.jacobian(g, x)
'''
NAIVE_SOFTPLUS = '''
def softplus_and_gradient(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.math.log(1.0 + tf.exp(x))
    return y, tape.gradient(y, x)
'''
ELEMENTWISE_PREDICT = '''
def predict(X, w, b):
    return X * tf.transpose(w) + b
'''

STUDENTS: dict[str, dict[str, str | None]] = {
    "ada_lovelace": CORRECT,
    "ben_okafor": {**CORRECT, "ex04_first_order": INTEGER_VARIABLE,
                   "ex05_second_order": NOT_NESTED, "ex06_watch": UNWATCHED,
                   "ex07_persistent_tape": NOT_PERSISTENT,
                   "ex08_linear_regression": SUM_AND_ASCENT,
                   "ex09_jacobians": GRADIENT_NOT_JACOBIAN,
                   "ex10_gradient_control": NO_STOP_GRADIENT},
    "chen_wei": {**{m: "" for m in ALL[:5]}, "ex06_watch": None, "ex07_persistent_tape": None},
    "dara_kim": {**CORRECT, "ex04_first_order": HARD_CODED_04,
                 "ex05_second_order": HARD_CODED_05, "ex07_persistent_tape": HARD_CODED_07},
    "emil_sorensen": {**CORRECT, "ex02_variables": EXITS, "ex03_matmul": SYNTAX_ERROR,
                      "ex05_second_order": INFINITE_LOOP},
    "farah_nasser": {**CORRECT, "ex02_variables": REBINDS, "ex03_matmul": MATRIX_MISTAKES,
                     "ex08_linear_regression": BROADCAST,
                     "ex11_multifeature_regression": ELEMENTWISE_PREDICT},
    "hugo_bernard": {**CORRECT, "ex01_constants": WRONG_DTYPE, "ex03_matmul": MEMORY_BOMB,
                     "ex08_linear_regression": OFF_BY_ONE, "ex09_jacobians": HESSIAN_NOT_NESTED,
                   "ex10_gradient_control": NAIVE_SOFTPLUS},
    "mallory_hostile": {**CORRECT, "ex01_constants": READS_SECRETS, "ex02_variables": MONKEYPATCH,
                        "ex04_first_order": FAKE_RESULTS, "ex06_watch": KILLS_PARENT,
                        "ex07_persistent_tape": DAEMON},
}


def write_broken_files(folder: Path) -> None:
    """A student whose files are damaged: empty, binary, not UTF-8; the rest graded."""
    write_student(folder, {m: "" for m in ALL[3:]})
    (folder / "ex01_constants.py").write_text("")
    (folder / "ex02_variables.py").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(64))
    (folder / "ex03_matmul.py").write_bytes(b"# r\xe9sum\xe9 in Latin-1\nx = 1\n")


def write_notebook_student(folder: Path) -> None:
    """A student who submits notebooks, with IPython magics copied from tutorials."""
    import jupytext
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    for module in ALL:
        nb = jupytext.reads((SOLUTIONS / f"{module}.py").read_text(), fmt="py:percent")
        nb.cells.insert(1, nbformat.v4.new_code_cell("%matplotlib inline\n!pip install tensorflow"))
        nbformat.write(nb, folder / f"{module}.ipynb")


def main() -> None:
    """Rewrite examples/class from the recipes above."""
    target = HERE / "class"
    shutil.rmtree(target, ignore_errors=True)
    for name, recipe in STUDENTS.items():
        write_student(target / name, recipe)
    write_broken_files(target / "iris_broken_files")
    write_notebook_student(target / "gwen_notebooks")
    print(f"wrote {len(list(target.iterdir()))} students to {target}")


if __name__ == "__main__":
    main()
