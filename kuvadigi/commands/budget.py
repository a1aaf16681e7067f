"""`kuvadigi budget`: the budget per project."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kuvadigi.cliapp import (
    BudgetSort,
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

if TYPE_CHECKING:
    from kuvadigi.calc import BudgetFigures
    from kuvadigi.render.csvout import CsvTable


class BySource(enum.StrEnum):
    """What `--by` can split the budget by."""

    source = "source"


@app.command()
@reporting
def budget(
    project: Annotated[
        list[str] | None,
        typer.Option(
            "--project",
            "-p",
            metavar="<name>",
            help="A project: its id, its name or a unique prefix. Repeat it for "
            "several; the totals row then covers those.",
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Budget year [default: the latest].")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="<yyyy-mm>",
            help="The figures as of this month, YYYY-MM [default: the latest "
            "recorded].",
            show_default=False,
        ),
    ] = None,
    revisions: Annotated[
        bool,
        typer.Option(
            "--revisions",
            help="Each line's original and revised total side by side with its "
            "actual and remaining, and the revisions counted.",
        ),
    ] = False,
    by: Annotated[
        BySource | None,
        typer.Option(
            "--by",
            help="source: the funding sources with their totals and shares instead of "
            "the projects.",
        ),
    ] = None,
    sort: Annotated[
        BudgetSort,
        typer.Option(
            "--sort",
            help="Order of the projects: as in the document, by name (Finnish "
            "collation in Finnish: å, ä, ö after z), or by a figure, largest first.",
        ),
    ] = BudgetSort.document,
    data: DataOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    lang: LangOption = None,
) -> None:
    """The budget per project: funding sources, actual, committed, remaining, utilisation.

    Example: kuvadigi budget --project Ahti

    Example: kuvadigi budget --project Ahti --project "Vene Helsingissä"

    Example: kuvadigi budget --by source --lang fi

    Example: kuvadigi budget --data mydata --as-of 2019-06 --revisions
    """
    from kuvadigi import calc, loader
    from kuvadigi.matching import Ambiguous, NoMatch, find_project

    language = lang_of(lang)
    require_csv_for_excel(format, excel, language)
    # Options of the projects' table mean nothing to the sources' one: refused, so
    # that nobody takes the one table for the other.
    given = {"--revisions": revisions, "--sort": sort != BudgetSort.document}
    meaningless = [option for option, is_given in given.items() if is_given]
    if by is not None and meaningless:
        from kuvadigi.i18n import say

        raise UsageProblem(say("error.by_source_with", language, option=meaningless[0]))
    from kuvadigi.followup_cli import budget_as_of_option

    loaded = budget_as_of_option(loader.data_folder(data), year, as_of, language)

    project_ids = None
    if project:
        try:
            found = [find_project(loaded.model.projects, query).id for query in project]
            project_ids = list(dict.fromkeys(found))
        except NoMatch as error:
            raise UsageProblem(_no_match_message(error, language)) from None
        except Ambiguous as error:
            from kuvadigi.i18n import say

            raise UsageProblem(
                say(
                    "error.ambiguous_project",
                    language,
                    name=error.query,
                    matches=", ".join(error.matches),
                )
            ) from None

    figures = calc.budget_figures(loaded.model, project_ids)
    from kuvadigi.commands.published import warn_of_budget

    whole = loaded.model is loaded.original and project_ids is None
    warn_of_budget(loaded.original, loaded.path, language, figures if whole else None)
    from kuvadigi import views
    from kuvadigi.render.show import show

    if revisions:
        from kuvadigi.followup_cli import show_revisions

        show_revisions(loaded, figures, format, language, excel)
        return

    if by is BySource.source:
        show(
            format,
            language,
            table=lambda: views.sources_view(figures, language),
            document=lambda: _sources_document(figures),
            csv=lambda: _sources_table(figures),
            excel=excel,
        )
        return

    figures = views.sort_budget(figures, sort.value, language)
    show(
        format,
        language,
        table=lambda: views.budget_view(figures, language),
        document=lambda: _budget_document(figures),
        csv=lambda: _budget_table(figures),
        excel=excel,
    )


# The JSON and CSV writers are imported only for their own format: a table, the usual
# report, then starts without them.
def _budget_document(figures: BudgetFigures) -> dict[str, Any]:
    from kuvadigi.render.jsondoc import budget_document

    return budget_document(figures)


def _sources_document(figures: BudgetFigures) -> dict[str, Any]:
    from kuvadigi.render.jsondoc import sources_document

    return sources_document(figures)


def _budget_table(figures: BudgetFigures) -> CsvTable:
    from kuvadigi.render.csvout import budget_table

    return budget_table(figures)


def _sources_table(figures: BudgetFigures) -> CsvTable:
    from kuvadigi.render.csvout import sources_table

    return sources_table(figures)


def _no_match_message(error: Any, lang: Any) -> str:
    from kuvadigi.i18n import say

    message = say("error.unknown_project", lang, name=error.query)
    if error.suggestions:
        message += "; " + say(
            "error.did_you_mean", lang, names=", ".join(error.suggestions)
        )
    return message
