"""The JSON documents of the follow-up commands: `budget --revisions`, `trend`,
`forecast` and `compare`.

As in `jsondoc`: amounts are JSON numbers written exactly from their Decimal text,
projected amounts rounded to cents; percentages are numbers in percent at two
decimals; a figure that cannot be computed (a share of a zero total) is null.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kuvadigi.asof import TrendPoint
from kuvadigi.calc import BudgetFigures, LineFigures
from kuvadigi.followup import FollowUp
from kuvadigi.followup_models import Revision
from kuvadigi.followup_views import Comparison, alert_message, revisions_of
from kuvadigi.forecast import Forecast, LineForecast
from kuvadigi.i18n import Lang
from kuvadigi.money import plain_amount, round_cents, round_percent
from kuvadigi.records import Project

JSON_PERCENT_PLACES = 2


def amount_cell(amount: Decimal | None) -> Decimal | None:
    """An amount as written for machines (None stays None)."""
    return None if amount is None else plain_amount(amount)


def projected_cell(amount: Fraction) -> Decimal:
    """A projected (exact) amount rounded to cents, as written for machines."""
    return plain_amount(round_cents(amount))


def percent_cell(value: Fraction | None) -> Decimal | None:
    """An exact percentage at two decimals (None where there is none)."""
    return None if value is None else round_percent(value, JSON_PERCENT_PLACES)


def _project(project: Project) -> dict[str, Any]:
    return {"id": project.id, "name": project.name, "name_en": project.name_en}


def revisions_document(
    original: BudgetFigures, revised: BudgetFigures, followup: FollowUp
) -> dict[str, Any]:
    """Each line's original and revised total beside its figures, and the revisions."""

    def line(before: LineFigures, after: LineFigures) -> dict[str, Any]:
        return {
            "original": amount_cell(before.total),
            "change": amount_cell(after.total - before.total),
            "revised": amount_cell(after.total),
            "funding": {
                source_id: amount_cell(amount)
                for source_id, amount in after.funding.items()
            },
            "actual": amount_cell(after.actual),
            "committed": amount_cell(after.committed),
            "remaining": amount_cell(after.remaining),
            "utilisation": percent_cell(after.utilisation),
        }

    budget = revised.budget
    before = {project.project.id: project.figures for project in original.projects}
    return {
        "year": budget.year,
        "as_of": budget.as_of,
        "currency": budget.currency,
        "projects": [
            {**_project(now.project), **line(before[now.project.id], now.figures)}
            for now in revised.projects
        ],
        "totals": line(original.totals, revised.totals),
        "revisions": [
            {
                **revision_document(d.revision),
                "counted": d.revision.month <= budget.as_of,
            }
            for d in revisions_of(followup, revised)
        ],
    }


def revision_document(revision: Revision) -> dict[str, Any]:
    """One revision as JSON, with the keys of the revisions file."""
    return {
        "date": revision.date.isoformat(),
        "kind": revision.kind,
        "source": revision.source,
        "reason": revision.reason,
        "from": {pid: amount_cell(amount) for pid, amount in revision.from_.items()},
        "to": {pid: amount_cell(amount) for pid, amount in revision.to.items()},
    }


def trend_document(
    points: Sequence[TrendPoint], figures: BudgetFigures, project: Project | None
) -> dict[str, Any]:
    """The figures month by month, of one project or of the whole programme."""
    budget = figures.budget
    return {
        "year": budget.year,
        "currency": budget.currency,
        "project": None if project is None else _project(project),
        "months": [
            {
                "month": point.month,
                "recorded": point.recorded,
                "total": amount_cell(point.figures.total),
                "actual": amount_cell(point.figures.actual),
                "committed": amount_cell(point.figures.committed),
                "remaining": amount_cell(point.figures.remaining),
                "utilisation": percent_cell(point.figures.utilisation),
            }
            for point in points
        ],
    }


def forecast_document(result: Forecast, lang: Lang) -> dict[str, Any]:
    """Each line's projection and alerts; the alerts also in one list, as
    `{"project", "kind", "message"}` with the message in `lang`."""

    def line(forecast: LineForecast) -> dict[str, Any]:
        return {
            "total": amount_cell(forecast.total),
            "actual": amount_cell(forecast.actual),
            "committed": amount_cell(forecast.committed),
            "run_rate": projected_cell(forecast.run_rate),
            "projected_spend": projected_cell(forecast.projected_spend),
            "projected_remaining": projected_cell(forecast.projected_remaining),
            "projected_utilisation": percent_cell(forecast.projected_use),
        }

    budget = result.figures.budget
    return {
        "year": budget.year,
        "as_of": result.month,
        "currency": budget.currency,
        "method": {
            "months_elapsed": result.months_elapsed,
            "months_left": result.months_left,
            "run_rate": "actual / months_elapsed",
            "projected_spend": "actual + max(committed, run_rate * months_left)",
        },
        "thresholds": {
            "early_use": result.thresholds.early_use,
            "unused": result.thresholds.unused,
        },
        "projects": [
            {
                **_project(p.project),
                **line(p.forecast),
                "alerts": [alert.kind for alert in p.alerts],
            }
            for p in result.projects
        ],
        "totals": line(result.totals),
        "alerts": [
            {
                "project": alert.project.id,
                "kind": alert.kind,
                "message": alert_message(alert, lang),
            }
            for alert in result.alerts
        ],
    }


def compare_document(comparison: Comparison, note: str) -> dict[str, Any]:
    """The year's budget beside the estimate's figure, the difference and the note."""
    figures = comparison.budget
    return {
        "year": figures.budget.year,
        "currency": figures.budget.currency,
        "budget": {
            "total": amount_cell(figures.totals.total),
            "funding": {s.source.id: amount_cell(s.total) for s in figures.sources},
        },
        "estimate": {"additional_funding_need": amount_cell(comparison.estimate_total)},
        "difference": amount_cell(comparison.difference),
        "note": note,
    }
