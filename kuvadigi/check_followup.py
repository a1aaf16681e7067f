"""Reconciliation of the follow-up: every snapshot and every revision, for every year.

Findings (`Problem`s, each located at the entry that causes it):

- a line whose actual + committed exceeds its (revised) total as of a snapshot month,
  at that month's entry; or, where a transfer takes the money, at the transfer;
- an actual lower than the line's previous recorded actual, where the entry is not
  marked `correction: true`;
- a transfer whose two sides do not net to zero, and a transfer that takes more of a
  funding source from a line than the line has of it on that date;
- a month file or revision of a year that has no budget file.

A revision that names no funding source, an unknown project or source, or a transfer
with no `from` never gets this far: the loader refuses it (exit 2) with its location.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from kuvadigi import loader
from kuvadigi.asof import figures_as_of, line_history, revised_funding
from kuvadigi.calc import LineFigures, budget_figures
from kuvadigi.check import check_budget
from kuvadigi.followup import FollowUp, year_of
from kuvadigi.followup_loader import load_followup, month_files, read_revisions
from kuvadigi.followup_texts import say
from kuvadigi.i18n import Lang, format_amount
from kuvadigi.money import ZERO
from kuvadigi.problems import DataError, Problem
from kuvadigi.records import Budget
from kuvadigi.references import Where

if TYPE_CHECKING:
    from kuvadigi.followup_models import Revision


def followup_findings(
    folder: Path, lang: Lang, published_checked: int | None = None
) -> list[Problem]:
    """The findings of every budget year's follow-up in the data folder `folder`.

    Budgets of years other than `published_checked` (the one `check` has already
    reconciled) get their published figures reconciled here too. Raises `DataError`
    with the problems of every file that cannot be read.
    """
    years = loader.budget_years(folder)
    findings: list[Problem] = []
    problems: list[Problem] = []
    for year in sorted(years):
        try:
            budget = loader.load_budget(folder, year)
            followup = load_followup(folder, budget.model)
        except DataError as error:
            problems += error.problems
            continue
        if year != published_checked:
            figures = budget_figures(budget.model)
            findings += check_budget(figures, budget.path, lang)
        findings += reconcile(budget.model, followup, lang)
    # Figures of a year with no budget file cannot be reconciled at all: the data is
    # incomplete (exit 2), not in disagreement.
    problems += _without_budget(folder, set(years), lang)
    if problems:
        raise DataError(problems)
    return findings


def reconcile(budget: Budget, followup: FollowUp, lang: Lang) -> list[Problem]:
    """Every finding of one budget year's snapshots and revisions."""
    findings = _overspent_snapshots(budget, followup, lang)
    findings += _overspent_by_transfers(budget, followup, lang)
    findings += _decreasing_actuals(budget, followup, lang)
    findings += _published_month_replaced(budget, followup, lang)
    findings += _transfers(budget, followup, lang)
    return findings


def _published_month_replaced(
    budget: Budget, followup: FollowUp, lang: Lang
) -> list[Problem]:
    """Entries for the budget's own month (or earlier) replace published figures: only
    a marked correction may do that, as `record` insists too."""
    findings = []
    for snapshot in followup.snapshots:
        if snapshot.month > budget.as_of:
            continue
        for project_id, entry in snapshot.entries.items():
            if not entry.correction:
                findings.append(
                    _finding(
                        snapshot.path,
                        ("projects", project_id),
                        say(
                            "check.published_month_replaced",
                            lang,
                            name=_name(budget, project_id),
                            month=snapshot.month,
                            as_of=budget.as_of,
                        ),
                    )
                )
    return findings


def _overspent_snapshots(
    budget: Budget, followup: FollowUp, lang: Lang
) -> list[Problem]:
    findings = []
    for snapshot in followup.snapshots:
        lines = _lines_by_id(budget, followup, snapshot.month)
        for project_id in snapshot.entries:
            line = lines[project_id]
            if line.remaining < ZERO:
                findings.append(
                    _finding(
                        snapshot.path,
                        ("projects", project_id, "committed"),
                        say(
                            "check.snapshot_overspent",
                            lang,
                            name=_name(budget, project_id),
                            month=snapshot.month,
                            **_overspend_fields(line, lang),
                        ),
                    )
                )
    return findings


