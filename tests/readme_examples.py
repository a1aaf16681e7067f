"""The README's console examples: find them, run them, and (with --update) rewrite them.

An example is a ```console block whose lines starting with `$ ` are commands (optionally
prefixed by VAR=value settings) and whose other lines are the expected output, stdout
and stderr together. Examples run in-process at the repository root, 100 columns wide.

A README section (from one `## ` heading to the next) that holds the `IN_ORDER` marker
is a walkthrough: its examples run one after another in a new empty folder, so they may
write files there (e.g. `kuvadigi init mydata`) and each sees what the ones before it
wrote; the repository is never written to.

    python -m tests.readme_examples --update   # rewrite README.md's outputs
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
IN_ORDER = "<!-- examples run in order, in a new empty folder -->"
ENVIRONMENT = {
    "COLUMNS": "100",
    "LANG": "C.UTF-8",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "KUVADIGI_DATA": "",
}


@dataclass(frozen=True)
class Example:
    """One command of the README and the output shown under it."""

    command: str
    expected: str
    walkthrough: str | None = None  # the heading of its walkthrough section, if any


def examples(text: str) -> list[Example]:
    """Every `$ kuvadigi ...` command in the console blocks of `text`, in order."""
    found = []
    for section in re.split(r"\n(?=## )", text):
        walkthrough = section.splitlines()[0] if IN_ORDER in section else None
        for block in BLOCK.findall(section):
            found += [
                Example(command, expected, walkthrough)
                for command, expected in _commands(block)
            ]
    return found


def _commands(block: str) -> list[tuple[str, str]]:
    """The commands of one console block with the output shown under each."""
    found = []
    command, output = None, []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                found.append((command, "\n".join(output)))
            command, output = line[2:], []
        else:
            output.append(line)
    if command is not None:
        found.append((command, "\n".join(output)))
    return found


def outputs(found: list[Example]) -> list[str]:
    """The output of each example: each walkthrough in its own new folder, in order."""
    with ExitStack() as stack:
        folders: dict[str, Path] = {}
        printed = []
        for example in found:
            folder = REPO
            if example.walkthrough is not None:
                if example.walkthrough not in folders:
                    made = stack.enter_context(tempfile.TemporaryDirectory())
                    folders[example.walkthrough] = Path(made)
                folder = folders[example.walkthrough]
            printed.append(run(example.command, folder))
        return printed


def run(command: str, folder: Path = REPO) -> str:
    """The output of one README command run in `folder`, as the README shows it."""
    from kuvadigi.cli import app

    words = shlex.split(command)
    environment = dict(ENVIRONMENT)
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, value = words.pop(0).split("=", 1)
        environment[name] = value
    assert words[0] == "kuvadigi", f"README examples run kuvadigi only: {command}"

    previous = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(
            app, words[1:], env=environment, catch_exceptions=False
        )
    finally:
        os.chdir(previous)
    return tidy(result.output)


def tidy(output: str) -> str:
    """Output without trailing spaces on its lines or blank lines at its end."""
    return "\n".join(line.rstrip() for line in output.splitlines()).rstrip("\n")


def update() -> None:
    """Rewrite every example's output in README.md with what kuvadigi prints now."""

    text = README.read_text(encoding="utf-8")
    printed = iter(outputs(examples(text)))

    def rewrite(match: re.Match[str]) -> str:
        lines = []
        for command, _ in _commands(match.group(1)):
            lines.append(f"$ {command}")
            output = next(printed)
            if output:
                lines.append(output)
        return "```console\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(rewrite, text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        for example in examples(README.read_text(encoding="utf-8")):
            print(f"$ {example.command}")
