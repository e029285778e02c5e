"""Shared fixtures: a quiet TensorFlow, the course, and paths to test submissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from autograder.harness import configure_tensorflow

configure_tensorflow()

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The checkout (the course root)."""
    return ROOT


@pytest.fixture(scope="session")
def course():
    """The course in this checkout."""
    from autograder.course import Course

    return Course.locate(ROOT)
