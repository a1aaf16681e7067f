"""`kuvadigi schema`: the JSON Schema of a data file, for editors."""

from __future__ import annotations

import enum
import sys
from typing import Annotated

import typer

from kuvadigi.cliapp import LangOption, app, reporting


class DataFile(enum.StrEnum):
    """The data files that have a schema."""

    budget = "budget"
    estimate = "estimate"
    programme = "programme"


@app.command()
@reporting
def schema(
    file: Annotated[
        DataFile, typer.Argument(help="Which file: budget, estimate or programme.")
    ],
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a data file, generated from kuvadigi's models.

    An editor with the YAML language server (VS Code's YAML extension, Neovim, Helix)
    checks a data file against its schema as you type when the file's first line names
    it, as the shipped files do: # yaml-language-server: $schema=../schemas/budget.schema.json

    Example: kuvadigi schema budget > schemas/budget.schema.json
    """
    from kuvadigi.jsonschema import schema_text

    sys.stdout.write(schema_text(file.value))
