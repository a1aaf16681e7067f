"""Tables for people in a terminal, drawn with rich.

Numbers never wrap and are never cut: every number column is exactly as wide as its
widest figure. Names fold onto more lines when space is short. Where even then the table
does not fit, whole groups of columns are left out, least important first (the bars, the
funding sources, the details), and a note under the table names them; where the
essential columns alone do not fit, the table runs wider than the terminal rather than
cut a figure.

Piped output has no terminal width: unless COLUMNS says otherwise, the table is drawn at
its natural width with nothing folded or left out. Piped output carries no colour or
escape codes and no trailing spaces; NO_COLOR is honoured (rich does both).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from rich import box
from rich.console import Console, RenderableType
from rich.constrain import Constrain
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from kuvadigi.i18n import Lang, format_amount, format_percent, say
from kuvadigi.programme_view import PROSE_WIDTH, ProgrammeView, projects_table
from kuvadigi.views import ESSENTIAL, Cell, Column, TableView, display_name

# A name column narrower than this folds most names into unreadable slivers.
NAME_MIN_WIDTH = 14
BAR_WIDTH = 10
BAR_STYLE = "cyan"

_EIGHTHS = " ▏▎▍▌▋▊▉"
_UNLIMITED = 100_000
_ROW_STYLES = {"item": "", "group": "bold", "totals": "bold", "note": "dim"}


def console() -> Console:
    """A console on standard output that never soft-wraps numbers."""
    return Console(highlight=False, soft_wrap=False)


def available_width(out: Console) -> int | None:
    """The width to fit: the terminal's, or $COLUMNS; None for a pipe with no COLUMNS."""
    if out.is_terminal or os.environ.get("COLUMNS", "").strip().isdigit():
        return out.width
    return None


def print_table(view: TableView, lang: Lang, out: Console) -> None:
    """Draw `view` on `out`, numbers formatted for `lang`, fitted to the width."""
    texts = {
        column.key: [
            _cell_text(row.cells.get(column.key), column, lang) for row in view.rows
        ]
        for column in view.columns
    }
    widths = {
        column.key: _figure_width(column, texts[column.key]) for column in view.columns
    }
    width = available_width(out)

    shown = _columns_that_fit(view.columns, widths, width, out)
    left_out = [c.label for c in view.columns if c not in shown and c.kind != "bar"]

    table = _table(view, shown, texts, widths, width, out)
    renderables: list[RenderableType] = [Text(view.title, style="bold"), table]
    renderables += [Text(note) for note in view.notes]
    if left_out and width is not None:
        renderables.append(
            Text(say("table.left_out", lang, width=width, columns=", ".join(left_out)))
        )
    emit(out, renderables, _measure(out, table))


def _columns_that_fit(
    columns: Sequence[Column], widths: dict[str, int], width: int | None, out: Console
) -> list[Column]:
    """The essential columns, then each less important group of columns that still fits
    with the names at their narrowest, in order of importance."""
    if width is None:
        return list(columns)
    shown = [c for c in columns if c.importance == ESSENTIAL]
    for level in sorted({c.importance for c in columns} - {ESSENTIAL}):
        candidate = [c for c in columns if c in shown or c.importance == level]
        keys = {c.key for c in candidate}
        # A bar without its figure beside it would be a picture without a number.
        candidate = [c for c in candidate if c.of is None or c.of in keys]
        if _table_width(candidate, widths, out) <= width:
            shown = candidate
    return shown


def _table_width(
    columns: Sequence[Column], widths: dict[str, int], out: Console
) -> int:
    """How wide a table of `columns` is with its text columns at `NAME_MIN_WIDTH`."""
    table = _frame(columns, {**widths, **_text_widths(columns, NAME_MIN_WIDTH)})
    return _measure(out, table)


def _table(
    view: TableView,
    shown: Sequence[Column],
    texts: dict[str, list[str]],
    widths: dict[str, int],
    width: int | None,
    out: Console,
) -> Table:
    """The table of the `shown` columns, its name column as wide as the width allows."""
    natural = max(
        (
            len(line)
            for c in shown
            if c.kind == "text"
            for t in [c.label, *texts[c.key]]
            for line in t.splitlines()
        ),
        default=NAME_MIN_WIDTH,
    )
    name_width = min(natural, view.fold_at or natural)
    if width is not None:
        spare = width - _table_width(shown, widths, out)
        name_width = max(NAME_MIN_WIDTH, min(name_width, NAME_MIN_WIDTH + spare))

    table = _frame(shown, {**widths, **_text_widths(shown, name_width)})
    for index, row in enumerate(view.rows):
        table.add_row(
            *(_cell(texts[column.key][index], column) for column in shown),
            style=_ROW_STYLES[row.style],
            end_section=row.style == "totals",
        )
    return table


