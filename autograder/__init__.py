"""gradetape: exercises and a sandboxed, out-of-process autograder for TensorFlow autodiff."""

from __future__ import annotations

__version__ = "0.1.0"

# Set inside a grading sandbox so that a notebook's self-check cell does nothing while graded.
IN_SANDBOX = False
