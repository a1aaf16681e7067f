"""The follow-up's figures laid out for people: tables (`TableView`, drawn by any
renderer) and the trend chart (`TrendChart`, drawn by `render.trend_chart`).

Amounts projected by the forecast are exact fractions; they are rounded to cents here,
through `money`, as they are shown. Percentages are rounded to the tables' precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kuvadigi.asof import TrendPoint
from kuvadigi.calc import BudgetFigures, LineFigures
from kuvadigi.followup import DatedRevision, FollowUp
from kuvadigi.followup_texts import say
from kuvadigi.forecast import Alert, Forecast, LineForecast
from kuvadigi.i18n import Lang, format_amount, format_percent
from kuvadigi.i18n import say as say_core
from kuvadigi.money import ZERO, round_cents, round_percent
from kuvadigi.records import Budget
from kuvadigi.views import (
    DETAIL,
    FIGURE,
    PERCENT_PLACES,
    RATE,
    Cell,
    Column,
    Row,
    TableView,
    display_name,
)


def _percent(value: Fraction | None) -> Decimal | None:
    return None if value is None else round_percent(value, PERCENT_PLACES)


def revisions_view(
    original: BudgetFigures, revised: BudgetFigures, followup: FollowUp, lang: Lang
) -> TableView:
    """Each line's original total, the change the revisions made, the revised total,
    and its actual, committed and remaining against the revised total; the revisions
    counted are listed under the table.

    In a narrow terminal the original and revised totals stay; the remaining goes last
    but one, after the change (the revised total less the original) and the
    utilisation, after the actual and committed."""
    columns = [
        Column("name", say_core("project", lang), "text"),
        Column("original", say("original", lang), "amount"),
        Column("change", say("change", lang), "amount", RATE),
        Column("revised", say("revised", lang), "amount"),
        Column("actual", say_core("actual", lang), "amount", DETAIL),
        Column("committed", say_core("committed", lang), "amount", DETAIL),
        Column("remaining", say_core("remaining", lang), "amount", FIGURE),
        Column("utilisation", say_core("utilisation", lang), "percent", RATE),
    ]

    def cells(before: LineFigures, after: LineFigures) -> dict[str, Cell]:
        return {
            "original": before.total,
            # A line no revision touched shows no change rather than a row of zeros.
            "change": (after.total - before.total) or None,
            "revised": after.total,
            "actual": after.actual,
            "committed": after.committed,
            "remaining": after.remaining,
            "utilisation": _percent(after.utilisation),
        }

    before = {project.project.id: project.figures for project in original.projects}
    rows = [
        Row(
            {
                "name": display_name(now.project.name, now.project.name_en, lang),
                **cells(before[now.project.id], now.figures),
            }
        )
        for now in revised.projects
    ]
    rows.append(
        Row(
            {
                "name": say_core("totals", lang),
                **cells(original.totals, revised.totals),
            },
            "totals",
        )
    )

    budget = revised.budget
    touching = revisions_of(followup, revised)
    counted = [d for d in touching if d.revision.month <= budget.as_of]
    later = len(touching) - len(counted)
    notes = [revision_text(d, budget, lang) for d in counted] or [
        say("revisions.none", lang)
    ]
    if later:
        notes.append(say("revisions.later", lang, as_of=budget.as_of, count=later))
    title = say("revisions.title", lang, year=budget.year, as_of=budget.as_of)
    return TableView(title, columns, rows, notes)


def revisions_of(followup: FollowUp, figures: BudgetFigures) -> list[DatedRevision]:
    """The revisions that give money to or take it from any of the lines shown."""
    shown = {project.project.id for project in figures.projects}
    return [
        dated
        for dated in followup.revisions
        if shown & (dated.revision.from_.keys() | dated.revision.to.keys())
    ]


def revision_text(dated: DatedRevision, budget: Budget, lang: Lang) -> str:
    """One revision in a sentence: date, kind, source, amount, lines and reason."""
    revision = dated.revision

    def names(amounts: dict[str, Decimal]) -> str:
        return ", ".join(
            _project_name(budget, project_id, lang)
            + ("" if len(amounts) == 1 else f" {format_amount(amount, lang)}")
            for project_id, amount in amounts.items()
        )

    return say(
        f"revision.{revision.kind}",
        lang,
        date=revision.date.isoformat(),
        source=source_name(budget, revision.source, lang),
        amount=format_amount(sum(revision.to.values(), ZERO), lang),
        froms=names(revision.from_),
        tos=names(revision.to),
        reason=revision.reason,
    )


@dataclass(frozen=True)
class TrendBar:
    """One month of the trend chart."""

    label: str
    actual: Decimal
    committed: Decimal
    total: Decimal
    caption: str


@dataclass(frozen=True)
class TrendChart:
    """Actual and committed against the total, one bar per month, with a legend."""

    bars: list[TrendBar]
    legend: str


def trend_title(budget: Budget, what: str | None, lang: Lang) -> str:
    """The trend's title: the year, and the project shown or the whole programme."""
    return say(
        "trend.title",
        lang,
        year=budget.year,
        what=what if what is not None else say("trend.programme", lang),
    )


