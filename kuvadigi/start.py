"""The `kuvadigi` console entry point, kept free of imports so that a Ctrl-C while the
command line is still loading also ends quietly with exit 130."""

from __future__ import annotations

import gc
import sys

# The exit code of an interrupted run (as `cliapp.EXIT_INTERRUPTED`, not imported here:
# the import is what may be interrupted).
_INTERRUPTED = 130


def main() -> None:
    """Load the command line and run it."""
    # A run loads, reads its data, answers and ends. Python's cyclic garbage collector
    # would only walk the millions of objects of a large file again and again (see
    # kuvadigi.gcpause), and the little it could free goes at the end anyway.
    gc.disable()
    try:
        from kuvadigi.cli import main as run
    except KeyboardInterrupt:
        sys.exit(_INTERRUPTED)
    run()
