"""The comparison order defined → type → shape → dtype → value, and its messages."""

from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf

from autograder.codec import describe
from autograder.compare import Options, compare, tolerance

LOOSE = Options(numeric_any_kind=True, float_dtype="float32")


@pytest.mark.parametrize(
    ("expected", "actual", "want_stage", "want_hints", "want_text"),
    [
        (tf.constant(27.0), tf.constant(27.0), None, (), ""),
        (tf.constant(27.0), None, "defined", ("gradient-none",), "'result' is None"),
        (tf.constant([1, 2]), np.array([1, 2], dtype=np.int32), "type", ("not-a-tensor",),
         "got a NumPy array, expected a tf.Tensor"),
        (tf.constant([1.0, 2.0]), tf.constant([[1.0, 2.0]]), "shape", ("wrong-shape",),
         "got (1, 2), expected (2,)"),
        (tf.constant([1.0, 2.0]), tf.constant([1, 2]), "dtype", ("wrong-dtype",),
         "got int32, expected float32"),
        (tf.constant(27.0), tf.constant(9.0), "value", ("wrong-value",), "relative error"),
        (tf.constant(1.0), tf.constant(float("nan")), "value", ("nan-output",), "NaN"),
        (tf.constant([1.0] * 3), tf.ones((3, 3)), "shape", ("wrong-shape", "broadcast-shape"),
         "got (3, 3)"),
        ((tf.constant(1.0), tf.constant(2.0)), [tf.constant(1.0), tf.constant(3.0)], "value",
         ("wrong-value",), "'result[1]'"),
        ({"a": tf.constant(1.0)}, {"b": tf.constant(1.0)}, "type", ("wrong-type",),
         "missing a; unexpected b"),
        ((None, tf.constant(2.0)), (tf.constant(1.0), tf.constant(2.0)), "type",
         ("wrong-type",), "expected None"),
    ],
)
def test_compare_reports_first_mismatch(expected, actual, want_stage, want_hints, want_text):
    found = compare(describe(expected), describe(actual), Options())
    if want_stage is None:
        assert found is None
        return
    assert found is not None
    assert (found.stage, found.hints) == (want_stage, want_hints)
    assert want_text in found.message


def test_float32_tolerance_accepts_reordered_arithmetic_but_not_real_errors():
    a = np.float32(0.1) + np.float32(0.2) + np.float32(0.3)
    b = np.float32(0.3) + np.float32(0.2) + np.float32(0.1)
    assert compare(describe(tf.constant(a)), describe(tf.constant(b)), Options()) is None
    assert compare(describe(tf.constant(1.0)), describe(tf.constant(1.001)), Options())


def test_float64_is_compared_more_tightly_than_float32():
    assert tolerance("float64", Options())[0] < tolerance("float32", Options())[0]
    exp = describe(tf.constant(1.0, tf.float64))
    assert compare(exp, describe(tf.constant(1.0 + 1e-5, tf.float64)), Options()) is not None


def test_message_never_contains_the_expected_value():
    found = compare(describe(tf.constant(123.456)), describe(tf.constant(7.0)), Options())
    assert found is not None
    assert "123.456" not in found.message and "123.456" in found.detail


def test_variable_identity_and_trainable_flag():
    var = tf.Variable(10.0)
    same = describe(var, args=[var])
    assert compare(same, describe(tf.Variable(10.0), args=[var]), Options()).hints == (
        "variable-rebound",)
    frozen = describe(tf.Variable(1.0, trainable=False))
    assert compare(frozen, describe(tf.Variable(1.0)), Options()).hints == ("not-trainable",)
    assert compare(same, describe(var + 0, args=[var]), Options()).hints == ("variable-rebound",)


def test_numeric_any_kind_accepts_python_floats_for_tensors():
    expected = describe((7.0, 4.0, [1.0, 2.0]))
    actual = describe((tf.constant(7.0), np.float32(4.0), [tf.constant(1.0), 2.0]))
    assert compare(expected, actual, LOOSE) is None
    assert compare(expected, actual, Options()) is not None


def test_lying_objects_are_just_objects():
    class Liar:
        def __eq__(self, other):
            return True

        def __array__(self, *args, **kwargs):
            raise RuntimeError("never called")

    found = compare(describe(tf.constant(27.0)), describe(Liar()), Options())
    assert found is not None and found.stage == "type"


def test_a_wrong_structure_is_reported_before_a_wrong_value_beside_it():
    """train with one epoch too few: the weight is a little off AND the losses are one short;
    the length is what the student can act on."""
    expected = (7.0, 4.0, [3.0, 2.0, 1.0])
    actual = (6.9, 4.0, [3.0, 2.0])
    found = compare(describe(expected), describe(actual), LOOSE)
    assert found is not None and found.stage == "shape"
    assert "'result[2]' has wrong length: got 2, expected 3" in found.message
    # with the structure right, the first wrong value is still the one reported
    found = compare(describe(expected), describe((6.9, 4.5, [3.0, 2.0, 1.0])), LOOSE)
    assert found is not None and found.stage == "value" and "'result[0]'" in found.message


def test_relative_error_ignores_positions_where_the_reference_is_not_finite():
    expected = tf.constant([float("inf"), 2.0])
    with np.errstate(all="raise"):
        found = compare(describe(expected), describe(tf.constant([float("inf"), 3.0])), Options())
    assert found is not None and "relative error 0.5" in found.message
    found = compare(describe(tf.constant([float("nan")])), describe(tf.constant([1.0])), Options())
    assert found is not None and found.stage == "value" and "NaN or infinity" in found.message
    found = compare(describe(tf.constant([float("inf"), 2.0])), describe(tf.constant([1.0, 2.0])),
                    Options())
    assert found is not None and "where the expected value is NaN or infinity" in found.message
