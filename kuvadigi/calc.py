"""The calculation core: every derived figure of the budget and the cost estimate.

Pure functions on validated models: no I/O, no printing, no rounding except through
`money`. A blank figure (None) counts as zero in every sum but stays None in the result,
so a reader can still tell a blank cell from a printed 0.

- A project's total is the sum of its funding sources; remaining = total - actual -
  committed; utilisation = (actual + committed) / total, in percent.
- The totals row is the sum of the projects shown.
- A cost line's total is the sum of its years; its share is of the grand total; a year's
  total is the sum of the lines' amounts for that year.
- Shares are kept exact (`Fraction`) and also rounded by the largest-remainder method
  (`*_shown`), so the shares of one table add up to exactly 100.00.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kuvadigi.money import ZERO, largest_remainder, ratio, round_percent
from kuvadigi.records import Budget, CostLine, Estimate, FundingSource, Group, Project

SHARE_PLACES = 2


def _sum(amounts: Iterable[Decimal | None]) -> Decimal:
    """The sum of `amounts`, a blank counting as zero."""
    return sum((amount for amount in amounts if amount is not None), ZERO)


@dataclass(frozen=True)
class LineFigures:
    """The figures of one budget line, or of the totals row over several."""

    total: Decimal
    funding: dict[str, Decimal | None]
    actual: Decimal | None
    committed: Decimal | None
    remaining: Decimal
    utilisation: Fraction | None

    @property
    def utilisation_shown(self) -> Decimal | None:
        """Utilisation in percent at two decimals, as printed and written."""
        return None if self.utilisation is None else round_percent(self.utilisation)


@dataclass(frozen=True)
class ProjectFigures:
    """A project of the budget with its derived figures."""

    project: Project
    figures: LineFigures


@dataclass(frozen=True)
class SourceFigures:
    """A funding source's total over the projects shown, and its share of their total."""

    source: FundingSource
    total: Decimal
    share: Fraction | None
    share_shown: Decimal | None


@dataclass(frozen=True)
class BudgetFigures:
    """The budget as a table: the projects shown, their totals row and the source split."""

    budget: Budget
    projects: list[ProjectFigures]
    totals: LineFigures
    sources: list[SourceFigures]


def line_figures(project: Project, source_ids: Sequence[str]) -> LineFigures:
    """Derive one project's total, remaining and utilisation from its line items."""
    funding = {source_id: project.funding.get(source_id) for source_id in source_ids}
    total = _sum(funding.values())
    spent = _sum((project.actual, project.committed))
    return LineFigures(
        total=total,
        funding=funding,
        actual=project.actual,
        committed=project.committed,
        remaining=total - spent,
        utilisation=ratio(spent, total),
    )


def totals_row(lines: Sequence[LineFigures], source_ids: Sequence[str]) -> LineFigures:
    """The totals row of `lines`: each column summed, blanks as zero."""
    total = _sum(line.total for line in lines)
    actual = _sum(line.actual for line in lines)
    committed = _sum(line.committed for line in lines)
    # A column is summed as zero where every line leaves it blank: a totals row has a
    # figure in every column, as in the document.
    return LineFigures(
        total=total,
        funding={
            source_id: _sum(line.funding[source_id] for line in lines)
            for source_id in source_ids
        },
        actual=actual,
        committed=committed,
        remaining=_sum(line.remaining for line in lines),
        utilisation=ratio(actual + committed, total),
    )


def budget_figures(
    budget: Budget, project_ids: Sequence[str] | None = None
) -> BudgetFigures:
    """The budget's derived figures, for all projects or for those in `project_ids`."""
    source_ids = [source.id for source in budget.funding_sources]
    wanted = None if project_ids is None else set(project_ids)
    projects = [
        ProjectFigures(project, line_figures(project, source_ids))
        for project in budget.projects
        if wanted is None or project.id in wanted
    ]
    totals = totals_row([project.figures for project in projects], source_ids)

    source_totals = [_sum([totals.funding[source_id]]) for source_id in source_ids]
    shares = [ratio(source_total, totals.total) for source_total in source_totals]
    sources = [
        SourceFigures(source, source_total, share, shown)
        for source, source_total, share, shown in zip(
            budget.funding_sources,
            source_totals,
            shares,
            largest_remainder(shares, SHARE_PLACES),
            strict=True,
        )
    ]
    return BudgetFigures(budget, projects, totals, sources)


@dataclass(frozen=True)
class CostLineFigures:
    """A cost line with its total over the years shown and its share of their total."""

    line: CostLine
    amounts: dict[int, Decimal]
    total: Decimal
    share: Fraction | None
    share_shown: Decimal | None


@dataclass(frozen=True)
class GroupFigures:
    """A group of the estimate with its yearly subtotals."""

    group: Group
    amounts: dict[int, Decimal]
    total: Decimal


@dataclass(frozen=True)
class EstimateFigures:
    """The cost estimate as a table, over all its years or the one year asked for."""

    estimate: Estimate
    years: list[int]
    lines: list[CostLineFigures]
    groups: list[GroupFigures]
    year_totals: dict[int, Decimal]
    total: Decimal


def estimate_figures(estimate: Estimate, year: int | None = None) -> EstimateFigures:
    """Row totals, shares, year totals and the grand total of `estimate`.

    With `year`, the amounts, totals and shares are those of that one year.
    """
    years = list(estimate.years) if year is None else [year]
    amounts = [{y: line.amounts.get(y, ZERO) for y in years} for line in estimate.lines]
    row_totals = [_sum(by_year.values()) for by_year in amounts]
    year_totals = {y: _sum(by_year[y] for by_year in amounts) for y in years}
    total = _sum(year_totals.values())

    shares = [ratio(row_total, total) for row_total in row_totals]
    lines = [
        CostLineFigures(line, by_year, row_total, share, shown)
        for line, by_year, row_total, share, shown in zip(
            estimate.lines,
            amounts,
            row_totals,
            shares,
            largest_remainder(shares, SHARE_PLACES),
            strict=True,
        )
    ]

    # The lines of each group, gathered in one pass (not one pass per group).
    lines_of: dict[str, list[CostLineFigures]] = {
        group.id: [] for group in estimate.groups
    }
    for figures in lines:
        lines_of.setdefault(figures.line.group, []).append(figures)

    groups = []
    for group in estimate.groups:
        members = lines_of[group.id]
        by_year = {y: _sum(member.amounts[y] for member in members) for y in years}
        groups.append(GroupFigures(group, by_year, _sum(by_year.values())))

    return EstimateFigures(estimate, years, lines, groups, year_totals, total)
