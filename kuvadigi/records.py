"""A data file's contents once validated: plain, immutable records.

`models` says what a valid file is, and pydantic checks it; what the rest of kuvadigi
works with is these records, which the models turn into once, after validation
(`models.budget_record` and its kin). They are what the cache keeps: a repeat run that
finds its data there loads neither pydantic nor the models, which for the shipped data
took longer than all else the run does besides importing its own stack.

Each record has the fields of the model of the same name, in the same order, with the
values validation gave (amounts are `Decimal`s, never floats; a blank figure is None).
Nothing here checks anything: a record is made from a model that has been checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Every record is frozen, as the models are, and has slots: a city's budget has a
# hundred thousand lines.


@dataclass(frozen=True, slots=True)
class FundingSource:
    """One of the budget's funding sources, e.g. the digital investment appropriation."""

    id: str
    name: str
    name_en: str | None


@dataclass(frozen=True, slots=True)
class Project:
    """A budget line ("hanke") of the year's budget, as published."""

    id: str
    name: str
    name_en: str | None
    total: Decimal
    funding: dict[str, Decimal]
    actual: Decimal | None
    committed: Decimal | None
    remaining: Decimal | None


@dataclass(frozen=True, slots=True)
class BudgetTotals:
    """The budget's published totals row ("Yhteensä")."""

    total: Decimal | None
    funding: dict[str, Decimal]
    actual: Decimal | None
    committed: Decimal | None
    remaining: Decimal | None


@dataclass(frozen=True, slots=True)
class Budget:
    """A year's budget per project, with actuals and commitments as of a month."""

    year: int
    as_of: str
    currency: str
    source: str | None
    funding_sources: list[FundingSource]
    projects: list[Project]
    totals: BudgetTotals | None


@dataclass(frozen=True, slots=True)
class Group:
    """A heading of the cost estimate that cost lines stand under."""

    id: str
    name: str
    name_en: str | None


@dataclass(frozen=True, slots=True)
class CostLine:
    """A row ("kustannuserä") of the cost estimate, with an amount for each year."""

    id: str
    name: str
    name_en: str | None
    group: str
    amounts: dict[int, Decimal]
    total: Decimal | None
    share: Decimal | None


@dataclass(frozen=True, slots=True)
class Estimate:
    """The multi-year cost estimate: the additional funding need per cost line and year."""

    currency: str
    source: str | None
    years: list[int]
    groups: list[Group]
    lines: list[CostLine]
    year_totals: dict[int, Decimal] | None
    total: Decimal | None
    share_total: Decimal | None


@dataclass(frozen=True, slots=True)
class VisionPart:
    """One of the vision's five parts."""

    id: str
    name: str
    name_en: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Vision:
    """The programme's vision: a statement and its parts."""

    statement: str
    statement_en: str | None
    parts: list[VisionPart]


@dataclass(frozen=True, slots=True)
class FocusMeasure:
    """A focus measure of an action area for the year, numbered like 1.1."""

    number: str
    name: str
    name_en: str | None


@dataclass(frozen=True, slots=True)
class ActionArea:
    """One of the programme's action areas ("toimenpidekokonaisuus")."""

    number: int
    id: str
    name: str
    name_en: str | None
    focus_measures: list[FocusMeasure]


@dataclass(frozen=True, slots=True)
class ProgrammeProject:
    """A project of the year as the programme describes it, linked to its budget lines."""

    id: str
    name: str
    name_en: str | None
    description: str
    budget_lines: list[str]


@dataclass(frozen=True, slots=True)
class Programme:
    """The programme's structure: vision, action areas and the year's projects."""

    vision: Vision
    action_areas: list[ActionArea]
    projects: list[ProgrammeProject]
    undescribed_budget_lines: list[str]
