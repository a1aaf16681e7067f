"""A word on standard error where the data's published figures disagree with their
line items.

The reporting commands show what the line items give (a line's total is the sum of its
funding sources, remaining is total - actual - committed), never a published figure
that says otherwise. A controller who changed only a published figure (`total:`) would
otherwise see the old number without a word: so each of them reconciles the file as
`check` does, and where any figure disagrees, says so once and names `check`, which
lists them. The output itself and the exit code stay as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kuvadigi import calc
from kuvadigi.calc import BudgetFigures, EstimateFigures
from kuvadigi.check import check_budget, check_estimate, has_errors
from kuvadigi.i18n import Lang, say
from kuvadigi.problems import Problem
from kuvadigi.records import Budget, Estimate


def warn_of_budget(
    budget: Budget, path: Path, lang: Lang, figures: BudgetFigures | None = None
) -> None:
    """Warn where the budget file's published figures disagree; `figures`, where
    given, are those of the whole of `budget` (not to compute them twice)."""
    whole = figures if figures is not None else calc.budget_figures(budget)
    _warn(check_budget(whole, path, lang), path, lang)


def warn_of_estimate(
    estimate: Estimate,
    path: Path,
    lang: Lang,
    figures: EstimateFigures | None = None,
) -> None:
    """Warn where the estimate file's published figures disagree; `figures`, where
    given, are those of all its years."""
    whole = figures if figures is not None else calc.estimate_figures(estimate)
    _warn(check_estimate(whole, path, lang), path, lang)


def _warn(findings: list[Problem], path: Path, lang: Lang) -> None:
    errors = [finding for finding in findings if has_errors([finding])]
    if errors:
        message = say("published.disagree", lang, count=len(errors), path=path)
        print(message, file=sys.stderr)
