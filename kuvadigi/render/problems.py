"""Problems and findings as people read them: `PATH:LINE:COLUMN: message`, then the line
and the fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from kuvadigi.i18n import Lang, say
from kuvadigi.problems import PROBLEM_CAP, Problem, Severity


def shown_path(path: Path) -> Path:
    """`path` relative to the working folder where it lies below it, as typed otherwise."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def problem_text(problem: Problem, lang: Lang, *, with_column: bool = True) -> str:
    """One problem: its location and message, then its line and fix where known."""
    place = Problem(
        shown_path(problem.path), problem.line, problem.column, ""
    ).location(with_column=with_column)
    label = (
        ""
        if problem.severity is Severity.ERROR
        else say(f"severity.{problem.severity.value}", lang) + ": "
    )
    lines = [f"{place}: {label}{problem.message}"]
    if problem.source_line is not None:
        lines.append(f"  {problem.line} | {problem.source_line}")
    if problem.hint:
        lines.append(f"  fix: {problem.hint}")
    return "\n".join(lines)


def print_problems(
    problems: Sequence[Problem], lang: Lang, out: IO[str], *, with_column: bool = True
) -> None:
    """Every problem, up to `PROBLEM_CAP`, then how many more there were."""
    for problem in problems[:PROBLEM_CAP]:
        print(problem_text(problem, lang, with_column=with_column), file=out)
    if len(problems) > PROBLEM_CAP:
        print(say("error.more", lang, count=len(problems) - PROBLEM_CAP), file=out)
