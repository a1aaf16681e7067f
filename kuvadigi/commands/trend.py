"""`kuvadigi trend`: actual and committed month by month, as a table and a chart."""

from __future__ import annotations

from typing import Annotated

import typer

from kuvadigi.cliapp import (
    DataOption,
    ExcelOption,
    Format,
    FormatOption,
    LangOption,
    app,
    lang_of,
    reporting,
    require_csv_for_excel,
)


@app.command()
@reporting
def trend(
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            "-p",
            help="One project: its id, its name or a unique prefix [default: the "
            "whole programme].",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Budget year [default: the latest].")
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """Actual and committed month by month, from the budget's own month to the latest
    recorded, against the (revised) total: a table, then a bar per month.

    A month with nothing recorded for the lines shown is marked with *: its figures
    carry over from the month before.

    Example: kuvadigi trend --project OmaData
    """
    from kuvadigi import loader
    from kuvadigi.asof import figures_as_of
    from kuvadigi.asof import trend as trend_points
    from kuvadigi.followup_cli import load_year, project_option
    from kuvadigi.followup_views import trend_title, trend_view
    from kuvadigi.render.followup_csv import trend_table
    from kuvadigi.render.followup_json import trend_document
    from kuvadigi.render.show import show
    from kuvadigi.views import display_name

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    read = load_year(loader.data_folder(data), year)
    budget = read.budget
    chosen = None if project is None else project_option(budget, project, language)
    project_ids = None if chosen is None else [chosen.id]
    points = trend_points(budget, read.followup, project_ids)
    name = (
        None if chosen is None else display_name(chosen.name, chosen.name_en, language)
    )

    show(
        format,
        language,
        table=lambda: trend_view(points, trend_title(budget, name, language), language),
        document=lambda: trend_document(
            points,
            figures_as_of(budget, read.followup, read.latest, project_ids),
            chosen,
        ),
        csv=lambda: trend_table(points),
        excel=excel,
    )
    if format is Format.table:
        from kuvadigi.followup_views import trend_chart
        from kuvadigi.render.terminal import console
        from kuvadigi.render.trend_chart import print_trend_chart

        print_trend_chart(trend_chart(points, language), console())
