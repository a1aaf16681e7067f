"""The Excel workbook for finance staff: line items as values, every derived figure as a
live formula, so a changed cell carries through to every total.

Sheets: the budget (projects, totals row, split by funding source), the cost estimate
(cost lines, year totals, totals by group and a chart of them), the programme's projects
(their budget taken from the budget sheet) and the action areas with their focus
measures.

Invariants:

- Amounts go into the file exactly: whole euros as integers, amounts with cents as
  their own decimal text. (openpyxl writes a Decimal through a binary float, "%.16g",
  which turns 927453732501.82 into 927453732501.8199.)
- A blank cell of the document stays blank; Excel's SUM counts it as zero, as `calc`
  does.
- Text from the data is always text: a name starting with "=" is not a formula.
- Percentages are fractions (0.5 shown as 50.00 %), as Excel keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kuvadigi.calc import BudgetFigures, EstimateFigures
from kuvadigi.i18n import Lang, say
from kuvadigi.money import amount_text
from kuvadigi.records import Programme
from kuvadigi.views import display_name

PERCENT = "0.00%"

# Number format codes always use "," for thousands and "." for cents; Excel shows them
# with the reader's own separators (2 780 000 € in a Finnish Excel).
_AMOUNT_FORMATS: dict[tuple[Lang, bool], str] = {
    ("fi", False): '#,##0 "€"',
    ("fi", True): '#,##0.00 "€"',
    ("en", False): '"€"#,##0',
    ("en", True): '"€"#,##0.00',
}

_TITLE_ROW = 1
_SOURCE_ROW = 2
_HEADER_ROW = 3
_FIRST_ROW = 4

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_RULE = Side(style="thin", color="7F8C99")
_NAME_WIDTH_LIMIT = 60
_AMOUNT_WIDTH = 15


@dataclass(frozen=True)
class _Style:
    """The number formats of one workbook."""

    amount: str
    percent: str = PERCENT


@dataclass(frozen=True)
class _BudgetCells:
    """Where the budget sheet keeps each project's total and remaining, for formulas on
    other sheets."""

    sheet: str
    rows: dict[str, int]
    total_column: str
    remaining_column: str


def workbook(
    budget: BudgetFigures,
    estimate: EstimateFigures,
    programme: Programme,
    lang: Lang,
) -> Workbook:
    """The workbook of the budget, the cost estimate and the programme, in `lang`."""
    amounts = [
        *(
            p.project.funding.get(s.source.id)
            for p in budget.projects
            for s in budget.sources
        ),
        *(p.project.actual for p in budget.projects),
        *(p.project.committed for p in budget.projects),
        *(
            amount
            for line in estimate.estimate.lines
            for amount in line.amounts.values()
        ),
    ]
    style = _Style(_AMOUNT_FORMATS[lang, _has_cents(amounts)])

    book = Workbook()
    budget_sheet = book.active
    assert budget_sheet is not None, "a new workbook has a sheet"
    cells = _budget_sheet(budget_sheet, budget, lang, style)
    _estimate_sheet(book.create_sheet(), estimate, lang, style)
    _projects_sheet(book.create_sheet(), budget, programme, cells, lang, style)
    _action_areas_sheet(book.create_sheet(), programme, lang)

    book.properties.title = say(
        "budget.title", lang, year=budget.budget.year, as_of=budget.budget.as_of
    )
    book.properties.creator = "kuvadigi"
    book.properties.description = budget.budget.source
    return book


def save_workbook(book: Workbook, path: Path) -> None:
    """Write `book` to `path`."""
    book.save(path)


def _has_cents(amounts: Iterable[Decimal | None]) -> bool:
    return any(a is not None and a != a.to_integral_value() for a in amounts)


# The budget sheet


def _budget_sheet(
    sheet: Worksheet, figures: BudgetFigures, lang: Lang, style: _Style
) -> _BudgetCells:
    """Projects with funding sources, actual, committed; total, remaining and
    utilisation as formulas; the totals row; then the split by funding source."""
    budget = figures.budget
    sheet.title = say("outputs.budget_year", lang, year=budget.year)
    _heading(
        sheet,
        say("budget.title", lang, year=budget.year, as_of=budget.as_of),
        budget.source,
        lang,
    )

    sources = budget.funding_sources
    labels = [
        say("project", lang),
        say("total", lang),
        *(display_name(s.name, s.name_en, lang) for s in sources),
        say("actual", lang),
        say("committed", lang),
        say("remaining", lang),
        say("utilisation", lang),
    ]
    _header_row(sheet, _HEADER_ROW, labels)
    total = "B"
    first_source, last_source = _column(3), _column(2 + len(sources))
    actual, committed = _column(3 + len(sources)), _column(4 + len(sources))
    remaining, utilisation = _column(5 + len(sources)), _column(6 + len(sources))

    rows: dict[str, int] = {}
    row = _FIRST_ROW
    for entry in figures.projects:
        project = entry.project
        rows[project.id] = row
        _text(sheet[f"A{row}"], display_name(project.name, project.name_en, lang))
        _formula(
            sheet[f"{total}{row}"],
            f"=SUM({first_source}{row}:{last_source}{row})",
            style.amount,
        )
        for index, source in enumerate(sources):
            _amount(
                _at(sheet, row, 3 + index), project.funding.get(source.id), style.amount
            )
        _amount(sheet[f"{actual}{row}"], project.actual, style.amount)
        _amount(sheet[f"{committed}{row}"], project.committed, style.amount)
        _formula(
            sheet[f"{remaining}{row}"],
            f"={total}{row}-{actual}{row}-{committed}{row}",
            style.amount,
        )
        _formula(
            sheet[f"{utilisation}{row}"],
            f'=IF({total}{row}=0,"",({actual}{row}+{committed}{row})/{total}{row})',
            style.percent,
        )
        row += 1

    last = row - 1
    totals = row
    _text(sheet[f"A{totals}"], say("totals", lang))
    for column in range(2, 5 + len(sources) + 1):
        letter = _column(column)
        _formula(
            sheet[f"{letter}{totals}"],
            f"=SUM({letter}{_FIRST_ROW}:{letter}{last})",
            style.amount,
        )
    _formula(
        sheet[f"{utilisation}{totals}"],
        f'=IF({total}{totals}=0,"",({actual}{totals}+{committed}{totals})/{total}{totals})',
        style.percent,
    )
    _totals_style(sheet, totals, 6 + len(sources))
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:{utilisation}{last}"

    _sources_table(sheet, figures, totals + 2, totals, lang, style)
    _finish(sheet, name_columns=["A"], freeze=f"B{_FIRST_ROW}")
    return _BudgetCells(sheet.title, rows, total, remaining)


def _sources_table(
    sheet: Worksheet,
    figures: BudgetFigures,
    header: int,
    totals: int,
    lang: Lang,
    style: _Style,
) -> None:
    """Each funding source's total (its column of the totals row) and share."""
    _header_row(
        sheet,
        header,
        [say("funding_source", lang), say("total", lang), say("share", lang)],
    )
    row = header + 1
    for index, source in enumerate(figures.budget.funding_sources):
        _text(sheet[f"A{row}"], display_name(source.name, source.name_en, lang))
        _formula(sheet[f"B{row}"], f"={_column(3 + index)}{totals}", style.amount)
        _formula(
            sheet[f"C{row}"], f'=IF($B${totals}=0,"",B{row}/$B${totals})', style.percent
        )
        row += 1
    _text(sheet[f"A{row}"], say("totals", lang))
    _formula(sheet[f"B{row}"], f"=SUM(B{header + 1}:B{row - 1})", style.amount)
    _formula(sheet[f"C{row}"], f"=SUM(C{header + 1}:C{row - 1})", style.percent)
    _totals_style(sheet, row, 3)


