"""Option values turned into their types without building a pydantic validator.

typer (0.29 and later) coerces every option of the command it runs, defaults included,
through a pydantic `TypeAdapter` it builds for that option: importing the adapters and
building a dozen of them took longer than everything else `kuvadigi budget` does on a
cache hit. Most values need none of it: a choice given as one of its names, a text, a
list of texts, a number in plain digits, a path. For those, `PlainFirst` does what the
adapter's own validator does (typer's `coerce_cli_choice` and `coerce_cli_path`, or
nothing at all) and gives the same value.

Anything else, and any value that would be refused, goes to the adapter typer builds,
so every other value and every error message stays typer's own.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import (
    choice_coercion_annotation,
    coerce_cli_choice,
    coerce_cli_path,
)

if TYPE_CHECKING:
    from typer._click import Context

# Marks a command whose help option is already seen to.
_INSTALLED = "_kuvadigi_plain_values"
# What `_plain` returns for a value it leaves to the adapter.
_TYPERS_OWN = object()


@dataclass(frozen=True)
class PlainFirst(RuntimeParam):
    """An option's coercion: plain where the value allows it, else typer's own."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        plain = _plain(self.descriptor, value, param, ctx)
        if plain is not _TYPERS_OWN:
            return plain
        return self._typers._coerce_value(value, param=param, ctx=ctx)

    @cached_property
    def _typers(self) -> RuntimeParam:
        """typer's own coercion, built (with its adapter) on first need."""
        return build_runtime_param(self.descriptor)


def install(command: Any) -> None:
    """Give the options of `command` (and of its subcommands, for a group) plain
    coercion first. A parameter that is not typer's as expected is left as it is."""
    for param in getattr(command, "params", ()):
        _install_on(param)
    typers_help_option = getattr(command, "get_help_option", None)
    if typers_help_option is not None and not hasattr(command, _INSTALLED):
        # The help option is made when the command runs; it too gets plain coercion.
        def get_help_option(ctx: Context) -> Any:
            option = typers_help_option(ctx)
            _install_on(option)
            return option

        command.get_help_option = get_help_option
        setattr(command, _INSTALLED, True)
    for subcommand in getattr(command, "commands", {}).values():
        install(subcommand)


def _install_on(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if isinstance(descriptor, TypeDescriptor) and (
        getattr(param, "_runtime_param", False) is None
    ):
        param._runtime_param = PlainFirst(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )


def _plain(descriptor: TypeDescriptor, value: Any, param: Any, ctx: Context) -> Any:
    """`value` as the option's adapter would give it, or `_TYPERS_OWN`."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return _TYPERS_OWN
    annotation = descriptor.annotation
    origin: Any = get_origin(annotation)
    if origin is list:
        # The adapter of a list validates each item as the item type, into a list.
        (item_type,) = get_args(annotation)
        items = value if isinstance(value, list | tuple) else [value]
        plain_items = [_leaf(item_type, info, item, param, ctx) for item in items]
        if any(item is _TYPERS_OWN for item in plain_items):
            return _TYPERS_OWN
        return plain_items
    return _leaf(annotation, info, value, param, ctx)


def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Context) -> Any:
    """One value as typer's leaf adapter of `annotation` would give it, or
    `_TYPERS_OWN`."""
    choice = choice_coercion_annotation(annotation, info)
    if choice is not None:
        # The adapter: the choice's own check, then the value as it returned it.
        choices, case_sensitive = choice
        if not isinstance(value, str | enum.Enum):
            return _TYPERS_OWN
        try:
            return coerce_cli_choice(
                value, choices=choices, case_sensitive=case_sensitive, ctx=ctx
            )
        except ValueError:
            return _TYPERS_OWN
    if annotation is str:
        return value if type(value) is str else _TYPERS_OWN
    if annotation is bool:
        return value if type(value) is bool else _TYPERS_OWN
    if annotation is int:
        if info.min is not None or info.max is not None:
            return _TYPERS_OWN  # a range: pydantic checks it
        if type(value) is int:
            return value
        # A few plain ASCII digits read the same with pydantic and with int().
        if (
            type(value) is str
            and value.isascii()
            and value.isdigit()
            and len(value) < 19
        ):
            return int(value)
        return _TYPERS_OWN
    if annotation is Path and info.path_type is None:
        # The adapter reads a text as Path(text), then checks it as this does.
        if type(value) is str:
            value = Path(value)
        if not isinstance(value, Path):
            return _TYPERS_OWN
        try:
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        except BadParameter:
            return _TYPERS_OWN
    return _TYPERS_OWN
