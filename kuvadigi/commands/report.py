"""`kuvadigi report`: the steering group's status report as one HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kuvadigi.cliapp import DataOption, LangOption, app, lang_of, reporting


@app.command()
@reporting
def report(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The page to write, e.g. report.html."),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The budget's figures as of this month, YYYY-MM [default: the latest "
            "recorded].",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the page if it exists.")
    ] = False,
) -> None:
    """The status report for the steering group: one self-contained HTML page with the
    budget and its utilisation, the funding sources, the cost estimate as a chart, the
    reconciliation status and the programme's action areas and projects.

    The page needs no network; open it in any browser, on a phone too, or print it.

    Example: kuvadigi report --output report.html --lang fi
    """
    from kuvadigi import __version__, calc, loader
    from kuvadigi.check import check_budget, check_estimate
    from kuvadigi.check_followup import followup_findings
    from kuvadigi.followup_cli import budget_as_of_option
    from kuvadigi.i18n import say
    from kuvadigi.output import output_file, write_text
    from kuvadigi.render.report import report_html

    language = lang_of(lang)
    path = output_file(output, force, language, ".html")
    folder = loader.data_folder(data)
    _, estimate, programme = loader.load_all(folder)
    budget = budget_as_of_option(folder, None, as_of, language)

    # The reconciliation `kuvadigi check` does: the budget file's published figures,
    # the estimate's, and the follow-up of every year.
    estimate_figures = calc.estimate_figures(estimate.model)
    findings = check_budget(calc.budget_figures(budget.original), budget.path, language)
    findings += check_estimate(estimate_figures, estimate.path, language)
    findings += followup_findings(folder, language, budget.original.year)

    page = report_html(
        calc.budget_figures(budget.model),
        estimate_figures,
        programme.model,
        findings,
        language,
        __version__,
    )
    write_text(path, page, language)
    print(say("output.wrote", language, path=path))
