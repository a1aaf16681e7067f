"""The text of the follow-up files as `record` and `revise` write them, and the writing.

The text is rendered here, not by a YAML library, so a file reads the way a person
would write it: amounts as plain digits, lines in the budget's order, one comment at
the top. Before a file replaces the old one, the written bytes are read back through
the same reader and models as any data file and must give exactly the intended
content; otherwise nothing is replaced.

A file is rewritten whole, so comments written into it by hand are not kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from kuvadigi.followup_loader import month_file, revisions_file
from kuvadigi.followup_models import (
    FIELD_NAMES,
    Entry,
    MonthFile,
    Revision,
    RevisionsFile,
)
from kuvadigi.ledger import write_atomically
from kuvadigi.loader import load_model
from kuvadigi.money import amount_text
from kuvadigi.problems import DataError, Message, Problem, os_reason


class NotWrittenBack(Exception):
    """The rendered file did not read back as intended (a bug, never the user's)."""


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar; the models allow no control
    # characters or line breaks in text, so nothing else needs escaping.
    return json.dumps(text, ensure_ascii=False)


def month_file_text(month: str, entries: dict[str, Entry]) -> str:
    """The text of the month file holding `entries` (in the order given)."""
    lines = [
        f"# Follow-up as of {month}: actual and committed of the budget lines that",
        "# changed this month (the other lines keep their latest figures).",
        "# Written by `kuvadigi record`; see `kuvadigi record --help`.",
        f'as_of: "{month}"',
        "projects:",
    ]
    for project_id, entry in entries.items():
        lines += [
            f"  {project_id}:",
            f"    actual: {amount_text(entry.actual)}",
            f"    committed: {amount_text(entry.committed)}",
        ]
        if entry.note is not None:
            lines.append(f"    note: {_quoted(entry.note)}")
        if entry.correction:
            lines.append("    correction: true")
    return "\n".join(lines) + "\n"


def revisions_file_text(revisions: Sequence[Revision]) -> str:
    """The text of the revisions file holding `revisions` (in the order given)."""
    lines = [
        "# Revisions of the budget lines' totals, each dated, with its reason and the",
        "# funding source whose money moves (transfer) or comes in (new_money).",
        "# Written by `kuvadigi revise`; see `kuvadigi revise --help`.",
    ]
    if not revisions:
        return "\n".join([*lines, "revisions: []"]) + "\n"

    lines.append("revisions:")
    for revision in revisions:
        lines += [
            f"  - date: {revision.date.isoformat()}",
            f"    kind: {revision.kind}",
            f"    source: {revision.source}",
            f"    reason: {_quoted(revision.reason)}",
        ]
        for side, amounts in (("from", revision.from_), ("to", revision.to)):
            if amounts:
                lines.append(f"    {side}:")
                lines += [
                    f"      {project_id}: {amount_text(amount)}"
                    for project_id, amount in amounts.items()
                ]
    return "\n".join(lines) + "\n"


def write_month(folder: Path, month: str, entries: dict[str, Entry]) -> Path:
    """Write the month file of `month` in the data folder `folder`; return its path."""
    path = month_file(folder, month)
    intended = MonthFile(as_of=month, projects=entries)

    def verify(written: Path) -> None:
        if load_model(written, MonthFile, FIELD_NAMES) != intended:
            raise NotWrittenBack(path)

    _write(path, month_file_text(month, entries), verify)
    return path


def write_revisions(folder: Path, revisions: Sequence[Revision]) -> Path:
    """Write the revisions file of the data folder `folder`; return its path."""
    path = revisions_file(folder)
    intended = RevisionsFile(revisions=list(revisions))

    def verify(written: Path) -> None:
        if load_model(written, RevisionsFile, FIELD_NAMES) != intended:
            raise NotWrittenBack(path)

    _write(path, revisions_file_text(revisions), verify)
    return path


def _write(path: Path, text: str, verify: Callable[[Path], None]) -> None:
    """Write `text` over `path` whole; a file system that refuses is bad input."""
    try:
        write_atomically(path, text, verify)
    except OSError as error:
        reason = os_reason(error)
        message = Message("file.unwritable", {"reason": reason})
        raise DataError([Problem(path, 0, 0, message)]) from None
