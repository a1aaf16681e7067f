"""Where a writing command puts its output: the file or folder named by `--output`.

Invariants:

- An existing file is never overwritten without `--force`; a folder for a data package
  may exist, but files of the same names in it are replaced only with `--force`.
  Nothing else in it is touched.
- A file is written whole or not at all: first into a hidden file beside it, then
  renamed into place, so an interrupted run never leaves half a workbook behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kuvadigi.cliapp import UsageProblem
from kuvadigi.i18n import Lang, say
from kuvadigi.problems import os_reason


def output_file(path: Path, force: bool, lang: Lang, suffix: str) -> Path:
    """`path` checked as a file to write: named with `suffix` (what opens it goes by
    the name), its folder exists, and it does not, or `force`."""
    if path.is_dir():
        raise UsageProblem(say("error.output_is_folder", lang, path=path))
    if path.suffix.lower() != suffix:
        raise UsageProblem(say("error.output_suffix", lang, path=path, suffix=suffix))
    _require_folder(path.parent, lang)
    if path.exists() and not force:
        raise UsageProblem(say("error.output_exists", lang, path=path))
    return path


def output_folder(path: Path, names: list[str], force: bool, lang: Lang) -> Path:
    """`path` checked as a folder to write `names` into (the caller creates it where it
    is missing, once the data has been read).

    A folder that already holds any of `names` is refused without `force`.
    """
    if path.exists() and not path.is_dir():
        raise UsageProblem(say("error.output_is_file", lang, path=path))
    _require_folder(path.parent, lang)
    taken = [name for name in names if (path / name).exists()]
    if taken and not force:
        raise UsageProblem(say("error.output_exists", lang, path=path / taken[0]))
    return path


def _require_folder(folder: Path, lang: Lang) -> None:
    """`folder`, where the output goes, exists and is a folder, not a file."""
    if folder.is_dir():
        return
    if folder.exists():
        raise UsageProblem(say("error.output_parent_is_file", lang, path=folder))
    raise UsageProblem(say("error.output_no_folder", lang, folder=folder))


def make_folder(path: Path, lang: Lang) -> None:
    """Make the folder `path` where it is missing; a file system that refuses is a
    usage problem (exit 2), told in `lang`, not a traceback."""
    try:
        path.mkdir(exist_ok=True)
    except OSError as error:
        raise unwritable(path, error, lang) from None


def write_whole(path: Path, write: Callable[[Path], None], lang: Lang) -> None:
    """Have `write` fill a hidden file beside `path`, then move it into place.

    The hidden file is opened by `write` itself (openpyxl, for one, insists), so it gets
    the permissions of any new file; on failure it is removed. A file system that
    refuses (no permission, read-only, full) is a usage problem, told in `lang`.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        write(partial)
        os.replace(partial, path)
    except OSError as error:
        raise unwritable(path, error, lang) from None
    finally:
        partial.unlink(missing_ok=True)


def write_text(path: Path, text: str, lang: Lang) -> None:
    """Write `text` to `path` whole, in UTF-8 with Unix line ends."""

    def fill(partial: Path) -> None:
        with partial.open("w", encoding="utf-8", newline="") as file:
            file.write(text)

    write_whole(path, fill, lang)


def unwritable(path: Path | str, error: OSError, lang: Lang) -> UsageProblem:
    """The usage problem of an output the file system would not let be written."""
    return UsageProblem(
        say("error.output_unwritable", lang, path=path, reason=os_reason(error))
    )
