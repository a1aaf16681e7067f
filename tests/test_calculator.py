"""The calculator on the source document's figures.

Every expected value here is read from the source document (../shared/seeds/...) or
worked out by hand from it; none is copied from kuvadigi's output.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from kuvadigi import calc
from kuvadigi.loader import load_budget, load_estimate, shipped_data
from kuvadigi.money import largest_remainder

from .conftest import Kuvadigi, replace_in

# The "Digiohjelman budjetti 2019 ja toteuma 1/2019" table, as printed. None is a blank
# cell. Columns: total, digi investment, ICT frame, external, actual, committed, remaining.
BUDGET_TABLE = {
    "OmaData-asiakkuus": (300000, 150000, 150000, None, 23064, 200000, 76936),
    "Harrastusrajapinnan jatkokehitys": (
        100000,
        None,
        100000,
        None,
        None,
        77802,
        22198,
    ),
    "Harrastuspassi": (185000, None, None, 185000, 0, 185000, 0),
    "Kulttuurin kummilapset": (50000, None, 50000, None, None, None, 50000),
    "Kuvan verkkosivu-uudistus ja digitaalinen markkinointi": (
        400000,
        100000,
        150000,
        150000,
        None,
        150000,
        250000,
    ),
    "Tilavarauskokonaisuuden kehittäminen": (
        350000,
        200000,
        150000,
        None,
        38899,
        200000,
        111101,
    ),
    "Vene Helsingissä": (200000, 100000, 100000, None, 5655, 150000, 44345),
    "Ahti": (205000, None, None, 205000, 0, 205000, 0),
    "Palvelutarjotin": (30000, None, None, 30000, None, None, 30000),
    "Vapaaehtoistoiminnan alusta": (100000, None, None, 100000, 0, 100000, 0),
    "Tiedolla johtaminen": (200000, 200000, None, None, None, None, 200000),
    "Ketterät kokeilut ja prototyypit": (110000, None, 110000, None, 480, None, 109520),
    "Henkilökunnan digitaaliset työvälineet": (
        150000,
        150000,
        None,
        None,
        None,
        None,
        150000,
    ),
    "Osaamisen kehittäminen": (250000, 200000, None, 50000, None, 55010, 194990),
    "Muutosjohtamisen tuki": (100000, 100000, None, None, None, None, 100000),
    "Tavoitteiden seuranta": (50000, 50000, None, None, None, 25000, 25000),
}
BUDGET_TOTALS = (2780000, 1250000, 810000, 720000, 68098, 1347812, 1364090)

# The "Kustannusarvio" table: 2019, 2020, 2021, 2022, row total, published share.
ESTIMATE_TABLE = {
    "Strateginen suunnittelu": (100000, 100000, 100000, 50000, 350000, 2),
    "Digikehityksen hanketoimisto ja ohjelmistokehitys": (
        1500000,
        1700000,
        1700000,
        1700000,
        6600000,
        44,
    ),
    "Digitaalisten ohjelmistojen ja alustojen hankinnat": (
        100000,
        200000,
        200000,
        200000,
        700000,
        5,
    ),
    "Palveluiden prosessikehitys ja palvelumuotoilu, ratkaisutoimisto": (
        150000,
        150000,
        150000,
        150000,
        600000,
        4,
    ),
    "Digitaalisen markkinoinnin suunnittelu ja kehittäminen": (
        300000,
        300000,
        300000,
        300000,
        1200000,
        8,
    ),
    "Toimialan kumppanikehittäjäohjelma (startupit, järjestestöt, oppilaitokset jne.)": (
        0,
        100000,
        100000,
        200000,
        400000,
        3,
    ),
    "Laite-, verkko- ja muut infrastruktuurihankinnat": (
        100000,
        1000000,
        1000000,
        1000000,
        3100000,
        21,
    ),
    "Henkilöstön osaamisen kehittäminen": (150000, 600000, 600000, 100000, 1450000, 10),
    "Muutoksen johtaminen ja läpivienti": (100000, 100000, 100000, 100000, 400000, 3),
    "Benchmark & seminaarit & virkamatkat yms.": (
        50000,
        100000,
        100000,
        50000,
        300000,
        2,
    ),
}
YEAR_TOTALS = {"2019": 2550000, "2020": 4350000, "2021": 4350000, "2022": 3850000}
GRAND_TOTAL = 15100000

# Shares of the grand total at two decimals, largest remainder, worked out by hand:
# the floors (2.31, 43.70, 4.63, 3.97, 7.94, 2.64, 20.52, 9.60, 2.64, 1.98) add up to
# 99.93, and the seven hundredths missing go to the seven largest remainders
# (20.5298, 2.6490 twice, 43.7086, 2.3178, 7.9470, 1.9867).
SHARES = [
    "2.32",
    "43.71",
    "4.63",
    "3.97",
    "7.95",
    "2.65",
    "20.53",
    "9.60",
    "2.65",
    "1.99",
]


def test_budget_json__every_figure_as_printed(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)

    assert (document["year"], document["as_of"], document["currency"]) == (
        2019,
        "2019-01",
        "EUR",
    )
    printed = {
        p["name"]: (
            p["total"],
            p["funding"]["digi_investment"],
            p["funding"]["ict_frame"],
            p["funding"]["external"],
            p["actual"],
            p["committed"],
            p["remaining"],
        )
        for p in document["projects"]
    }
    assert printed == BUDGET_TABLE
    totals = document["totals"]
    assert (
        totals["total"],
        totals["funding"]["digi_investment"],
        totals["funding"]["ict_frame"],
        totals["funding"]["external"],
        totals["actual"],
        totals["committed"],
        totals["remaining"],
    ) == BUDGET_TOTALS


def test_budget_project__ahti(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--project", "Ahti", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (ahti,) = json.loads(result.stdout)["projects"]

    assert ahti["funding"]["external"] == 205000
    assert ahti["actual"] == 0
    assert ahti["committed"] == 205000
    assert ahti["remaining"] == 0
    assert ahti["utilisation"] == 100


def test_budget_project__totals_cover_the_one_project(kuvadigi: Kuvadigi) -> None:
    document = json.loads(
        kuvadigi("budget", "-p", "vene helsingissä", "-f", "json").stdout
    )

    assert [p["id"] for p in document["projects"]] == ["vene-helsingissa"]
    # Vene Helsingissä: 200 000 total, 5 655 actual, 150 000 committed.
    assert document["totals"]["total"] == 200000
    assert document["totals"]["remaining"] == 44345
    # (5 655 + 150 000) / 200 000 = 77.8275 % -> 77.83
    assert document["totals"]["utilisation"] == 77.83


def test_utilisation__programme(kuvadigi: Kuvadigi) -> None:
    totals = json.loads(kuvadigi("budget", "-f", "json").stdout)["totals"]
    # (68 098 + 1 347 812) / 2 780 000 = 50.9320 %
    assert totals["utilisation"] == 50.93


@pytest.mark.parametrize(
    ("query", "name", "total"),
    [
        ("ahti", "Ahti", 205000),
        ("AHTI", "Ahti", 205000),
        ("Ah", "Ahti", 205000),
        ("omadata", "OmaData-asiakkuus", 300000),
        ("vene-helsingissa", "Vene Helsingissä", 200000),
        ("Vene Helsingissä", "Vene Helsingissä", 200000),
    ],
)
def test_project_matching(
    kuvadigi: Kuvadigi, query: str, name: str, total: int
) -> None:
    result = kuvadigi("budget", "--project", query, "--format", "json")

    assert result.exit_code == 0, result.stderr
    (project,) = json.loads(result.stdout)["projects"]
    # The document's total of the line the query names.
    assert (project["name"], project["total"]) == (name, total)


def test_unknown_project__exit_2_with_closest(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--project", "Harastuspasi")
    assert result.exit_code == 2
    assert "Harrastuspassi" in result.stderr


def test_ambiguous_prefix__exit_2_naming_both(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--project", "Harrastus")
    assert result.exit_code == 2
    assert "Harrastuspassi" in result.stderr
    assert "Harrastusrajapinnan jatkokehitys" in result.stderr


def test_estimate_json__every_figure_as_printed(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)

    assert document["years"] == [2019, 2020, 2021, 2022]
    printed = {
        line["name"]: (*(line["amounts"][year] for year in YEAR_TOTALS), line["total"])
        for line in document["lines"]
    }
    assert printed == {name: figures[:5] for name, figures in ESTIMATE_TABLE.items()}
    assert document["year_totals"] == YEAR_TOTALS
    assert document["total"] == GRAND_TOTAL
    assert [
        str(Decimal(str(line["share"])).quantize(Decimal("0.01")))
        for line in document["lines"]
    ] == SHARES
    # The document's own Jakauma column and its total, as printed.
    assert {line["name"]: line["published_share"] for line in document["lines"]} == {
        name: figures[5] for name, figures in ESTIMATE_TABLE.items()
    }
    assert document["published_share_total"] == 100


def test_estimate_json__one_year_has_no_published_share(kuvadigi: Kuvadigi) -> None:
    document = json.loads(kuvadigi("estimate", "--year", "2020", "-f", "json").stdout)

    assert {line["published_share"] for line in document["lines"]} == {None}
    assert document["published_share_total"] is None
    assert document["total"] == 4_350_000


def test_estimate_json__shares_are_exact_decimals(kuvadigi: Kuvadigi) -> None:
    text = kuvadigi("estimate", "-f", "json").stdout
    # Written from Decimal text, never through a float: 43.71, not 43.71000000000001.
    assert '"share": 43.71' in text
    assert '"share": 9.60' in text
    assert sum(
        json.loads(text, parse_float=Decimal)["lines"][i]["share"] for i in range(10)
    ) == Decimal("100.00")


def test_estimate_year__2020(kuvadigi: Kuvadigi) -> None:
    document = json.loads(kuvadigi("estimate", "--year", "2020", "-f", "json").stdout)

    assert document["years"] == [2020]
    assert document["total"] == 4350000
    # Each line's share of 2020's 4 350 000, largest remainder at two decimals, by hand:
    # 1 700 000 / 4 350 000 = 39.0804 %, 1 000 000 / 4 350 000 = 22.9885 %.
    shares = {line["id"]: line["share"] for line in document["lines"]}
    assert shares["project-office-and-software-development"] == 39.08
    assert shares["infrastructure-procurement"] == 22.99
    assert sum(Decimal(str(s)) for s in shares.values()) == 100


def test_estimate_unknown_year__exit_2_names_years(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--year", "2023")
    assert result.exit_code == 2
    assert "2019, 2020, 2021, 2022" in result.stderr


def test_check__shipped_data_reconciles_with_rounding_note(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("check")
    assert result.exit_code == 0, result.stdout + result.stderr
    (note,) = result.stdout.strip().splitlines()
    # 2 + 44 + 5 + 4 + 8 + 3 + 21 + 10 + 3 + 2 = 102
    assert "note:" in note
    assert "102" in note
    assert "estimate_2019_2022.yaml:" in note


def test_check__changed_published_remaining__exit_1_at_its_line(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    budget = data_copy / "budget_2019.yaml"
    line = replace_in(budget, "remaining: 44345", "remaining: 44354")

    result = kuvadigi("check", "--data", str(data_copy))

    assert result.exit_code == 1
    assert f"budget_2019.yaml:{line}: " in result.stdout
    assert "Vene Helsingissä" in result.stdout
    assert "44,354" in result.stdout
    assert "44,345" in result.stdout


def test_check__changed_line_item__exit_1(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    # Ahti's committed 205 000 -> 200 000: its remaining (0) and the totals row's committed
    # (1 347 812) and remaining (1 364 090) no longer follow.
    replace_in(data_copy / "budget_2019.yaml", "committed: 205000", "committed: 200000")

    result = kuvadigi("check", "--data", str(data_copy), "--format", "json")

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["ok"] is False
    errors = [f["message"] for f in document["findings"] if f["severity"] == "error"]
    assert len(errors) == 3
    assert any("Ahti" in message and "5,000" in message for message in errors)


def test_check__changed_estimate_amount__row_and_year_totals(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    estimate = data_copy / "estimate_2019_2022.yaml"
    replace_in(estimate, "2022: 50000}", "2022: 60000}")

    result = kuvadigi("check", "--data", str(data_copy), "-f", "json")

    assert result.exit_code == 1
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    # row total 350 000 -> 360 000; 2022: 3 850 000 -> 3 860 000; grand total -> 15 110 000
    assert any("360,000" in m for m in messages)
    assert any("3,860,000" in m for m in messages)
    assert any("15,110,000" in m for m in messages)


def test_check__wrong_published_share(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    # Infrastructure is 3 100 000 / 15 100 000 = 20.53 %, which rounds to 21, not 20.
    line = replace_in(data_copy / "estimate_2019_2022.yaml", "share: 21", "share: 20")

    result = kuvadigi("check", "--data", str(data_copy))

    assert result.exit_code == 1
    assert f"estimate_2019_2022.yaml:{line}: " in result.stdout


def test_check__wrong_published_share_total__named_once(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # The document's shares total is 100 %; a 99 there is wrong whatever the lines say.
    line = replace_in(
        data_copy / "estimate_2019_2022.yaml", "share_total: 100", "share_total: 99"
    )

    english = kuvadigi("check", "--data", str(data_copy))
    finnish = kuvadigi("check", "--data", str(data_copy), "--lang", "fi")

    assert english.exit_code == finnish.exit_code == 1
    assert (
        f"estimate_2019_2022.yaml:{line}: total of the shares: the document says 99%, "
        "the exact share 100.00% rounds to 100%"
    ) in english.stdout
    assert (
        f"estimate_2019_2022.yaml:{line}: Jakauma yhteensä: asiakirjassa 99\u00a0%, "
        "tarkka osuus 100,00\u00a0% pyöristyy lukuun 100\u00a0%"
    ) in finnish.stdout


def test_reports__warn_where_a_published_figure_disagrees(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti's published total 205 000 -> 210 000, its funding sources left alone: the
    # reports show the line items' 205 000 and say that the file disagrees.
    budget = data_copy / "budget_2019.yaml"
    replace_in(budget, "    total: 205000", "    total: 210000")
    folder = str(data_copy)

    shown = kuvadigi("budget", "--project", "Ahti", "-f", "json", "--data", folder)
    finnish = kuvadigi("programme", "--data", folder, "--lang", "fi")
    estimate = kuvadigi("estimate", "--data", folder)

    assert shown.exit_code == finnish.exit_code == 0
    assert json.loads(shown.stdout)["projects"][0]["total"] == 205000
    assert shown.stderr == (
        f"warning: {budget}: 1 published figure(s) disagree with what the line items "
        "give; kuvadigi uses the line items' figures. `kuvadigi check` lists them.\n"
    )
    assert finnish.stderr.startswith(f"varoitus: {budget}: 1 julkaistua lukua")
    assert estimate.stderr == ""


def test_reports__no_warning_on_the_shipped_data(kuvadigi: Kuvadigi) -> None:
    for command in (["budget"], ["estimate"], ["programme"], ["compare"]):
        assert kuvadigi(*command).stderr == "", command


def test_calc__remaining_and_totals_from_the_models() -> None:
    budget = load_budget(shipped_data()).model
    figures = calc.budget_figures(budget)

    by_name = {p.project.name: p.figures for p in figures.projects}
    assert by_name["OmaData-asiakkuus"].remaining == Decimal(76936)
    assert by_name["Kulttuurin kummilapset"].actual is None  # a blank cell stays blank
    assert by_name["Harrastuspassi"].actual == Decimal(0)  # a printed 0 stays 0
    assert figures.totals.total == Decimal(2780000)
    assert figures.totals.remaining == Decimal(1364090)


def test_calc__funding_source_shares() -> None:
    figures = calc.budget_figures(load_budget(shipped_data()).model)
    # 1 250 000, 810 000 and 720 000 of 2 780 000: 44.9640 %, 29.1367 %, 25.8993 %.
    # Floors 44.96 + 29.13 + 25.89 = 99.98; the two missing hundredths go to the largest
    # remainders, 25.8993 (0.93 of a hundredth) and 29.1367 (0.67), not 44.9640 (0.40).
    assert [s.share_shown for s in figures.sources] == [
        Decimal("44.96"),
        Decimal("29.14"),
        Decimal("25.90"),
    ]


def test_calc__estimate_exact_shares_add_up_to_100() -> None:
    figures = calc.estimate_figures(load_estimate(shipped_data()).model)
    assert sum((line.share for line in figures.lines if line.share), Fraction(0)) == 100
    assert [str(line.share_shown) for line in figures.lines] == SHARES


def test_largest_remainder__thirds() -> None:
    third = Fraction(100, 3)
    assert largest_remainder([third, third, third]) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]


def test_largest_remainder__empty_whole_stays_none() -> None:
    assert largest_remainder([None, Fraction(100)]) == [None, Decimal("100.00")]


def test_check__deleted_totals_row_is_noted(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    budget = data_copy / "budget_2019.yaml"
    text = budget.read_text(encoding="utf-8")
    budget.write_text(text[: text.index("# The published")], encoding="utf-8")

    result = kuvadigi("check", "--data", str(data_copy))

    # Nothing disagrees, but the missing row is said: the lines still give 2 780 000.
    assert result.exit_code == 0
    assert "no published totals row" in result.stdout
    assert "€2,780,000" in result.stdout


def test_budget_several_projects__totals_cover_them(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "-p", "Ahti", "-p", "vene", "-f", "json")
    document = json.loads(result.stdout)

    assert [p["id"] for p in document["projects"]] == ["vene-helsingissa", "ahti"]
    # 200 000 + 205 000 = 405 000; remaining 44 345 + 0.
    assert document["totals"]["total"] == 405000
    assert document["totals"]["remaining"] == 44345


def test_check_json__unreadable_data_as_findings_exit_2(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # A script reading JSON learns why, not only that the run failed.
    line = replace_in(
        data_copy / "budget_2019.yaml", "committed: 205000", "committed: -5"
    )

    result = kuvadigi("check", "--data", str(data_copy), "--format", "json")

    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["ok"] is False
    (finding,) = document["findings"]
    assert (finding["line"], finding["severity"]) == (line, "error")
    assert "'-5'" in finding["message"]
    assert "-5" in result.stderr


def test_check__a_wrong_share_is_found_and_rounding_not_blamed(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Strategic planning's 350 000 of 15 100 000 is 2.32 %, published as 2 %; written
    # as 20 the shares add up to 120, and rounding is not the reason.
    estimate = data_copy / "estimate_2019_2022.yaml"
    line = replace_in(estimate, "share: 2\n", "share: 20\n")

    result = kuvadigi("check", "--data", str(data_copy))

    assert result.exit_code == 1
    (finding,) = result.stdout.strip().splitlines()
    assert f"estimate_2019_2022.yaml:{line}: " in finding
    assert "20%" in finding
    assert "rounded on its own" not in result.stdout
