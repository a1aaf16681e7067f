"""The open-data package: the budget and the cost estimate as a Frictionless Data Package.

One CSV per table and a `datapackage.json` describing them: each field's type, unit and
meaning, primary keys, and foreign keys from the fact tables to the code lists of
funding sources, groups and projects. Fiscal Data Package conventions are followed
where they fit: one amount per row (`amount`, columnType `value`) with its `currency`
and `fiscal_year`, and the package's `fiscalPeriod`.

Invariants:

- Plain stdlib writing (csv, json): the validator (frictionless) is only needed by the
  tests, not by anyone who exports.
- Amounts are written as their exact decimal text: digits, a dot and cents only where
  there are cents (`amount_text`).
- A blank cell of the document is no row in the long tables (`budget.csv`) and an
  empty cell in the wide one (`projects.csv`); an explicit 0 stays 0.
- Output is deterministic: the same data gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kuvadigi.calc import BudgetFigures, EstimateFigures
from kuvadigi.money import amount_text

DESCRIPTOR = "datapackage.json"

# The licences a programme office is likely to publish under, as Data Package wants
# them named.
LICENCES: dict[str, dict[str, str]] = {
    "CC-BY-4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
    "CC0-1.0": {
        "name": "CC0-1.0",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
        "title": "CC0 1.0 Universal",
    },
}

Field = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One resource of the package: its CSV rows and its Table Schema."""

    name: str
    title: str
    description: str
    fields: list[Field]
    rows: list[list[str]]
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def file_names() -> list[str]:
    """Every file the package consists of, the descriptor first."""
    return [DESCRIPTOR, *(f"{name}.csv" for name in _TABLE_NAMES)]


_TABLE_NAMES = ("funding_sources", "groups", "projects", "budget", "estimate")


def tables(budget: BudgetFigures, estimate: EstimateFigures) -> list[Table]:
    """The package's tables: the code lists first, then the facts that refer to them."""
    return [
        _code_list(
            "funding_sources",
            "Funding sources",
            "The funding sources of the budget.",
            [(s.id, s.name, s.name_en) for s in budget.budget.funding_sources],
        ),
        _code_list(
            "groups",
            "Cost estimate groups",
            "The groups the cost lines of the estimate stand under.",
            [(g.id, g.name, g.name_en) for g in estimate.estimate.groups],
        ),
        _projects(budget),
        _budget(budget),
        _estimate(estimate),
    ]


def csv_text(table: Table) -> str:
    """The table as RFC 4180 CSV: a header row of field names, then the rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f["name"] for f in table.fields])
    writer.writerows(table.rows)
    return out.getvalue()


def descriptor(
    budget: BudgetFigures, estimate: EstimateFigures, licence: str, package: list[Table]
) -> dict[str, Any]:
    """The `datapackage.json` of `package`: what it is, where it comes from, its licence,
    and each table's schema."""
    year = budget.budget.year
    first, last = estimate.years[0], estimate.years[-1]
    sources = [
        s for s in dict.fromkeys([budget.budget.source, estimate.estimate.source]) if s
    ]
    return {
        "profile": "tabular-data-package",
        "name": f"digitalisation-programme-budget-{year}-estimate-{first}-{last}",
        "title": (
            f"Digitalisation programme: budget {year} as of {budget.budget.as_of}, "
            f"cost estimate {first}–{last}"
        ),
        "description": (
            f"The budget {year} per project and funding source, with actual and "
            f"committed spend as of {budget.budget.as_of}, and the cost estimate "
            f"{first}–{last} per cost line and year (the additional funding need). "
            "Amounts are in euros. Written by kuvadigi from the programme's data files."
        ),
        "keywords": ["budget", "cost estimate", "digitalisation", "fiscal data"],
        "licenses": [LICENCES[licence]],
        "sources": [{"title": source} for source in sources],
        # Fiscal Data Package: the period the figures cover.
        "fiscalPeriod": {
            "start": f"{min(year, first)}-01-01",
            "end": f"{max(year, last)}-12-31",
        },
        "resources": [_resource(table) for table in package],
    }


