"""`kuvadigi programme`: the programme's vision, action areas and projects."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kuvadigi.cliapp import (
    DataOption,
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
def programme(
    area: Annotated[
        int | None,
        typer.Option("--area", help="One action area, by its number (1-7)."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Budget year [default: the latest]."),
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """The programme: vision, action areas with their focus measures, projects with budget.

    Shows the vision, the seven action areas with their focus measures for the year,
    and the year's projects with their descriptions, total and remaining budget.

    One description that covers two budget lines lists both; a budget line that the
    programme gives no description is shown apart.

    Example: kuvadigi programme --area 3 --lang fi
    """
    from kuvadigi import calc, loader
    from kuvadigi.i18n import say
    from kuvadigi.programme_view import area_numbers, programme_view

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    folder = loader.data_folder(data)
    budget = loader.load_budget(folder, year)
    loaded = loader.load_programme(folder, budget.model)

    numbers = area_numbers(loaded.model)
    if area is not None and area not in numbers:
        raise UsageProblem(
            say(
                "error.unknown_area",
                language,
                number=area,
                numbers=", ".join(str(number) for number in numbers),
            )
        )
    budget_figures = calc.budget_figures(budget.model)
    from kuvadigi.commands.published import warn_of_budget

    warn_of_budget(budget.model, budget.path, language, budget_figures)
    view = programme_view(loaded.model, budget_figures, area)

    if format is Format.json:
        from kuvadigi.render.jsondoc import dumps, programme_document

        print(dumps(programme_document(view)))
    elif format is Format.csv:
        from kuvadigi.render.csvout import print_csv, programme_table

        print_csv(programme_table(view), excel=excel)
    elif format is Format.markdown:
        from kuvadigi.render.markdown import programme_markdown

        sys.stdout.write(programme_markdown(view, language))
    else:
        from kuvadigi.render.terminal import console, print_programme

        print_programme(view, language, console())
