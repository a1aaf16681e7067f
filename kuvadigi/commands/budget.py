"""`kuvadigi budget`: the budget per project."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from kuvadigi.cliapp import (
    DataOption,
    Format,
    FormatOption,
    LangOption,
    UsageProblem,
    app,
    lang_of,
    reporting,
)


@app.command()
@reporting
def budget(
    project: Annotated[
        str | None,
        typer.Option(
            "--project", "-p", help="One project: its id, its name or a unique prefix."
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Budget year [default: the latest].")
    ] = None,
    data: DataOption = None,
    format: FormatOption = Format.table,
    lang: LangOption = None,
) -> None:
    """The budget per project: funding sources, actual, committed, remaining, utilisation.

    Example: kuvadigi budget --project Ahti
    """
    from kuvadigi import calc, loader
    from kuvadigi.matching import Ambiguous, NoMatch, find_project

    language = lang_of(lang)
    loaded = loader.load_budget(loader.data_folder(data), year)

    project_ids = None
    if project is not None:
        try:
            project_ids = [find_project(loaded.model.projects, project).id]
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
    if format is Format.json:
        from kuvadigi.render.jsondoc import budget_document, dumps

        print(dumps(budget_document(figures)))
        return

    from kuvadigi.render.terminal import console, print_table
    from kuvadigi.views import budget_view

    print_table(budget_view(figures, language), language, console())


def _no_match_message(error: Any, lang: Any) -> str:
    from kuvadigi.i18n import say

    message = say("error.unknown_project", lang, name=error.query)
    if error.suggestions:
        message += "; " + say(
            "error.did_you_mean", lang, names=", ".join(error.suggestions)
        )
    return message
