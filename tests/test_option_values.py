"""Option values coerced without pydantic (kuvadigi.optionvalues) come out as typer's
own coercion gives them, and a value it refuses gets typer's own message: checked for
every option of every command, on values of each kind."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from kuvadigi.cli import app
from kuvadigi.optionvalues import PlainFirst, install


def all_options() -> list[tuple[Any, Any]]:
    """Every (command, parameter) of kuvadigi, subcommands and help options too."""
    root = typer.main.get_command(app)
    install(root)
    found: list[tuple[Any, Any]] = []

    def walk(command: Any) -> None:
        help_option = command.get_help_option(Context(command))
        for param in [*command.params, help_option]:
            if param is not None and hasattr(param, "type_descriptor"):
                found.append((command, param))
        for subcommand in getattr(command, "commands", {}).values():
            walk(subcommand)

    walk(root)
    return found


OPTIONS = all_options()


def samples(annotation: Any, tmp_path: Path) -> list[Any]:
    """Values of the kinds an option of `annotation` may be given, good and bad."""
    common: list[Any] = ["", "x", " 7 ", "-1", b"bytes", 3]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        members = list(annotation)
        return [
            *members,
            *(member.value for member in members),
            *(member.value.upper() for member in members),
            f"{members[0].value}x",
            *common,
        ]
    if annotation is int:
        return ["2019", "02019", "2_019", "+5", "1" * 30, "١٢", 2019, True, *common]
    if annotation is bool:
        return [True, False, "yes", "0", *common]
    if annotation is Path:
        a_file = tmp_path / "file.yaml"
        a_file.write_text("x", encoding="utf-8")
        return [
            str(tmp_path),
            str(a_file),
            str(tmp_path / "missing"),
            tmp_path,
            "-",
            *common,
        ]
    if annotation == list[str]:
        return [("a", "b"), ["a"], ("a", 3), "a", *common]
    return [*common, "naïve text"]


def coerced(runtime: Any, value: Any, param: Any, ctx: Context) -> Any:
    """What coercing `value` gave: ("value", result) or ("error", type, message)."""
    try:
        return ("value", runtime.coerce(value, param=param, ctx=ctx))
    except BadParameter as error:
        return ("error", type(error), error.message)
    except Exception as error:
        return ("error", type(error), str(error))


@pytest.mark.parametrize(
    ("command", "param"),
    OPTIONS,
    ids=[f"{command.name}-{param.name}" for command, param in OPTIONS],
)
def test_every_option__coerces_as_typer_does(
    command: Any, param: Any, tmp_path: Path
) -> None:
    plain = param._runtime_param
    typers = build_runtime_param(param.type_descriptor)
    ctx = Context(command)

    assert isinstance(plain, PlainFirst)
    for value in samples(param.type_descriptor.annotation, tmp_path):
        ours = coerced(plain, value, param, ctx)
        theirs = coerced(typers, value, param, ctx)
        assert ours == theirs, value
        assert type(ours[1]) is type(theirs[1]), value


def test_every_annotation_of_the_app__is_covered_by_the_samples() -> None:
    # A new kind of option needs samples of its own above.
    known = {int, bool, str, Path, list[str]}
    for _, param in OPTIONS:
        annotation = param.type_descriptor.annotation
        assert annotation in known or issubclass(annotation, enum.Enum), annotation
