"""The README is a contract: its Quick start, its examples and CI say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .readme_examples import README, examples, outputs, run, tidy

REPO = Path(__file__).resolve().parent.parent
TEXT = README.read_text(encoding="utf-8")
EXAMPLES = examples(TEXT)
WALKTHROUGHS = sorted({e.walkthrough for e in EXAMPLES if e.walkthrough is not None})


@pytest.mark.parametrize(
    "example",
    [example for example in EXAMPLES if example.walkthrough is None],
    ids=lambda example: example.command,
)
def test_readme_example_prints_what_the_readme_shows(example: object) -> None:
    assert run(example.command) == tidy(example.expected)  # type: ignore[attr-defined]


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS)
def test_readme_walkthrough_prints_what_the_readme_shows(walkthrough: str) -> None:
    steps = [example for example in EXAMPLES if example.walkthrough == walkthrough]
    printed = outputs(steps)
    assert [
        (step.command, output) for step, output in zip(steps, printed, strict=True)
    ] == [(step.command, tidy(step.expected)) for step in steps]


def test_readme_walkthrough_leaves_the_repository_alone() -> None:
    assert not (REPO / "mydata").exists()
    assert not (REPO / "data" / "followup").exists()


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
