"""`kuvadigi check`: reconcile every published figure."""

from __future__ import annotations

import sys

import typer

from kuvadigi.cliapp import (
    EXIT_DISAGREES,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    app,
    lang_of,
    reporting,
)


@app.command()
@reporting
def check(
    data: DataOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = None,
) -> None:
    """Reconcile every published figure with what the line items give.

    Prints one line per finding as PATH:LINE: message. Exits 0 when every figure
    reconciles (notes included), 1 when any disagrees, 2 when the data cannot be read.

    Example: kuvadigi check --data ./data
    """
    from kuvadigi import calc, loader
    from kuvadigi.check import check_budget, check_estimate, has_errors

    language = lang_of(lang)
    folder = loader.data_folder(data)
    budget, estimate_, _programme = loader.load_all(folder)

    findings = check_budget(calc.budget_figures(budget.model), budget.path, language)
    findings += check_estimate(
        calc.estimate_figures(estimate_.model), estimate_.path, language
    )
    failed = has_errors(findings)

    if format is Format.json:
        from kuvadigi.render.jsondoc import check_document, dumps

        print(dumps(check_document(findings, not failed)))
    else:
        from kuvadigi.render.problems import print_problems

        print_problems(findings, language, sys.stdout, with_column=False)
    if failed:
        raise typer.Exit(EXIT_DISAGREES)