# The estimate sheet


def _estimate_sheet(
    sheet: Worksheet, figures: EstimateFigures, lang: Lang, style: _Style
) -> None:
    """Cost lines by group and year with row totals and shares, the year totals, the
    totals by group and year, and a stacked bar chart of those."""
    estimate = figures.estimate
    years = figures.years
    first, last = years[0], years[-1]
    sheet.title = say("estimate.title", lang, first=first, last=last)
    _heading(
        sheet,
        say("estimate.title", lang, first=first, last=last),
        estimate.source,
        lang,
    )

    group_names = {
        group.id: display_name(group.name, group.name_en, lang)
        for group in estimate.groups
    }
    first_year, last_year = _column(3), _column(2 + len(years))
    total, share = _column(3 + len(years)), _column(4 + len(years))
    labels = [say("group", lang), say("cost_line", lang), *(str(y) for y in years)]
    _header_row(
        sheet,
        _HEADER_ROW,
        [*labels, say("totals", lang), say("share", lang)],
        text_columns=2,
    )

    lines_end = _FIRST_ROW + len(estimate.lines) - 1
    totals = lines_end + 1
    grand_total = f"${total}${totals}"
    for row, line in enumerate(estimate.lines, start=_FIRST_ROW):
        _text(sheet[f"A{row}"], group_names.get(line.group, line.group))
        _text(sheet[f"B{row}"], display_name(line.name, line.name_en, lang))
        for index, year in enumerate(years):
            _amount(_at(sheet, row, 3 + index), line.amounts.get(year), style.amount)
        _formula(
            sheet[f"{total}{row}"],
            f"=SUM({first_year}{row}:{last_year}{row})",
            style.amount,
        )
        _formula(
            sheet[f"{share}{row}"],
            f'=IF({grand_total}=0,"",{total}{row}/{grand_total})',
            style.percent,
        )

    _text(sheet[f"A{totals}"], say("estimate.totals", lang))
    for index in range(len(years) + 1):
        letter = _column(3 + index)
        _formula(
            sheet[f"{letter}{totals}"],
            f"=SUM({letter}{_FIRST_ROW}:{letter}{lines_end})",
            style.amount,
        )
    _formula(
        sheet[f"{share}{totals}"],
        f"=SUM({share}{_FIRST_ROW}:{share}{lines_end})",
        style.percent,
    )
    _totals_style(sheet, totals, 4 + len(years))
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:{share}{lines_end}"

    # Totals by group: the cost lines whose group column holds the group's name. An
    # exact comparison, not SUMIF, whose criteria would read "*" or "?" in a name as
    # wildcards.
    groups_header = totals + 2
    _header_row(
        sheet,
        groups_header,
        [
            "",
            say("group", lang),
            *(str(y) for y in years),
            say("totals", lang),
            say("share", lang),
        ],
        text_columns=2,
    )
    group_rows = []
    for row, group in enumerate(estimate.groups, start=groups_header + 1):
        group_rows.append(row)
        _text(sheet[f"B{row}"], group_names[group.id])
        for index in range(len(years)):
            letter = _column(3 + index)
            _formula(
                sheet[f"{letter}{row}"],
                f"=SUMPRODUCT(($A${_FIRST_ROW}:$A${lines_end}=$B{row})*{letter}${_FIRST_ROW}:{letter}${lines_end})",
                style.amount,
            )
        _formula(
            sheet[f"{total}{row}"],
            f"=SUM({first_year}{row}:{last_year}{row})",
            style.amount,
        )
        _formula(
            sheet[f"{share}{row}"],
            f'=IF({grand_total}=0,"",{total}{row}/{grand_total})',
            style.percent,
        )

    # Below the tables, where the reader scrolls on to (and a printout continues).
    sheet.add_chart(
        _group_chart(sheet, groups_header, group_rows, len(years), lang, style),
        f"B{group_rows[-1] + 3 if group_rows else groups_header + 3}",
    )
    _finish(sheet, name_columns=["A", "B"], freeze=f"C{_FIRST_ROW}")


