"""The trend chart in the terminal: one bar per month, actual then committed then what
remains of the total, every bar on one scale (the largest total, or the largest spend
where a line is overspent), with the month's utilisation at the end.

Bars are drawn in whole character cells, each part rounded down, so a bar never claims
more than its figures; the figures themselves are in the table above the chart.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text

from kuvadigi.followup_views import TrendChart

MIN_BAR_WIDTH = 10
MAX_BAR_WIDTH = 50
ACTUAL, COMMITTED, REMAINING = "█", "▒", "░"
_STYLES = {ACTUAL: "cyan", COMMITTED: "blue", REMAINING: "dim"}


def print_trend_chart(chart: TrendChart, out: Console) -> None:
    """Draw `chart` on `out`, as wide as the terminal allows within the limits."""
    if not chart.bars:
        return
    scale = max(max(bar.total, bar.actual + bar.committed) for bar in chart.bars)
    label_width = max(len(bar.label) for bar in chart.bars)
    caption_width = max(len(bar.caption) for bar in chart.bars)
    room = out.width - 2 - label_width - 1 - 1 - caption_width
    width = max(MIN_BAR_WIDTH, min(MAX_BAR_WIDTH, room))

    out.print()
    for bar in chart.bars:
        line = Text("  " + bar.label.ljust(label_width) + " ")
        spent = bar.actual + bar.committed
        actual_cells = _cells(bar.actual, scale, width)
        spent_cells = _cells(spent, scale, width)
        total_cells = _cells(bar.total, scale, width)
        for char, count in (
            (ACTUAL, actual_cells),
            (COMMITTED, spent_cells - actual_cells),
            (REMAINING, total_cells - spent_cells),
        ):
            if count > 0:
                line.append(char * count, style=_STYLES[char])
        line.append(" " * (width - max(spent_cells, total_cells)))
        line.append(" " + bar.caption.rjust(caption_width))
        out.print(line, no_wrap=True, overflow="ignore", crop=False)
    out.print(Text("  " + chart.legend, style="dim"))


def _cells(amount: Decimal, scale: Decimal, width: int) -> int:
    """How many whole cells of `width` the `amount` fills at `scale` (rounded down)."""
    if scale <= 0 or amount <= 0:
        return 0
    return int(amount * width // scale)
