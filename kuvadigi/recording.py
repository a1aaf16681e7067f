"""The rules of `kuvadigi record`, applied under the writers' lock.

A line's figures go forward month by month. Without `--correction`:

- a month before the latest recorded one is refused (history is not rewritten by a
  slip of the keyboard);
- a line already recorded for the month (the budget file's own month included) keeps
  its figures; the same figures again change nothing;
- an actual lower than the line's previous one is refused (actuals only grow, except
  by a correction, e.g. a credit note).

With `--correction` (which needs `--note`) each of these is allowed and the entry is
marked `correction: true`, which `check` reads. Even so, a correction must not leave a
later month's actual lower than the corrected one: that month is to be corrected first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kuvadigi.asof import Recorded, figures_as_of, line_history
from kuvadigi.cliapp import UsageProblem
from kuvadigi.followup import FollowUp, Snapshot, year_of
from kuvadigi.followup_cli import load_year, refused_value
from kuvadigi.followup_files import write_month
from kuvadigi.followup_models import Entry
from kuvadigi.followup_texts import say
from kuvadigi.i18n import Lang, format_amount
from kuvadigi.money import ZERO
from kuvadigi.records import Budget, Project
from kuvadigi.views import display_name


@dataclass(frozen=True)
class Recording:
    """What `record` was asked to write."""

    month: str
    actual: Decimal
    committed: Decimal
    note: str | None
    correction: bool

    def entry(self) -> Entry:
        """The snapshot entry to write (validated by the model like any read one)."""
        return Entry.model_validate(
            {
                "actual": self.actual,
                "committed": self.committed,
                "note": self.note,
                "correction": self.correction,
            }
        )


def record_entry(
    folder: Path,
    recording: Recording,
    find_project: Callable[[Budget], Project],
    lang: Lang,
) -> list[str]:
    """Check `recording` against the data folder `folder` and write it; return the
    lines to print. Raises `UsageProblem` where a rule refuses it."""
    from pydantic import ValidationError

    month = recording.month
    year = load_year(folder, year_of(month))
    budget = year.budget
    project = find_project(budget)
    if recording.correction and recording.note is None:
        raise UsageProblem(say("error.correction_needs_note", lang))
    try:
        entry = recording.entry()
    except ValidationError as error:
        raise UsageProblem(
            say(
                "error.bad_option",
                lang,
                option="--note",
                message=refused_value(error, lang),
            )
        ) from None

    _check_month(budget, year.latest, recording, lang)
    history = line_history(budget, year.followup, project)
    recorded_then = next((r for r in history if r.month == month), None)
    if recorded_then is not None and _same(recorded_then, entry):
        return [
            say(
                "record.unchanged",
                lang,
                name=display_name(project.name, project.name_en, lang),
                as_of=month,
            )
        ]
    if recorded_then is not None and not recording.correction:
        raise UsageProblem(
            say(
                "error.entry_exists",
                lang,
                name=display_name(project.name, project.name_en, lang),
                month=month,
                actual=format_amount(recorded_then.actual, lang),
                committed=format_amount(recorded_then.committed, lang),
            )
        )
    _check_actual(history, entry, month, lang)

    snapshot = year.followup.snapshot(month)
    entries = dict(snapshot.entries) if snapshot is not None else {}
    entries[project.id] = entry
    in_budget_order = {p.id: entries[p.id] for p in budget.projects if p.id in entries}
    path = write_month(folder, month, in_budget_order)

    lines = [
        say(
            "record.done",
            lang,
            name=display_name(project.name, project.name_en, lang),
            as_of=month,
            actual=format_amount(entry.actual, lang),
            committed=format_amount(entry.committed, lang),
            path=_shown(path),
        )
    ]
    overspent = _overspent(budget, year.followup, month, path, in_budget_order, project)
    if overspent is not None:
        spent, total = overspent
        lines.append(
            say(
                "record.overspent",
                lang,
                spent=format_amount(spent, lang),
                total=format_amount(total, lang),
                over=format_amount(spent - total, lang),
            )
        )
    return lines


def _check_month(budget: Budget, latest: str, recording: Recording, lang: Lang) -> None:
    month = recording.month
    if month < budget.as_of:
        raise UsageProblem(
            say(
                "error.month_before_budget",
                lang,
                month=month,
                year=budget.year,
                as_of=budget.as_of,
            )
        )
    if month < latest and not recording.correction:
        raise UsageProblem(
            say("error.month_before_latest", lang, month=month, latest=latest)
        )


def _check_actual(
    history: list[Recorded], entry: Entry, month: str, lang: Lang
) -> None:
    """Actuals only grow: against the month before, and against the month after."""
    before = [r for r in history if r.month < month]
    if before and entry.actual < before[-1].actual and not entry.correction:
        raise UsageProblem(
            say(
                "error.actual_decreases",
                lang,
                actual=format_amount(entry.actual, lang),
                previous=format_amount(before[-1].actual, lang),
                month=before[-1].month,
            )
        )
    after = [r for r in history if r.month > month]
    if after and after[0].actual < entry.actual and not after[0].correction:
        raise UsageProblem(
            say(
                "error.later_decreases",
                lang,
                later=after[0].month,
                later_actual=format_amount(after[0].actual, lang),
                actual=format_amount(entry.actual, lang),
            )
        )


def _same(recorded: Recorded, entry: Entry) -> bool:
    """Whether `entry` says exactly what is recorded already, note and mark included."""
    return (
        recorded.actual == entry.actual
        and recorded.committed == entry.committed
        and recorded.correction == entry.correction
        and recorded.note == entry.note
    )


def _overspent(
    budget: Budget,
    followup: FollowUp,
    month: str,
    path: Path,
    entries: dict[str, Entry],
    project: Project,
) -> tuple[Decimal, Decimal] | None:
    """The line's spend and total as of `month` with the new entry, where the spend
    exceeds the total."""
    others = [s for s in followup.snapshots if s.month != month]
    updated = FollowUp(
        followup.year,
        sorted([*others, Snapshot(month, path, entries)], key=lambda s: s.month),
        followup.revisions,
    )
    line = figures_as_of(budget, updated, month, [project.id]).totals
    spent = (line.actual or ZERO) + (line.committed or ZERO)
    return (spent, line.total) if spent > line.total else None


def _shown(path: Path) -> Path:
    from kuvadigi.render.problems import shown_path

    return shown_path(path)
