"""The `kuvadigi` console entry point, kept free of imports so that a Ctrl-C while the
command line is still loading also ends quietly with exit 130."""

from __future__ import annotations

import sys

# The exit code of an interrupted run (as `cliapp.EXIT_INTERRUPTED`, not imported here:
# the import is what may be interrupted).
_INTERRUPTED = 130


def main() -> None:
    """Load the command line and run it."""
    try:
        from kuvadigi.cli import main as run
    except KeyboardInterrupt:
        sys.exit(_INTERRUPTED)
    run()