def trend_view(points: Sequence[TrendPoint], title: str, lang: Lang) -> TableView:
    """The months as rows: total, actual, committed, remaining and utilisation; a month
    with nothing recorded for the lines shown is marked, its figures carried over."""
    columns = [
        Column("month", say("month", lang), "text"),
        Column("total", say_core("total", lang), "amount", FIGURE),
        Column("actual", say_core("actual", lang), "amount"),
        Column("committed", say_core("committed", lang), "amount"),
        Column("remaining", say_core("remaining", lang), "amount", FIGURE),
        Column("utilisation", say_core("utilisation", lang), "percent", RATE),
    ]
    rows = [
        Row(
            {
                "month": point.month + ("" if point.recorded else " *"),
                "total": point.figures.total,
                "actual": point.figures.actual,
                "committed": point.figures.committed,
                "remaining": point.figures.remaining,
                "utilisation": _percent(point.figures.utilisation),
            }
        )
        for point in points
    ]
    notes = [] if all(p.recorded for p in points) else [say("trend.carried", lang)]
    return TableView(title, columns, rows, notes)


def trend_chart(points: Sequence[TrendPoint], lang: Lang) -> TrendChart:
    """The trend as bars: actual, then committed, then what remains of the total."""
    bars = []
    for point in points:
        utilisation = _percent(point.figures.utilisation)
        bars.append(
            TrendBar(
                label=point.month,
                actual=point.figures.actual or ZERO,
                committed=point.figures.committed or ZERO,
                total=point.figures.total,
                caption=""
                if utilisation is None
                else format_percent(utilisation, lang),
            )
        )
    return TrendChart(bars, say("trend.legend", lang))


