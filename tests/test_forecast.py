"""The year-end forecast and its alerts, on the source document's January figures and
on small cases worked out by hand.

Method (kuvadigi/forecast.py): as of the n-th month, run rate = actual / n; projected
spend = actual + max(committed, run rate x (12 - n)); projected remaining = total -
projected spend.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from kuvadigi.calc import LineFigures
from kuvadigi.forecast import project_line
from kuvadigi.money import round_cents

from .conftest import Kuvadigi


def line(total: int, actual: int | None, committed: int | None) -> LineFigures:
    spent = (actual or 0) + (committed or 0)
    return LineFigures(
        total=Decimal(total),
        funding={},
        actual=None if actual is None else Decimal(actual),
        committed=None if committed is None else Decimal(committed),
        remaining=Decimal(total - spent),
        utilisation=None,
    )


def test_project_line__run_rate_beyond_the_commitments() -> None:
    # OmaData-asiakkuus as of 2019-01: run rate 23 064 / 1; 11 months x 23 064 =
    # 253 704 > 200 000 committed; projected 23 064 + 253 704 = 276 768; remaining
    # 300 000 - 276 768 = 23 232.
    forecast = project_line(line(300000, 23064, 200000), 1)
    assert forecast.run_rate == 23064
    assert forecast.projected_spend == 276768
    assert forecast.projected_remaining == 23232
    # 276 768 / 300 000 = 92.256 %
    assert forecast.projected_use == Fraction(92256, 1000)


def test_project_line__commitments_beyond_the_run_rate() -> None:
    # Vene Helsingissä as of 2019-01: 11 x 5 655 = 62 205 < 150 000 committed;
    # projected 5 655 + 150 000 = 155 655; remaining 200 000 - 155 655 = 44 345.
    forecast = project_line(line(200000, 5655, 150000), 1)
    assert forecast.projected_spend == 155655
    assert forecast.projected_remaining == 44345


def test_project_line__december_is_actual_and_committed() -> None:
    # No months left: 190 000 + max(25 000, 0) = 215 000.
    assert project_line(line(220000, 190000, 25000), 12).projected_spend == 215000


def test_project_line__blank_figures_project_nothing() -> None:
    forecast = project_line(line(200000, None, None), 6)
    assert (forecast.run_rate, forecast.projected_spend) == (0, 0)
    assert forecast.projected_remaining == 200000


def test_project_line__rounded_to_cents_only_when_shown() -> None:
    # As of 2019-08 an actual of 5: run rate 5 / 8 = 0.625, shown 0.63 (half up, not
    # to even); projected 5 + 0.625 x 4 = 7.5 exactly.
    forecast = project_line(line(100, 5, None), 8)
    assert forecast.run_rate == Fraction(5, 8)
    assert round_cents(forecast.run_rate) == Decimal("0.63")
    assert forecast.projected_spend == Fraction(15, 2)
    # As of 2019-03 an actual of 10 000: 3 333.33... a month, shown 3 333.33;
    # projected 10 000 + 9 x 10 000 / 3 = 40 000 exactly.
    third = project_line(line(50000, 10000, None), 3)
    assert round_cents(third.run_rate) == Decimal("3333.33")
    assert third.projected_spend == 40000


# The document's January figures, line by line (see the method above, n = 1):
#   harrastusrajapinnan-jatkokehitys 0 + 77 802 committed; 22 198 of 100 000 left
#     (22.198 %) -> unused
#   harrastuspassi 185 000 of 185 000 committed (100 %) before October -> early_use
#   kulttuurin-kummilapset nothing spent: 50 000 (100 %) -> unused
#   kuvan-verkkosivu-uudistus 150 000 committed: 250 000 of 400 000 (62.5 %) -> unused
#   tilavarauskokonaisuuden-kehittaminen 38 899 + 11 x 38 899 = 466 788 > 350 000
#     -> overspend by 116 788
#   vene-helsingissa 44 345 of 200 000 left (22.1725 %) -> unused
#   ahti 205 000 of 205 000 committed -> early_use
#   palvelutarjotin nothing spent -> unused
#   vapaaehtoistoiminnan-alusta 100 000 of 100 000 committed -> early_use
#   tiedolla-johtaminen nothing spent -> unused
#   ketterat-kokeilut 480 + 11 x 480 = 5 760; 104 240 of 110 000 left -> unused
#   henkilokunnan-digitaaliset-tyovalineet nothing spent -> unused
#   osaamisen-kehittaminen 55 010 committed; 194 990 of 250 000 (78 %) -> unused
#   muutosjohtamisen-tuki nothing spent -> unused
#   tavoitteiden-seuranta 25 000 committed; 25 000 of 50 000 (50 %) -> unused
#   omadata-asiakkuus 23 232 of 300 000 left (7.744 %), 74.35 % used -> no alert
JANUARY_ALERTS = [
    ("harrastusrajapinnan-jatkokehitys", "unused"),
    ("harrastuspassi", "early_use"),
    ("kulttuurin-kummilapset", "unused"),
    ("kuvan-verkkosivu-uudistus", "unused"),
    ("tilavarauskokonaisuuden-kehittaminen", "overspend"),
    ("vene-helsingissa", "unused"),
    ("ahti", "early_use"),
    ("palvelutarjotin", "unused"),
    ("vapaaehtoistoiminnan-alusta", "early_use"),
    ("tiedolla-johtaminen", "unused"),
    ("ketterat-kokeilut-ja-prototyypit", "unused"),
    ("henkilokunnan-digitaaliset-tyovalineet", "unused"),
    ("osaamisen-kehittaminen", "unused"),
    ("muutosjohtamisen-tuki", "unused"),
    ("tavoitteiden-seuranta", "unused"),
]


def forecast_json(kuvadigi: Kuvadigi, *options: str) -> dict[str, object]:
    result = kuvadigi("forecast", "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout, parse_float=Decimal)
    return document


def test_forecast__january_alerts_of_the_document(kuvadigi: Kuvadigi) -> None:
    document = forecast_json(kuvadigi)
    alerts = document["alerts"]
    assert isinstance(alerts, list)
    assert [(a["project"], a["kind"]) for a in alerts] == JANUARY_ALERTS
    assert all(set(alert) == {"project", "kind", "message"} for alert in alerts)
    overspend = next(a for a in alerts if a["kind"] == "overspend")
    # 116 788 / 350 000 = 33.3680 %
    assert overspend["message"] == (
        "Premises booking development: projected to spend €466,788, €116,788 (33.4%) "
        "over its total €350,000"
    )


def test_forecast__january_totals_of_the_document(kuvadigi: Kuvadigi) -> None:
    totals = forecast_json(kuvadigi)["totals"]
    # Projected spend: 276 768 + 77 802 + 185 000 + 150 000 + 466 788 + 155 655 +
    # 205 000 + 100 000 + 5 760 + 55 010 + 25 000 = 1 702 783; remaining 2 780 000 -
    # 1 702 783 = 1 077 217; run rate: the actuals, 68 098, over one month.
    assert totals == {
        "total": 2780000,
        "actual": 68098,
        "committed": 1347812,
        "run_rate": 68098,
        "projected_spend": 1702783,
        "projected_remaining": 1077217,
        # 1 702 783 / 2 780 000 = 61.2512... %
        "projected_utilisation": Decimal("61.25"),
    }


def test_forecast__thresholds_are_options(kuvadigi: Kuvadigi) -> None:
    # At 25 %: Vene (22.17 %) and Harrastusrajapinnan (22.20 %) are no longer alerted;
    # at 100 %, "more than 100 % used" holds for no line.
    document = forecast_json(kuvadigi, "--unused", "25", "--early-use", "100")
    alerts = document["alerts"]
    assert isinstance(alerts, list)
    expected = [
        pair
        for pair in JANUARY_ALERTS
        if pair[1] != "early_use"
        and pair[0] not in ("vene-helsingissa", "harrastusrajapinnan-jatkokehitys")
    ]
    assert [(a["project"], a["kind"]) for a in alerts] == expected
    assert document["thresholds"] == {"early_use": 100, "unused": 25}


@pytest.mark.parametrize("value", ["101", "-5", "ninety", "90,5"])
def test_forecast__bad_threshold(kuvadigi: Kuvadigi, value: str) -> None:
    result = kuvadigi("forecast", f"--unused={value}")
    assert result.exit_code == 2
    assert "is not a percentage from 0 to 100" in result.stderr


def test_forecast__early_use_only_before_the_last_quarter(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti: 100 000 actual + 105 000 committed = 205 000, all of its total.
    for month in ("2019-09", "2019-10"):
        result = kuvadigi(
            "record", "--data", str(data_copy), "-p", "Ahti", "--as-of", month,
            "--actual", "100000", "--committed", "105000",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr

    def ahti_alerts(month: str) -> list[str]:
        document = forecast_json(kuvadigi, "--data", str(data_copy), "--as-of", month)
        projects = document["projects"]
        assert isinstance(projects, list)
        return next(p["alerts"] for p in projects if p["id"] == "ahti")

    # 2019-09: n = 9, run rate 100 000 / 9, x 3 = 33 333.33 < 105 000: projected
    # 205 000, no overspend, nothing unused; 100 % used before October.
    assert ahti_alerts("2019-09") == ["early_use"]
    # 2019-10: 100 000 / 10 x 2 = 20 000 < 105 000: the same 205 000, in October.
    assert ahti_alerts("2019-10") == []


def test_forecast__table_shows_alerts_and_method(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("forecast")
    assert result.exit_code == 0, result.stderr
    assert "Year-end forecast 2019, as of 2019-01" in result.stdout
    row = next(
        line for line in result.stdout.splitlines() if "Premises booking" in line
    )
    assert "€466,788" in row
    assert row.rstrip().endswith("overspend")
    assert "Method: run rate = actual / 1 months; the 11 months left" in result.stdout
    assert "Ahti open boating resource API: 100.0% used already" in result.stdout


def test_forecast__in_finnish(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("forecast", "--lang", "fi")
    assert result.exit_code == 0, result.stderr
    assert (
        "Tilavarauskokonaisuuden kehittäminen: ennuste 466\u00a0788\u00a0€ ylittää "
        "budjetin 350\u00a0000\u00a0€ 116\u00a0788\u00a0€ (33,4\u00a0%)"
    ) in result.stdout


def test_forecast__as_of_a_month_not_recorded(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("forecast", "--as-of", "2019-06")
    assert result.exit_code == 2
    assert "no figures as of 2019-06; the latest month recorded is 2019-01" in (
        result.stderr
    )
