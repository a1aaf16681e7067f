"""Tables for people in a terminal, drawn with rich.

Numbers never wrap and are never cut: every number column is exactly as wide as its
widest figure. Names fold onto more lines when space is short, at spaces and after
hyphens; a word is broken only where it alone is wider than its column. Where even then
the table does not fit, whole groups of columns are left out, least important first (the
bars, the funding sources, the details), and a note under the table names them; where
the essential columns alone do not fit, their names narrow further (to
`NAME_TIGHT_WIDTH`), and where even that is not enough, the table runs wider than the
terminal rather than cut a figure. Titles and notes wrap at spaces only, never inside a
figure (a Finnish amount's digit groups are joined by no-break spaces).

Piped output has no terminal width: unless COLUMNS says otherwise, the table is drawn at
its natural width with nothing folded or left out. Piped output carries no colour or
escape codes and no trailing spaces; NO_COLOR is honoured (rich does both).
"""

from __future__ import annotations

import os
import re
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

# A name column narrower than this folds most names into unreadable slivers: it is the
# narrowest a name column gets while less important columns are added.
NAME_MIN_WIDTH = 14
# Where the essential columns alone do not fit, names narrow as far as this before the
# table runs wider than the terminal.
NAME_TIGHT_WIDTH = 10
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
    natural = {
        column.key: _natural_width(column, texts[column.key], view.fold_at)
        for column in view.columns
        if column.kind == "text"
    }
    floors = {
        column.key: _floor_width(column, texts[column.key], natural[column.key], index)
        for index, column in enumerate(view.columns)
        if column.kind == "text"
    }
    width = available_width(out)

    # A bar pictures a figure already shown: it is drawn only where no word then breaks.
    whole_words = {
        column.key: max(
            floors[column.key],
            min(_word_width(texts[column.key], column), natural[column.key]),
        )
        for column in view.columns
        if column.kind == "text"
    }
    shown = _columns_that_fit(
        view.columns, {**widths, **floors}, {**widths, **whole_words}, width, out
    )
    left_out = [c.label for c in view.columns if c not in shown and c.kind != "bar"]

    text_widths = _fitted_text_widths(
        shown, texts, {**widths, **floors}, natural, width, out
    )
    table = _table(view, shown, texts, {**widths, **text_widths})
    needed = _measure(out, table)
    # Prose wraps at the width the table is drawn at (rich's own when there is none).
    prose = max(out.width, needed)
    renderables: list[RenderableType] = [_prose(view.title, prose, "bold"), table]
    renderables += [_prose(note, prose) for note in view.notes]
    if left_out and width is not None:
        renderables.append(
            _prose(
                say("table.left_out", lang, width=width, columns=", ".join(left_out)),
                prose,
            )
        )
    emit(out, renderables, needed)


def _columns_that_fit(
    columns: Sequence[Column],
    widths: dict[str, int],
    whole_words: dict[str, int],
    width: int | None,
    out: Console,
) -> list[Column]:
    """The essential columns, then each less important group of columns that still fits
    with the text columns at their narrowest (`widths`), in order of importance; a
    group with a bar only where it fits with no word broken (`whole_words`)."""
    if width is None:
        return list(columns)
    shown = [c for c in columns if c.importance == ESSENTIAL]
    for level in sorted({c.importance for c in columns} - {ESSENTIAL}):
        candidate = [c for c in columns if c in shown or c.importance == level]
        keys = {c.key for c in candidate}
        # A bar without its figure beside it would be a picture without a number.
        candidate = [c for c in candidate if c.of is None or c.of in keys]
        bars = any(c.kind == "bar" and c not in shown for c in candidate)
        if _table_width(candidate, whole_words if bars else widths, out) <= width:
            shown = candidate
    return shown


def _table_width(
    columns: Sequence[Column], widths: dict[str, int], out: Console
) -> int:
    """How wide a table of `columns` is with every column at its `widths`."""
    return _measure(out, _frame(columns, widths))


def _fitted_text_widths(
    shown: Sequence[Column],
    texts: dict[str, list[str]],
    widths: dict[str, int],
    natural: dict[str, int],
    width: int | None,
    out: Console,
) -> dict[str, int]:
    """The widths of the text columns of `shown`: at their natural width where there is
    no width to fit; otherwise from their narrowest (`widths`), the spare width given
    first to whole words, then to whole lines, the columns needing least first; where
    the table does not fit even at their narrowest, narrower still, widest first, down
    to `NAME_TIGHT_WIDTH`."""
    text = [c for c in shown if c.kind == "text"]
    if width is None:
        return {c.key: natural[c.key] for c in text}
    fitted = {c.key: widths[c.key] for c in text}
    spare = width - _table_width(shown, widths, out)

    while spare < 0:
        narrowable = [c for c in text if fitted[c.key] > NAME_TIGHT_WIDTH]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda c: fitted[c.key])
        fitted[widest.key] -= 1
        spare += 1

    words = {c.key: min(_word_width(texts[c.key], c), natural[c.key]) for c in text}
    for goal in (words, natural):
        for column in sorted(text, key=lambda c: goal[c.key] - fitted[c.key]):
            grow = max(0, min(spare, goal[column.key] - fitted[column.key]))
            fitted[column.key] += grow
            spare -= grow
    return fitted


