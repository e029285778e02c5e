"""gradetape: exercises and a sandboxed, out-of-process autograder for TensorFlow autodiff."""

from __future__ import annotations

import sys
from typing import Any

__version__ = "0.1.0"

# Set inside a grading sandbox so that a notebook's self-check cell does nothing while graded.
IN_SANDBOX = False


def check(module: str | None = None) -> None:
    """Self-check the functions defined in the calling notebook on the module's public examples.

    Formative only, never a grade; see :mod:`autograder.selfcheck`. Inside a grading sandbox it
    returns at once, without importing anything (the sandboxed child cannot import).
    """
    if IN_SANDBOX:
        return
    from autograder.selfcheck import check as _check

    caller: dict[str, Any] = sys._getframe(1).f_globals
    _check(module, caller)