def descriptor_text(document: dict[str, Any]) -> str:
    """The descriptor as JSON text, UTF-8 names kept readable."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": table.fields, "primaryKey": table.primary_key}
    if table.foreign_keys:
        schema["foreignKeys"] = table.foreign_keys
    return {
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


# Tables


def _code_list(
    name: str, title: str, description: str, entries: list[tuple[str, str, str | None]]
) -> Table:
    return Table(
        name,
        title,
        description,
        [
            _id_field("id", "The code other tables refer to."),
            _text_field("name", "The name as the programme writes it (Finnish)."),
            _text_field("name_en", "The name in English.", required=False),
        ],
        [[code, label, label_en or ""] for code, label, label_en in entries],
        ["id"],
    )


def _projects(figures: BudgetFigures) -> Table:
    budget = figures.budget
    rows = [
        [
            p.project.id,
            p.project.name,
            p.project.name_en or "",
            str(budget.year),
            budget.as_of,
            _amount(p.figures.total),
            _amount(p.figures.actual),
            _amount(p.figures.committed),
            _amount(p.figures.remaining),
            _decimal(p.figures.utilisation_shown),
            budget.currency,
        ]
        for p in figures.projects
    ]
    return Table(
        "projects",
        f"Projects {budget.year}",
        f"The budget's projects: each one's total budget, actual and committed spend as of "
        f"{budget.as_of}, remaining budget and utilisation. Total, remaining and "
        "utilisation are derived from the other figures.",
        [
            _id_field(
                "id", "The project's code.", column_type="activity:generic:project:code"
            ),
            _text_field(
                "name",
                "The project's name as the programme writes it (Finnish).",
                column_type="activity:generic:project:label",
            ),
            _text_field("name_en", "The project's name in English.", required=False),
            _fiscal_year(),
            {
                "name": "as_of",
                "type": "yearmonth",
                "description": "The month the actual and committed spend describe.",
                "constraints": {"required": True},
            },
            _amount_field(
                "total", "Total budget: the sum of the project's funding (derived)."
            ),
            _amount_field(
                "actual",
                "Actual spend so far; empty where the document leaves it blank.",
                required=False,
            ),
            _amount_field(
                "committed",
                "Money committed on top of the actual spend; empty where the document "
                "leaves it blank.",
                required=False,
            ),
            _amount_field(
                "remaining",
                "Remaining budget: total - actual - committed (derived; negative when "
                "overspent).",
                minimum=False,
            ),
            {
                "name": "utilisation",
                "type": "number",
                "unit": "percent",
                "description": "(actual + committed) / total, in percent at two decimals "
                "(derived); empty where the total is 0.",
            },
            _currency_field(),
        ],
        rows,
        ["id"],
    )


def _budget(figures: BudgetFigures) -> Table:
    budget = figures.budget
    rows = [
        [str(budget.year), p.project.id, source.id, _amount(amount), budget.currency]
        for p in figures.projects
        for source in budget.funding_sources
        if (amount := p.project.funding.get(source.id)) is not None
    ]
    return Table(
        "budget",
        f"Budget {budget.year}",
        f"The budget {budget.year}: one row per project and funding source that funds "
        "it.",
        [
            _fiscal_year(),
            _id_field("project", "The project (projects.id).", unique=False),
            _id_field(
                "funding_source",
                "The funding source (funding_sources.id).",
                unique=False,
            ),
            _amount_field("amount", "The amount the funding source gives the project."),
            _currency_field(),
        ],
        rows,
        ["project", "funding_source"],
        [
            _foreign_key("project", "projects"),
            _foreign_key("funding_source", "funding_sources"),
        ],
    )


def _estimate(figures: EstimateFigures) -> Table:
    estimate = figures.estimate
    first, last = figures.years[0], figures.years[-1]
    rows = [
        [
            line.id,
            line.name,
            line.name_en or "",
            line.group,
            str(year),
            _amount(line.amounts[year]),
            estimate.currency,
        ]
        for line in estimate.lines
        for year in figures.years
        if year in line.amounts
    ]
    return Table(
        "estimate",
        f"Cost estimate {first}–{last}",
        f"The cost estimate {first}–{last}: the additional funding need, one row per "
        "cost line and year.",
        [
            _id_field("cost_line", "The cost line's code.", unique=False),
            _text_field("cost_line_name", "The cost line's name (Finnish)."),
            _text_field(
                "cost_line_name_en", "The cost line's name in English.", required=False
            ),
            _id_field(
                "group",
                "The group the cost line stands under (groups.id).",
                unique=False,
                column_type="functional-classification:generic:code",
            ),
            _fiscal_year(),
            _amount_field(
                "amount", "The additional funding need of the cost line in that year."
            ),
            _currency_field(),
        ],
        rows,
        ["cost_line", "fiscal_year"],
        [_foreign_key("group", "groups")],
    )


# Fields


def _id_field(
    name: str, description: str, *, unique: bool = True, column_type: str | None = None
) -> Field:
    constraints: dict[str, Any] = {"required": True, "pattern": "[a-z0-9][a-z0-9_-]*"}
    if unique:
        constraints["unique"] = True
    described: Field = {"name": name, "type": "string", "description": description}
    if column_type:
        described["columnType"] = column_type
    described["constraints"] = constraints
    return described


def _text_field(
    name: str,
    description: str,
    *,
    required: bool = True,
    column_type: str | None = None,
) -> Field:
    described: Field = {"name": name, "type": "string", "description": description}
    if column_type:
        described["columnType"] = column_type
    if required:
        described["constraints"] = {"required": True}
    return described


def _amount_field(
    name: str, description: str, *, required: bool = True, minimum: bool = True
) -> Field:
    constraints: dict[str, Any] = {"required": required}
    if minimum:
        constraints["minimum"] = 0
    return {
        "name": name,
        "type": "number",
        "unit": "EUR",
        "columnType": "value",
        "description": description + " In euros.",
        "constraints": constraints,
    }


def _fiscal_year() -> Field:
    return {
        "name": "fiscal_year",
        "type": "integer",
        "columnType": "date:fiscal-year",
        "description": "The fiscal year (the calendar year in Finland).",
        "constraints": {"required": True},
    }


def _currency_field() -> Field:
    return {
        "name": "currency",
        "type": "string",
        "columnType": "value-currency:code",
        "description": "The currency of the amounts (ISO 4217).",
        "constraints": {"required": True, "enum": ["EUR"]},
    }


def _foreign_key(name: str, resource: str) -> dict[str, Any]:
    return {"fields": name, "reference": {"resource": resource, "fields": "id"}}


def _amount(amount: Decimal | None) -> str:
    return "" if amount is None else amount_text(amount)


def _decimal(value: Decimal | None) -> str:
    return "" if value is None else str(value)
