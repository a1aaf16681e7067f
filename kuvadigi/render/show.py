"""One report in the format asked for: a terminal table, JSON, CSV or Markdown.

Each format is built only when asked for, so a command imports rich only to draw a
table and babel only where figures are formatted for people.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kuvadigi.i18n import Lang
from kuvadigi.views import TableView

if TYPE_CHECKING:
    # Only a CSV report needs the CSV module: see `show`.
    from kuvadigi.render.csvout import CsvTable


def show(
    format: str,
    lang: Lang,
    *,
    table: Callable[[], TableView],
    document: Callable[[], dict[str, Any]],
    csv: Callable[[], CsvTable],
    excel: bool = False,
) -> None:
    """Print the report in `format` (table, json, csv or markdown) on standard output."""
    if format == "json":
        from kuvadigi.render.jsondoc import dumps

        print(dumps(document()))
    elif format == "csv":
        from kuvadigi.render.csvout import print_csv

        print_csv(csv(), excel=excel)
    elif format == "markdown":
        from kuvadigi.render.markdown import table_markdown

        sys.stdout.write(table_markdown(table(), lang))
    else:
        from kuvadigi.render.terminal import console, print_table

        print_table(table(), lang, console())