def _group_chart(
    sheet: Worksheet,
    header: int,
    group_rows: Sequence[int],
    year_count: int,
    lang: Lang,
    style: _Style,
) -> BarChart:
    """A stacked column chart: a column per year, a segment per group."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = say("outputs.chart_title", lang)
    chart.y_axis.numFmt = style.amount
    # openpyxl 3.1 marks new axes as deleted; Excel would then hide them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 22, 12
    chart.legend.position = "b"

    for row in group_rows:
        series = Series(
            Reference(sheet, min_col=3, max_col=2 + year_count, min_row=row)
        )
        series.tx = SeriesLabel(
            strRef=StrRef(f"{quote_sheetname(sheet.title)}!$B${row}")
        )
        chart.series.append(series)
    chart.set_categories(
        Reference(sheet, min_col=3, max_col=2 + year_count, min_row=header)
    )
    return chart


# The programme sheets


def _projects_sheet(
    sheet: Worksheet,
    budget: BudgetFigures,
    programme: Programme,
    cells: _BudgetCells,
    lang: Lang,
    style: _Style,
) -> None:
    """The programme's projects with their descriptions and budget lines; total,
    remaining and utilisation are formulas on the budget sheet."""
    year = budget.budget.year
    sheet.title = say("programme.projects", lang, year=year)
    _heading(
        sheet, say("programme.projects", lang, year=year), budget.budget.source, lang
    )
    _header_row(
        sheet,
        _HEADER_ROW,
        [
            say("project", lang),
            say("description", lang),
            say("outputs.budget_lines", lang),
            say("total", lang),
            say("remaining", lang),
            say("utilisation", lang),
        ],
        text_columns=3,
    )

    names = {
        p.project.id: display_name(p.project.name, p.project.name_en, lang)
        for p in budget.projects
    }
    entries = [
        (display_name(p.name, p.name_en, lang), p.description, p.budget_lines)
        for p in programme.projects
    ]
    entries += [
        (names[line], say("outputs.no_description", lang), [line])
        for line in programme.undescribed_budget_lines
        if line in names
    ]
    budget_sheet = quote_sheetname(cells.sheet)
    for row, (name, description, lines) in enumerate(entries, start=_FIRST_ROW):
        linked = [line for line in lines if line in cells.rows]
        _text(sheet[f"A{row}"], name)
        _text(sheet[f"B{row}"], description)
        _text(sheet[f"C{row}"], ", ".join(names[line] for line in linked))
        for letter, column in (
            ("D", cells.total_column),
            ("E", cells.remaining_column),
        ):
            refs = "+".join(
                f"{budget_sheet}!${column}${cells.rows[line]}" for line in linked
            )
            _formula(sheet[f"{letter}{row}"], f"={refs or 0}", style.amount)
        _formula(
            sheet[f"F{row}"], f'=IF(D{row}=0,"",(D{row}-E{row})/D{row})', style.percent
        )
        for letter in "ABC":
            sheet[f"{letter}{row}"].alignment = Alignment(
                wrap_text=True, vertical="top"
            )

    _finish(sheet, name_columns=["A", "C"], freeze=f"B{_FIRST_ROW}")
    sheet.column_dimensions["B"].width = _NAME_WIDTH_LIMIT


def _action_areas_sheet(sheet: Worksheet, programme: Programme, lang: Lang) -> None:
    """The action areas, one row per focus measure, the area repeated for filtering."""
    sheet.title = say("action_areas", lang)
    _heading(sheet, say("xlsx.areas_title", lang), None, lang)
    _header_row(
        sheet,
        _HEADER_ROW,
        [
            say("xlsx.number", lang),
            say("xlsx.action_area", lang),
            say("xlsx.measure_number", lang),
            say("xlsx.focus_measure", lang),
        ],
        text_columns=4,
    )
    row = _FIRST_ROW
    for area in programme.action_areas:
        area_name = display_name(area.name, area.name_en, lang)
        measures: list[tuple[str, str] | None] = [
            (measure.number, display_name(measure.name, measure.name_en, lang))
            for measure in area.focus_measures
        ]
        # An area without focus measures still gets its row.
        for measure in measures or [None]:
            sheet[f"A{row}"] = area.number
            _text(sheet[f"B{row}"], area_name)
            if measure is not None:
                _text(sheet[f"C{row}"], measure[0])
                _text(sheet[f"D{row}"], measure[1])
            row += 1
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:D{max(row - 1, _HEADER_ROW)}"
    _finish(sheet, name_columns=["B", "D"], freeze=f"A{_FIRST_ROW}")


# Cells


def _text(cell: Cell, text: str) -> None:
    """Text from the data, kept text even where it starts with "="."""
    cell.value = text
    cell.data_type = "s"


def _amount(cell: Cell, amount: Decimal | None, number_format: str) -> None:
    """An amount written exactly; a blank stays blank but keeps the euro format, so a
    figure typed in later shows as euros."""
    cell.number_format = number_format
    if amount is None:
        return
    if amount == amount.to_integral_value():
        cell.value = int(amount)
        return
    # The amount's own digits, as a number cell: openpyxl writes text of a numeric
    # cell as it is, where it would round a Decimal through a float.
    cell.value = amount_text(amount)
    cell.data_type = "n"


def _formula(cell: Cell, formula: str, number_format: str) -> None:
    cell.value = formula
    cell.number_format = number_format


def _at(sheet: Worksheet, row: int, column: int) -> Cell:
    """The cell at `row`, `column` (the workbook merges no cells)."""
    cell = sheet.cell(row, column)
    assert isinstance(cell, Cell), "no merged cells in a kuvadigi workbook"
    return cell


def _column(index: int) -> str:
    return get_column_letter(index)


# Layout


def _heading(sheet: Worksheet, title: str, source: str | None, lang: Lang) -> None:
    title_cell = _at(sheet, _TITLE_ROW, 1)
    _text(title_cell, title)
    title_cell.font = _TITLE
    if source:
        _text(_at(sheet, _SOURCE_ROW, 1), say("outputs.source", lang, source=source))


def _header_row(
    sheet: Worksheet, row: int, labels: Sequence[str], text_columns: int = 1
) -> None:
    """A bold, shaded header row; labels of text columns (the first `text_columns`) sit
    left, those of figures right, above their figures."""
    for column, label in enumerate(labels, start=1):
        cell = _at(sheet, row, column)
        _text(cell, label)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = Border(bottom=_RULE)
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="bottom",
            horizontal="left" if column <= text_columns else "right",
        )


def _totals_style(sheet: Worksheet, row: int, columns: int) -> None:
    for column in range(1, columns + 1):
        cell = _at(sheet, row, column)
        cell.font = _BOLD
        cell.border = Border(top=_RULE)


def _finish(sheet: Worksheet, name_columns: Sequence[str], freeze: str) -> None:
    """Freeze the header rows (and the name column), size the columns, and print the
    sheet landscape, one page wide."""
    sheet.freeze_panes = freeze
    for column in range(1, sheet.max_column + 1):
        letter = _column(column)
        if letter in name_columns:
            longest = max(
                (
                    len(str(cell.value))
                    for cell in sheet[letter][_HEADER_ROW - 1 :]
                    if cell.value is not None
                ),
                default=10,
            )
            sheet.column_dimensions[letter].width = min(longest + 2, _NAME_WIDTH_LIMIT)
        else:
            sheet.column_dimensions[letter].width = _AMOUNT_WIDTH
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
