"""The only trusted code that runs inside a sandboxed child: load a submission, call its tasks.

The warm worker imports this module (and TensorFlow) once, calls :func:`prepare_worker`, then
forks one isolated child per job and calls :func:`run_job` there. Nothing here computes an
expected value or a score: the child sends back plain descriptions (:mod:`autograder.codec`) of
what the student's functions returned, and the grader decides.

:func:`invoke` is shared with the grader, which calls the reference solutions the same way, so a
student's output and the reference's are described by the same code.
"""

from __future__ import annotations

import linecache
import os
import random
import sys
import time
import traceback
import types
from collections.abc import Callable
from typing import Any

import numpy as np

from autograder import codec, observe

MESSAGE_CHARS = 2_000
TRACEBACK_FRAMES = 8

Emit = Callable[[dict[str, Any]], None]


def import_tensorflow_quietly() -> Any:
    """Import TensorFlow with file descriptor 2 silenced.

    absl prints "All log messages before absl::InitializeLog()" and CUDA probing lines at load
    time, before any log level applies. An import error still surfaces as an exception.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import tensorflow as tf
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    return tf


def configure_tensorflow() -> None:
    """Deterministic, quiet TensorFlow: one thread per pool, no TF32, no log noise."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    tf = import_tensorflow_quietly()

    try:
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.config.threading.set_intra_op_parallelism_threads(1)
    except RuntimeError:  # the eager context already exists; its thread pools are fixed
        pass
    # TF32 rounds float32 matmul inputs to 10 mantissa bits on Ampere+ GPUs.
    tf.config.experimental.enable_tensor_float_32_execution(False)
    tf.get_logger().setLevel("ERROR")


def prepare_worker() -> None:
    """Import everything a child may need before the worker forks (the child cannot import)."""
    configure_tensorflow()
    import importlib

    import tensorflow as tf

    # The child cannot import from disk once isolated: load what lazy imports would need.
    for name in ("tensorflow.python.ops.parallel_for.control_flow_ops",
                 "tensorflow.python.ops.gradient_checker_v2", "numpy.random", "numpy.linalg",
                 "numpy.fft", "secrets", "json", "decimal", "fractions", "statistics"):
        importlib.import_module(name)
    for attr in ("GradientTape", "Variable", "function", "linalg", "math", "nest", "random",
                 "UnconnectedGradients", "custom_gradient", "stop_gradient", "test", "where"):
        getattr(tf, attr)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot
    except ImportError:
        pass
    observe.install()


# ---------------------------------------------------------------- loading a submission


def load_module(name: str, filename: str, cells: list[str],
                as_main: bool = False) -> tuple[types.ModuleType, list[dict[str, Any]]]:
    """Execute a submission as a fresh module, one cell after another.

    A ``.py`` file is one cell and any exception propagates (import semantics). A notebook has
    several: like nbgrader, a cell that raises is recorded and the next cells still run, so an
    unfinished demo cell does not cost the whole module.
    """
    module = types.ModuleType("__main__" if as_main else name)
    module.__file__ = filename
    sys.modules[name] = module
    cell_errors: list[dict[str, Any]] = []
    for number, source in enumerate(cells, start=1):
        cell_name = filename if len(cells) == 1 else f"{filename}:cell{number}"
        linecache.cache[cell_name] = (len(source), None, source.splitlines(True), cell_name)
        if len(cells) == 1:
            exec(compile(source, cell_name, "exec", dont_inherit=True), module.__dict__)
            break
        try:
            exec(compile(source, cell_name, "exec", dont_inherit=True), module.__dict__)
        except Exception as exc:
            cell_errors.append({"cell": number, **describe_error(exc, filename)})
    return module, cell_errors


def describe_error(exc: BaseException, filename: str) -> dict[str, Any]:
    """An exception as plain data with the traceback trimmed to the student's own frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.startswith(filename)]
    if isinstance(exc, SyntaxError) and str(exc.filename).startswith(filename):
        lines = [f'  File "{filename}", line {exc.lineno}', f"    {(exc.text or '').rstrip()}"]
    else:
        lines = traceback.format_list(frames[-TRACEBACK_FRAMES:])
    message = str(exc)[:MESSAGE_CHARS]
    return {
        "type": type(exc).__name__,
        "module": type(exc).__module__,
        "message": message,
        "line": frames[-1].lineno if frames else getattr(exc, "lineno", None),
        "traceback": "".join(lines) + f"{type(exc).__name__}: {message}",
    }


# ---------------------------------------------------------------- calling one task


def seed_everything(seed: int) -> None:
    """Same seed, same random draws, in the child and in the reference."""
    import tensorflow as tf

    random.seed(seed)
    np.random.seed(seed % 2**32)
    tf.random.set_seed(seed % 2**31)


def invoke(func: Any, encoded_args: list[Any], seed: int, filename: str) -> dict[str, Any]:
    """Call ``func`` on decoded inputs; describe the output, in-place effects and tape usage."""
    import tensorflow as tf

    args = [codec.decode_input(a) for a in encoded_args]
    seed_everything(seed)
    observe.reset()
    start = time.perf_counter()
    try:
        output = func(*args)
    except BaseException as exc:
        return {"ok": False, "error": describe_error(exc, filename),
                "observations": observe.snapshot(), "seconds": time.perf_counter() - start}
    seconds = time.perf_counter() - start
    try:
        described = codec.describe(output, args)
        after = [codec.describe(a) if isinstance(a, tf.Variable) else None for a in args]
    except Exception as exc:
        described = {"kind": "object", "type": f"unreadable ({type(exc).__name__})"}
        after = [None] * len(args)
    return {"ok": True, "output": described, "args_after": after,
            "observations": observe.snapshot(), "seconds": seconds}


# ---------------------------------------------------------------- the child's entry point


def run_job(job: dict[str, Any], emit: Emit) -> None:
    """Load the submission in ``job`` and emit one message per call (runs in the sandbox)."""
    import autograder

    autograder.IN_SANDBOX = True  # makes the notebook self-check a no-op while grading
    observe.install()
    filename = job["filename"]
    try:
        module, cell_errors = load_module(job["module"], filename, job["cells"],
                                          job.get("as_main", False))
    except BaseException as exc:
        emit({"event": "load-error", "error": describe_error(exc, filename)})
        return
    emit({"event": "loaded", "cell_errors": cell_errors})
    for call in job["calls"]:
        func = getattr(module, call["task"], None)
        if not callable(func):
            missing = {"type": "MissingFunction", "module": "", "line": None, "traceback": "",
                       "message": _not_a_function(call["task"], func)}
            emit({"event": "call", "index": call["index"], "ok": False, "error": missing,
                  "observations": observe.snapshot(), "seconds": 0.0})
            continue
        result = invoke(func, call["args"], call["seed"], filename)
        emit({"event": "call", "index": call["index"], **result})


def _not_a_function(name: str, found: Any) -> str:
    """Why the task ``name`` cannot be called: absent, or defined as something else."""
    if found is None:
        return f"no function named {name!r} in the submission"
    return f"{name!r} is not a function (it is of type {type(found).__name__})"
