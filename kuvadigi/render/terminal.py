"""Tables for people in a terminal, drawn with rich.

Numbers never wrap and are never cut; names fold onto more lines when space is short.
Piped output carries no colour or escape codes, and NO_COLOR is honoured (rich does both).
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from kuvadigi.i18n import Lang, format_amount, format_percent
from kuvadigi.views import Cell, Column, TableView

# A name column narrower than this folds most names into unreadable slivers.
_NAME_MIN_WIDTH = 14

_UNLIMITED = 10_000

_ROW_STYLES = {"item": "", "group": "bold", "totals": "bold"}


def console(file: IO[str] | None = None) -> Console:
    """A console for `file` (standard output by default) that never soft-wraps numbers."""
    return Console(file=file, highlight=False, soft_wrap=False)


def print_table(view: TableView, lang: Lang, out: Console) -> None:
    """Draw `view` on `out`, numbers formatted for `lang`.

    Number columns are exactly as wide as their widest figure (their labels wrap at
    spaces); the name column takes what is left and folds. Where even the narrowest such
    table is wider than the terminal, it is drawn wider rather than cut.
    """
    table = Table(title=view.title, box=box.SIMPLE_HEAD, title_justify="left")
    for column in view.columns:
        if column.kind == "text":
            table.add_column(
                column.label, overflow="fold", ratio=1, min_width=_NAME_MIN_WIDTH
            )
            continue
        cells = [
            _cell_text(row.cells.get(column.key), column, lang) for row in view.rows
        ]
        longest_word = max(len(word) for word in column.label.split())
        table.add_column(
            Text(column.label, justify="right"),
            justify="right",
            overflow="fold",
            width=max([longest_word, *(len(cell) for cell in cells)]),
        )

    for row in view.rows:
        table.add_row(
            *(
                _cell_text(row.cells.get(column.key), column, lang)
                for column in view.columns
            ),
            style=_ROW_STYLES[row.style],
            end_section=row.style == "totals",
        )

    # Measured without the terminal's limit: the narrowest this table can be drawn whole.
    narrowest = Measurement.get(
        out, out.options.update(max_width=_UNLIMITED), table
    ).minimum
    if narrowest > out.width:
        # rich would squeeze every column, numbers too, to fit: run wider instead.
        out.width = narrowest
    out.print(table)
    for note in view.notes:
        out.print(note)


def _cell_text(cell: Cell, column: Column, lang: Lang) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if column.kind == "percent":
        return format_percent(cell, lang)
    if column.kind == "amount":
        return format_amount(Decimal(cell), lang)
    return str(cell)
