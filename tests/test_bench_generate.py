"""The benchmark's generator writes a data folder that kuvadigi accepts, and its ledgers
say the same budget to beancount and hledger.

Only small folders here: the benchmark itself (`python bench/run.py`) is not part of
the test suite.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kuvadigi.loader import load_all, shipped_data
from kuvadigi.models import Budget

from .conftest import Kuvadigi

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"

sys.path.insert(0, str(BENCH))
import generate  # noqa: E402
import ledgers  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 120 budget lines, written by the generator's command line."""
    folder = tmp_path_factory.mktemp("generated") / "data"
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "--lines", "120", str(folder)],
        check=True,
    )
    return folder


def test_generated_folder__check_accepts_it(
    generated: Path, kuvadigi: Kuvadigi
) -> None:
    result = kuvadigi("check", "--data", str(generated))

    assert result.exit_code == 0, result.stdout + result.stderr
    # Only notes (the rounded shares), never a figure that disagrees.
    for line in result.stdout.splitlines():
        assert ": note: " in line, line


def test_generated_folder__n_lines_linked_and_groups_of_ten(generated: Path) -> None:
    budget, estimate, programme = (loaded.model for loaded in load_all(generated))

    assert len(budget.projects) == 120
    assert len({project.id for project in budget.projects}) == 120
    assert len({project.name for project in budget.projects}) == 120
    # Half as many cost lines, ten to a group: 60 lines in 6 groups.
    assert len(estimate.lines) == 60
    assert len(estimate.groups) == 6
    # Every 50th line is undescribed (the 50th and the 100th); the rest are linked.
    assert programme.undescribed_budget_lines == ["hanke-000050", "hanke-000100"]
    linked = [line for project in programme.projects for line in project.budget_lines]
    assert len(linked) == 118


def test_generated_folder__same_for_the_same_seed(tmp_path: Path) -> None:
    generate.generate(30, tmp_path / "a")
    generate.generate(30, tmp_path / "b")
    generate.generate(30, tmp_path / "c", seed=7)

    for name in ("budget_2019.yaml", "estimate_2019_2022.yaml", "programme.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (
            tmp_path / "b" / name
        ).read_bytes()
    assert (tmp_path / "a" / "budget_2019.yaml").read_bytes() != (
        tmp_path / "c" / "budget_2019.yaml"
    ).read_bytes()


def test_budget_yaml__published_figures_from_the_line_items() -> None:
    line = generate.Project(
        id="hanke-000001",
        name="Kirjaston verkkopalvelu 1",
        name_en="Library web service 1",
        funding={"digi_investment": 100000, "external": 50000},
        actual=20000,
        committed=None,
    )

    text = generate.budget_yaml([line])

    # total 100 000 + 50 000 = 150 000; remaining 150 000 - 20 000 - 0 = 130 000.
    assert "    total: 150000\n" in text
    assert "    remaining: 130000\n" in text
    assert "    committed:" not in text  # a blank cell stays blank
    assert "  total: 150000\n  funding:\n    digi_investment: 100000\n" in text


def test_share_text__rounded_half_up_to_two_decimals() -> None:
    assert generate.share_text(1, 3) == "33.33"  # 33.333...
    assert generate.share_text(2, 3) == "66.67"  # 66.666...
    assert generate.share_text(1, 8) == "12.50"  # exactly 12.5
    assert generate.share_text(1, 800) == "0.13"  # 0.125 rounds half up


def test_generate__refuses_fewer_than_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "--lines", "0", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 2
    assert "--lines must be at least 1" in result.stderr


# --- the ledgers for the peers ---------------------------------------------------------

_POSTING = re.compile(r"^ +(?P<account>[A-Z][\w:-]*)(?: +(?P<amount>-?[0-9.]+) EUR)?")


def _transactions(text: str, header: re.Pattern[str]) -> list[list[Decimal | None]]:
    """The posting amounts of each transaction (a dated line matching `header`) in a
    ledger's text; other dated entries (opens, assertions) are skipped."""
    found: list[list[Decimal | None]] = []
    current: list[Decimal | None] | None = None
    for line in text.splitlines():
        if re.match(r"\d{4}-", line):
            current = [] if header.match(line) else None
            if current is not None:
                found.append(current)
        elif current is not None and (match := _POSTING.match(line)):
            amount = match["amount"]
            current.append(None if amount is None else Decimal(amount))
    return found


@pytest.mark.parametrize(
    ("write", "header"),
    [
        (ledgers.beancount_ledger, re.compile(r"^\d{4}-\d\d-\d\d \* ")),
        (ledgers.hledger_journal, re.compile(r"^\d{4}-\d\d-\d\d (?!Totals)")),
    ],
    ids=["beancount", "hledger"],
)
def test_ledgers__shipped_budget_balances(
    write: Callable[[Budget], str], header: re.Pattern[str]
) -> None:
    budget = load_all(shipped_data())[0].model
    text = write(budget)

    transactions = _transactions(text, header)

    # Two transactions per budget line (funding, use), each balancing to zero: the
    # published totals and remainings agree with the line items.
    assert len(transactions) == 2 * 16
    for postings in transactions:
        amounts = [amount for amount in postings if amount is not None]
        assert len(amounts) == len(postings), "every amount written out"
        assert sum(amounts, Decimal(0)) == 0, postings
    # The totals row is asserted: 68 098 actual, as the document prints it.
    assert re.search(r"Expenses:Actual  (0 EUR =\* )?68098 EUR", text)
