"""The README's console examples: find them, run them, and (with --update) rewrite them.

An example is a ```console block whose lines starting with `$ ` are commands (optionally
prefixed by VAR=value settings) and whose other lines are the expected output, stdout
and stderr together. Examples run in-process at the repository root, 100 columns wide.

    python -m tests.readme_examples --update   # rewrite README.md's outputs
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
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


def examples(text: str) -> list[Example]:
    """Every `$ kuvadigi ...` command in the console blocks of `text`."""
    found = []
    for block in BLOCK.findall(text):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append(Example(command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            found.append(Example(command, "\n".join(output)))
    return found


def run(command: str) -> str:
    """The output of one README command, as the README shows it."""
    from kuvadigi.cli import app

    words = shlex.split(command)
    environment = dict(ENVIRONMENT)
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, value = words.pop(0).split("=", 1)
        environment[name] = value
    assert words[0] == "kuvadigi", f"README examples run kuvadigi only: {command}"

    previous = Path.cwd()
    os.chdir(REPO)
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

    def rewrite(match: re.Match[str]) -> str:
        lines = []
        for example in examples(match.group(0)):
            lines.append(f"$ {example.command}")
            output = run(example.command)
            if output:
                lines.append(output)
        return "```console\n" + "\n".join(lines) + "\n```"

    README.write_text(
        BLOCK.sub(rewrite, README.read_text(encoding="utf-8")), encoding="utf-8"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        for example in examples(README.read_text(encoding="utf-8")):
            print(f"$ {example.command}")