def _table(
    view: TableView,
    shown: Sequence[Column],
    texts: dict[str, list[str]],
    widths: dict[str, int],
) -> Table:
    """The table of the `shown` columns at `widths`, the text folded to fit them."""
    table = _frame(shown, widths)
    for index, row in enumerate(view.rows):
        table.add_row(
            *(_cell(texts[column.key][index], column, widths) for column in shown),
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
        width = widths[column.key]
        if column.kind == "text":
            table.add_column(fold(column.label, width), overflow="fold", width=width)
        else:
            table.add_column(
                Text(column.label, justify="right"),
                justify="left" if column.kind == "bar" else "right",
                overflow="fold",
                width=width,
            )
    return table


def fold(text: str, width: int) -> str:
    """`text` folded into lines of at most `width` characters, at spaces and after
    hyphens; a word is broken only where it alone is longer than `width`, and then it
    starts a line of its own. A line's indent is kept on the lines it folds into."""
    return "\n".join(_wrap(text, width, hyphens=True))


def _prose(text: str, width: int, style: str = "") -> Text:
    """A title or a note wrapped within `width` at spaces only: never inside a figure,
    whose parts no-break spaces hold together."""
    return Text("\n".join(_wrap(text, width, hyphens=False)), style=style)


# After a hyphen that follows two letters and comes before a letter (verkkosivu-|uudistus,
# OmaData-|asiakkuus), not in a figure or a date (-30 000 €, 2019-05).
_AFTER_HYPHEN = re.compile(r"(?<=[^\W\d_]{2}-)(?=[^\W\d_])")


def _parts(word: str, hyphens: bool) -> list[str]:
    return _AFTER_HYPHEN.split(word) if hyphens else [word]


def _wrap(text: str, width: int, *, hyphens: bool) -> list[str]:
    """The lines of `text` wrapped within `width`: at spaces (not at no-break spaces),
    after hyphens if `hyphens`; a word longer than `width` on lines of its own."""
    width = max(width, 1)
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        hang = indent if len(indent) < width // 2 else ""
        current, started = indent, False
        for word in filter(None, body.split(" ")):
            for index, part in enumerate(_parts(word, hyphens)):
                joined = current + ("" if index else " ") + part
                if started and len(joined) <= width:
                    current = joined
                    continue
                if started:
                    lines.append(current)
                    current = hang
                while len(current) + len(part) > width and len(current) < width:
                    cut = width - len(current)
                    lines.append(current + part[:cut])
                    current, part = hang, part[cut:]
                current += part
                started = True
        lines.append(current)
    return lines


def _natural_width(column: Column, cells: list[str], fold_at: int | None) -> int:
    """The width of a text column's longest line, at most `fold_at`."""
    longest = max(
        (len(line) for t in [column.label, *cells] for line in t.splitlines()),
        default=0,
    )
    return min(longest, fold_at or longest)


def _word_width(cells: list[str], column: Column) -> int:
    """The width of the longest word (or part after a hyphen) of a text column, with
    its line's indent: the narrowest the column gets without `fold` breaking a word."""
    return max(
        (
            len(line) - len(line.lstrip(" ")) + len(part)
            for t in [column.label, *cells]
            for line in t.splitlines()
            for word in line.split(" ")
            for part in _parts(word, hyphens=True)
        ),
        default=0,
    )


def _floor_width(column: Column, cells: list[str], natural: int, index: int) -> int:
    """How narrow a text column gets while less important columns are added: the name
    column (the first) `NAME_MIN_WIDTH`, any other its longest word, at most that; none
    wider than its longest line. Names fold before a column is left out, so a long
    compound may break where a column is added; the width to spare goes to whole words
    first, so a word breaks only where the width left is narrower than it."""
    if index == 0:
        return min(natural, NAME_MIN_WIDTH)
    return min(natural, _word_width(cells, column), NAME_MIN_WIDTH)


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


def _cell(text: str, column: Column, widths: dict[str, int]) -> Text:
    if column.kind == "bar":
        return Text(text, style=BAR_STYLE)
    if column.kind == "text":
        return Text(fold(text, widths[column.key]))
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
