"""Figures laid out as tables and charts: which columns, in which order, under which
labels, and which may be left out when space is short.

A `TableView` is neutral: it holds Decimals and text, not formatted strings, so the
terminal and Markdown renderers show the same table, each in its own way. Percentages
for people are rounded here, to `PERCENT_PLACES` decimals; the shares of one whole are
rounded by the largest-remainder method so that those shown add up to exactly 100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from kuvadigi.calc import (
    BudgetFigures,
    CostLineFigures,
    EstimateFigures,
    LineFigures,
    ProjectFigures,
)
from kuvadigi.collation import sort_key
from kuvadigi.i18n import Lang, say
from kuvadigi.money import largest_remainder, round_percent

# Tables for people show percentages to one decimal (43,7 %): enough to tell lines apart,
# short enough to read. JSON and CSV keep two decimals for machines.
PERCENT_PLACES = 1

Kind = Literal["text", "amount", "percent", "bar"]
RowStyle = Literal["item", "group", "totals", "note"]
Cell = Decimal | str | None
BudgetSort = Literal["document", "name", "total", "remaining", "utilisation"]
EstimateSort = Literal["document", "name", "total"]

# How readily a column is left out of a narrow terminal: 0 never, higher ones first.
# The renderer adds groups of columns in this order while they fit.
ESSENTIAL, FIGURE, RATE, DETAIL, SOURCE, BAR = range(6)


@dataclass(frozen=True)
class Column:
    """A column: its machine key, its label for people, what it holds, and how readily
    it may be left out when the terminal is narrow (`importance`, 0 = never). A bar
    column draws the figure of the column `of` and is shown only beside it."""

    key: str
    label: str
    kind: Kind
    importance: int = ESSENTIAL
    of: str | None = None


@dataclass(frozen=True)
class Row:
    """A row's cells by column key; a missing or None cell is blank."""

    cells: dict[str, Cell]
    style: RowStyle = "item"


@dataclass(frozen=True)
class TableView:
    """A table ready for any renderer. `fold_at` caps the width of its text column even
    where there is room (for prose, which reads badly in long lines)."""

    title: str
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    fold_at: int | None = None


@dataclass(frozen=True)
class ChartGroup:
    """One group of a bar chart: its name, its total, and one amount per bar."""

    name: str
    total: Decimal
    amounts: dict[str, Decimal]


@dataclass(frozen=True)
class ChartView:
    """A horizontal bar chart: groups of bars with the same labels (e.g. years)."""

    title: str
    labels: list[str]
    groups: list[ChartGroup]


def display_name(name: str, name_en: str | None, lang: Lang) -> str:
    """Finnish names stay Finnish; in English the English name is shown where there is one."""
    return name_en if lang == "en" and name_en else name


def budget_view(figures: BudgetFigures, lang: Lang) -> TableView:
    """The budget per project, with the funding sources, actual, committed, remaining and
    utilisation (with a bar), and the totals row."""
    budget = figures.budget
    columns = [
        Column("name", say("project", lang), "text"),
        Column("total", say("total", lang), "amount"),
        *(
            Column(
                source.id,
                display_name(source.name, source.name_en, lang),
                "amount",
                SOURCE,
            )
            for source in budget.funding_sources
        ),
        Column("actual", say("actual", lang), "amount", DETAIL),
        Column("committed", say("committed", lang), "amount", DETAIL),
        Column("remaining", say("remaining", lang), "amount", FIGURE),
        Column("utilisation", say("utilisation", lang), "percent", RATE),
        Column("utilisation_bar", "", "bar", BAR, of="utilisation"),
    ]

    rows = [
        Row(
            {
                "name": display_name(p.project.name, p.project.name_en, lang),
                **_line_cells(p.figures),
            }
        )
        for p in figures.projects
    ]
    rows.append(
        Row({"name": say("totals", lang), **_line_cells(figures.totals)}, "totals")
    )
    title = say("budget.title", lang, year=budget.year, as_of=budget.as_of)
    return TableView(title, columns, rows)


def sort_budget(figures: BudgetFigures, sort: BudgetSort, lang: Lang) -> BudgetFigures:
    """The same figures with the projects in document order, by the name shown (in the
    language's collation), or by a figure, largest first; ties keep document order."""
    return replace(figures, projects=_sorted_projects(figures.projects, sort, lang))


def _sorted_projects(
    projects: list[ProjectFigures], sort: BudgetSort, lang: Lang
) -> list[ProjectFigures]:
    def name_of(project: ProjectFigures) -> str:
        return display_name(project.project.name, project.project.name_en, lang)

    if sort == "name":
        return sorted(projects, key=lambda p: sort_key(name_of(p), lang))
    if sort == "total":
        return sorted(projects, key=lambda p: p.figures.total, reverse=True)
    if sort == "remaining":
        return sorted(projects, key=lambda p: p.figures.remaining, reverse=True)
    if sort == "utilisation":
        return sorted(
            projects,
            # A project without a total has no utilisation: it goes last.
            key=lambda p: (
                Fraction(-1) if p.figures.utilisation is None else p.figures.utilisation
            ),
            reverse=True,
        )
    return list(projects)


