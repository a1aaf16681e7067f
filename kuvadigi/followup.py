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

Invariants (the models refuse anything else, each problem located by the loader):

- Unknown keys are refused; amounts come through `money.parse_amount` only.
- A month is `YYYY-MM`; a date is `YYYY-MM-DD` and a real day.
- A snapshot entry has both `actual` and `committed` (a blank cell is 0 here: the month
  says what is spent and tied, not what the document printed).
- `correction: true` marks an entry that corrects earlier figures, e.g. lowers an
  actual after a credit note; only then may an actual go down.

Nothing here reads files or computes figures; see `followup_loader` and `asof`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from kuvadigi.models import Amount, Id, Model, Month
from kuvadigi.money import shown
from kuvadigi.problems import InvalidValue

FOLLOWUP_FOLDER = "followup"
REVISIONS_FILE = "revisions.yaml"
MONTH_FILE = re.compile(r"^(?P<month>[0-9]{4}-[0-9]{2})\.yaml$")
MONTH_TEXT = re.compile(r"^(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])$")
MONTHS_IN_YEAR = 12


def _flag_from_text(value: Any) -> Any:
    """A yes/no flag is written `true` or `false`; YAML 1.1's `yes`, `on`, `1` are not
    guessed at."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise InvalidValue("value.flag", value=shown(str(value)))


def _date_from_text(value: Any) -> Any:
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


# What YAML can hold unescaped, less tabs and line breaks (NEL, U+2028, U+2029 too).
_NOT_ONE_LINE = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _one_line_text(value: Any) -> Any:
    """Notes and reasons are one line of printable text: `record` and `revise` write
    them back into YAML files, and tables show them."""
    if isinstance(value, str):
        bad = _NOT_ONE_LINE.search(value)
        if bad is not None:
            raise InvalidValue("value.not_one_line", code=f"U+{ord(bad.group()):04X}")
        if not value.strip():
            raise InvalidValue("value.no_words")
    return value


Flag = Annotated[bool, BeforeValidator(_flag_from_text)]
Date = Annotated[datetime.date, BeforeValidator(_date_from_text)]
Text = Annotated[
    str,
    BeforeValidator(_one_line_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
]


class Entry(Model):
    """One budget line's figures as of a month."""

    actual: Amount = Field(description="actual spend so far this year")
    committed: Amount = Field(description="committed funds on top of the actual")
    note: Text | None = None
    correction: Flag = Field(
        default=False, description="corrects earlier figures (may lower the actual)"
    )


class MonthFile(Model):
    """A month's follow-up file: the lines whose figures changed that month."""

    as_of: Month
    projects: dict[Id, Entry] = Field(min_length=1)


RevisionKind = Literal["transfer", "new_money"]


class Revision(Model):
    """A dated change of some lines' totals, in one funding source's money."""

    date: Date
    kind: RevisionKind
    source: Id = Field(description="the funding source whose money moves or comes in")
    reason: Text
    from_: dict[Id, Amount] = Field(
        default_factory=dict, alias="from", description="lines giving money (transfer)"
    )
    to: dict[Id, Amount] = Field(min_length=1, description="lines receiving money")

    @property
    def month(self) -> str:
        """The month from which the revision counts, YYYY-MM."""
        return self.date.strftime("%Y-%m")


class RevisionsFile(Model):
    """The revisions file: every revision, in the order written."""

    revisions: list[Revision] = Field(default_factory=list)


# The keys of the follow-up files, for "did you mean" on a typo.
FIELD_NAMES: frozenset[str] = frozenset(
    {"from"}
    | {
        name
        for model in (Entry, MonthFile, Revision, RevisionsFile)
        for name in model.model_fields
        if name != "from_"
    }
)


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
    parsed: datetime.date = _date_from_text(text.strip())
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