def forecast_view(result: Forecast, lang: Lang) -> TableView:
    """Each line's figures now, its run rate and projection, and its alerts; the method
    and every alert's message under the table.

    In a narrow terminal the total and the projected remaining stay; the alerts go
    last but one (their messages are under the table anyway), after the projected
    spend and utilisation (the total less the remaining, and their ratio), after the
    figures now and the run rate."""
    columns = [
        Column("name", say_core("project", lang), "text"),
        Column("total", say_core("total", lang), "amount"),
        Column("actual", say_core("actual", lang), "amount", DETAIL),
        Column("committed", say_core("committed", lang), "amount", DETAIL),
        Column("run_rate", say("run_rate", lang), "amount", DETAIL),
        Column("projected_spend", say("projected_spend", lang), "amount", RATE),
        Column("projected_remaining", say("projected_remaining", lang), "amount"),
        Column("projected_use", say("projected_use", lang), "percent", RATE),
        Column("alerts", say("alerts", lang), "text", FIGURE),
    ]

    def cells(line: LineForecast) -> dict[str, Cell]:
        return {
            "total": line.total,
            "actual": line.actual,
            "committed": line.committed,
            "run_rate": round_cents(line.run_rate),
            "projected_spend": round_cents(line.projected_spend),
            "projected_remaining": round_cents(line.projected_remaining),
            "projected_use": _percent(line.projected_use),
        }

    rows = [
        Row(
            {
                "name": display_name(p.project.name, p.project.name_en, lang),
                **cells(p.forecast),
                "alerts": ", ".join(say(f"alert.{a.kind}", lang) for a in p.alerts),
            }
        )
        for p in result.projects
    ]
    rows.append(
        Row({"name": say_core("totals", lang), **cells(result.totals)}, "totals")
    )

    thresholds = result.thresholds
    notes = [
        say(
            "forecast.method",
            lang,
            elapsed=result.months_elapsed,
            left=result.months_left,
            early_use=format_percent(thresholds.early_use, lang),
            unused=format_percent(thresholds.unused, lang),
        ),
        *(alert_message(alert, lang) for alert in result.alerts),
    ]
    if not result.alerts:
        notes.append(say("forecast.no_alerts", lang))
    budget = result.figures.budget
    title = say("forecast.title", lang, year=budget.year, as_of=result.month)
    return TableView(title, columns, rows, notes)


def alert_message(alert: Alert, lang: Lang) -> str:
    """An alert in a sentence, with its amounts."""
    projected = Fraction(alert.total) + alert.amount
    return say(
        f"alert.{alert.kind}.message",
        lang,
        name=display_name(alert.project.name, alert.project.name_en, lang),
        amount=format_amount(round_cents(alert.amount), lang),
        total=format_amount(alert.total, lang),
        projected=format_amount(round_cents(projected), lang),
        percent=(
            "–"
            if alert.percent is None
            else format_percent(round_percent(alert.percent, PERCENT_PLACES), lang)
        ),
    )


@dataclass(frozen=True)
class Comparison:
    """A year's budget beside the cost estimate's figure for the year."""

    budget: BudgetFigures
    estimate_total: Decimal

    @property
    def difference(self) -> Decimal:
        """The budget's total less the estimate's additional funding need."""
        return self.budget.totals.total - self.estimate_total


def compare_view(comparison: Comparison, lang: Lang) -> TableView:
    """The budget's total and its funding sources, the estimate's figure for the year,
    the difference, and the note that the two measure different things."""
    figures = comparison.budget
    year = figures.budget.year
    columns = [
        Column("name", say("compare.what", lang), "text"),
        Column("amount", say("compare.amount", lang), "amount"),
    ]
    rows = [
        Row(
            {
                "name": say("compare.budget", lang, year=year),
                "amount": figures.totals.total,
            }
        )
    ]
    rows += [
        Row(
            {
                "name": say(
                    "compare.of_which",
                    lang,
                    source=display_name(s.source.name, s.source.name_en, lang),
                ),
                "amount": s.total,
            }
        )
        for s in figures.sources
    ]
    rows.append(
        Row(
            {
                "name": say("compare.estimate", lang, year=year),
                "amount": comparison.estimate_total,
            }
        )
    )
    rows.append(
        Row(
            {
                "name": say("compare.difference", lang),
                "amount": comparison.difference,
            },
            "totals",
        )
    )
    return TableView(
        say("compare.title", lang, year=year),
        columns,
        rows,
        [say("compare.note", lang)],
    )


def source_name(budget: Budget, source_id: str, lang: Lang) -> str:
    """The name of a funding source as shown in `lang` (its id where it has none)."""
    for source in budget.funding_sources:
        if source.id == source_id:
            return display_name(source.name, source.name_en, lang)
    return source_id


def _project_name(budget: Budget, project_id: str, lang: Lang) -> str:
    for project in budget.projects:
        if project.id == project_id:
            return display_name(project.name, project.name_en, lang)
    return project_id
