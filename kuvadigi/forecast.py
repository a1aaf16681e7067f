"""The year-end forecast of each budget line, and the alerts to raise early.

Pure functions on the figures as of a month; every figure exact (`Fraction`) and
rounded only when shown, through `money`.

Method, as of month M, the n-th month of the year (actuals are year to date):

- run rate = actual / n: what the line has spent per month so far;
- the months left (12 - n) spend the larger of the line's committed funds (tied to
  orders and contracts, so assumed spent) and run rate x months left (spending goes
  on at its pace so far). The two are not added: a commitment is paid out of the same
  monthly spending that the run rate measures, so adding them would count it twice;
- projected spend = actual + that; projected remaining = total - projected spend.

In December (no months left) the projected spend is actual + committed. A line with
no actual and no commitment is projected to spend nothing.

Alerts (thresholds in percent of the line's total, `Thresholds`):

- `overspend`: the projected spend is more than the total;
- `early_use`: before the last quarter (M before October), actual + committed is more
  than the early-use threshold (default 90 %) of the total;
- `unused`: the projected remaining is more than the unused threshold (default 20 %)
  of the total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from kuvadigi.calc import BudgetFigures, LineFigures
from kuvadigi.followup import MONTHS_IN_YEAR, month_number
from kuvadigi.money import HUNDRED, ZERO
from kuvadigi.records import Project

AlertKind = Literal["overspend", "early_use", "unused"]

# The last quarter starts in October: "before the last quarter" is January-September.
LAST_QUARTER_FROM = 10


@dataclass(frozen=True)
class Thresholds:
    """When a line is alerted on, in percent of its total."""

    early_use: Decimal = Decimal(90)
    unused: Decimal = Decimal(20)


@dataclass(frozen=True)
class Alert:
    """A line the steering group should hear about.

    `amount` is what the alert is about: the projected overspend (`overspend`), actual +
    committed (`early_use`) or the projected remaining (`unused`); `percent` is that
    amount in percent of the line's total (None where the total is 0).
    """

    project: Project
    kind: AlertKind
    amount: Fraction
    total: Decimal
    percent: Fraction | None


@dataclass(frozen=True)
class LineForecast:
    """A line's figures as of the month and its projection to the year's end."""

    total: Decimal
    actual: Decimal
    committed: Decimal
    run_rate: Fraction
    projected_spend: Fraction
    projected_remaining: Fraction
    projected_use: Fraction | None


@dataclass(frozen=True)
class ProjectForecast:
    """A project with its forecast and its alerts."""

    project: Project
    forecast: LineForecast
    alerts: list[Alert] = field(default_factory=list)


@dataclass(frozen=True)
class Forecast:
    """The forecast of the lines shown, as of a month, with the totals row."""

    figures: BudgetFigures
    month: str
    months_elapsed: int
    months_left: int
    thresholds: Thresholds
    projects: list[ProjectForecast]
    totals: LineForecast

    @property
    def alerts(self) -> list[Alert]:
        """Every alert, line by line in the budget's order (a line's own alerts in the
        order overspend, early use, unused)."""
        return [alert for project in self.projects for alert in project.alerts]


def project_line(line: LineFigures, months_elapsed: int) -> LineForecast:
    """One line's projection to the year's end, by the method in the module docstring."""
    actual = line.actual or ZERO
    committed = line.committed or ZERO
    months_left = MONTHS_IN_YEAR - months_elapsed

    run_rate = Fraction(actual) / months_elapsed
    rest_of_year = max(Fraction(committed), run_rate * months_left)
    projected_spend = Fraction(actual) + rest_of_year
    projected_remaining = Fraction(line.total) - projected_spend
    return LineForecast(
        total=line.total,
        actual=actual,
        committed=committed,
        run_rate=run_rate,
        projected_spend=projected_spend,
        projected_remaining=projected_remaining,
        projected_use=_percent(projected_spend, line.total),
    )


def alerts_of(
    project: Project, line: LineForecast, month: str, thresholds: Thresholds
) -> list[Alert]:
    """The alerts one line raises as of `month`."""
    alerts = []
    total = line.total

    overspend = line.projected_spend - Fraction(total)
    if overspend > 0:
        alerts.append(
            Alert(project, "overspend", overspend, total, _percent(overspend, total))
        )

    used = Fraction(line.actual + line.committed)
    if (
        month_number(month) < LAST_QUARTER_FROM
        and total > 0
        and used > Fraction(total) * Fraction(thresholds.early_use) / HUNDRED
    ):
        alerts.append(Alert(project, "early_use", used, total, _percent(used, total)))

    unused = line.projected_remaining
    if total > 0 and unused > Fraction(total) * Fraction(thresholds.unused) / HUNDRED:
        alerts.append(Alert(project, "unused", unused, total, _percent(unused, total)))
    return alerts


def forecast(figures: BudgetFigures, thresholds: Thresholds) -> Forecast:
    """The forecast and alerts of the lines in `figures` (figures as of a month)."""
    month = figures.budget.as_of
    months_elapsed = month_number(month)
    projects = []
    for project in figures.projects:
        line = project_line(project.figures, months_elapsed)
        alerts = alerts_of(project.project, line, month, thresholds)
        projects.append(ProjectForecast(project.project, line, alerts))
    return Forecast(
        figures=figures,
        month=month,
        months_elapsed=months_elapsed,
        months_left=MONTHS_IN_YEAR - months_elapsed,
        thresholds=thresholds,
        projects=projects,
        totals=_totals([project.forecast for project in projects]),
    )


def _totals(lines: Sequence[LineForecast]) -> LineForecast:
    """The totals row: each column summed (a projection is per line, so the totals'
    projection is the sum of the lines', not a projection of the sums)."""
    total = sum((line.total for line in lines), ZERO)
    projected_spend = sum((line.projected_spend for line in lines), Fraction(0))
    return LineForecast(
        total=total,
        actual=sum((line.actual for line in lines), ZERO),
        committed=sum((line.committed for line in lines), ZERO),
        run_rate=sum((line.run_rate for line in lines), Fraction(0)),
        projected_spend=projected_spend,
        projected_remaining=sum(
            (line.projected_remaining for line in lines), Fraction(0)
        ),
        projected_use=_percent(projected_spend, total),
    )


def _percent(part: Fraction, whole: Decimal) -> Fraction | None:
    """`part` in percent of `whole`, exactly; None where the whole is 0."""
    if whole == ZERO:
        return None
    return part / Fraction(whole) * HUNDRED
