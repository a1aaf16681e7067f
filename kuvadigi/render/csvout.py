"""CSV for machines and for Finnish Excel.

Plain CSV (`--format csv`) follows RFC 4180: comma-separated, CRLF line ends, quotes only
where a field needs them, UTF-8 without a byte-order mark. One header row of machine ids
(`id`, `total`, `digi_investment`, ...), then one row per item. Numbers are plain: digits,
a dot before cents, no thousands separator, no currency sign; percentages in percent at
two decimals, as in the JSON. A blank cell of the document is an empty field. There is no
totals row, so the sum of a column is its total.

Excel CSV (`--format csv --excel`) is the same table as Finnish Excel opens it with a
double click: semicolon-separated, a decimal comma, no thousands separator, and UTF-8
with a byte-order mark so that ä and ö come out right.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from kuvadigi.calc import BudgetFigures, EstimateFigures, LineFigures
from kuvadigi.i18n import Lang
from kuvadigi.money import plain_amount
from kuvadigi.problems import Problem
from kuvadigi.programme_view import ProgrammeView
from kuvadigi.render.problems import message_text, shown_path

CsvCell = str | int | Decimal | None


@dataclass(frozen=True)
class CsvTable:
    """A header row of ids and the rows under it."""

    header: list[str]
    rows: list[list[CsvCell]]


def budget_table(figures: BudgetFigures) -> CsvTable:
    """One row per project, its figures as in the JSON."""
    source_ids = [source.id for source in figures.budget.funding_sources]
    header = [
        "id",
        "name",
        "name_en",
        "total",
        *source_ids,
        "actual",
        "committed",
        "remaining",
        "utilisation",
    ]
    rows = [
        [p.project.id, p.project.name, p.project.name_en, *_line(p.figures, source_ids)]
        for p in figures.projects
    ]
    return CsvTable(header, rows)


def _line(line: LineFigures, source_ids: Sequence[str]) -> list[CsvCell]:
    return [
        _amount(line.total),
        *(_amount(line.funding[source_id]) for source_id in source_ids),
        _amount(line.actual),
        _amount(line.committed),
        _amount(line.remaining),
        line.utilisation_shown,
    ]


def sources_table(figures: BudgetFigures) -> CsvTable:
    """One row per funding source: its total over the projects shown and its share."""
    return CsvTable(
        ["id", "name", "name_en", "total", "share"],
        [
            [
                s.source.id,
                s.source.name,
                s.source.name_en,
                _amount(s.total),
                s.share_shown,
            ]
            for s in figures.sources
        ],
    )


def estimate_table(figures: EstimateFigures) -> CsvTable:
    """One row per cost line: its group, amount per year, row total and share."""
    header = [
        "id",
        "name",
        "name_en",
        "group",
        *(str(year) for year in figures.years),
        "total",
        "share",
    ]
    rows: list[list[CsvCell]] = []
    for line in figures.lines:
        rows.append(
            [
                line.line.id,
                line.line.name,
                line.line.name_en,
                line.line.group,
                *(_amount(line.amounts[year]) for year in figures.years),
                _amount(line.total),
                line.share_shown,
            ]
        )
    return CsvTable(header, rows)


def check_table(findings: Sequence[Problem], lang: Lang) -> CsvTable:
    """One row per finding: where it is, how much it matters, what it says."""
    return CsvTable(
        ["path", "line", "severity", "message"],
        [
            [
                str(shown_path(finding.path)),
                finding.line or None,
                finding.severity.value,
                message_text(finding.message, lang),
            ]
            for finding in findings
        ],
    )


PROGRAMME_HEADER = [
    "kind",
    "area",
    "number",
    "id",
    "name",
    "name_en",
    "description",
    "budget_lines",
    "total",
    "remaining",
]


def programme_table(view: ProgrammeView) -> CsvTable:
    """The programme as one outline table, one row per item, its `kind` saying what it
    is: vision, vision_part, action_area, focus_measure, project, undescribed_budget_line.
    A project's `budget_lines` are ids separated by spaces; its total and remaining are
    those of its budget lines together."""
    rows: list[list[CsvCell]] = []

    def add(kind: str, **cells: CsvCell) -> None:
        rows.append([kind, *(cells.get(key) for key in PROGRAMME_HEADER[1:])])

    if view.vision is not None:
        vision = view.vision
        add("vision", name=vision.statement, name_en=vision.statement_en)
        for part in vision.parts:
            add(
                "vision_part",
                id=part.id,
                name=part.name,
                name_en=part.name_en,
                description=part.text,
            )

    for area in view.action_areas:
        add(
            "action_area",
            area=area.number,
            number=str(area.number),
            id=area.id,
            name=area.name,
            name_en=area.name_en,
        )
        for measure in area.focus_measures:
            add(
                "focus_measure",
                area=area.number,
                number=measure.number,
                name=measure.name,
                name_en=measure.name_en,
            )

    for kind, projects in (
        ("project", view.projects),
        ("undescribed_budget_line", view.undescribed),
    ):
        for project in projects:
            add(
                kind,
                id=project.id,
                name=project.name,
                name_en=project.name_en,
                description=project.description,
                budget_lines=" ".join(line.id for line in project.lines),
                total=_amount(project.total),
                remaining=_amount(project.remaining),
            )
    return CsvTable(PROGRAMME_HEADER, rows)


def csv_text(table: CsvTable, *, excel: bool = False) -> str:
    """The table as CSV text: RFC 4180, or the Finnish Excel variant."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([_field(cell, excel) for cell in row])
    return buffer.getvalue()


def _field(cell: CsvCell, excel: bool) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        text = format(cell, "f")
        return text.replace(".", ",") if excel else text
    text = str(cell)
    if excel and text.startswith(_FORMULA_STARTS):
        # Excel would run a name like "=1+2" as a formula; the apostrophe makes it
        # text there, as Excel itself does when one types it.
        return "'" + text
    return text


# What makes Excel read a cell as a formula rather than text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _amount(amount: Decimal | None) -> Decimal | None:
    """An amount as its plain text says it: no exponent, cents only where there are any."""
    return None if amount is None else plain_amount(amount)


def print_csv(
    table: CsvTable, *, excel: bool = False, out: IO[str] | None = None
) -> None:
    """Write the table to standard output as UTF-8 (with a byte-order mark for Excel),
    whatever the locale's encoding."""
    stream = out or sys.stdout
    text = ("\ufeff" if excel else "") + csv_text(table, excel=excel)
    stream.flush()
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
    else:
        binary.write(text.encode("utf-8"))
        binary.flush()
