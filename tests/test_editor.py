"""Editors and shells: JSON Schemas that are current and say what the loader accepts,
the schema comment on each data file, `init`, shell completion, `--version`, and help
with a real example on every command (those added later included)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
import yaml
from typer.testing import CliRunner

from kuvadigi import __version__
from kuvadigi.cli import app
from kuvadigi.jsonschema import AMOUNT_PATTERN, MODELS, json_schema, schema_text
from kuvadigi.loader import shipped_data
from kuvadigi.money import parse_amount

from .conftest import REPO, Kuvadigi

SCHEMAS = REPO / "schemas"
DATA_FILES = {
    "budget_2019.yaml": "budget",
    "estimate_2019_2022.yaml": "estimate",
    "programme.yaml": "programme",
}


# --- schemas ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(MODELS))
def test_shipped_schema_is_current(name: str) -> None:
    shipped = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")

    assert shipped == schema_text(name), (
        f"schemas/{name}.schema.json is out of date with the models: run "
        f"`kuvadigi schema {name} > schemas/{name}.schema.json`"
    )


@pytest.mark.parametrize("name", list(MODELS))
def test_schema_command_prints_the_schema(kuvadigi: Kuvadigi, name: str) -> None:
    result = kuvadigi("schema", name)

    assert result.exit_code == 0, result.stderr
    assert result.stdout == (SCHEMAS / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )


def test_schema_command__unknown_file_exit_2(kuvadigi: Kuvadigi) -> None:
    assert kuvadigi("schema", "budjetti").exit_code == 2


def _as_an_editor_reads(path: Path) -> Any:
    """The YAML as the YAML language server hands it to a JSON Schema validator: YAML
    1.2 scalars (numbers as numbers), keys as text."""

    def keys_as_text(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): keys_as_text(item) for key, item in value.items()}
        if isinstance(value, list):
            return [keys_as_text(item) for item in value]
        return value

    return keys_as_text(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("file_name", "name"), DATA_FILES.items())
def test_shipped_data_validates_against_its_schema(file_name: str, name: str) -> None:
    document = _as_an_editor_reads(shipped_data() / file_name)

    jsonschema.Draft202012Validator(json_schema(name)).validate(document)


@pytest.mark.parametrize(("file_name", "name"), DATA_FILES.items())
def test_data_file_names_its_schema_on_the_first_line(
    file_name: str, name: str
) -> None:
    path = REPO / "data" / file_name
    first_line = path.read_text(encoding="utf-8").splitlines()[0]

    assert (
        first_line == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
    )
    assert (path.parent / "../schemas" / f"{name}.schema.json").resolve().is_file()


def _budget_with_total(total: object) -> dict[str, Any]:
    return {
        "year": 2019,
        "as_of": "2019-01",
        "funding_sources": [{"id": "ict_frame", "name": "ICT-TAE raamissa"}],
        "projects": [{"id": "ahti", "name": "Ahti", "total": total}],
    }


@pytest.mark.parametrize(
    ("total", "valid"),
    [
        (150000, True),
        (1500.5, True),
        (0, True),
        ("1 500 000", True),
        ("1_500_000", True),
        ("1500.50", True),
        (-1, False),
        ("-1", False),
        ("1,5", False),
        ("1e5", False),
        ("0150000", False),
        ("8:00", False),
        ("1500.505", False),
        (True, False),
        (10**12, False),
    ],
)
def test_schema__amounts_as_the_loader_reads_them(total: object, valid: bool) -> None:
    validator = jsonschema.Draft202012Validator(json_schema("budget"))

    assert validator.is_valid(_budget_with_total(total)) is valid


@pytest.mark.parametrize(
    "text",
    ["0", "7", "150000", "150 000", "150_000", "1500.5", "1500.50", "0.50", "999 999"],
)
def test_amount_pattern__accepts_what_parse_amount_accepts(text: str) -> None:
    parse_amount(text)
    assert re.fullmatch(AMOUNT_PATTERN, text)


@pytest.mark.parametrize(
    "text", ["-5", "05", "1,5", ".5", "1.505", "1e5", "8:00", "15 00", "€5", "1  000"]
)
def test_amount_pattern__refuses_what_parse_amount_refuses(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - AmountError's message is not the point here
        parse_amount(text)
    assert not re.fullmatch(AMOUNT_PATTERN, text)


# --- init -------------------------------------------------------------------------------


def test_init__writes_a_working_copy_with_schemas(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    folder = tmp_path / "digiohjelma-2020"

    result = kuvadigi("init", str(folder))

    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.*")) == [
        "budget_2019.yaml",
        "estimate_2019_2022.yaml",
        "programme.yaml",
        "schemas/budget.schema.json",
        "schemas/estimate.schema.json",
        "schemas/programme.schema.json",
    ]
    budget = (folder / "budget_2019.yaml").read_text(encoding="utf-8")
    assert budget.splitlines()[0] == (
        "# yaml-language-server: $schema=schemas/budget.schema.json"
    )
    # Apart from where its schema lies, the copy is the shipped file.
    shipped = (shipped_data() / "budget_2019.yaml").read_text(encoding="utf-8")
    assert budget.splitlines()[1:] == shipped.splitlines()[1:]
    assert kuvadigi("check", "--data", str(folder)).exit_code == 0


def test_init__refuses_to_overwrite_and_writes_nothing(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    mine = folder / "programme.yaml"
    mine.write_text("# my own programme\n", encoding="utf-8")

    result = kuvadigi("init", str(folder))

    assert result.exit_code == 2
    assert "programme.yaml" in result.stderr
    assert "never overwrites" in result.stderr
    assert mine.read_text(encoding="utf-8") == "# my own programme\n"
    assert sorted(p.name for p in folder.iterdir()) == ["programme.yaml"]


def test_init__twice_exit_2(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    assert kuvadigi("init", str(tmp_path / "new")).exit_code == 0
    assert kuvadigi("init", str(tmp_path / "new"), "--lang", "fi").exit_code == 2


def test_init__into_a_file_exit_2(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("x", encoding="utf-8")

    result = kuvadigi("init", str(file))

    assert result.exit_code == 2
    assert "is a file" in result.stderr


# --- shell, version, help ---------------------------------------------------------------


def test_version(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("--version")

    assert result.exit_code == 0
    assert result.stdout == f"kuvadigi {__version__}\n"


def test_completion__completes_commands_and_choices() -> None:
    runner = CliRunner()

    def complete(words: str) -> list[str]:
        result = runner.invoke(
            app,
            [],
            prog_name="kuvadigi",
            env={
                "_KUVADIGI_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(
                    len(words.split()) - (0 if words.endswith(" ") else 1)
                ),
            },
        )
        return result.stdout.split()

    assert complete("kuvadigi prog") == ["programme"]
    assert complete("kuvadigi budget --sort ") == [
        "document",
        "name",
        "total",
        "remaining",
        "utilisation",
    ]
    assert complete("kuvadigi budget --lang ") == ["fi", "en"]


def test_completion__script_for_bash(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("--show-completion", "bash")

    assert result.exit_code == 0
    assert "_KUVADIGI_COMPLETE=complete_bash" in result.stdout


def _commands() -> dict[str, Any]:
    """Every command the app registers, sub-commands of groups by their full name.

    (Typer carries its own copy of click, so groups are told by their `commands`.)"""
    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                walk(command, f"{prefix}{name} ")
            else:
                found[f"{prefix}{name}"] = command

    walk(typer.main.get_command(app), "")
    return found


def test_every_command_is_tested_here() -> None:
    assert {"budget", "estimate", "check", "programme", "schema", "init"} <= set(
        _commands()
    )


@pytest.mark.parametrize("name", list(_commands()))
def test_every_command_has_help_with_a_real_example(name: str) -> None:
    command = _commands()[name]
    help_text = command.help or ""

    assert help_text.strip(), f"`kuvadigi {name}` has no help"
    examples = re.findall(r"^\s*Example: (kuvadigi .+)$", help_text, re.MULTILINE)
    assert examples, f"`kuvadigi {name} --help` shows no 'Example: kuvadigi ...' line"

    for example in examples:
        words = shlex.split(example.split(" > ")[0].split(" | ")[0])
        assert words[: 1 + len(name.split())] == ["kuvadigi", *name.split()], example
        # The example's options and arguments are real: the command parses them.
        command.make_context(name, words[1 + len(name.split()) :])

    result = CliRunner().invoke(app, [*name.split(), "--help"], prog_name="kuvadigi")
    assert result.exit_code == 0
    assert "Example: kuvadigi" in result.stdout
    for option in command.params:
        if option.param_type_name == "option" and not option.hidden:
            assert option.help, f"`kuvadigi {name} {option.opts[0]}` has no help"
