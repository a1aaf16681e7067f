"""Mistakes on the command line, told like kuvadigi's other errors: in the user's
language, with the closest option, command or value offered, and the help hint.

    Error: --format takes one of table, json, csv, markdown, not 'jsn'; did you mean 'json'?
    Try 'kuvadigi budget --help' for help.

A missing option or argument, and a value that is not one of a choice, are told so
too, for every command; what kuvadigi has no message of its own for is shown in
typer's (English) words.

typer (its built-in click) finds the mistake; `Commands`, the app's group class, catches
it where the arguments are parsed and gives it back as a `ToldUsageError`, which typer
shows and ends with exit 2 as it would its own.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from typer._click import exceptions as click_errors
from typer.core import TyperGroup

# Only a mistake needs the messages: `--help` and `--version` start without them.
if TYPE_CHECKING:
    from kuvadigi.problems import Message

# How close a name must be to a known one to be offered as "did you mean".
_SUGGESTION_CUTOFF = 0.6
_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")
_EXTRA_ARGUMENTS = re.compile(
    r"unexpected extra argument(?:\(s\)|s)? \((?P<value>.*)\)"
)


def usage_lines(message: str, command: str, lang: str) -> str:
    """A usage error as printed: the message, then where help is."""
    from kuvadigi.problems import Message

    error = Message("usage.error", {"message": message}).told(lang)
    return error + "\n" + Message("usage.try_help", {"command": command}).told(lang)


def print_usage_error(message: str, command: str, lang: str, out: IO[str]) -> None:
    """Print a usage error on `out`."""
    print(usage_lines(message, command, lang), file=out)


def language_of(arguments: Sequence[str]) -> str:
    """The language asked for with --lang, else the one of the locale variables."""
    from kuvadigi.i18n import lang_from_environment

    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            return "fi" if arguments[index + 1] == "fi" else "en"
        if argument.startswith("--lang="):
            return "fi" if argument.removeprefix("--lang=") == "fi" else "en"
    return lang_from_environment()


class ToldUsageError(click_errors.UsageError):
    """A usage error with kuvadigi's message; typer shows it and exits 2."""

    def __init__(self, message: Message, command: str, lang: str) -> None:
        super().__init__(message.told(lang))
        self.message_said = message
        self.command = command
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        print_usage_error(
            self.message_said, self.command, self.lang, file or sys.stderr
        )


class Commands(TyperGroup):
    """The app's group of commands: usage errors come out as `ToldUsageError`s."""

    arguments: list[str]

    def main(self, args: Sequence[str] | None = None, *more: Any, **extra: Any) -> Any:
        # Kept to quote what was typed: a parse error does not carry the value.
        self.arguments = list(sys.argv[1:] if args is None else args)
        # Option values coerced without pydantic where they are plain (here, once typer
        # has added its completion options): see kuvadigi.optionvalues. It builds on
        # typer's private modules; a typer without them runs its own way, only slower.
        try:
            from kuvadigi.optionvalues import install
        except ImportError:
            pass
        else:
            install(self)
        return super().main(args, *more, **extra)

    def make_context(
        self, info_name: str | None, args: list[str], *more: Any, **extra: Any
    ) -> Any:
        try:
            refused = _empty_path(args) or _repeated_option(
                args, self._typed_command(args)
            )
            if refused is not None:
                raise ToldUsageError(
                    refused, self._typed_command_path(args), language_of(args)
                )
            return super().make_context(info_name, args, *more, **extra)
        except click_errors.UsageError as error:
            raise self._told(error) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except click_errors.UsageError as error:
            raise self._told(error) from None

    def _told(self, error: click_errors.UsageError) -> click_errors.UsageError:
        if isinstance(error, ToldUsageError | click_errors.NoArgsIsHelpError):
            return error
        arguments = getattr(self, "arguments", [])
        command = self._command_path(error, arguments)
        return ToldUsageError(
            usage_message(error, arguments, self), command, language_of(arguments)
        )

    def _command_path(
        self, error: click_errors.UsageError, arguments: Sequence[str]
    ) -> str:
        """`kuvadigi COMMAND` as typed, for the help hint."""
        if error.ctx is not None:
            return str(error.ctx.command_path)
        return self._typed_command_path(arguments)

    def _typed_command_path(self, arguments: Sequence[str]) -> str:
        """`kuvadigi COMMAND` as the arguments name it, down the groups
        (`kuvadigi export xlsx`)."""
        return " ".join(["kuvadigi", *self._typed_words(arguments)])

    def _typed_command(self, arguments: Sequence[str]) -> Any:
        """The command the arguments name, down the groups; this group where they
        name none."""
        command: Any = self
        for word in self._typed_words(arguments):
            command = command.commands[word]
        return command

    def _typed_words(self, arguments: Sequence[str]) -> list[str]:
        words: list[str] = []
        command: Any = self
        for word in arguments:
            commands = getattr(command, "commands", None)
            if commands is None:
                break
            if word in commands:
                words.append(word)
                command = commands[word]
        return words


# The options and the one argument (init's folder) that name a path.
_PATH_OPTIONS = ("--data", "--output", "-o")
_PATH_ARGUMENT_OF = "init"


