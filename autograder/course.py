"""Where a course's material lives: reference solutions, student stubs, mutants."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "GRADETAPE_COURSE"


class CourseError(RuntimeError):
    """The course folder is missing or incomplete."""


@dataclass(frozen=True)
class Course:
    """A course root holding ``solutions/``, ``exercises/`` and ``tests/mutants/``."""

    root: Path

    @property
    def solutions(self) -> Path:
        """Reference modules: trusted, never shown to a sandbox."""
        return self.root / "solutions"

    @property
    def exercises(self) -> Path:
        """Student stubs generated from the solutions."""
        return self.root / "exercises"

    @property
    def mutants(self) -> Path:
        """Known mistakes that ``gradetape check`` must catch."""
        return self.root / "tests" / "mutants"

    def solution(self, module: str) -> Path:
        """The reference file of ``module``."""
        return self.solutions / f"{module}.py"

    @classmethod
    def locate(cls, root: Path | None = None) -> Course:
        """The course at ``root``, ``$GRADETAPE_COURSE``, or the checkout this package is in."""
        candidates = [root] if root else []
        if os.environ.get(ENV_VAR):
            candidates.append(Path(os.environ[ENV_VAR]))
        candidates += [Path.cwd(), Path(__file__).resolve().parent.parent]
        for candidate in candidates:
            if candidate and (candidate / "solutions").is_dir():
                return cls(candidate.resolve())
        where = root or Path.cwd()
        raise CourseError(f"no course found at {where}: expected a folder with solutions/ "
                          f"(pass --course DIR or set ${ENV_VAR})")
