"""The stable JSON documents of `budget`, `estimate` and `check`.

Amounts are JSON numbers written from their Decimal text, exact, never through a float;
percentages are numbers in percent at two decimals. A blank cell of the document is
null; an explicit 0 is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from decimal import Decimal
from typing import Any

import simplejson

from kuvadigi.calc import BudgetFigures, EstimateFigures, LineFigures
from kuvadigi.money import plain_amount
from kuvadigi.problems import Problem
from kuvadigi.programme_view import ProgrammeView
from kuvadigi.programme_view import ProjectView as ProgrammeProjectView


def dumps(document: Any) -> str:
    """JSON text with Decimals written exactly."""
    return simplejson.dumps(document, use_decimal=True, ensure_ascii=False, indent=2)


def _amount(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else plain_amount(amount)


def _line(line: LineFigures) -> dict[str, Any]:
    return {
        "total": _amount(line.total),
        "funding": {
            source_id: _amount(amount) for source_id, amount in line.funding.items()
        },
        "actual": _amount(line.actual),
        "committed": _amount(line.committed),
        "remaining": _amount(line.remaining),
        "utilisation": line.utilisation_shown,
    }


def budget_document(figures: BudgetFigures) -> dict[str, Any]:
    """The budget as JSON: the projects shown and their totals row."""
    budget = figures.budget
    return {
        "year": budget.year,
        "as_of": budget.as_of,
        "currency": budget.currency,
        "projects": [
            {
                "id": p.project.id,
                "name": p.project.name,
                "name_en": p.project.name_en,
                **_line(p.figures),
            }
            for p in figures.projects
        ],
        "totals": _line(figures.totals),
    }


def sources_document(figures: BudgetFigures) -> dict[str, Any]:
    """The funding sources' totals and shares as JSON."""
    return {
        "year": figures.budget.year,
        "as_of": figures.budget.as_of,
        "currency": figures.budget.currency,
        "sources": [
            {
                "id": source.source.id,
                "name": source.source.name,
                "name_en": source.source.name_en,
                "total": _amount(source.total),
                "share": source.share_shown,
            }
            for source in figures.sources
        ],
        "total": _amount(figures.totals.total),
    }


def estimate_document(figures: EstimateFigures) -> dict[str, Any]:
    """The cost estimate as JSON: lines with their amounts per year, totals and shares.

    Beside each share kuvadigi computes, `published_share` is the one the document
    prints (whole percents, each rounded on its own); for one year (`--year`) the
    document publishes none, and it is null.
    """
    whole_estimate = figures.years == list(figures.estimate.years)
    return {
        "currency": figures.estimate.currency,
        "years": figures.years,
        "lines": [
            {
                "id": line.line.id,
                "name": line.line.name,
                "name_en": line.line.name_en,
                "group": line.line.group,
                "amounts": {
                    str(year): _amount(amount) for year, amount in line.amounts.items()
                },
                "total": _amount(line.total),
                "share": line.share_shown,
                "published_share": line.line.share if whole_estimate else None,
            }
            for line in figures.lines
        ],
        "year_totals": {
            str(year): _amount(total) for year, total in figures.year_totals.items()
        },
        "total": _amount(figures.total),
        "published_share_total": (
            figures.estimate.share_total if whole_estimate else None
        ),
    }


def check_document(findings: Sequence[Problem], ok: bool) -> dict[str, Any]:
    """The findings of `check` as JSON."""
    return {
        "ok": ok,
        "findings": [
            {
                "path": str(finding.path),
                "line": finding.line,
                "severity": finding.severity.value,
                "message": finding.message,
            }
            for finding in findings
        ],
    }


def programme_document(view: ProgrammeView) -> dict[str, Any]:
    """The programme as JSON: vision, action areas with focus measures, and the year's
    projects with their budget lines' total and remaining (one action area only, when
    the view holds one)."""
    # Texts and numbers only: each record as it is, field by field.
    areas = [asdict(area) for area in view.action_areas]
    if view.vision is None:
        return {"action_areas": areas}

    def project(item: ProgrammeProjectView) -> dict[str, Any]:
        return {
            "id": item.id,
            "name": item.name,
            "name_en": item.name_en,
            "description": item.description,
            "budget_lines": [
                {
                    "id": line.id,
                    "name": line.name,
                    "name_en": line.name_en,
                    "total": _amount(line.total),
                    "remaining": _amount(line.remaining),
                }
                for line in item.lines
            ],
            "total": _amount(item.total),
            "remaining": _amount(item.remaining),
        }

    return {
        "year": view.year,
        "as_of": view.as_of,
        "vision": asdict(view.vision),
        "action_areas": areas,
        "projects": [project(item) for item in view.projects],
        "undescribed_budget_lines": [project(item) for item in view.undescribed],
    }
