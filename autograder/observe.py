"""Watching how a submission uses ``tf.GradientTape``, from inside the sandboxed child.

The observations explain a wrong answer (why a gradient came back ``None``, whether the tapes were
nested, how many tapes a task made); they never decide a value. A student can tamper with them
only in their own process, which gains nothing: the score compares values computed by the grader.

:func:`install` patches the tape class in place once per child, so every way of reaching it
(``tf.GradientTape``, ``from tensorflow import GradientTape``) is observed.
"""

from __future__ import annotations

from typing import Any

_state: dict[str, Any] = {"installed": False}
_tapes: list[dict[str, Any]] = []
_gradients: list[dict[str, Any]] = []
_live: dict[int, int] = {}  # id(tape) -> index in _tapes
_keep: list[Any] = []  # keeps observed tapes alive so their ids stay unique during a call
_counters: dict[str, int] = {"numpy_in_tape": 0}
_jacobians: list[dict[str, Any]] = []
# Every tf.function the submission created, for the life of the child (a module-level one is
# made at load time and called by several cases); per call, snapshot() reports the change.
_functions: list[dict[str, Any]] = []


def reset() -> None:
    """Forget everything observed; called before each task call."""
    _tapes.clear()
    _gradients.clear()
    _live.clear()
    _keep.clear()
    _counters["numpy_in_tape"] = 0
    _jacobians.clear()
    for record in _functions:
        record["calls_at_reset"] = record["calls"]
        record["traces_at_reset"] = _tracing_count(record["function"])


def snapshot() -> dict[str, Any]:
    """What was observed since the last :func:`reset`, as plain data."""
    return {
        "tapes": [dict(t) for t in _tapes],
        "gradients": [dict(g) for g in _gradients],
        "numpy_in_tape": _counters["numpy_in_tape"],
        "jacobians": [dict(j) for j in _jacobians],
        "functions": _function_changes(),
    }


def _recording_count() -> int:
    return sum(1 for t in _tapes if t["recording"])


def install() -> None:
    """Patch ``GradientTape`` and tensor-to-NumPy conversion to record observations."""
    if _state["installed"]:
        return
    from tensorflow.python.eager import backprop
    from tensorflow.python.framework import constant_op, ops

    tape_cls = backprop.GradientTape
    _patch_tape(tape_cls)
    _patch_jacobians(tape_cls)
    _patch_tf_function()
    _patch_numpy(ops._EagerTensorBase)
    _patch_constants(constant_op)
    _state["installed"] = True


def _record_tape(tape: Any) -> dict[str, Any]:
    index = _live.get(id(tape))
    if index is None:
        index = len(_tapes)
        _live[id(tape)] = index
        _keep.append(tape)
        _tapes.append(
            {
                "persistent": bool(getattr(tape, "_persistent", False)),
                "watch_accessed_variables": bool(getattr(tape, "_watch_accessed_variables", True)),
                "nested": False,
                "entered": 0,
                "recording": False,
                "watched": [],
                "gradient_calls": 0,
            }
        )
    return _tapes[index]


def _patch_tape(cls: Any) -> None:
    orig_init, orig_enter, orig_exit = cls.__init__, cls.__enter__, cls.__exit__
    orig_watch, orig_gradient = cls.watch, cls.gradient

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        orig_init(self, *args, **kwargs)
        _record_tape(self)

    def __enter__(self: Any) -> Any:
        rec = _record_tape(self)
        rec["nested"] = rec["nested"] or _recording_count() > 0
        rec["entered"] += 1
        rec["recording"] = True
        return orig_enter(self)

    def __exit__(self: Any, *exc: Any) -> Any:
        _record_tape(self)["recording"] = False
        return orig_exit(self, *exc)

    def watch(self: Any, tensor: Any) -> Any:
        rec = _record_tape(self)
        import tensorflow as tf

        for item in tf.nest.flatten(tensor):
            rec["watched"].append(id(item))
        return orig_watch(self, tensor)

    def gradient(self: Any, target: Any, sources: Any, *args: Any, **kwargs: Any) -> Any:
        rec = _record_tape(self)
        rec["gradient_calls"] += 1
        entry = _gradient_entry(self, rec, target, sources)
        _gradients.append(entry)
        result = orig_gradient(self, target, sources, *args, **kwargs)
        import tensorflow as tf

        entry["none"] = [r is None for r in tf.nest.flatten(result, expand_composites=False)]
        return result

    for name, fn in [("__init__", __init__), ("__enter__", __enter__), ("__exit__", __exit__),
                     ("watch", watch), ("gradient", gradient)]:
        fn.__wrapped__ = getattr(cls, name)  # type: ignore[attr-defined]
        setattr(cls, name, fn)


