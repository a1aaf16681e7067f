"""Writing the follow-up files safely: one writer at a time, a file whole or not at all.

- `locked` holds a lock file in the follow-up folder for the whole read-change-write of
  a command, so two runs at once are serialised and neither loses the other's change
  (the lock is the kernel's, so a killed run releases it).
- `write_atomically` writes the new text to a hidden temporary file in the same folder,
  flushes and fsyncs it, lets a check read it back, and only then renames it over the
  old file (`os.replace`, atomic on POSIX and Windows). A run interrupted at any point
  leaves the old file whole; at worst a hidden `.NAME.*.tmp` file is left behind, which
  no reader takes for data.
- `refuse_shipped_data` keeps every writer out of the data that comes with kuvadigi.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

LOCK_FILE = ".kuvadigi.lock"
LOCK_TIMEOUT_SECONDS = 30.0

# A new file gets what the user's umask allows of rw-rw-rw-, as with any editor.
_NEW_FILE_MODE = 0o666


@dataclass(frozen=True)
class ShippedData(Exception):
    """The folder to write to is kuvadigi's own shipped data."""

    folder: Path


@dataclass(frozen=True)
class Busy(Exception):
    """Another run held the lock for longer than the timeout."""

    lock_file: Path
    seconds: float


# Marks a folder as the data that comes with kuvadigi, wherever it lies: installed in
# the package, or the repository's data/ that a plain `pip install .` copies from.
SHIPPED_MARKER = ".kuvadigi-shipped"


def refuse_shipped_data(folder: Path, shipped: Path) -> None:
    """Raise `ShippedData` where `folder` is the shipped data `shipped`, lies in it, or
    is marked as shipped data (the repository's data/ when kuvadigi runs installed)."""
    target, own = folder.resolve(), shipped.resolve()
    marked = any(
        (place / SHIPPED_MARKER).exists() for place in (target, *target.parents)
    )
    if marked or target == own or own in target.parents:
        raise ShippedData(folder)


@contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the writers' lock of `folder` (created if need be) while the block runs."""
    from filelock import FileLock, Timeout

    folder.mkdir(exist_ok=True)
    lock_file = folder / LOCK_FILE
    lock = FileLock(lock_file, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(lock_file, timeout) from None
    try:
        yield
    finally:
        lock.release()


def write_atomically(
    path: Path, text: str, verify: Callable[[Path], None] | None = None
) -> None:
    """Replace `path` with `text` (UTF-8), all or nothing.

    `verify` is called with the temporary file once it is on disk; if it raises, the
    temporary file is removed and `path` is left as it was.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _NEW_FILE_MODE
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if verify is not None:
            verify(temporary)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened for
    that (Windows), the rename is still atomic, only its durability is the system's."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
