"""Running the reference solutions in the trusted grader to get expected values.

The references are loaded from the course's ``solutions/`` folder by path, in this process only:
the sandbox workers never import them, and a child cannot see the folder.
"""

from __future__ import annotations

import importlib.util
import threading
import types
from typing import Any

from autograder import harness
from autograder.course import Course


class GraderError(RuntimeError):
    """A fault in the grader or the course material (not the student's): reported loudly."""


class References:
    """Loads each reference once; calls its functions the way the sandbox calls a student's."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self._modules: dict[str, types.ModuleType] = {}
        self._lock = threading.Lock()

    def module(self, name: str) -> types.ModuleType:
        """The reference module ``name`` (loaded on first use, once even across threads)."""
        with self._lock:
            return self._load(name)

    def _load(self, name: str) -> types.ModuleType:
        if name not in self._modules:
            path = self.course.solution(name)
            if not path.is_file():
                raise GraderError(f"reference solution {path} is missing")
            harness.configure_tensorflow()
            spec = importlib.util.spec_from_file_location(f"gradetape_reference_{name}", path)
            if spec is None or spec.loader is None:
                raise GraderError(f"cannot load reference solution {path}")
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
            except Exception as exc:
                raise GraderError(f"reference solution {path} failed to load: {exc!r}") from exc
            self._modules[name] = module
        return self._modules[name]

    def call(self, module: str, task: str, args: list[Any], seed: int) -> dict[str, Any]:
        """The reference's call record for ``task`` on encoded ``args``; raises GraderError."""
        ref = self.module(module)
        func = getattr(ref, task, None)
        if func is None:
            raise GraderError(f"reference solution {module} has no function {task!r}")
        record = harness.invoke(func, args, seed, str(self.course.solution(module)))
        if not record["ok"]:
            error = record["error"]
            raise GraderError(f"reference {module}.{task} raised {error['type']}: "
                              f"{error['message']}")
        return record


def call_alternative(func: Any, args: list[Any], seed: int) -> dict[str, Any]:
    """A call record for a spec's mistake implementation (trusted code, like the reference)."""
    return harness.invoke(func, args, seed, "<mistake>")
