"""The CSV tables of the follow-up commands, as `csvout` writes them: a header row of
machine ids, one row per item, plain numbers as in the JSON, no totals row."""

from __future__ import annotations

from collections.abc import Sequence

from kuvadigi.asof import TrendPoint
from kuvadigi.calc import BudgetFigures
from kuvadigi.followup_views import Comparison
from kuvadigi.forecast import Forecast
from kuvadigi.render.csvout import CsvCell, CsvTable
from kuvadigi.render.followup_json import amount_cell, percent_cell, projected_cell


def revisions_table(original: BudgetFigures, revised: BudgetFigures) -> CsvTable:
    """One row per project: original, change, revised, actual, committed, remaining."""
    before = {project.project.id: project.figures for project in original.projects}
    rows: list[list[CsvCell]] = []
    for project in revised.projects:
        then, now = before[project.project.id], project.figures
        rows.append(
            [
                project.project.id,
                project.project.name,
                project.project.name_en,
                amount_cell(then.total),
                amount_cell(now.total - then.total),
                amount_cell(now.total),
                amount_cell(now.actual),
                amount_cell(now.committed),
                amount_cell(now.remaining),
                percent_cell(now.utilisation),
            ]
        )
    header = ["id", "name", "name_en", "original", "change", "revised"]
    header += ["actual", "committed", "remaining", "utilisation"]
    return CsvTable(header, rows)


def trend_table(points: Sequence[TrendPoint]) -> CsvTable:
    """One row per month."""
    header = ["month", "recorded", "total", "actual", "committed", "remaining"]
    return CsvTable(
        [*header, "utilisation"],
        [
            [
                point.month,
                "true" if point.recorded else "false",
                amount_cell(point.figures.total),
                amount_cell(point.figures.actual),
                amount_cell(point.figures.committed),
                amount_cell(point.figures.remaining),
                percent_cell(point.figures.utilisation),
            ]
            for point in points
        ],
    )


def forecast_table(result: Forecast) -> CsvTable:
    """One row per project: its projection, and its alerts' kinds separated by spaces."""
    header = ["id", "name", "name_en", "total", "actual", "committed", "run_rate"]
    header += ["projected_spend", "projected_remaining", "projected_utilisation"]
    rows: list[list[CsvCell]] = []
    for project in result.projects:
        line = project.forecast
        rows.append(
            [
                project.project.id,
                project.project.name,
                project.project.name_en,
                amount_cell(line.total),
                amount_cell(line.actual),
                amount_cell(line.committed),
                projected_cell(line.run_rate),
                projected_cell(line.projected_spend),
                projected_cell(line.projected_remaining),
                percent_cell(line.projected_use),
                " ".join(alert.kind for alert in project.alerts),
            ]
        )
    return CsvTable([*header, "alerts"], rows)


def compare_table(comparison: Comparison) -> CsvTable:
    """One row per figure: the budget's total and sources, the estimate's figure and
    the difference."""
    figures = comparison.budget
    rows: list[list[CsvCell]] = [["budget_total", amount_cell(figures.totals.total)]]
    rows += [
        [f"budget_{source.source.id}", amount_cell(source.total)]
        for source in figures.sources
    ]
    rows.append(
        ["estimate_additional_funding_need", amount_cell(comparison.estimate_total)]
    )
    rows.append(["difference", amount_cell(comparison.difference)])
    return CsvTable(["figure", "amount"], rows)
