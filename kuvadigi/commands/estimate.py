"""`kuvadigi estimate`: the cost estimate by cost line and year."""

from __future__ import annotations

from typing import Annotated

import typer

from kuvadigi.cliapp import (
    DataOption,
    EstimateSort,
    ExcelOption,
    Format,
    FormatOption,
    LangOption,
    UsageProblem,
    app,
    lang_of,
    reporting,
    require_csv_for_excel,
)


@app.command()
@reporting
def estimate(
    year: Annotated[
        int | None, typer.Option("--year", help="One year of the estimate.")
    ] = None,
    sort: Annotated[
        EstimateSort,
        typer.Option(
            "--sort",
            help="Order of the cost lines within their groups: as in the document, by "
            "name (Finnish collation in Finnish), or by total, largest first.",
        ),
    ] = EstimateSort.document,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart", help="Draw the years of each group as a bar chart instead."
        ),
    ] = False,
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """The cost estimate: cost lines by group, amounts per year, row totals, shares.

    Example: kuvadigi estimate --year 2020

    Example: kuvadigi estimate --chart --lang fi
    """
    from kuvadigi import calc, loader
    from kuvadigi.i18n import say

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    if chart and format is not Format.table:
        raise UsageProblem(say("error.chart_format", language))
    loaded = loader.load_estimate(loader.data_folder(data))
    if year is not None and year not in loaded.model.years:
        years = ", ".join(str(y) for y in loaded.model.years)
        raise UsageProblem(say("error.unknown_year", language, year=year, years=years))

    figures = calc.estimate_figures(loaded.model, year)
    from kuvadigi.commands.published import warn_of_estimate

    whole = figures if year is None else None
    warn_of_estimate(loaded.model, loaded.path, language, whole)
    from kuvadigi import views

    if chart:
        from kuvadigi.render.charts import print_chart
        from kuvadigi.render.terminal import console

        print_chart(views.estimate_chart(figures, language), language, console())
        return

    from kuvadigi.render import csvout, jsondoc
    from kuvadigi.render.show import show

    figures = views.sort_estimate(figures, sort.value, language)
    show(
        format,
        language,
        table=lambda: views.estimate_view(figures, language),
        document=lambda: jsondoc.estimate_document(figures),
        csv=lambda: csvout.estimate_table(figures),
        excel=excel,
    )
