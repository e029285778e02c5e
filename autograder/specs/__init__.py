"""The registry of curriculum modules, in teaching order."""

from __future__ import annotations

from autograder.harness import configure_tensorflow

configure_tensorflow()  # before the spec modules import TensorFlow: quiet, deterministic

from autograder import checks as _checks  # noqa: E402, F401  (registers the special checks)
from autograder.spec import ModuleSpec  # noqa: E402
from autograder.specs import (  # noqa: E402
    ex01_constants,
    ex02_variables,
    ex03_matmul,
    ex04_first_order,
    ex05_second_order,
    ex06_watch,
    ex07_persistent_tape,
    ex08_linear_regression,
    ex09_jacobians,
    ex10_gradient_control,
    ex11_multifeature_regression,
)

SPECS: dict[str, ModuleSpec] = {
    m.SPEC.name: m.SPEC
    for m in (ex01_constants, ex02_variables, ex03_matmul, ex04_first_order, ex05_second_order,
              ex06_watch, ex07_persistent_tape, ex08_linear_regression, ex09_jacobians,
              ex10_gradient_control, ex11_multifeature_regression)
}


def module_names() -> list[str]:
    """Module names in teaching order."""
    return list(SPECS)
