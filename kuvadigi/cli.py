"""The `kuvadigi` command line: the app with every command registered, and its entry point."""

from __future__ import annotations

import sys

from kuvadigi.cliapp import EXIT_INTERRUPTED, app

# Importing a command module registers its command.
from kuvadigi.commands import budget, check, estimate  # noqa: F401


def main() -> None:
    """The `kuvadigi` entry point. typer turns usage errors into exit 2 and Ctrl-C inside
    a command into exit 130; this catches a Ctrl-C that comes before or after."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
