"""The `kuvadigi` command line: the app with every command registered, and its entry point."""

from __future__ import annotations

import os
import sys

from kuvadigi.cliapp import EXIT_INTERRUPTED, EXIT_OK, app

# Importing a command module registers its command.
from kuvadigi.commands import (  # noqa: F401
    budget,
    check,
    compare,
    estimate,
    export,
    forecast,
    init,
    programme,
    record,
    report,
    revise,
    schema,
    trend,
)


def main() -> None:
    """Run the command line. typer turns usage errors into exit 2 and Ctrl-C inside a
    command into exit 130; this catches a Ctrl-C that comes before or after, and ends
    quietly when the reader of the output has gone (`kuvadigi budget | head -1`)."""
    try:
        try:
            app()
        finally:
            # Written out here, while a closed pipe can still be caught, rather than
            # at exit, where Python would report it.
            sys.stdout.flush()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