def _gradient_entry(tape: Any, rec: dict[str, Any], target: Any, sources: Any) -> dict[str, Any]:
    import tensorflow as tf

    srcs = tf.nest.flatten(sources)
    kinds, dtypes, watched = [], [], []
    for s in srcs:
        is_var = isinstance(s, tf.Variable)
        kinds.append("variable" if is_var else type(s).__name__)
        dtypes.append(getattr(getattr(s, "dtype", None), "name", type(s).__name__))
        auto = is_var and bool(s.trainable) and rec["watch_accessed_variables"]
        watched.append(bool(auto or id(s) in rec["watched"]))
    targets = tf.nest.flatten(target)
    target_kinds = ["tensor" if isinstance(t, (tf.Tensor, tf.Variable)) else
                    ("numpy" if type(t).__module__ == "numpy" else type(t).__name__)
                    for t in targets]
    return {
        "tape": _live[id(tape)],
        "inside": bool(rec["recording"]),
        "others_recording": _recording_count() - (1 if rec["recording"] else 0),
        "call_on_tape": rec["gradient_calls"],
        "persistent": rec["persistent"],
        "target_kinds": target_kinds,
        "target_dtypes": [getattr(getattr(t, "dtype", None), "name", type(t).__name__)
                          for t in targets],
        "source_kinds": kinds,
        "source_dtypes": dtypes,
        "watched": watched,
        "none": [],
    }


def _patch_numpy(cls: Any) -> None:
    orig_numpy, orig_array = cls.numpy, cls.__array__

    def numpy(self: Any) -> Any:
        if _recording_count():
            _counters["numpy_in_tape"] += 1
        return orig_numpy(self)

    def __array__(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _recording_count():
            _counters["numpy_in_tape"] += 1
        return orig_array(self, *args, **kwargs)

    cls.numpy = numpy
    cls.__array__ = __array__


def _patch_constants(constant_op: Any) -> None:
    """Count tensors made from NumPy data while a tape records: where a gradient path breaks.

    ``np.asarray(tensor)`` uses the buffer protocol, not ``__array__``, so the break is seen
    where the NumPy result comes back into TensorFlow (``tf.constant(array)``, ``x * array``).
    """
    import numpy as np

    original = constant_op.convert_to_eager_tensor

    def convert_to_eager_tensor(value: Any, *args: Any, **kwargs: Any) -> Any:
        if _recording_count() and isinstance(value, (np.ndarray, np.generic)):
            _counters["numpy_in_tape"] += 1
        return original(value, *args, **kwargs)

    constant_op.convert_to_eager_tensor = convert_to_eager_tensor


def _patch_jacobians(cls: Any) -> None:
    """Record ``tape.jacobian`` / ``tape.batch_jacobian`` calls (a Hessian formed in full)."""
    for kind in ("jacobian", "batch_jacobian"):
        original = getattr(cls, kind)

        def wrapper(self: Any, target: Any, source: Any, *args: Any,
                    _kind: str = kind, _original: Any = original, **kwargs: Any) -> Any:
            _jacobians.append({"kind": _kind, "tape": _live.get(id(self)),
                               "target_shape": _shape_of(target),
                               "source_shape": _shape_of(source)})
            return _original(self, target, source, *args, **kwargs)

        wrapper.__wrapped__ = original  # type: ignore[attr-defined]
        setattr(cls, kind, wrapper)


def _shape_of(value: Any) -> list[int | None] | None:
    shape = getattr(value, "shape", None)
    try:
        return None if shape is None else list(shape)
    except (TypeError, ValueError):  # unknown rank
        return None


def _patch_tf_function() -> None:
    """Count the calls and traces of every ``tf.function`` made by non-TensorFlow code.

    TensorFlow makes functions of its own (``tape.jacobian`` runs through one); those are
    skipped by the module of the Python function they wrap.
    """
    from tensorflow.python.eager.polymorphic_function import polymorphic_function

    cls = polymorphic_function.Function
    orig_init, orig_call = cls.__init__, cls.__call__

    def __init__(self: Any, python_function: Any, *args: Any, **kwargs: Any) -> None:
        orig_init(self, python_function, *args, **kwargs)
        module = str(getattr(python_function, "__module__", "") or "")
        if module.split(".")[0] in ("tensorflow", "keras", "tf_keras"):
            return
        code = getattr(python_function, "__code__", None)
        name = str(getattr(python_function, "__qualname__", type(python_function).__name__))
        key = f"{name}@{code.co_firstlineno}" if code is not None else name
        self._gradetape_observed = len(_functions)
        _functions.append({"function": self, "name": name, "key": key, "calls": 0,
                           "calls_at_reset": 0, "traces_at_reset": 0})

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Any:
        index = getattr(self, "_gradetape_observed", None)
        if index is not None:
            _functions[index]["calls"] += 1
        return orig_call(self, *args, **kwargs)

    __init__.__wrapped__ = orig_init  # type: ignore[attr-defined]
    __call__.__wrapped__ = orig_call  # type: ignore[attr-defined]
    cls.__init__, cls.__call__ = __init__, __call__


def _tracing_count(function: Any) -> int:
    try:
        return int(function.experimental_get_tracing_count())
    except Exception:  # a half-built function (its __init__ raised) has no cache
        return 0


def _function_changes() -> list[dict[str, Any]]:
    """Calls and traces of each observed tf.function since the last reset (used ones only)."""
    changes = []
    for record in _functions:
        calls = record["calls"] - record["calls_at_reset"]
        traces = _tracing_count(record["function"]) - record["traces_at_reset"]
        if calls or traces:
            changes.append({"name": record["name"], "key": record["key"], "calls": calls,
                            "traces": traces})
    return changes
