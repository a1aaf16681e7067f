"""The data files' shapes, as pydantic models: what a valid budget, estimate and programme is.

Invariants:

- Unknown keys are refused everywhere (a typo must not be silently ignored).
- Amounts come through `money.parse_amount` only: from text, never from a float.
- A figure the document leaves blank is None; an explicit 0 is `Decimal(0)`. Both count
  as zero in sums (see `calc`).
- Published figures (`total`, `remaining`, `share`, the totals rows) are kept as written,
  so `check` can compare them with what the line items give.
- References between items and files are checked by `references`, not here, so that
  each problem can be located in its file.
- A validated model is turned into its record (`records`) at once, by `budget_record`
  and its kin: the rest of kuvadigi works with records, which need no pydantic.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from kuvadigi import records
from kuvadigi.money import AmountError, parse_amount, shown
from kuvadigi.problems import InvalidValue, Message


def _amount_from_text(value: Any) -> Any:
    """Let only text, integers and Decimals become amounts; floats have already lost cents."""
    if isinstance(value, str):
        return parse_amount(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_amount(str(value))
    if isinstance(value, Decimal):
        return parse_amount(format(value, "f"))
    if value is None:
        raise AmountError("amount.blank", "")
    raise _wrong_kind(value, "kind.amount")


def _year_from_text(value: Any) -> Any:
    """A year is four digits, written as such: `2019`, not `02019` or `2019.0`."""
    if isinstance(value, list | dict) or value is None:
        raise _wrong_kind(value, "kind.year")
    text = str(value).strip()
    if isinstance(value, bool) or not (
        len(text) == 4 and text.isascii() and text.isdigit() and text[0] != "0"
    ):
        raise InvalidValue("value.year", value=shown(text))
    return int(text)


def _number_from_text(value: Any) -> Any:
    """An action area's number: 1 to 99 in plain digits, not `01` or `1.0`."""
    if isinstance(value, list | dict) or value is None:
        raise _wrong_kind(value, "kind.number")
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch("[1-9][0-9]?", text):
        raise InvalidValue("value.area_number", value=shown(text))
    return int(text)


def _wrong_kind(value: Any, expected: str) -> InvalidValue:
    """The problem of a value that is not even the kind of thing its field takes."""
    return InvalidValue(
        "value.wrong_kind", expected=Message(expected), found=Message(kind_of(value))
    )


def kind_of(value: Any) -> str:
    """The catalogue key that names the kind of a value read from YAML, for messages."""
    if value is None:
        return "kind.nothing"
    if isinstance(value, list):
        return "kind.list"
    if isinstance(value, dict):
        return "kind.mapping"
    return "kind.text"


def _plain_name(value: Any) -> Any:
    """A name or text is what a person sees: no control characters, line breaks or
    invisible format characters (a zero-width space, a NUL) that would end up in
    tables, CSV and reports, and no spaces around it."""
    if not isinstance(value, str):
        return value
    # Printable text (Python's sense: no character of the categories C and Z but the
    # ordinary space) has none of them; only the rest is looked at character by
    # character. A city's budget has hundreds of thousands of names.
    if value.isprintable():
        return value.strip()
    for character in value:
        if unicodedata.category(character) in _INVISIBLE and character not in "\t\n":
            raise InvalidValue(
                "value.invisible_character", code=f"U+{ord(character):04X}"
            )
    if "\n" in value.strip() or "\t" in value:
        raise InvalidValue("value.line_break")
    return value.strip()


