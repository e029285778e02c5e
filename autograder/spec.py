"""Task specifications: what each module's tasks are worth and which inputs grade them (no I/O).

A spec reads like a table: a :class:`Task` lists its public cases (the examples the module's text
shows) and a generator of hidden cases drawn per student from the course secret. Expected values
are never written here: the grader computes them by running the reference solution on the same
inputs. Typical mistakes are alternative implementations (:class:`Mistake`); when a student's
output matches one, feedback names its hint. Genuinely special checks are functions registered
with :func:`special_check`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

ArgsGenerator = Callable[[np.random.Generator], tuple[Any, ...]]


@dataclass(frozen=True)
class Mistake:
    """A typical wrong implementation; a student output that matches it earns ``hint``."""

    hint: str
    implementation: Callable[..., Any]


@dataclass(frozen=True)
class Task:
    """One gradable function of a module."""

    name: str
    points: float
    public: tuple[tuple[Any, ...], ...]
    hidden: ArgsGenerator | None = None
    hidden_count: int = 3
    mistakes: tuple[Mistake, ...] = ()
    checks: tuple[str, ...] = ()
    error_hints: tuple[tuple[str, str], ...] = ()  # (substring of the error message, hint id)
    mismatch_hints: tuple[tuple[str, str], ...] = ()  # (substring of a mismatch message, hint id)
    compare_args_after: bool = False  # the task updates input Variables in place
    numeric_any_kind: bool = False  # a Python float / NumPy scalar may stand for a tensor
    float_dtype: str | None = None  # dtype whose tolerance applies to Python floats
    rtol_scale: float = 1.0
    timeout_s: float | None = None
    keep_outputs: bool = False  # keep public cases' outputs in the result (for plots)

    def __post_init__(self) -> None:
        if self.points <= 0:
            raise ValueError(f"task {self.name}: points must be positive")
        if not self.public:
            raise ValueError(f"task {self.name}: needs at least one public case")

    @property
    def case_count(self) -> int:
        """Public plus hidden cases."""
        return len(self.public) + (self.hidden_count if self.hidden else 0)


@dataclass(frozen=True)
class ModuleSpec:
    """One curriculum module: its tasks in the order the module teaches them."""

    name: str
    title: str
    tasks: tuple[Task, ...]
    notes: str = ""

    @property
    def max_score(self) -> float:
        """Known before anything runs."""
        return float(sum(t.points for t in self.tasks))

    def task(self, name: str) -> Task:
        """The task called ``name``."""
        for task in self.tasks:
            if task.name == name:
                return task
        raise KeyError(f"{self.name} has no task {name!r}")


@dataclass(frozen=True)
class CheckOutcome:
    """What a special check concluded about one case: a failure message and hint ids, or pass."""

    message: str = ""
    hints: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """A check passes when it has nothing to say."""
        return not self.message


# A special check sees the student's call record and the reference's (plain dicts, see
# harness.invoke) and returns None when satisfied.
SpecialCheck = Callable[[dict[str, Any], dict[str, Any]], CheckOutcome | None]


@dataclass
class _CheckRegistry:
    checks: dict[str, SpecialCheck] = field(default_factory=dict)


_REGISTRY = _CheckRegistry()


def special_check(name: str) -> Callable[[SpecialCheck], SpecialCheck]:
    """Register a check that a task names in ``Task.checks``."""

    def register(func: SpecialCheck) -> SpecialCheck:
        if name in _REGISTRY.checks:
            raise ValueError(f"special check {name!r} registered twice")
        _REGISTRY.checks[name] = func
        return func

    return register


def get_check(name: str) -> SpecialCheck:
    """The special check registered as ``name``."""
    return _REGISTRY.checks[name]