def _line_cells(line: LineFigures) -> dict[str, Cell]:
    utilisation = (
        None
        if line.utilisation is None
        else round_percent(line.utilisation, PERCENT_PLACES)
    )
    return {
        "total": line.total,
        **line.funding,
        "actual": line.actual,
        "committed": line.committed,
        "remaining": line.remaining,
        "utilisation": utilisation,
        "utilisation_bar": utilisation,
    }


def sources_view(figures: BudgetFigures, lang: Lang) -> TableView:
    """The funding sources with their totals and shares over the projects shown."""
    columns = [
        Column("name", say("funding_source", lang), "text"),
        Column("total", say("total", lang), "amount"),
        Column("share", say("share", lang), "percent", RATE),
        Column("share_bar", "", "bar", BAR, of="share"),
    ]
    shares = shares_shown([source.share for source in figures.sources])
    rows = [
        Row(
            {
                "name": display_name(source.source.name, source.source.name_en, lang),
                "total": source.total,
                "share": share,
                "share_bar": share,
            }
        )
        for source, share in zip(figures.sources, shares, strict=True)
    ]
    rows.append(
        Row(
            {
                "name": say("totals", lang),
                "total": figures.totals.total,
                "share": _whole(figures.totals.total),
            },
            "totals",
        )
    )
    title = say(
        "sources.title", lang, year=figures.budget.year, as_of=figures.budget.as_of
    )
    return TableView(title, columns, rows)


def shares_shown(shares: Sequence[Fraction | None]) -> list[Decimal | None]:
    """Exact shares of one whole, rounded for people so that they add up to 100."""
    return largest_remainder(shares, PERCENT_PLACES)


def _whole(total: Decimal) -> Decimal | None:
    """The share of the totals row: 100 (at the table's precision), or blank for an empty
    whole."""
    return Decimal(100).quantize(Decimal(1).scaleb(-PERCENT_PLACES)) if total else None


def estimate_view(figures: EstimateFigures, lang: Lang) -> TableView:
    """The cost lines under their groups, an amount per year, row totals and shares (with
    a bar), and the year totals."""
    columns = [
        Column("name", say("cost_line", lang), "text"),
        *(Column(str(year), str(year), "amount", FIGURE) for year in figures.years),
        Column("total", say("totals", lang), "amount"),
        Column("share", say("share", lang), "percent", RATE),
        Column("share_bar", "", "bar", BAR, of="share"),
    ]
    shares = dict(
        zip(
            (line.line.id for line in figures.lines),
            shares_shown([line.share for line in figures.lines]),
            strict=True,
        )
    )

    # Each group's lines in one pass, keeping their order (document or sorted).
    lines_of: dict[str, list[CostLineFigures]] = {
        g.group.id: [] for g in figures.groups
    }
    for line in figures.lines:
        lines_of.setdefault(line.line.group, []).append(line)

    rows: list[Row] = []
    for group in figures.groups:
        rows.append(
            Row(
                {"name": display_name(group.group.name, group.group.name_en, lang)},
                "group",
            )
        )
        for line in lines_of[group.group.id]:
            share = shares[line.line.id]
            rows.append(
                Row(
                    {
                        "name": display_name(line.line.name, line.line.name_en, lang),
                        **{str(year): line.amounts[year] for year in figures.years},
                        "total": line.total,
                        "share": share,
                        "share_bar": share,
                    }
                )
            )
    rows.append(
        Row(
            {
                "name": say("estimate.totals", lang),
                **{str(year): figures.year_totals[year] for year in figures.years},
                "total": figures.total,
                "share": _whole(figures.total),
            },
            "totals",
        )
    )
    return TableView(_estimate_title("estimate", figures, lang), columns, rows)


def sort_estimate(
    figures: EstimateFigures, sort: EstimateSort, lang: Lang
) -> EstimateFigures:
    """The same figures with the cost lines in document order, by the name shown, or by
    total, largest first (tables keep each line under its group)."""
    lines = figures.lines

    def name_of(line: CostLineFigures) -> str:
        return display_name(line.line.name, line.line.name_en, lang)

    if sort == "name":
        lines = sorted(lines, key=lambda line: sort_key(name_of(line), lang))
    elif sort == "total":
        lines = sorted(lines, key=lambda line: line.total, reverse=True)
    return replace(figures, lines=list(lines))


def _estimate_title(prefix: str, figures: EstimateFigures, lang: Lang) -> str:
    if len(figures.years) == 1:
        return say(f"{prefix}.title_year", lang, year=figures.years[0])
    return say(f"{prefix}.title", lang, first=figures.years[0], last=figures.years[-1])


def estimate_chart(figures: EstimateFigures, lang: Lang) -> ChartView:
    """The estimate per group, one bar per year."""
    return ChartView(
        _estimate_title("chart", figures, lang),
        [str(year) for year in figures.years],
        [
            ChartGroup(
                display_name(group.group.name, group.group.name_en, lang),
                group.total,
                {str(year): amount for year, amount in group.amounts.items()},
            )
            for group in figures.groups
        ],
    )