# Control, format, line and paragraph separator characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _none_as_table(value: Any) -> Any:
    """Nothing under a table's key is an empty table; a key inside it with nothing after
    it is a blank cell, the same as a key left out."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {key: item for key, item in value.items() if item is not None}
    return value


def _none_as_list(value: Any) -> Any:
    return [] if value is None else value


# A table or list that may be left out may also be written with nothing under its key
# (`funding:`): the same as left out.
OR_NOTHING_TABLE = BeforeValidator(_none_as_table)
OR_NOTHING_LIST = BeforeValidator(_none_as_list)

Amount = Annotated[Decimal, BeforeValidator(_amount_from_text)]
Year = Annotated[int, BeforeValidator(_year_from_text)]
AreaNumber = Annotated[int, BeforeValidator(_number_from_text)]
# The forms of ids, months and measure numbers; the loader names each in its messages.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
MEASURE_PATTERN = r"^[0-9]+\.[0-9]+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
Name = Annotated[
    str, BeforeValidator(_plain_name), StringConstraints(min_length=1, max_length=500)
]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=5000)]
Month = Annotated[str, StringConstraints(pattern=MONTH_PATTERN)]


class Model(BaseModel):
    """Base of every data model: closed to unknown keys, immutable once read."""

    # defer_build: a validator is built on first validation, not at import; a run
    # that takes its data from the cache (kuvadigi.cache) validates nothing and so
    # never pays for building one.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FundingSource(Model):
    """One of the budget's funding sources, e.g. the digital investment appropriation."""

    id: Id
    name: Name
    name_en: Name | None = None


class Project(Model):
    """A budget line ("hanke") of the year's budget, as published."""

    id: Id
    name: Name
    name_en: Name | None = None
    # Required: the total is the budget line itself; a deleted `total:` must not be
    # quietly replaced by the sum of the funding sources.
    total: Amount = Field(description="published total budget")
    funding: Annotated[dict[str, Amount], OR_NOTHING_TABLE] = Field(
        default_factory=dict,
        description="amount per funding source id; absent = blank",
    )
    actual: Amount | None = Field(default=None, description="actual spend (toteuma)")
    committed: Amount | None = Field(
        default=None, description="committed funds on top of actuals (sidottuja)"
    )
    remaining: Amount | None = Field(
        default=None, description="published remaining budget"
    )


class BudgetTotals(Model):
    """The budget's published totals row ("Yhteensä")."""

    total: Amount | None = None
    funding: Annotated[dict[str, Amount], OR_NOTHING_TABLE] = Field(
        default_factory=dict
    )
    actual: Amount | None = None
    committed: Amount | None = None
    remaining: Amount | None = None


class Budget(Model):
    """A year's budget per project, with actuals and commitments as of a month."""

    year: Year
    as_of: Month = Field(
        description="the month the actuals and commitments describe, YYYY-MM"
    )
    currency: Literal["EUR"] = "EUR"
    source: Name | None = None
    funding_sources: list[FundingSource] = Field(min_length=1)
    projects: list[Project] = Field(min_length=1)
    totals: BudgetTotals | None = None


class Group(Model):
    """A heading of the cost estimate that cost lines stand under."""

    id: Id
    name: Name
    name_en: Name | None = None


class CostLine(Model):
    """A row ("kustannuserä") of the cost estimate, with an amount for each year."""

    id: Id
    name: Name
    name_en: Name | None = None
    group: str
    amounts: dict[Year, Amount]
    total: Amount | None = Field(default=None, description="published row total")
    share: Amount | None = Field(default=None, description="published share, percent")


class Estimate(Model):
    """The multi-year cost estimate: the additional funding need per cost line and year."""

    currency: Literal["EUR"] = "EUR"
    source: Name | None = None
    years: list[Year] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    lines: list[CostLine] = Field(min_length=1)
    year_totals: dict[Year, Amount] | None = None
    total: Amount | None = None
    share_total: Amount | None = None


class VisionPart(Model):
    """One of the vision's five parts."""

    id: Id
    name: Name
    name_en: Name | None = None
    text: Prose


class Vision(Model):
    """The programme's vision: a statement and its parts."""

    statement: Name
    statement_en: Name | None = None
    parts: list[VisionPart]


class FocusMeasure(Model):
    """A focus measure of an action area for the year, numbered like 1.1."""

    number: Annotated[str, StringConstraints(pattern=MEASURE_PATTERN)]
    name: Name
    name_en: Name | None = None


