"""Problems are values: every problem found while reading or checking, with where it is.

Loading and checking collect `Problem`s in lists so one run can report them all; only the
CLI decides what they mean for the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# Past this many problems in one run the rest are counted, not listed: a file that is
# wrong everywhere should not bury the first lines of the report.
PROBLEM_CAP = 50


class Severity(StrEnum):
    """How much a finding matters: an error fails `check`; a note is information."""

    ERROR = "error"
    NOTE = "note"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) at a place in a data file.

    `line` and `column` count from 1; 0 means the problem belongs to the whole file.
    `source_line` is the offending line's text, `hint` a one-line fix where there is one.
    """

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    source_line: str | None = None
    hint: str | None = None

    def location(self, *, with_column: bool = True) -> str:
        """`PATH:LINE:COLUMN` (or less, where line or column is not known)."""
        place = str(self.path)
        if self.line:
            place += f":{self.line}"
            if with_column and self.column:
                place += f":{self.column}"
        return place


class DataError(Exception):
    """Raised with every problem found when the data cannot be read or validated."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems
