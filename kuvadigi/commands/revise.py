"""`kuvadigi revise`: revise budget lines' totals, by a transfer or with new money."""

from __future__ import annotations

from typing import Annotated

import typer

from kuvadigi.cliapp import DataOption, LangOption, app, lang_of, reporting


@app.command()
@reporting
def revise(
    date: Annotated[
        str,
        typer.Option(
            "--date",
            metavar="<yyyy-mm-dd>",
            help="The day of the decision, YYYY-MM-DD.",
        ),
    ],
    to: Annotated[
        str,
        typer.Option(
            "--to", metavar="<project>", help="The project that receives the money."
        ),
    ],
    amount: Annotated[
        str,
        typer.Option("--amount", metavar="<amount>", help="The amount, e.g. 30000."),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            metavar="<source>",
            help="The funding source of the money: its id (digi_investment, "
            "ict_frame, external) or its name.",
        ),
    ],
    reason: Annotated[
        str,
        typer.Option(
            "--reason", metavar="<text>", help="Why, in a sentence (kept with it)."
        ),
    ],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="<project>",
            help="The project the money is moved from (a transfer); without it the "
            "money is new money from the funding source.",
        ),
    ] = None,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Revise lines' totals from a date on: move money of one funding source from one
    project to another (--from), or add new money from a funding source.

    The revision is appended to the data folder's followup/revisions.yaml, which is
    replaced whole, under the same lock as record. Totals as of a month count the
    revisions dated in it or before; `kuvadigi budget --revisions` shows them.

    Example: kuvadigi revise --data mydata --date 2019-05-14 --from "Kulttuurin kummilapset" --to "Tiedolla johtaminen" --amount 30000 --source ict_frame --reason "Data strategy first"
    """
    from kuvadigi import loader
    from kuvadigi.followup_cli import amount_option, date_option, writing
    from kuvadigi.revising import Asked, revise_lines

    language = lang_of(lang)
    day = date_option(date, "--date", language)
    asked = Asked(
        date=day,
        to=to,
        from_=from_,
        amount=amount_option(amount, "--amount", language),
        source=source,
        reason=reason,
    )
    folder = loader.data_folder(data)
    with writing(folder, language):
        lines = revise_lines(folder, asked, language)
    for line in lines:
        print(line)
