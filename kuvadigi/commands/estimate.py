"""`kuvadigi estimate`: the cost estimate by cost line and year."""

from __future__ import annotations

from typing import Annotated

import typer

from kuvadigi.cliapp import (
    DataOption,
    Format,
    FormatOption,
    LangOption,
    UsageProblem,
    app,
    lang_of,
    reporting,
)


@app.command()
@reporting
def estimate(
    year: Annotated[
        int | None, typer.Option("--year", help="One year of the estimate.")
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = None,
) -> None:
    """The cost estimate: cost lines by group, amounts per year, row totals, shares.

    Example: kuvadigi estimate --year 2020
    """
    from kuvadigi import calc, loader
    from kuvadigi.i18n import say

    language = lang_of(lang)
    loaded = loader.load_estimate(loader.data_folder(data))
    if year is not None and year not in loaded.model.years:
        years = ", ".join(str(y) for y in loaded.model.years)
        raise UsageProblem(say("error.unknown_year", language, year=year, years=years))

    figures = calc.estimate_figures(loaded.model, year)
    if format is Format.json:
        from kuvadigi.render.jsondoc import dumps, estimate_document

        print(dumps(estimate_document(figures)))
        return

    from kuvadigi.render.terminal import console, print_table
    from kuvadigi.views import estimate_view

    print_table(estimate_view(figures, language), language, console())
