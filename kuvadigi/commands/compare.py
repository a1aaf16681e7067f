"""`kuvadigi compare`: a year's budget beside the cost estimate's figure for the year."""

from __future__ import annotations

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
def compare(
    year: Annotated[
        int | None,
        typer.Option("--year", help="Budget year [default: the latest budget]."),
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """A year's budget (its original total, by funding source) beside the cost
    estimate's additional funding need for that year, and the difference.

    The two measure different things: the estimate counts the funding needed beyond
    existing frames, while the budget also holds the ICT frame and external money.
    The difference is shown, not explained away: the source document maps no budget
    line to a cost line.

    Example: kuvadigi compare --year 2019
    """
    from kuvadigi import calc, loader
    from kuvadigi.followup_texts import say
    from kuvadigi.followup_views import Comparison

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    folder = loader.data_folder(data)
    loaded_budget = loader.load_budget(folder, year)
    loaded_estimate = loader.load_estimate(folder)
    budget, estimate = loaded_budget.model, loaded_estimate.model
    if budget.year not in estimate.years:
        years = ", ".join(str(y) for y in estimate.years)
        raise UsageProblem(
            say("error.unknown_year", language, year=budget.year, years=years)
        )
    budget_figures = calc.budget_figures(budget)
    from kuvadigi.commands.published import warn_of_budget, warn_of_estimate

    warn_of_budget(budget, loaded_budget.path, language, budget_figures)
    warn_of_estimate(estimate, loaded_estimate.path, language)
    comparison = Comparison(
        budget_figures, calc.estimate_figures(estimate, budget.year).total
    )

    from kuvadigi.followup_views import compare_view
    from kuvadigi.render.followup_csv import compare_table
    from kuvadigi.render.followup_json import compare_document
    from kuvadigi.render.show import show

    show(
        format,
        language,
        table=lambda: compare_view(comparison, language),
        document=lambda: compare_document(comparison, say("compare.note", language)),
        csv=lambda: compare_table(comparison),
        excel=excel,
    )