def _frame(columns: Iterable[Column], widths: dict[str, int]) -> Table:
    """An empty table of `columns` at fixed `widths`."""
    table = Table(
        box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False
    )
    for column in columns:
        if column.kind == "text":
            table.add_column(column.label, overflow="fold", width=widths[column.key])
        else:
            table.add_column(
                Text(column.label, justify="right"),
                justify="left" if column.kind == "bar" else "right",
                overflow="fold",
                width=widths[column.key],
            )
    return table


def _text_widths(columns: Iterable[Column], width: int) -> dict[str, int]:
    return {column.key: width for column in columns if column.kind == "text"}


def _figure_width(column: Column, cells: list[str]) -> int:
    """A figure column is as wide as its widest figure or the longest word of its label
    (the label wraps at spaces, a figure never)."""
    if column.kind == "bar":
        return BAR_WIDTH
    words = [len(word) for word in column.label.split()] or [0]
    return max([*words, *(len(cell) for cell in cells)])


def _measure(out: Console, renderable: RenderableType) -> int:
    """The width `renderable` needs, measured without the terminal's limit."""
    return Measurement.get(
        out, out.options.update(max_width=_UNLIMITED), renderable
    ).maximum


def _cell(text: str, column: Column) -> Text:
    if column.kind == "bar":
        return Text(text, style=BAR_STYLE)
    return Text(text)


def _cell_text(cell: Cell, column: Column, lang: Lang) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if column.kind == "bar":
        return bar(cell, BAR_WIDTH)
    if column.kind == "percent":
        return format_percent(cell, lang)
    if column.kind == "amount":
        return format_amount(cell, lang)
    return str(cell)


def bar(percent: Decimal, width: int) -> str:
    """A bar `width` characters long at 100 %, drawn to an eighth of a character; a
    figure over 100 % fills the bar (the percentage beside it tells how far over)."""
    eighths = (percent / 100 * width * 8).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    eighths = max(Decimal(0), min(eighths, Decimal(width * 8)))
    full, part = divmod(int(eighths), 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


def emit(out: Console, renderables: Sequence[RenderableType], needed: int = 0) -> None:
    """Print `renderables`, at least `needed` columns wide; into a pipe without trailing
    spaces (no escape codes reach a pipe, so stripping is safe)."""
    if needed > out.width:
        # rich would squeeze every column, numbers too, to fit: run wider instead.
        out.width = needed
    if out.is_terminal:
        for renderable in renderables:
            out.print(renderable)
        return

    with out.capture() as captured:
        for renderable in renderables:
            out.print(renderable)
    lines = [line.rstrip() for line in captured.get().splitlines()]
    out.file.write("\n".join(lines) + "\n")
    out.file.flush()


def print_programme(view: ProgrammeView, lang: Lang, out: Console) -> None:
    """The programme for people: the vision and its parts, the action areas with their
    focus measures, then the projects table (`print_table`)."""
    width = min(available_width(out) or PROSE_WIDTH, PROSE_WIDTH)
    blocks: list[RenderableType] = []
    if view.vision is not None:
        vision = view.vision
        statement = display_name(vision.statement, vision.statement_en, lang)
        blocks += [
            Text(say("programme.title", lang), style="bold"),
            Text(""),
            Text(f"{say('vision', lang)}: {statement}", style="bold"),
        ]
        for part in vision.parts:
            name = display_name(part.name, part.name_en, lang)
            blocks.append(_item("•", Text(name), width, marker_width=3))
            blocks.append(
                _item("", Text(part.text, style="dim"), width, marker_width=3)
            )
        blocks += [Text(""), Text(say("action_areas", lang), style="bold")]

    for area in view.action_areas:
        name = display_name(area.name, area.name_en, lang)
        blocks.append(
            _item(f"{area.number}.", Text(name, style="bold"), width, marker_width=2)
        )
        blocks += [
            _item(
                measure.number,
                Text(display_name(measure.name, measure.name_en, lang)),
                width,
                marker_width=6,
            )
            for measure in area.focus_measures
        ]
    emit(out, blocks)

    if view.projects or view.undescribed:
        emit(out, [Text("")])
        print_table(projects_table(view, lang), lang, out)


def _item(marker: str, text: Text, width: int, marker_width: int) -> RenderableType:
    """`text` after `marker` (right-aligned in `marker_width`), wrapped within `width`
    with a hanging indent."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=marker_width, justify="right")
    grid.add_column(overflow="fold")
    grid.add_row(marker, text)
    return Constrain(grid, width)
