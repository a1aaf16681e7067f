"""`kuvadigi init`: a new data folder, copied from the shipped data."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from kuvadigi.cliapp import LangOption, UsageProblem, app, lang_of, reporting


@app.command()
@reporting
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder to write into; made if missing. Existing files are never "
            "overwritten.",
            show_default=False,
        ),
    ],
    lang: LangOption = None,
) -> None:
    """Start a new data folder from a copy of the shipped data, with schemas for editors.

    A starting point for a new year or another division: the data of the 2019-2022
    plan, and the JSON Schemas beside it so an editor checks the files as you type.

    Writes budget_2019.yaml, estimate_2019_2022.yaml, programme.yaml and schemas/.
    Refuses, writing nothing, when any of these files already exists (exit 2).

    Example: kuvadigi init ./digiohjelma-2020
    """
    from kuvadigi.i18n import say
    from kuvadigi.starter import planned_files, write_files

    language = lang_of(lang)
    files = planned_files(folder)
    existing = [path for path in files if path.exists() or path.is_symlink()]
    if existing:
        raise UsageProblem(
            say("error.exists", language, paths=", ".join(str(p) for p in existing))
        )

    if folder.exists() and not folder.is_dir():
        raise UsageProblem(say("error.init_not_folder", language, path=folder))

    try:
        written = write_files(files)
    except OSError as error:
        from kuvadigi.output import unwritable

        raise unwritable(error.filename, error, language) from None
    for path in written:
        print(say("init.wrote", language, path=path))
    # Quoted for a shell, so the line can be pasted as it is (a folder may hold spaces).
    print(say("init.next", language, folder=shlex.quote(str(folder))))
