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
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from kuvadigi.money import AmountError, parse_amount


def _amount_from_text(value: Any) -> Any:
    """Let only text, integers and Decimals become amounts; floats have already lost cents."""
    if isinstance(value, bool):
        raise AmountError(f"{value!r} is not an amount")
    if isinstance(value, str):
        return parse_amount(value)
    if isinstance(value, int):
        return parse_amount(str(value))
    if isinstance(value, Decimal):
        return parse_amount(format(value, "f"))
    if isinstance(value, float):
        raise AmountError(
            "amounts are read from text; a binary float cannot hold cents exactly"
        )
    return value


def _year_from_text(value: Any) -> Any:
    """A year is four digits, written as such: `2019`, not `02019` or `2019.0`."""
    text = (
        str(value).strip()
        if isinstance(value, str | int) and not isinstance(value, bool)
        else None
    )
    if text is None or not (len(text) == 4 and text.isdigit() and text[0] != "0"):
        raise ValueError(f"{value!r} is not a year; write four digits, e.g. 2020")
    return int(text)


Amount = Annotated[Decimal, BeforeValidator(_amount_from_text)]
Year = Annotated[int, BeforeValidator(_year_from_text)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=5000)]
Month = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class Model(BaseModel):
    """Base of every data model: closed to unknown keys, immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
    total: Amount | None = Field(default=None, description="published total budget")
    funding: dict[str, Amount] = Field(
        default_factory=dict, description="amount per funding source id; absent = blank"
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
    funding: dict[str, Amount] = Field(default_factory=dict)
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

    number: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+$")]
    name: Name
    name_en: Name | None = None


class ActionArea(Model):
    """One of the programme's action areas ("toimenpidekokonaisuus")."""

    number: int = Field(ge=1, le=99)
    id: Id
    name: Name
    name_en: Name | None = None
    focus_measures: list[FocusMeasure] = Field(default_factory=list)


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
    undescribed_budget_lines: list[str] = Field(
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
