"""`kuvadigi check`: reconcile every published figure."""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from pathlib import Path

    from kuvadigi.i18n import Lang
    from kuvadigi.problems import DataError, Problem


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
    from kuvadigi import loader
    from kuvadigi.check import has_errors

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    from kuvadigi.problems import DataError

    folder = loader.data_folder(data)
    try:
        findings = _findings(folder, language)
    except DataError as error:
        if format is Format.json:
            _print_unreadable(error, language)
        raise
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


def _print_unreadable(error: DataError, lang: Lang) -> None:
    """For a script reading `--format json`: the problems of data that cannot be read,
    as findings of a check that did not pass (they go to standard error as well, and
    the run exits 2)."""
    from kuvadigi.render.jsondoc import check_document, dumps
    from kuvadigi.render.problems import message_text, shown_path

    told = [
        dataclasses.replace(
            problem,
            path=shown_path(problem.path),
            message=message_text(problem.message, lang),
        )
        for problem in error.problems
    ]
    # A problem found twice (a missing folder, by each file looked for in it) once.
    once = list({(p.path, p.line, p.column, p.message): p for p in told}.values())
    print(dumps(check_document(once, ok=False)))


def _findings(folder: Path, lang: Lang) -> list[Problem]:
    """Every finding of the data folder: its budget, its estimate, and the follow-up of
    every year (with the other years' budgets)."""
    from kuvadigi import calc, loader
    from kuvadigi.check import check_budget, check_estimate
    from kuvadigi.check_followup import followup_findings

    budget, estimate, _programme = loader.load_all(folder)
    findings = check_budget(calc.budget_figures(budget.model), budget.path, lang)
    findings += check_estimate(
        calc.estimate_figures(estimate.model), estimate.path, lang
    )
    findings += followup_findings(folder, lang, budget.model.year)
    return findings
