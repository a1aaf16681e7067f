"""The models of the follow-up files (`followup`): what a valid month file and revisions
file is. See `followup` for the files and their invariants."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from kuvadigi.followup import date_from_text
from kuvadigi.models import Amount, Id, Model, Month
from kuvadigi.money import shown
from kuvadigi.problems import InvalidValue


def _flag_from_text(value: Any) -> Any:
    """A yes/no flag is written `true` or `false`; YAML 1.1's `yes`, `on`, `1` are not
    guessed at."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise InvalidValue("value.flag", value=shown(str(value)))


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
Date = Annotated[datetime.date, BeforeValidator(date_from_text)]
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