class ActionArea(Model):
    """One of the programme's action areas ("toimenpidekokonaisuus")."""

    number: AreaNumber = Field(ge=1, le=99)
    id: Id
    name: Name
    name_en: Name | None = None
    focus_measures: Annotated[list[FocusMeasure], OR_NOTHING_LIST] = Field(
        default_factory=list
    )


class ProgrammeProject(Model):
    """A project of the year as the programme describes it, linked to its budget lines."""

    id: Id
    name: Name
    name_en: Name | None = None
    description: Prose
    budget_lines: list[str] = Field(min_length=1)


class Programme(Model):
    """The programme's structure: vision, action areas and the year's projects."""

    vision: Vision
    action_areas: list[ActionArea]
    projects: list[ProgrammeProject]
    undescribed_budget_lines: Annotated[list[str], OR_NOTHING_LIST] = Field(
        default_factory=list,
        description="budget lines the programme gives no description (shown, not hidden)",
    )


# Every key a data file may use, for "did you mean" suggestions on a typo.
FIELD_NAMES: frozenset[str] = frozenset(
    name
    for model in (
        FundingSource,
        Project,
        BudgetTotals,
        Budget,
        Group,
        CostLine,
        Estimate,
        VisionPart,
        Vision,
        FocusMeasure,
        ActionArea,
        ProgrammeProject,
        Programme,
    )
    for name in model.model_fields
)


# The records of the validated models, field by field (tests/test_records.py holds
# them to the models' fields). Written out rather than walked generically: a city's
# budget has a hundred thousand projects.


def budget_record(budget: Budget) -> records.Budget:
    """The record of a validated budget."""
    totals = budget.totals
    return records.Budget(
        year=budget.year,
        as_of=budget.as_of,
        currency=budget.currency,
        source=budget.source,
        funding_sources=[
            records.FundingSource(source.id, source.name, source.name_en)
            for source in budget.funding_sources
        ],
        projects=[
            records.Project(
                project.id,
                project.name,
                project.name_en,
                project.total,
                project.funding,
                project.actual,
                project.committed,
                project.remaining,
            )
            for project in budget.projects
        ],
        totals=None
        if totals is None
        else records.BudgetTotals(
            totals.total,
            totals.funding,
            totals.actual,
            totals.committed,
            totals.remaining,
        ),
    )


def estimate_record(estimate: Estimate) -> records.Estimate:
    """The record of a validated cost estimate."""
    return records.Estimate(
        currency=estimate.currency,
        source=estimate.source,
        years=estimate.years,
        groups=[
            records.Group(group.id, group.name, group.name_en)
            for group in estimate.groups
        ],
        lines=[
            records.CostLine(
                line.id,
                line.name,
                line.name_en,
                line.group,
                line.amounts,
                line.total,
                line.share,
            )
            for line in estimate.lines
        ],
        year_totals=estimate.year_totals,
        total=estimate.total,
        share_total=estimate.share_total,
    )


def programme_record(programme: Programme) -> records.Programme:
    """The record of a validated programme."""
    vision = programme.vision
    return records.Programme(
        vision=records.Vision(
            vision.statement,
            vision.statement_en,
            [
                records.VisionPart(part.id, part.name, part.name_en, part.text)
                for part in vision.parts
            ],
        ),
        action_areas=[
            records.ActionArea(
                area.number,
                area.id,
                area.name,
                area.name_en,
                [
                    records.FocusMeasure(measure.number, measure.name, measure.name_en)
                    for measure in area.focus_measures
                ],
            )
            for area in programme.action_areas
        ],
        projects=[
            records.ProgrammeProject(
                project.id,
                project.name,
                project.name_en,
                project.description,
                project.budget_lines,
            )
            for project in programme.projects
        ],
        undescribed_budget_lines=programme.undescribed_budget_lines,
    )
