"""Problems and findings as people read them: `PATH:LINE:COLUMN: message`, then the line
with a caret under the spot, then the fix.

    data/budget_2019.yaml:34:16: committed: '-5000' is negative; amounts cannot be negative
      34 |     committed: -5000
         |                ^

A message given as a `Message` is told in the language asked for; text is shown as is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from kuvadigi.i18n import Lang, say
from kuvadigi.problems import PROBLEM_CAP, Message, Problem, Severity

# A data line longer than this is shown as a window around the spot, so that one
# minified line cannot flood the terminal.
_SHOWN_WIDTH = 100
# Control characters from a file must not reach the terminal as escape sequences.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown_path(path: Path) -> Path:
    """`path` relative to the working folder where it lies below it, as typed otherwise."""
    # Not resolved: a link is shown as the name it was given by, and a link that
    # leads nowhere (or in a loop) is still shown.
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def message_text(message: str, lang: Lang) -> str:
    """A problem's message (or fix) in `lang`; text already told is returned as is."""
    return message.told(lang) if isinstance(message, Message) else message


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
    lines = [f"{place}: {label}{message_text(problem.message, lang)}"]
    if problem.source_line is not None:
        lines += _excerpt(problem.line, problem.column, problem.source_line)
    if problem.hint:
        lines.append(f"  {say('label.fix', lang)}: {message_text(problem.hint, lang)}")
    return "\n".join(lines)


def print_problems(
    problems: Sequence[Problem], lang: Lang, out: IO[str], *, with_column: bool = True
) -> None:
    """Every problem, up to `PROBLEM_CAP`, then how many more there were. A problem
    found twice (e.g. a missing folder, by each file looked for in it) is told once."""
    problems = list(dict.fromkeys(problems))
    for problem in problems[:PROBLEM_CAP]:
        print(problem_text(problem, lang, with_column=with_column), file=out)
    if len(problems) > PROBLEM_CAP:
        print(say("error.more", lang, count=len(problems) - PROBLEM_CAP), file=out)


def _excerpt(line: int, column: int, source: str) -> list[str]:
    """The offending line, numbered, and a caret under `column` where it is known."""
    source = _CONTROL.sub("\ufffd", source.rstrip())
    start = 0
    if len(source) > _SHOWN_WIDTH:
        # A window around the spot, marked as cut on the sides it was cut.
        start = max(0, min(column - 1 - _SHOWN_WIDTH // 2, len(source) - _SHOWN_WIDTH))
        window = source[start : start + _SHOWN_WIDTH]
        left = "…" if start > 0 else ""
        right = "…" if start + _SHOWN_WIDTH < len(source) else ""
        source, start = left + window + right, start - len(left)

    number = str(line)
    shown = [f"  {number} | {source}"]
    if column > 0:
        # Tabs stay tabs under the line, so the caret lands under the spot.
        before = source[: column - 1 - start]
        pad = "".join(char if char == "\t" else " " for char in before)
        shown.append(f"  {' ' * len(number)} | {pad}^")
    return shown
