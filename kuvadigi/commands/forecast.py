"""`kuvadigi forecast`: each line's projected spend at year end, and the alerts."""

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
def forecast(
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            "-p",
            help="One project: its id, its name or a unique prefix [default: all].",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="<yyyy-mm>",
            help="Forecast from the figures as of this month, YYYY-MM [default: the "
            "latest recorded].",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Budget year [default: the latest].")
    ] = None,
    early_use: Annotated[
        str,
        typer.Option(
            "--early-use",
            metavar="<percent>",
            help="Alert on a line more than this percent used (actual and committed) "
            "before the last quarter.",
        ),
    ] = "90",
    unused: Annotated[
        str,
        typer.Option(
            "--unused",
            metavar="<percent>",
            help="Alert on a line projected to leave more than this percent of its total "
            "unused.",
        ),
    ] = "20",
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """Each line's projected spend and remaining at the year's end, and alerts: a line
    projected to overspend, a line over --early-use percent used before the last
    quarter, a line projected to leave over --unused percent unused.

    Method: the run rate is the actual so far divided by the months elapsed; the
    months left spend the committed funds or the run rate times the months left,
    whichever is larger (a commitment is paid out of that same spending, so the two
    are not added). Projected spend = actual + that.

    Example: kuvadigi forecast --data mydata --as-of 2019-06 --unused 25
    """
    from kuvadigi import loader
    from kuvadigi.asof import figures_as_of
    from kuvadigi.followup_cli import (
        load_year,
        month_option,
        percent_option,
        project_option,
        viewed_month,
        year_asked,
    )
    from kuvadigi.forecast import Thresholds
    from kuvadigi.forecast import forecast as project_year_end

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    thresholds = Thresholds(
        early_use=percent_option(early_use, "--early-use", language),
        unused=percent_option(unused, "--unused", language),
    )
    month = month_option(as_of, "--as-of", language)
    read = load_year(loader.data_folder(data), year_asked(year, month, language))
    month = viewed_month(read, month, language)
    project_ids = None
    if project is not None:
        project_ids = [project_option(read.budget, project, language).id]
    result = project_year_end(
        figures_as_of(read.budget, read.followup, month, project_ids), thresholds
    )

    from kuvadigi.followup_views import forecast_view
    from kuvadigi.render.followup_csv import forecast_table
    from kuvadigi.render.followup_json import forecast_document
    from kuvadigi.render.show import show

    show(
        format,
        language,
        table=lambda: forecast_view(result, language),
        document=lambda: forecast_document(result, language),
        csv=lambda: forecast_table(result),
        excel=excel,
    )
