"""Every command of the app, found in the typer app itself, so that a test over them
cannot forget one that is added later."""

from __future__ import annotations

from typing import Any

import typer

from kuvadigi.cli import app


def commands() -> dict[tuple[str, ...], Any]:
    """Each command that runs, by its words after `kuvadigi` (`("export", "xlsx")`):
    the commands of a group such as `export`, not the group itself."""
    found: dict[tuple[str, ...], Any] = {}

    def walk(path: tuple[str, ...], command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found[path] = command
            return
        for name, subcommand in sorted(subcommands.items()):
            walk((*path, name), subcommand)

    walk((), typer.main.get_command(app))
    return found


def command_names() -> list[str]:
    """The commands as typed after `kuvadigi`: `budget`, `export xlsx`, ..."""
    return [" ".join(path) for path in commands()]
