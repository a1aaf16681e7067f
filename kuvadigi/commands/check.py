"""`kuvadigi check`: reconcile every published figure."""

from __future__ import annotations

import sys

import typer

from kuvadigi.cliapp import (
    EXIT_DISAGREES,
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
def check(
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """Reconcile every published figure with what the line items give.

    Prints one line per finding as PATH:LINE: message. Exits 0 when every figure
    reconciles (notes included), 1 when any disagrees, 2 when the data cannot be read.
    The follow-up is reconciled too: in every month recorded, no line's actual and
    committed exceed its (revised) total and no actual goes down without a
    correction; every transfer nets to zero.

    Example: kuvadigi check --data ./data

    Example: kuvadigi check --format csv --excel > findings.csv
    """
    from kuvadigi import calc, loader
    from kuvadigi.check import check_budget, check_estimate, has_errors

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    folder = loader.data_folder(data)
    budget, estimate_, _programme = loader.load_all(folder)

    findings = check_budget(calc.budget_figures(budget.model), budget.path, language)
    findings += check_estimate(
        calc.estimate_figures(estimate_.model), estimate_.path, language
    )
    from kuvadigi.check_followup import followup_findings

    # Every snapshot and revision of every year, and the other years' budgets.
    findings += followup_findings(folder, language, budget.model.year)
    failed = has_errors(findings)

    if format is Format.json:
        from kuvadigi.render.jsondoc import check_document, dumps

        print(dumps(check_document(findings, not failed)))
    elif format is Format.csv:
        from kuvadigi.render.csvout import check_table, print_csv

        print_csv(check_table(findings, language), excel=excel)
    elif format is Format.markdown:
        from kuvadigi.render.markdown import findings_markdown

        sys.stdout.write(findings_markdown(findings, language))
    else:
        from kuvadigi.render.problems import print_problems

        print_problems(findings, language, sys.stdout, with_column=False)
    if failed:
        raise typer.Exit(EXIT_DISAGREES)
