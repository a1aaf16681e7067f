"""`kuvadigi record`: write one budget line's actual and committed as of a month."""

from __future__ import annotations

from typing import Annotated

import typer

from kuvadigi.cliapp import DataOption, LangOption, app, lang_of, reporting


@app.command()
@reporting
def record(
    project: Annotated[
        str,
        typer.Option(
            "--project", "-p", help="The project: its id, its name or a unique prefix."
        ),
    ],
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            metavar="<yyyy-mm>",
            help="The month the figures describe, YYYY-MM.",
        ),
    ],
    actual: Annotated[
        str,
        typer.Option(
            "--actual",
            metavar="<amount>",
            help="Actual spend so far this year, e.g. 41000.",
        ),
    ],
    committed: Annotated[
        str,
        typer.Option(
            "--committed",
            metavar="<amount>",
            help="Committed funds on top of the actual, e.g. 190000.",
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option(
            "--note", metavar="<text>", help="A few words kept with the figures."
        ),
    ] = None,
    correction: Annotated[
        bool,
        typer.Option(
            "--correction",
            help="Correct earlier figures: replace a month's recorded figures, write "
            "into a month before the latest, or lower an actual. Needs --note.",
        ),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Record one project's actual and committed as of a month, in the data folder's
    followup/YYYY-MM.yaml (the other projects keep their latest figures).

    The figures are validated before anything is written; the file is replaced whole
    (an interrupted run leaves the old one as it was), and a lock keeps two runs at
    once from losing each other's lines. Months go forward: a month before the latest
    recorded, a changed entry or a lower actual needs --correction and --note. The
    shipped data is never written to: make a folder of your own with kuvadigi init.

    Example: kuvadigi record --data mydata --project OmaData --as-of 2019-02 --actual 41000 --committed 190000
    """
    from kuvadigi import loader
    from kuvadigi.followup_cli import (
        amount_option,
        month_option,
        project_option,
        writing,
    )
    from kuvadigi.recording import Recording, record_entry

    language = lang_of(lang)
    month = month_option(as_of, "--as-of", language)
    assert month is not None, "--as-of is required"
    figures = Recording(
        month=month,
        actual=amount_option(actual, "--actual", language),
        committed=amount_option(committed, "--committed", language),
        note=note,
        correction=correction,
    )
    folder = loader.data_folder(data)

    with writing(folder, language):
        outcome = record_entry(
            folder,
            figures,
            lambda budget: project_option(budget, project, language),
            language,
        )
    for line in outcome:
        print(line)
