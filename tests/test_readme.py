"""The README is a contract: its Quick start, its examples and CI say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .readme_examples import README, examples, run, tidy

REPO = Path(__file__).resolve().parent.parent
TEXT = README.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", examples(TEXT), ids=lambda example: example.command)
def test_readme_example_prints_what_the_readme_shows(example: object) -> None:
    assert run(example.command) == tidy(example.expected)  # type: ignore[attr-defined]


def quick_start_commands() -> list[str]:
    section = TEXT.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start__exactly_two_commands() -> None:
    first, second = quick_start_commands()
    assert "kuvadigi budget --project Ahti" in first
    assert "pytest" in second


def test_ci_runs_the_quick_start_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "quick_start_test_command" in ci


def test_readme_has_known_limitations() -> None:
    assert "\n## Known limitations\n" in TEXT
