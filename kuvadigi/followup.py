"""The follow-up of a year's budget, as data: monthly snapshots and revisions.

A data folder may hold a `followup/` folder beside its budget files:

- `followup/YYYY-MM.yaml`, one per month: the actual spend and committed funds of the
  budget lines that changed that month, and only those. The budget file's own figures
  are the first snapshot (its `as_of`, e.g. 2019-01); a month's figures are that
  snapshot with, for each line, the latest values recorded up to the month.
- `followup/revisions.yaml`: dated revisions of lines' totals, each naming the funding
  source its money belongs to: a `transfer` takes money `from` some lines and gives it
  `to` others (the two sides net to zero), `new_money` brings money from the source
  `to` lines.

Invariants (the models of `followup_models` refuse anything else, each problem located
by the loader):

- Unknown keys are refused; amounts come through `money.parse_amount` only.
- A month is `YYYY-MM`; a date is `YYYY-MM-DD` and a real day.
- A snapshot entry has both `actual` and `committed` (a blank cell is 0 here: the month
  says what is spent and tied, not what the document printed).
- `correction: true` marks an entry that corrects earlier figures, e.g. lowers an
  actual after a credit note; only then may an actual go down.

Nothing here reads files or computes figures; see `followup_loader` and `asof`. The
files' models are in `followup_models`, apart from what this module holds: a budget
without a follow-up is shown without loading pydantic, when its record comes from the
cache.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kuvadigi.money import shown
from kuvadigi.problems import InvalidValue

if TYPE_CHECKING:
    from kuvadigi.followup_models import Entry, Revision

FOLLOWUP_FOLDER = "followup"
REVISIONS_FILE = "revisions.yaml"
MONTH_FILE = re.compile(r"^(?P<month>[0-9]{4}-[0-9]{2})\.yaml$")
MONTH_TEXT = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])$")
MONTHS_IN_YEAR = 12


def date_from_text(value: Any) -> Any:
    """A date is written `YYYY-MM-DD` and names a real day."""
    if isinstance(value, datetime.date):
        return value
    text = value if isinstance(value, str) else ""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise InvalidValue("value.day", value=text) from None
    raise InvalidValue("value.date", value=shown(str(value)))


@dataclass(frozen=True)
class Snapshot:
    """A month's follow-up file as read: its month, path and entries by project id."""

    month: str
    path: Path
    entries: dict[str, Entry]


@dataclass(frozen=True)
class DatedRevision:
    """A revision with where it was written: its file and its index in the list."""

    revision: Revision
    path: Path
    index: int


@dataclass(frozen=True)
class FollowUp:
    """A budget year's follow-up: its snapshots in month order and its revisions in
    date order (revisions of one day in the order written)."""

    year: int
    snapshots: list[Snapshot]
    revisions: list[DatedRevision]

    def snapshot(self, month: str) -> Snapshot | None:
        """The snapshot of `month`, if one was recorded."""
        return next((s for s in self.snapshots if s.month == month), None)


def parse_month(text: str) -> str:
    """`text` as a month `YYYY-MM`, or ValueError saying how to write one."""
    stripped = text.strip()
    if not MONTH_TEXT.fullmatch(stripped):
        raise ValueError(f"{text!r} is not a month; write YYYY-MM, e.g. 2019-02")
    return stripped


def parse_date(text: str) -> datetime.date:
    """`text` as a date `YYYY-MM-DD`, or ValueError saying how to write one."""
    parsed: datetime.date = date_from_text(text.strip())
    return parsed


def year_of(month: str) -> int:
    """The year of a month `YYYY-MM`."""
    return int(month[:4])


def month_number(month: str) -> int:
    """The month of the year (1-12) of a month `YYYY-MM`."""
    return int(month[5:7])


def months_from(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included, in order."""
    found = []
    year, number = year_of(first), month_number(first)
    while f"{year:04d}-{number:02d}" <= last:
        found.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == MONTHS_IN_YEAR else (year, number + 1)
    return found
