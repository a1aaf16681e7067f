"""The `kuvadigi` command line: the app with every command registered, and its entry point."""

from __future__ import annotations

import os
import sys
from typing import Any

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


class QuietWhenGone:
    """A standard stream (or its binary buffer) that, once its reader has gone (`kuvadigi
    budget | head -1`), sends what is still written to the null device.

    The command runs on to its end unaware, so a closed pipe changes nothing but where
    the output goes: the run ends with the exit code it would have had (0 for a report,
    1 for check's findings, 2 for bad input). Without it the first write into the closed
    pipe would end the run where it stood, with whatever code rich or click choose for
    it (both exit 1)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        try:
            written: int = self._stream.write(data)
        except BrokenPipeError:
            self._reader_gone()
            return len(data)
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._reader_gone()

    @property
    def buffer(self) -> QuietWhenGone:
        # CSV is written as bytes, past the text layer: the bytes go quiet too.
        return QuietWhenGone(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _reader_gone(self) -> None:
        # What is still buffered is written, harmlessly, to the null device.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)


def main() -> None:
    """Run the command line. typer turns usage errors into exit 2 and Ctrl-C inside a
    command into exit 130; this catches a Ctrl-C that comes before or after, and lets a
    run whose reader has gone (`kuvadigi budget | head -1`) end quietly, with the exit
    code it would have had."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, QuietWhenGone):
            setattr(sys, name, QuietWhenGone(stream))
    try:
        try:
            app()
        finally:
            # Written out here, while a closed pipe can still be caught, rather than
            # at exit, where Python would report it.
            sys.stdout.flush()
            sys.stderr.flush()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # Written past the streams (they catch their own): stop writing, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
