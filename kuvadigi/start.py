"""The `kuvadigi` console entry point, kept free of imports so that a Ctrl-C while the
command line is still loading also ends quietly with exit 130."""

from __future__ import annotations

import gc
import os
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
    try:
        run()
    except SystemExit as done:
        if not isinstance(done.code, int | None):
            raise  # a message for Python to print
        code = done.code or 0
    else:
        code = 0
    _leave(code)


def _leave(code: int) -> None:
    """End the process with `code` once its output is written, without taking apart
    every object the run made: that is the operating system's work at exit anyway,
    and for a budget of 100 000 lines Python's own took half a second. Nothing is left
    to do at exit: the cache's entries are written whole before a command returns, and
    kuvadigi registers no exit handlers."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)  # the ordinary way, which reports or ignores it as usual
    os._exit(code)
