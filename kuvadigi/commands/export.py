"""`kuvadigi export xlsx|datapackage`: the figures as files to hand on."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from kuvadigi.calc import EstimateFigures
    from kuvadigi.followup_cli import AsOf
    from kuvadigi.i18n import Lang
    from kuvadigi.loader import Loaded
    from kuvadigi.records import Estimate

from kuvadigi.cliapp import DataOption, LangOption, app, lang_of, reporting

export_app = typer.Typer(
    name="export",
    help="Write the figures as files to hand on: an Excel workbook for finance staff "
    "or an open-data package for publication.\n\n"
    "Example: kuvadigi export xlsx --output kuvadigi.xlsx",
    no_args_is_help=True,
)
app.add_typer(export_app)

ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite files of the same names.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="The budget's figures as of this month, YYYY-MM [default: the latest "
        "recorded].",
        show_default=False,
    ),
]


class Licence(enum.StrEnum):
    """Open licences the data package can carry."""

    cc_by = "CC-BY-4.0"
    cc0 = "CC0-1.0"


@export_app.command("xlsx")
@reporting
def export_xlsx(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The workbook to write, e.g. kuvadigi.xlsx."
        ),
    ],
    as_of: AsOfOption = None,
    data: DataOption = None,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """An Excel workbook of the budget, the cost estimate and the programme, whose totals
    are live formulas: change a figure and every total follows.

    Example: kuvadigi export xlsx --output kuvadigi.xlsx --lang fi
    """
    from kuvadigi import calc, loader
    from kuvadigi.followup_cli import budget_as_of_option
    from kuvadigi.i18n import say
    from kuvadigi.output import output_file, write_whole
    from kuvadigi.render.xlsx import save_workbook, workbook

    language = lang_of(lang)
    path = output_file(output, force, language, ".xlsx")
    folder = loader.data_folder(data)
    _, estimate, programme = loader.load_all(folder)
    budget = budget_as_of_option(folder, None, as_of, language)
    estimate_figures = calc.estimate_figures(estimate.model)
    _warn_of_published(budget, estimate, estimate_figures, language)

    book = workbook(
        calc.budget_figures(budget.model), estimate_figures, programme.model, language
    )
    write_whole(path, lambda partial: save_workbook(book, partial), language)
    print(say("output.wrote", language, path=path))


@export_app.command("datapackage")
@reporting
def export_datapackage(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The folder to write the package into; created where missing.",
        ),
    ],
    as_of: AsOfOption = None,
    data: DataOption = None,
    licence: Annotated[
        Licence,
        typer.Option("--licence", help="The licence the data is published under."),
    ] = Licence.cc_by,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """An open-data package (Frictionless Data Package): the budget, the cost estimate
    and their code lists as CSV, described by datapackage.json.

    Example: kuvadigi export datapackage --output open-data
    """
    from kuvadigi import calc, loader
    from kuvadigi.followup_cli import budget_as_of_option
    from kuvadigi.i18n import say
    from kuvadigi.output import make_folder, output_folder, write_text
    from kuvadigi.render import datapackage

    language = lang_of(lang)
    folder = output_folder(output, datapackage.file_names(), force, language)
    budget = budget_as_of_option(loader.data_folder(data), None, as_of, language)
    estimate = loader.load_estimate(loader.data_folder(data))
    make_folder(folder, language)

    budget_figures = calc.budget_figures(budget.model)
    estimate_figures = calc.estimate_figures(estimate.model)
    _warn_of_published(budget, estimate, estimate_figures, language)
    tables = datapackage.tables(budget_figures, estimate_figures)
    for table in tables:
        write_text(folder / table.path, datapackage.csv_text(table), language)
    document = datapackage.descriptor(
        budget_figures, estimate_figures, licence.value, tables
    )
    write_text(
        folder / datapackage.DESCRIPTOR, datapackage.descriptor_text(document), language
    )
    print(say("output.wrote", language, path=folder / datapackage.DESCRIPTOR))


def _warn_of_published(
    budget: AsOf,
    estimate: Loaded[Estimate],
    estimate_figures: EstimateFigures,
    language: Lang,
) -> None:
    """What is handed on is what the line items give: say so where the files' own
    published figures disagree."""
    from kuvadigi.commands.published import warn_of_budget, warn_of_estimate

    warn_of_budget(budget.original, budget.path, language)
    warn_of_estimate(estimate.model, estimate.path, language, estimate_figures)
