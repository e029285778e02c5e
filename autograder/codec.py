"""Plain-data encodings of the values that cross between the grader and a sandboxed child.

Two directions, two shapes:

* **Inputs** (grader → child, and grader → reference) are JSON values where a dict with a
  ``"$"`` key is a tagged value, e.g.
  ``{"$": "tensor", "dtype": "float32", "shape": [2], "data": [..]}``; also ``variable``,
  ``ndarray``, ``tuple``, ``dict``, ``function``. :func:`decode_input` turns them into
  live TensorFlow / NumPy objects; functions come from the trusted catalog in
  :mod:`autograder.functions`, never from code that crossed the boundary.
* **Descriptions** of outputs (child → grader, and reference → grader) are dicts with a
  ``"kind"`` key built by :func:`describe`. They hold only plain types, so the grader never
  touches an object the student made: a lying ``__eq__`` or ``__array__`` cannot reach the
  comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from autograder import functions

MAX_ELEMENTS = 200_000
MAX_DEPTH = 8
MAX_ITEMS = 1_000

Plain = Any  # a JSON-able value: dict/list/str/int/float/bool/None


class CodecError(ValueError):
    """An input encoding is malformed (a grader bug) or a description is not plain data."""


# ---------------------------------------------------------------- builders used by the specs


def tensor(data: Any, dtype: str = "float32") -> dict[str, Any]:
    """Encode a ``tf.constant`` input."""
    return _array_encoding("tensor", data, dtype)


def variable(data: Any, dtype: str = "float32", trainable: bool = True) -> dict[str, Any]:
    """Encode a ``tf.Variable`` input."""
    return {**_array_encoding("variable", data, dtype), "trainable": trainable}


def ndarray(data: Any, dtype: str = "float64") -> dict[str, Any]:
    """Encode a NumPy array input."""
    return _array_encoding("ndarray", data, dtype)


def tup(*items: Any) -> dict[str, Any]:
    """Encode a tuple input."""
    return {"$": "tuple", "items": list(items)}


def fn(name: str, **params: Any) -> dict[str, Any]:
    """Encode a callable from the trusted catalog in :mod:`autograder.functions`."""
    functions.get(name)  # fail early on a typo in a spec
    return {"$": "function", "name": name, "params": params}


def _array_encoding(tag: str, data: Any, dtype: str) -> dict[str, Any]:
    arr = np.asarray(data, dtype=dtype)
    return {"$": tag, "dtype": dtype, "shape": list(arr.shape), "data": arr.ravel().tolist()}


# ---------------------------------------------------------------- decoding inputs


def decode_input(value: Plain) -> Any:
    """Turn an input encoding into live objects (TensorFlow imported lazily)."""
    if isinstance(value, list):
        return [decode_input(item) for item in value]
    if not isinstance(value, dict):
        return value
    tag = value.get("$")
    if tag is None:
        raise CodecError(f"untagged dict in input encoding: {sorted(value)}")
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise CodecError(f"unknown input tag {tag!r}")
    return decoder(value)


def _to_array(value: dict[str, Any]) -> np.ndarray:
    return np.asarray(value["data"], dtype=value["dtype"]).reshape(value["shape"])


def _decode_tensor(value: dict[str, Any]) -> Any:
    import tensorflow as tf

    return tf.constant(_to_array(value), dtype=value["dtype"])


def _decode_variable(value: dict[str, Any]) -> Any:
    import tensorflow as tf

    return tf.Variable(_to_array(value), dtype=value["dtype"], trainable=value["trainable"])


def _decode_function(value: dict[str, Any]) -> Callable[..., Any]:
    return functions.build(value["name"], value["params"])


_DECODERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "tensor": _decode_tensor,
    "variable": _decode_variable,
    "ndarray": _to_array,
    "tuple": lambda v: tuple(decode_input(i) for i in v["items"]),
    "dict": lambda v: {k: decode_input(i) for k, i in v["items"].items()},
    "function": _decode_function,
}


def label_input(value: Plain) -> str:
    """A short human-readable rendering of an input encoding, for public-case feedback."""
    if isinstance(value, list):
        return "[" + ", ".join(label_input(v) for v in value) + "]"
    if not isinstance(value, dict):
        return repr(value)
    tag = value["$"]
    if tag == "function":
        return functions.label(value["name"], value["params"])
    if tag == "tuple":
        return "(" + ", ".join(label_input(v) for v in value["items"]) + ")"
    if tag == "dict":
        return "{" + ", ".join(f"{k!r}: {label_input(v)}" for k, v in value["items"].items()) + "}"
    data = _to_array(value).tolist()
    prefix = {"tensor": "tf.constant", "variable": "tf.Variable", "ndarray": "np.array"}[tag]
    text = f"{prefix}({data!r}, dtype={value['dtype']})"
    if len(text) > 120:
        text = f"{prefix}(<shape {tuple(value['shape'])}>, {value['dtype']})"
    return text


# ---------------------------------------------------------------- describing outputs


def describe(obj: Any, args: Sequence[Any] = (), depth: int = 0) -> dict[str, Any]:
    """Describe a live value as plain data; ``args`` lets the grader see identity with an input."""
    import tensorflow as tf

    if depth > MAX_DEPTH:
        return {"kind": "object", "type": "nested too deep"}
    if obj is None:
        return {"kind": "none"}
    if isinstance(obj, (bool, int, float, str)) and type(obj) in (bool, int, float, str):
        return {"kind": "python", "type": type(obj).__name__, "value": obj}
    if isinstance(obj, tf.Variable):
        desc = _describe_array("variable", obj.numpy())
        desc["trainable"] = bool(obj.trainable)
        desc["arg"] = _identity_index(obj, args)
        return desc
    if isinstance(obj, tf.IndexedSlices):
        obj = tf.convert_to_tensor(obj)
    if isinstance(obj, tf.Tensor):
        return _describe_array("tensor", obj.numpy())
    if type(obj) is np.ndarray:
        return _describe_array("ndarray", obj)
    if isinstance(obj, np.generic) and type(obj).__module__ == "numpy":
        return _describe_array("numpy-scalar", np.asarray(obj))
    if type(obj) in (list, tuple):
        items = [describe(item, args, depth + 1) for item in obj[:MAX_ITEMS]]
        return {"kind": type(obj).__name__, "items": items, "length": len(obj)}
    if type(obj) is dict:
        pairs = list(obj.items())[:MAX_ITEMS]
        return {"kind": "dict", "items": {str(k): describe(v, args, depth + 1) for k, v in pairs}}
    return {"kind": "object", "type": f"{type(obj).__module__}.{type(obj).__qualname__}"}


def _describe_array(kind: str, arr: np.ndarray) -> dict[str, Any]:
    arr = np.asarray(arr)
    desc: dict[str, Any] = {"kind": kind, "dtype": arr.dtype.name, "shape": list(arr.shape)}
    if arr.size > MAX_ELEMENTS:
        desc["too_large"] = True
        return desc
    if arr.dtype.kind in "biuf":
        desc["data"] = arr.ravel().tolist()
    elif arr.dtype.kind == "c":
        desc["data"] = [[z.real, z.imag] for z in arr.ravel().tolist()]
    else:
        desc["data"] = [str(x) for x in arr.ravel().tolist()]
    return desc


def _identity_index(obj: Any, args: Sequence[Any]) -> int | None:
    for i, arg in enumerate(args):
        if arg is obj:
            return i
    return None


# ---------------------------------------------------------------- validating what crossed


_PLAIN_TYPES = (str, int, float, bool, type(None))


def check_plain(value: Any, depth: int = 0) -> None:
    """Raise :class:`CodecError` unless ``value`` is plain JSON data of bounded depth."""
    if depth > 64:
        raise CodecError("data nested too deep")
    if isinstance(value, _PLAIN_TYPES) and type(value) in _PLAIN_TYPES:
        return
    if type(value) is list:
        for item in value:
            check_plain(item, depth + 1)
        return
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise CodecError("non-string key")
            check_plain(item, depth + 1)
        return
    raise CodecError(f"not plain data: {type(value).__name__}")


def as_array(desc: dict[str, Any]) -> np.ndarray:
    """The NumPy array held by an array description (tensor, variable, ndarray, numpy-scalar)."""
    data = desc.get("data")
    if data is None:
        raise CodecError("description holds no data")
    dtype = np.dtype(desc["dtype"]) if desc["dtype"] != "bfloat16" else np.dtype("float32")
    if dtype.kind == "c":
        flat = np.array([complex(re, im) for re, im in data], dtype=dtype)
    else:
        flat = np.asarray(data, dtype=dtype if dtype.kind in "biuf" else object)
    return flat.reshape(desc["shape"])


def scalar_value(desc: dict[str, Any]) -> float | None:
    """A description's single numeric value, or None when it holds not exactly one number."""
    if desc.get("kind") == "python" and desc.get("type") in ("int", "float", "bool"):
        return float(desc["value"])
    if "data" in desc and desc.get("shape") is not None and math.prod(desc["shape"]) == 1:
        try:
            return float(np.asarray(desc["data"], dtype=float).ravel()[0])
        except (TypeError, ValueError):
            return None
    return None