def _overspent_by_transfers(
    budget: Budget, followup: FollowUp, lang: Lang
) -> list[Problem]:
    """Lines a transfer leaves overspent in a month where nothing else is recorded for
    them (otherwise that month's entry carries the finding)."""
    findings = []
    for dated in followup.revisions:
        revision = dated.revision
        lines = _lines_by_id(budget, followup, revision.month)
        snapshot = followup.snapshot(revision.month)
        for project_id in revision.from_:
            recorded = snapshot is not None and project_id in snapshot.entries
            line = lines[project_id]
            if line.remaining < ZERO and not recorded:
                findings.append(
                    _finding(
                        dated.path,
                        ("revisions", dated.index, "from", project_id),
                        say(
                            "check.revision_overspent",
                            lang,
                            name=_name(budget, project_id),
                            date=revision.date.isoformat(),
                            **_overspend_fields(line, lang),
                        ),
                    )
                )
    return findings


def _decreasing_actuals(
    budget: Budget, followup: FollowUp, lang: Lang
) -> list[Problem]:
    findings = []
    for project in budget.projects:
        history = line_history(budget, followup, project)
        for previous, current in pairwise(history):
            if current.actual < previous.actual and not current.correction:
                assert current.snapshot is not None, "only the first is the budget's"
                findings.append(
                    _finding(
                        current.snapshot.path,
                        ("projects", project.id, "actual"),
                        say(
                            "check.actual_decreased",
                            lang,
                            name=project.name,
                            month=current.month,
                            actual=format_amount(current.actual, lang),
                            previous=format_amount(previous.actual, lang),
                            previous_month=previous.month,
                        ),
                    )
                )
    return findings


def _transfers(budget: Budget, followup: FollowUp, lang: Lang) -> list[Problem]:
    """Transfers that do not net to zero, or take more than a line has of a source."""
    findings = []
    counted: list[Revision] = []
    for dated in followup.revisions:
        revision = dated.revision
        where: Where = ("revisions", dated.index)
        given = sum(revision.from_.values(), ZERO)
        received = sum(revision.to.values(), ZERO)
        if revision.kind == "transfer" and given != received:
            findings.append(
                _finding(
                    dated.path,
                    (*where, "to"),
                    say(
                        "check.transfer_unbalanced",
                        lang,
                        date=revision.date.isoformat(),
                        given=format_amount(given, lang),
                        received=format_amount(received, lang),
                    ),
                )
            )

        for project_id, taken in revision.from_.items():
            project = next(p for p in budget.projects if p.id == project_id)
            available = revised_funding(project, counted).get(revision.source, ZERO)
            if taken > available:
                findings.append(
                    _finding(
                        dated.path,
                        (*where, "from", project_id),
                        say(
                            "check.source_overdrawn",
                            lang,
                            name=project.name,
                            date=revision.date.isoformat(),
                            taken=format_amount(taken, lang),
                            source=_source_name(budget, revision.source),
                            available=format_amount(available, lang),
                        ),
                    )
                )
        counted.append(revision)
    return findings


def _without_budget(folder: Path, years: set[int], lang: Lang) -> list[Problem]:
    """Month files and revisions of years that have no budget file."""
    findings = []
    for month, path in month_files(folder).items():
        if year_of(month) not in years:
            findings.append(
                Problem(
                    path,
                    0,
                    0,
                    say(
                        "check.no_budget_month", lang, month=month, year=year_of(month)
                    ),
                )
            )
    for dated in read_revisions(folder):
        year = dated.revision.date.year
        if year not in years:
            findings.append(
                _finding(
                    dated.path,
                    ("revisions", dated.index, "date"),
                    say(
                        "check.no_budget_revision",
                        lang,
                        date=dated.revision.date.isoformat(),
                        year=year,
                    ),
                )
            )
    return findings


def _lines_by_id(
    budget: Budget, followup: FollowUp, month: str
) -> dict[str, LineFigures]:
    figures = figures_as_of(budget, followup, month)
    return {project.project.id: project.figures for project in figures.projects}


def _overspend_fields(line: LineFigures, lang: Lang) -> dict[str, str]:
    spent = line.total - line.remaining
    return {
        "spent": format_amount(spent, lang),
        "total": format_amount(line.total, lang),
        "over": format_amount(-line.remaining, lang),
    }


def _name(budget: Budget, project_id: str) -> str:
    return next(p.name for p in budget.projects if p.id == project_id)


def _source_name(budget: Budget, source_id: str) -> str:
    return next(
        (s.name for s in budget.funding_sources if s.id == source_id), source_id
    )


def _finding(path: Path, where: Sequence[str | int], message: str) -> Problem:
    # Only a finding needs YAML again: a run without one never imports it.
    from kuvadigi import yamlfile

    line, column, _ = yamlfile.locate(path, where)
    return Problem(path, line, column, message)
