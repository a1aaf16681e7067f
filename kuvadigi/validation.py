"""pydantic's validation errors, and the reference checks' findings, as located problems.

Each problem is placed at the YAML line and column of the value it is about (of the key,
for an unknown key; of the enclosing item, for a missing one), named by the key as the
file writes it (`committed`, `funding digi_investment`), told as a `Message` of the
catalogue, and given a fix where one is known: the offending line as it should read.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kuvadigi import yamlfile
from kuvadigi.models import ID_PATTERN, MEASURE_PATTERN, MONTH_PATTERN, kind_of
from kuvadigi.money import AmountError, shown
from kuvadigi.problems import InvalidValue, LineOf, Message, Problem
from kuvadigi.references import KeyItself

Where = Sequence[str | int]

# A typo is matched against the keys allowed where it stands.
_SUGGESTION_CUTOFF = 0.6

_PATTERN_MESSAGES = {
    ID_PATTERN: "value.id",
    MONTH_PATTERN: "value.month",
    MEASURE_PATTERN: "value.measure_number",
}
_EXPECTED_KIND = {
    "list_type": "kind.list",
    "dict_type": "kind.mapping",
    "model_type": "kind.mapping",
    "model_attributes_type": "kind.mapping",
    "string_type": "kind.text",
    "decimal_type": "kind.amount",
    "int_type": "kind.number",
}


def top_level_problem(path: Path, value: Any, model: type[BaseModel]) -> Problem:
    """The problem of a file whose top level is not keys and values."""
    first_key = next(iter(model.model_fields), "...")
    found = "kind.scalar" if isinstance(value, str) else kind_of(value)
    locator = yamlfile.locator(path)
    line, column, _ = locator.value(())
    # A spreadsheet saved over the file reads as one long text: say what it is.
    looks_like_csv = isinstance(value, str) and _CSV_ROW.match(locator.line(1) or "")
    return _problem(
        locator,
        line,
        column,
        Message("field.top_level", {"found": Message(found), "first_key": first_key}),
        Message("fix.csv_not_yaml") if looks_like_csv else None,
    )


# Three or more cells separated by semicolons or commas, with no `key:` before them.
_CSV_ROW = re.compile(r"^[^:;,]*(?:[;,][^;,]*){2,}$")


def validation_problems(
    path: Path,
    error: ValidationError,
    model: type[BaseModel],
    field_names: Iterable[str] = (),
) -> list[Problem]:
    """Every error pydantic found in `path`, located and told, in the file's order.

    `field_names` are the keys a typo is matched against where the model cannot say
    which keys are allowed at that spot.
    """
    locator = yamlfile.locator(path)
    details = error.errors(include_url=False)
    # A key both unknown and missing in one place is one typo: "did you mean" says it.
    misspelt = {
        (tuple(detail["loc"][:-1]), _suggestion(model, detail["loc"], field_names))
        for detail in details
        if detail["type"] == "extra_forbidden"
    }
    problems = [
        _validation_problem(locator, model, detail, field_names)
        for detail in details
        if not (
            detail["type"] == "missing"
            and (tuple(detail["loc"][:-1]), detail["loc"][-1]) in misspelt
        )
    ]
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def _suggestion(
    model: type[BaseModel], where: Where, field_names: Iterable[str]
) -> str | None:
    """The allowed key closest to the unknown key that ends `where`."""
    _, parent = _label(model, where[:-1])
    allowed = sorted(_keys(parent) if parent is not None else field_names)
    close = difflib.get_close_matches(
        str(where[-1]), allowed, n=1, cutoff=_SUGGESTION_CUTOFF
    )
    return close[0] if close else None


def located(
    path: Path, findings: Iterable[tuple[Where, str | Message]]
) -> list[Problem]:
    """Each `(where, message)` finding of the reference checks, located in `path`.

    A `LineOf` field of a message becomes the line number of the value it names.
    """
    locator = yamlfile.locator(path)
    problems = []
    for where, message in findings:
        if where and isinstance(where[-1], KeyItself):
            line, column = locator.key(where)
        else:
            line, column, _ = locator.value(where)
        if isinstance(message, Message):
            message = _with_lines(locator, message)
        problems.append(
            _problem(locator, line, column, message, _reference_fix(message))
        )
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def _validation_problem(
    locator: yamlfile.Locator,
    model: type[BaseModel],
    detail: Any,
    field_names: Iterable[str],
) -> Problem:
    kind: str = detail["type"]
    loc: tuple[str | int, ...] = tuple(detail["loc"])
    at_key = "[key]" in loc
    where = tuple(step for step in loc if step != "[key]")
    label, parent = _label(model, where)

    if kind == "extra_forbidden":
        line, column = locator.key(where)
        suggestion = _suggestion(model, where, field_names)
        hint = None
        if str(where[-1])[:1].isspace():
            # Only a space YAML does not count as indentation starts a key with one.
            hint = Message("fix.no_break_space")
        elif suggestion is None and parent is not None:
            hint = Message("fix.known_keys", {"keys": ", ".join(_keys(parent))})
        message = Message("field.unknown", {"name": str(where[-1])}, suggestion)
        return _problem(locator, line, column, message, hint)

    if at_key:
        line, column = locator.key(where)
    else:
        line, column, _ = locator.value(where)

    if kind == "missing":
        key = "field.missing_top" if len(where) == 1 else "field.missing"
        if len(where) == 1:
            line, column = 0, 0
        return _problem(locator, line, column, Message(key, {"name": str(where[-1])}))

    problem, hint = _value_problem(locator, where, kind, detail)
    message = Message("field.value", {"field": label, "problem": problem})
    return _problem(locator, line, column, message, hint)


def _value_problem(
    locator: yamlfile.Locator, where: Where, kind: str, detail: Any
) -> tuple[Message, Message | None]:
    """What is wrong with a value, and the fix where one is known."""
    given = detail.get("input")
    context = detail.get("ctx") or {}

    invalid = context.get("error")
    if kind == "value_error" and isinstance(invalid, InvalidValue):
        fix = invalid.fix
        if isinstance(invalid, AmountError) and invalid.replacement is not None:
            fix = _line_fix(locator, where, invalid.replacement)
        return invalid.message, fix

    # Spaces alone are blank too: a name is read with the spaces around it cut.
    if kind in ("string_too_short", "too_short") and not (
        given.strip() if isinstance(given, str) else given
    ):
        if isinstance(given, list | dict):
            return Message("value.empty"), None
        return Message("value.blank"), None
    if kind == "string_type" and given is None:
        return Message("value.blank"), None
    if kind in _EXPECTED_KIND:
        found = "kind.scalar" if isinstance(given, str) else kind_of(given)
        expected = Message(_EXPECTED_KIND[kind])
        return Message(
            "value.wrong_kind", {"expected": expected, "found": Message(found)}
        ), None
    if kind == "string_too_long" or (kind == "too_long" and isinstance(given, str)):
        return Message(
            "value.too_long",
            {"length": len(str(given)), "limit": context.get("max_length")},
        ), None
    if kind == "string_pattern_mismatch":
        key = _PATTERN_MESSAGES.get(str(context.get("pattern")), "value.invalid")
        fix = None
        if key == "value.id":
            fix = _line_fix(locator, where, _as_id(str(given)))
        return Message(key, {"value": shown(str(given)), "detail": detail["msg"]}), fix
    if kind == "literal_error" and context.get("expected") == "'EUR'":
        return Message("value.currency", {"value": shown(str(given))}), None
    if kind == "literal_error":
        # pydantic lists the choices in English ("'a', 'b' or 'c'"): a plain list reads
        # the same in Finnish.
        choices = str(context.get("expected")).replace(" or ", ", ")
        return Message(
            "value.one_of", {"value": shown(str(given)), "choices": choices}
        ), None
    # A plain ValueError of a validator already says what is wrong, without pydantic's
    # "Value error, " in front.
    text = str(detail["msg"]).removeprefix("Value error, ")
    return Message("value.invalid", {"detail": text}), None


def _label(model: type[BaseModel], where: Where) -> tuple[str, type[BaseModel] | None]:
    """The domain name of the value at `where` (the key as written, and for an entry
    of a keyed table like `funding`, the table's key and the entry's), and the model
    whose keys are allowed at its place."""
    annotation: Any = model
    label = "value"
    parent: type[BaseModel] | None = None
    for step in where:
        annotation = _unwrapped(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            parent = annotation
            field = _keys(annotation).get(str(step))
            if field is None:
                return str(step), parent
            label, annotation = str(step), field.annotation
        elif origin is list:
            (annotation,) = typing.get_args(annotation) or (Any,)
            parent = None
        elif origin is dict:
            annotation = (typing.get_args(annotation) or (Any, Any))[1]
            label, parent = f"{label} {step}", None
        else:
            return label, None
    annotation = _unwrapped(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return label, annotation
    return label, parent


def _keys(model: type[BaseModel]) -> dict[str, Any]:
    """The fields of `model` by the key a file writes them with (`from` for `from_`)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _unwrapped(annotation: Any) -> Any:
    """The type inside `Annotated[...]` and `X | None`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [
                arg for arg in typing.get_args(annotation) if arg is not type(None)
            ]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _as_id(text: str) -> str:
    """`text` made into an id: `Vene Helsingissä` becomes `vene-helsingissa`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9_]+", "-", letters).strip("-_")


def _line_fix(
    locator: yamlfile.Locator, where: Where, replacement: str
) -> Message | None:
    """The offending line with its value replaced by `replacement`, as a fix."""
    if not replacement:
        return None
    line = locator.replaced(where, replacement)
    return None if line is None else Message("fix.line", {"line": line})


def _with_lines(locator: yamlfile.Locator, message: Message) -> Message:
    """`message` with each `LineOf` field replaced by the line number it stands for."""
    fields = {
        name: locator.value(value.where)[0] if isinstance(value, LineOf) else value
        for name, value in message.fields.items()
    }
    return Message(message.key, fields, message.suggestion)


def _reference_fix(message: str | Message) -> Message | None:
    if isinstance(message, Message) and message.key == "ref.unlinked":
        return Message(
            "fix.link_line",
            {"line": message.fields["line"], "programme": "programme.yaml"},
        )
    return None


def _problem(
    locator: yamlfile.Locator,
    line: int,
    column: int,
    message: str | Message,
    hint: Message | None = None,
) -> Problem:
    return Problem(
        locator.path,
        line,
        column,
        message,
        source_line=locator.line(line) if line else None,
        hint=hint,
    )
