"""Bar charts in the terminal: one block of bars per group, one bar per label (year).

Every bar is on the same scale (the largest amount of the chart fills the bar space), so
groups compare at a glance; the amount stands whole at the end of each bar. The bars take
what the width leaves after the labels and the widest amount, at least `MIN_BAR_WIDTH`
(into a pipe, `PIPED_BAR_WIDTH`).
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, RenderableType
from rich.text import Text

from kuvadigi.i18n import Lang, format_amount
from kuvadigi.render.terminal import BAR_STYLE, available_width, bar, emit, fold
from kuvadigi.views import ChartView

MIN_BAR_WIDTH = 10
MAX_BAR_WIDTH = 60
# Into a pipe, with no width to fill: long enough to compare, short enough for an email.
PIPED_BAR_WIDTH = 40
_INDENT = "  "


def print_chart(chart: ChartView, lang: Lang, out: Console) -> None:
    """Draw `chart` on `out`, amounts formatted for `lang`."""
    largest = max(
        (amount for group in chart.groups for amount in group.amounts.values()),
        default=Decimal(0),
    )
    label_width = max((len(label) for label in chart.labels), default=0)
    amount_width = max(
        (
            len(format_amount(amount, lang))
            for group in chart.groups
            for amount in [group.total, *group.amounts.values()]
        ),
        default=0,
    )
    width = available_width(out)
    bar_width = PIPED_BAR_WIDTH
    if width is not None:
        spare = width - len(_INDENT) - label_width - amount_width - 2
        bar_width = max(MIN_BAR_WIDTH, min(MAX_BAR_WIDTH, spare))

    lines: list[RenderableType] = [Text(chart.title, style="bold")]
    for group in chart.groups:
        lines.append(Text(""))
        lines.append(_heading(group.name, format_amount(group.total, lang), width))
        for label in chart.labels:
            amount = group.amounts[label]
            share = amount / largest * 100 if largest else Decimal(0)
            line = Text(_INDENT + label.rjust(label_width) + " ")
            line.append(bar(share, bar_width), style=BAR_STYLE)
            line.append(" " + format_amount(amount, lang).rjust(amount_width))
            lines.append(line)
    needed = len(_INDENT) + label_width + bar_width + amount_width + 2
    emit(out, lines, needed)


def _heading(name: str, total: str, width: int | None) -> Text:
    """A group's name in bold, its total after it: the name folds within `width`, and
    the total goes whole onto the name's last line where it fits there, else onto a
    line of its own (rich would break it at a no-break space)."""
    lines = fold(name, width).splitlines() if width is not None else [name]
    heading = Text("\n".join(lines), style="bold")
    if width is None or len(lines[-1]) + 2 + len(total) <= width:
        heading.append("  " + total, style="")
    else:
        heading.append("\n" + total, style="")
    return heading
