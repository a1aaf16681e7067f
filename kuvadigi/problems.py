"""Problems are values: every problem found while reading or checking, with where it is.

Loading and checking collect `Problem`s in lists so one run can report them all; only the
CLI decides what they mean for the exit code.

A problem's message is either text already in the reader's language (the findings of
`check`) or a `Message` (a `str`): a key of the message catalogue
(`kuvadigi.error_texts`) and the fields to fill in, so that the same problem can be told
in Finnish or in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# Past this many problems in one run the rest are counted, not listed: a file that is
# wrong everywhere should not bury the first lines of the report.
PROBLEM_CAP = 50


class Severity(StrEnum):
    """How much a finding matters: an error fails `check`; a note is information."""

    ERROR = "error"
    NOTE = "note"


class Message(str):
    """Something to tell the user, in either language.

    `key` names a text of the catalogue (`kuvadigi.error_texts`); `fields` fill its
    placeholders (a field may itself be a `Message`, told in the same language);
    `suggestion`, where there is one, is the closest known name to what was written
    ("did you mean ...?"). As a `str` a message is its English text, so code that
    shows or stores a problem's message as text keeps working; `told` gives it in the
    language the user reads.
    """

    key: str
    fields: Mapping[str, object]
    suggestion: str | None

    def __new__(
        cls,
        key: str,
        fields: Mapping[str, object] | None = None,
        suggestion: str | None = None,
    ) -> Message:
        fields = dict(fields or {})
        message = super().__new__(cls, _told(key, fields, suggestion, "en"))
        message.key, message.fields, message.suggestion = key, fields, suggestion
        return message

    def told(self, lang: str) -> str:
        """The message in `lang` ("fi" or "en")."""
        return _told(self.key, self.fields, self.suggestion, lang)

    def __reduce__(self) -> tuple[type[Message], tuple[object, ...]]:
        # Copied or pickled as what it is made from, not as its English text.
        return Message, (self.key, dict(self.fields), self.suggestion)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {dict(self.fields)!r}, {self.suggestion!r})"


def _told(
    key: str, fields: Mapping[str, object], suggestion: str | None, lang: str
) -> str:
    from kuvadigi.i18n import TEXTS

    def text_of(name: str) -> str:
        finnish, english = TEXTS[name]
        return finnish if lang == "fi" else english

    filled = {
        name: value.told(lang) if isinstance(value, Message) else value
        for name, value in fields.items()
    }
    text = text_of(key).format(**filled)
    if suggestion:
        text += "; " + text_of("suggest.did_you_mean").format(name=suggestion)
    return text


@dataclass(frozen=True)
class LineOf:
    """A message field that stands for the line of another value in the same file,
    given by its path of keys and indexes; the loader fills in the line number."""

    where: Sequence[str | int]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) at a place in a data file.

    `line` and `column` count from 1; 0 means the problem belongs to the whole file.
    `source_line` is the offending line's text, `hint` a one-line fix where there is one.
    """

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    source_line: str | None = None
    hint: str | None = None

    def location(self, *, with_column: bool = True) -> str:
        """`PATH:LINE:COLUMN` (or less, where line or column is not known)."""
        place = str(self.path)
        if self.line:
            place += f":{self.line}"
            if with_column and self.column:
                place += f":{self.column}"
        return place


class DataError(Exception):
    """Raised with every problem found when the data cannot be read or validated."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


def os_reason(error: OSError) -> str:
    """Why the operating system refused to read or write a file, in its own words
    (`Permission denied`): it says what to change, the permissions, a read-only or a
    full disk."""
    return error.strerror or str(error)


class InvalidValue(ValueError):
    """A value in a data file that is not what its field takes, told as a `Message`
    (with a fix where one can be given). Raised inside the models' validators; the
    loader finds it again in pydantic's error and places it at the value's line."""

    def __init__(
        self,
        key: str,
        fix: Message | None = None,
        suggestion: str | None = None,
        **fields: object,
    ) -> None:
        self.message = Message(key, fields, suggestion)
        self.fix = fix
        super().__init__(key)


class UsageMistake(Exception):
    """Something named on the command line that the data lacks (e.g. a year without a
    budget): told like a usage error, exit 2."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message