def _empty_path(arguments: Sequence[str]) -> Message | None:
    """The refusal of a path given as empty text (`--data ""`, `init "$UNSET"`), which
    would otherwise mean this folder, so that init would write into it unasked."""
    from kuvadigi.problems import Message

    for index, argument in enumerate(arguments):
        option, equals, value = argument.partition("=")
        if equals and option in _PATH_OPTIONS and not value:
            return Message("usage.empty_path", {"name": option})
        if argument != "":
            continue
        if index > 0 and arguments[index - 1] in _PATH_OPTIONS:
            return Message("usage.empty_path", {"name": arguments[index - 1]})
        if _PATH_ARGUMENT_OF in arguments[:index]:
            return Message("usage.empty_path", {"name": "FOLDER"})
    return None


def _repeated_option(arguments: Sequence[str], command: Any) -> Message | None:
    """The refusal of an option that takes one value given twice (`record --project
    Vene --project Ahti`): click would silently keep the last, and `record` would write
    one line's figures into another's. Options that take several (`budget --project`)
    and flags are left alone."""
    from kuvadigi.problems import Message

    single: dict[str, str] = {}
    for param in getattr(command, "params", ()):
        if getattr(param, "multiple", True) or getattr(param, "is_flag", True):
            continue
        for name in [*param.opts, *param.secondary_opts]:
            single[name] = param.opts[0]
    seen: set[str] = set()
    for argument in arguments:
        if argument == "--":
            break
        option = single.get(argument.partition("=")[0])
        if option is None:
            continue
        if option in seen:
            return Message("usage.option_twice", {"option": option})
        seen.add(option)
    return None


def usage_message(
    error: click_errors.UsageError, arguments: Sequence[str], group: Any
) -> Message:
    """kuvadigi's message for what click found wrong with `arguments`."""
    from kuvadigi.problems import Message

    if isinstance(error, click_errors.NoSuchOption):
        known = _option_names(error.ctx.command if error.ctx else group)
        return Message(
            "usage.no_such_option",
            {"option": error.option_name},
            _closest(error.option_name, known),
        )
    if isinstance(error, click_errors.BadOptionUsage) and "requires an argument" in (
        error.message
    ):
        return Message("usage.needs_value", {"option": error.option_name})
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        return _missing(error.param)
    if isinstance(error, click_errors.BadParameter) and error.param is not None:
        return _bad_value(error, arguments) or _other(error)

    command = _NO_SUCH_COMMAND.search(error.message)
    if command is not None:
        name = command["name"]
        # The commands of the group it was looked for in (`kuvadigi export xlx`).
        known = list(getattr(error.ctx.command if error.ctx else group, "commands", {}))
        return Message("usage.no_such_command", {"name": name}, _closest(name, known))
    extra = _EXTRA_ARGUMENTS.search(error.message)
    if extra is not None:
        return Message("usage.extra_argument", {"value": extra["value"]})
    return _other(error)


def _missing(param: Any) -> Message:
    """The message for a required option or argument not given: an argument that is
    one of a choice names the choices, as typer does."""
    from kuvadigi.problems import Message

    if param.param_type_name != "argument":
        return Message("usage.missing_option", {"option": max(param.opts, key=len)})
    name = getattr(param, "display_name_raw", param.name)
    choices = _choices(param)
    if choices:
        return Message(
            "usage.missing_argument_choice",
            {"name": name, "choices": ", ".join(choices)},
        )
    return Message("usage.missing_argument", {"name": name})


def _bad_value(
    error: click_errors.BadParameter, arguments: Sequence[str]
) -> Message | None:
    """The message for a value an option or argument does not take: the choices, or
    the kind."""
    from kuvadigi.problems import Message

    param: Any = error.param
    choices = _choices(param)
    if param.param_type_name == "argument":
        value = _value_refused(error)
        if value is None or not choices:
            return None
        name = getattr(param, "display_name_raw", param.name)
        return Message(
            "usage.bad_argument_choice",
            {"name": name, "value": value, "choices": ", ".join(choices)},
            _closest(value, choices),
        )

    option = max(param.opts, key=len)
    value = _value_given(param.opts, arguments)
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if value is None:
        return None
    if choices:
        return Message(
            "usage.bad_choice",
            {"option": option, "value": value, "choices": ", ".join(choices)},
            _closest(value, choices),
        )
    if annotation is int:
        return Message("usage.not_whole_number", {"option": option, "value": value})
    return None


def _choices(param: Any) -> list[str]:
    """The values a parameter of an enum type takes; none for any other type."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    return []


def _value_refused(error: click_errors.BadParameter) -> str | None:
    """The value typer refused, as typed: its check (pydantic's) keeps it as input."""
    errors = getattr(error.__cause__, "errors", None)
    if not callable(errors):
        return None
    try:
        value = errors()[0].get("input")
    except (IndexError, AttributeError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _value_given(opts: Sequence[str], arguments: Sequence[str]) -> str | None:
    """The last value given to the option named by any of `opts` in `arguments`."""
    given = None
    for index, argument in enumerate(arguments):
        if argument in opts and index + 1 < len(arguments):
            given = arguments[index + 1]
        for opt in opts:
            if opt.startswith("--") and argument.startswith(opt + "="):
                given = argument[len(opt) + 1 :]
    return given


def _option_names(command: Any) -> list[str]:
    names = ["--help"]
    for param in getattr(command, "params", []):
        names += [opt for opt in param.opts if opt.startswith("--")]
    return names


def _closest(name: str, known: Sequence[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=_SUGGESTION_CUTOFF)
    return close[0] if close else None


def _other(error: click_errors.UsageError) -> Message:
    from kuvadigi.problems import Message

    return Message("usage.other", {"detail": error.format_message()})
