"""Figures as of a month: a budget with its follow-up applied.

Pure functions on validated records: no I/O, no printing. The figures as of month M are
the budget file's own, where

- each line's actual and committed are those of the latest snapshot up to M that
  records the line (the budget file's own figures where none does), and
- each line's funding is the budget file's, plus what revisions dated up to M gave it
  and minus what they took, in the revision's funding source.

The result is a `Budget` as of M (published `total`, `remaining` and totals row left
out: they describe the document, not the month), so `calc.budget_figures` derives its
totals, remaining and utilisation exactly as for the document's own figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kuvadigi.calc import BudgetFigures, LineFigures, budget_figures
from kuvadigi.followup import FollowUp, Snapshot, months_from
from kuvadigi.money import ZERO
from kuvadigi.records import Budget, Project

if TYPE_CHECKING:
    from kuvadigi.followup_models import Entry, Revision


def latest_month(budget: Budget, followup: FollowUp) -> str:
    """The latest month with recorded figures: the last snapshot's, or the budget's."""
    return max([budget.as_of, *(snapshot.month for snapshot in followup.snapshots)])


def revisions_through(followup: FollowUp, month: str) -> list[Revision]:
    """The revisions that count as of `month` (dated in it or before), in date order."""
    return [d.revision for d in followup.revisions if d.revision.month <= month]


def revised_funding(
    project: Project, revisions: Iterable[Revision]
) -> dict[str, Decimal]:
    """`project`'s funding by source after `revisions`: the budget file's amounts, plus
    what the revisions gave the line, minus what they took from it."""
    funding = dict(project.funding)
    for revision in revisions:
        if project.id in revision.to or project.id in revision.from_:
            given = revision.to.get(project.id, ZERO) - revision.from_.get(
                project.id, ZERO
            )
            funding[revision.source] = funding.get(revision.source, ZERO) + given
    return funding


def latest_entries(followup: FollowUp, month: str) -> dict[str, Entry]:
    """Each line's latest snapshot entry up to `month`, by project id."""
    latest: dict[str, Entry] = {}
    for snapshot in followup.snapshots:
        if snapshot.month <= month:
            latest.update(snapshot.entries)
    return latest


def budget_as_of(budget: Budget, followup: FollowUp, month: str) -> Budget:
    """`budget` as of `month`: latest actuals and commitments, revised funding."""
    revisions = revisions_through(followup, month)
    entries = latest_entries(followup, month)
    projects = []
    for project in budget.projects:
        update: dict[str, Any] = {
            "funding": revised_funding(project, revisions),
            "total": None,
            "remaining": None,
        }
        entry = entries.get(project.id)
        if entry is not None:
            update |= {"actual": entry.actual, "committed": entry.committed}
        # Like the published figures left out, the month's own need no check: the
        # record is derived, not read (a `total` of None is "left out" here).
        projects.append(replace(project, **update))
    return replace(budget, as_of=month, projects=projects, totals=None)


def figures_as_of(
    budget: Budget,
    followup: FollowUp,
    month: str,
    project_ids: Sequence[str] | None = None,
) -> BudgetFigures:
    """The budget's derived figures as of `month`, for all projects or those given."""
    return budget_figures(budget_as_of(budget, followup, month), project_ids)


@dataclass(frozen=True)
class Recorded:
    """A line's figures as recorded in one snapshot (`snapshot` None: the budget file)."""

    month: str
    actual: Decimal
    committed: Decimal
    correction: bool
    note: str | None
    snapshot: Snapshot | None


def line_history(
    budget: Budget, followup: FollowUp, project: Project
) -> list[Recorded]:
    """Every recording of one line's figures, the budget file's first, in month order.

    Takes the project itself, not its id: `check` asks for every line's history, and a
    search by id for each would grow with the square of the lines.
    """
    project_id = project.id
    history = [
        Recorded(
            budget.as_of,
            project.actual or ZERO,
            project.committed or ZERO,
            False,
            None,
            None,
        )
    ]
    for snapshot in followup.snapshots:
        entry = snapshot.entries.get(project_id)
        if entry is not None:
            history.append(
                Recorded(
                    snapshot.month,
                    entry.actual,
                    entry.committed,
                    entry.correction,
                    entry.note,
                    snapshot,
                )
            )
    return history


@dataclass(frozen=True)
class TrendPoint:
    """The figures of the lines shown as of one month; `recorded` says whether any of
    them has a snapshot entry that month (otherwise the figures carry over)."""

    month: str
    figures: LineFigures
    recorded: bool


def trend(
    budget: Budget,
    followup: FollowUp,
    project_ids: Sequence[str] | None = None,
    last: str | None = None,
) -> list[TrendPoint]:
    """The figures of the lines shown (their totals row) month by month, from the
    budget's own month to `last` (default: the latest recorded)."""
    wanted = None if project_ids is None else set(project_ids)
    points = []
    for month in months_from(budget.as_of, last or latest_month(budget, followup)):
        figures = figures_as_of(budget, followup, month, project_ids)
        snapshot = followup.snapshot(month)
        recorded = month == budget.as_of or (
            snapshot is not None
            and any(wanted is None or pid in wanted for pid in snapshot.entries)
        )
        points.append(TrendPoint(month, figures.totals, recorded))
    return points
