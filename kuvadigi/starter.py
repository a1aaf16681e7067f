"""A new data folder's files: the shipped data, each file pointing its editor at the
JSON Schema written beside it in `schemas/`."""

from __future__ import annotations

from pathlib import Path

from kuvadigi.jsonschema import MODELS, file_name, schema_text
from kuvadigi.loader import shipped_data

SCHEMA_FOLDER = "schemas"
_SCHEMA_COMMENT = "# yaml-language-server: $schema="

# Which schema each kind of data file follows, by the start of its name.
_KINDS = {"budget_": "budget", "estimate_": "estimate", "programme": "programme"}


def planned_files(folder: Path) -> dict[Path, str]:
    """Every file `init` writes into `folder`, with its text."""
    files: dict[Path, str] = {}
    for source in sorted(shipped_data().glob("*.yaml")):
        kind = next(k for prefix, k in _KINDS.items() if source.name.startswith(prefix))
        text = source.read_text(encoding="utf-8")
        files[folder / source.name] = _with_schema_comment(text, kind)
    for name in MODELS:
        files[folder / SCHEMA_FOLDER / file_name(name)] = schema_text(name)
    return files


def _with_schema_comment(text: str, kind: str) -> str:
    """`text` whose first line names the schema in the new folder's `schemas/`."""
    comment = f"{_SCHEMA_COMMENT}{SCHEMA_FOLDER}/{file_name(kind)}"
    first, newline, rest = text.partition("\n")
    if first.startswith(_SCHEMA_COMMENT):
        return comment + newline + rest
    return comment + "\n" + text


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write `files`, making folders as needed and never replacing a file that exists
    (one made since the check fails the write with `FileExistsError`)."""
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
        written.append(path)
    return written
