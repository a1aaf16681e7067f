"""`compare`, and budgets of several years each with its own follow-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Kuvadigi, replace_in


def test_compare__2019_budget_and_estimate(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("compare", "--year", "2019", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    # The document: budget 2 780 000 (1 250 000 + 810 000 + 720 000); the estimate's
    # 2019 column 2 550 000; 2 780 000 - 2 550 000 = 230 000.
    assert document["budget"] == {
        "total": 2780000,
        "funding": {
            "digi_investment": 1250000,
            "ict_frame": 810000,
            "external": 720000,
        },
    }
    assert document["estimate"] == {"additional_funding_need": 2550000}
    assert document["difference"] == 230000
    assert "measure different things" in document["note"]


def test_compare__table_says_what_the_figures_are(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("compare")
    assert result.exit_code == 0, result.stderr
    assert "Difference (budget − estimate)" in result.stdout
    assert "€230,000" in result.stdout
    assert "additional funding need" in result.stdout
    assert "ICT frame and external funding" in result.stdout


@pytest.fixture
def two_years(data_copy: Path) -> Path:
    """The shipped data with a 2020 budget of the same lines (a copy of 2019's)."""
    text = (data_copy / "budget_2019.yaml").read_text(encoding="utf-8")
    path = data_copy / "budget_2020.yaml"
    path.write_text(text, encoding="utf-8")
    replace_in(path, "year: 2019", "year: 2020")
    replace_in(path, 'as_of: "2019-01"', 'as_of: "2020-01"')
    return data_copy


def test_several_years__latest_by_default(kuvadigi: Kuvadigi, two_years: Path) -> None:
    latest = kuvadigi("budget", "--data", str(two_years), "--format", "json")
    assert json.loads(latest.stdout)["year"] == 2020
    earlier = kuvadigi(
        "budget", "--data", str(two_years), "--year", "2019", "--format", "json"
    )
    assert json.loads(earlier.stdout)["year"] == 2019


def test_several_years__each_year_its_own_followup(
    kuvadigi: Kuvadigi, two_years: Path
) -> None:
    for month, actual in (("2019-02", "30000"), ("2020-02", "25000")):
        result = kuvadigi(
            "record", "--data", str(two_years), "-p", "OmaData", "--as-of", month,
            "--actual", actual, "--committed", "0",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    # Each month lands in its own year's file and figures, and both years reconcile.
    assert (two_years / "followup" / "2020-02.yaml").exists()
    assert kuvadigi("check", "--data", str(two_years)).exit_code == 0

    def actual_as_of(*options: str) -> object:
        document = json.loads(
            kuvadigi(
                "budget", "--data", str(two_years), "-p", "OmaData", "--format",
                "json", *options,
            ).stdout
        )  # fmt: skip
        return document["projects"][0]["actual"]

    assert actual_as_of() == 25000
    assert actual_as_of("--year", "2019") == 30000
    assert actual_as_of("--as-of", "2019-02") == 30000


def test_compare__latest_year_against_its_estimate_column(
    kuvadigi: Kuvadigi, two_years: Path
) -> None:
    result = kuvadigi("compare", "--data", str(two_years), "--format", "json")
    document = json.loads(result.stdout)
    # The 2020 copy totals 2 780 000; the estimate's 2020 column is 4 350 000;
    # 2 780 000 - 4 350 000 = -1 570 000.
    assert (document["year"], document["difference"]) == (2020, -1570000)


def test_compare__a_year_without_budget(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("compare", "--year", "2021")
    assert result.exit_code == 2
    assert "no budget for 2021" in result.stderr


def test_several_years__check_reconciles_every_year(
    kuvadigi: Kuvadigi, two_years: Path
) -> None:
    # The 2019 budget is no longer the latest; its published figures and its
    # follow-up are still reconciled. Ahti: 10 000 + 200 000 exceeds 205 000 by 5 000.
    line = replace_in(
        two_years / "budget_2019.yaml", "remaining: 76936", "remaining: 76000"
    )
    result = kuvadigi(
        "record", "--data", str(two_years), "-p", "Ahti", "--as-of", "2019-03",
        "--actual", "10000", "--committed", "200000",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    check = kuvadigi("check", "--data", str(two_years))
    assert check.exit_code == 1
    assert f"budget_2019.yaml:{line}: OmaData-asiakkuus, remaining" in check.stdout
    assert "2019-03.yaml:8: Ahti, as of 2019-03: actual and committed" in check.stdout
