"""Figures laid out as tables: which columns, in which order, under which labels.

A `TableView` is neutral: it holds Decimals and text, not formatted strings, so the
terminal, Markdown and CSV renderers all show the same table, each in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from kuvadigi.calc import BudgetFigures, EstimateFigures, LineFigures
from kuvadigi.i18n import Lang, say

Kind = Literal["text", "amount", "percent"]
RowStyle = Literal["item", "group", "totals"]
Cell = Decimal | str | None


@dataclass(frozen=True)
class Column:
    """A column: its machine key (CSV header), its label for people, and what it holds."""

    key: str
    label: str
    kind: Kind


@dataclass(frozen=True)
class Row:
    """A row's cells by column key; a missing or None cell is blank."""

    cells: dict[str, Cell]
    style: RowStyle = "item"


@dataclass(frozen=True)
class TableView:
    """A table ready for any renderer."""

    title: str
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)


def display_name(name: str, name_en: str | None, lang: Lang) -> str:
    """Finnish names stay Finnish; in English the English name is shown where there is one."""
    return name_en if lang == "en" and name_en else name


def budget_view(figures: BudgetFigures, lang: Lang) -> TableView:
    """The budget per project, with the funding sources, actual, committed, remaining and
    utilisation, and the totals row."""
    budget = figures.budget
    columns = [
        Column("id", say("project", lang), "text"),
        Column("total", say("total", lang), "amount"),
        *(
            Column(source.id, display_name(source.name, source.name_en, lang), "amount")
            for source in budget.funding_sources
        ),
        Column("actual", say("actual", lang), "amount"),
        Column("committed", say("committed", lang), "amount"),
        Column("remaining", say("remaining", lang), "amount"),
        Column("utilisation", say("utilisation", lang), "percent"),
    ]
    rows = [
        Row(
            {
                "id": display_name(p.project.name, p.project.name_en, lang),
                **_line_cells(p.figures),
            }
        )
        for p in figures.projects
    ]
    rows.append(
        Row({"id": say("totals", lang), **_line_cells(figures.totals)}, "totals")
    )
    title = say("budget.title", lang, year=budget.year, as_of=budget.as_of)
    return TableView(title, columns, rows)


def _line_cells(line: LineFigures) -> dict[str, Cell]:
    return {
        "total": line.total,
        **line.funding,
        "actual": line.actual,
        "committed": line.committed,
        "remaining": line.remaining,
        "utilisation": line.utilisation_shown,
    }


def sources_view(figures: BudgetFigures, lang: Lang) -> TableView:
    """The funding sources with their totals and shares over the projects shown."""
    columns = [
        Column("id", say("funding_source", lang), "text"),
        Column("total", say("total", lang), "amount"),
        Column("share", say("share", lang), "percent"),
    ]
    rows = [
        Row(
            {
                "id": display_name(source.source.name, source.source.name_en, lang),
                "total": source.total,
                "share": source.share_shown,
            }
        )
        for source in figures.sources
    ]
    total_share = Decimal(100) if figures.totals.total else None
    rows.append(
        Row(
            {
                "id": say("totals", lang),
                "total": figures.totals.total,
                "share": total_share,
            },
            "totals",
        )
    )
    title = say(
        "budget.title", lang, year=figures.budget.year, as_of=figures.budget.as_of
    )
    return TableView(title, columns, rows)


def estimate_view(figures: EstimateFigures, lang: Lang) -> TableView:
    """The cost lines under their groups, an amount per year, row totals and shares, and
    the year totals."""
    columns = [
        Column("id", say("cost_line", lang), "text"),
        *(Column(str(year), str(year), "amount") for year in figures.years),
        Column("total", say("totals", lang), "amount"),
        Column("share", say("share", lang), "percent"),
    ]
    rows: list[Row] = []
    for group in figures.groups:
        rows.append(
            Row(
                {"id": display_name(group.group.name, group.group.name_en, lang)},
                "group",
            )
        )
        for line in figures.lines:
            if line.line.group == group.group.id:
                cells: dict[str, Cell] = {
                    str(year): line.amounts[year] for year in figures.years
                }
                rows.append(
                    Row(
                        {
                            "id": display_name(line.line.name, line.line.name_en, lang),
                            **cells,
                            "total": line.total,
                            "share": line.share_shown,
                        }
                    )
                )
    totals: dict[str, Cell] = {
        str(year): figures.year_totals[year] for year in figures.years
    }
    rows.append(
        Row(
            {
                "id": say("estimate.totals", lang),
                **totals,
                "total": figures.total,
                "share": Decimal(100) if figures.total else None,
            },
            "totals",
        )
    )
    if len(figures.years) == 1:
        title = say("estimate.title_year", lang, year=figures.years[0])
    else:
        title = say(
            "estimate.title", lang, first=figures.years[0], last=figures.years[-1]
        )
    return TableView(title, columns, rows)
