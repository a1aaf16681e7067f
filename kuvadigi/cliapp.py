"""What every command shares: the typer app, the common options, and how a command's
ending becomes an exit code.

Exit codes: 0 all well, 1 the data disagrees (check), 2 bad input or usage, 130
interrupted. Heavy modules (pydantic, YAML, babel, rich) are imported inside the
commands, so `--help` and `--version` start fast.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from kuvadigi import __version__
from kuvadigi.usage import Commands

EXIT_OK = 0
EXIT_DISAGREES = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    cls=Commands,
    name="kuvadigi",
    help="Budget and cost-estimate calculator of the Culture and Leisure Division's "
    "digitalisation programme 2019-2022 (City of Helsinki).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    # Plain click help: rich markup would swallow every "[default: ...]" in a help text
    # as if it were a style tag, and keep the docstrings' line breaks mid-sentence.
    rich_markup_mode=None,
)


class Format(enum.StrEnum):
    """Output formats of the reporting commands: a table for people, JSON and CSV for
    machines, Markdown to paste into a document."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class BudgetSort(enum.StrEnum):
    """Orders of the budget's projects: as in the document, by name, or by a figure
    (largest first)."""

    document = "document"
    name = "name"
    total = "total"
    remaining = "remaining"
    utilisation = "utilisation"


class EstimateSort(enum.StrEnum):
    """Orders of the cost lines within their groups."""

    document = "document"
    name = "name"
    total = "total"


class Language(enum.StrEnum):
    """Languages of labels and messages."""

    fi = "fi"
    en = "en"


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="KUVADIGI_DATA",
        help="Folder holding budget_YEAR.yaml, estimate_*.yaml and programme.yaml "
        "[default: the shipped data of the 2019-2022 plan].",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table for people, json or csv for machines, markdown to "
        "paste into a document.",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="With --format csv: CSV as Finnish Excel opens it (semicolons, decimal "
        "comma, UTF-8 with a byte-order mark).",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language [default: from LC_ALL, LC_MESSAGES or LANG].",
        show_default=False,
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


class UsageProblem(Exception):
    """A mistake on the command line that the user can fix; exit 2."""


def lang_of(option: Language | None) -> Any:
    from kuvadigi.i18n import lang_from_environment

    return option.value if option is not None else lang_from_environment()


def require_csv_for_excel(format: Format, excel: bool, lang: Any) -> None:
    """`--excel` shapes CSV only: refuse it with any other format rather than ignore it."""
    if excel and format is not Format.csv:
        from kuvadigi.i18n import say

        raise UsageProblem(say("error.excel_format", lang))


def reporting(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the ways a command can end into exit codes: bad data and usage exit 2 with
    located messages, Ctrl-C exits 130, a closed pipe ends quietly."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from kuvadigi.problems import DataError, UsageMistake
        from kuvadigi.render.problems import print_problems

        lang = lang_of(kwargs.get("lang"))  # type: ignore[arg-type]
        try:
            return command(*args, **kwargs)
        except DataError as error:
            print_problems(error.problems, lang, sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except (UsageProblem, UsageMistake) as error:
            _print_usage_error(error, lang)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader (e.g. `head`) has gone: stop writing, quietly. From the
            # `kuvadigi` entry point the streams catch this themselves and the run goes
            # on to its own exit code (kuvadigi.cli.QuietWhenGone); this is for a run
            # without them.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None

    return run


def _print_usage_error(error: Exception, lang: Any) -> None:
    """A mistake the command found in its options, shown like typer's usage errors."""
    from typer._click.globals import get_current_context

    from kuvadigi.problems import UsageMistake
    from kuvadigi.usage import print_usage_error

    message = error.message if isinstance(error, UsageMistake) else str(error)
    context = get_current_context(silent=True)
    command = context.command_path if context is not None else "kuvadigi"
    print_usage_error(message, command, lang, sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"kuvadigi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Budget and cost-estimate calculator of the Culture and Leisure Division's
    digitalisation programme 2019-2022 (City of Helsinki)."""
