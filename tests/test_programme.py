"""`kuvadigi programme`: the vision, the seven action areas with their 2019 focus
measures, and the 2019 projects with their budget, quirks shown. Through the real CLI;
names and figures are the source document's."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

from .conftest import Kuvadigi

NBSP = "\u00a0"

# The seven action areas and how many focus measures the document lists under each.
AREAS = {
    1: ("Merkityksellistä tekemistä helposti", 6),
    2: ("Palvelumme ja toimintamme tunnetaan", 4),
    3: ("Sujuvat palvelut yhdessä kehittämällä", 6),
    4: ("Osallisuus, yhdenvertaisuus ja yhteisöllisyys", 6),
    5: ("Kulttuurin ja vapaa-ajan ekosysteemi ja kokeilujen alusta", 8),
    6: ("Tieto palveluiden ja toiminnan kehittämisen perustana", 9),
    7: ("Osaamisen, toimintakulttuurin, johtamisen ja työvälineiden kehittäminen", 7),
}


def test_programme__everything_in_finnish(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("programme", "--lang", "fi")

    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert (
        "Digitalisaatiovisio: maailman toimivin kulttuurin ja vapaa-ajan kaupunki"
        in text
    )
    for number, (name, count) in AREAS.items():
        assert f"{number}. {name}" in text
        for measure in range(1, count + 1):
            assert f" {number}.{measure} " in text
    assert "7.4 Kehitetään toimialan toimiltoja" in text  # misprint kept as printed
    assert "Digiohjelman hankkeet 2019" in text


def test_programme__projects_with_total_and_remaining(kuvadigi: Kuvadigi) -> None:
    lines = kuvadigi("programme", "--lang", "fi").stdout.splitlines()

    (line,) = [line for line in lines if line.startswith("Vene Helsingissä  ")]
    # Vene Helsingissä: 200 000 total, 44 345 remaining.
    assert re.split(" +", line)[-2:] == [f"200{NBSP}000{NBSP}€", f"44{NBSP}345{NBSP}€"]
    text = " ".join(" ".join(lines).split())
    assert "Helsingissä on 12 000 veneiden laituripaikkaa" in text


def test_programme__one_description_covers_two_budget_lines(kuvadigi: Kuvadigi) -> None:
    text = kuvadigi("programme", "--lang", "fi").stdout
    lines = text.splitlines()

    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Osaamisen kehittäminen ja")
    )
    block = "\n".join(lines[start : start + 8])
    # 250 000 + 100 000 = 350 000 total; 194 990 + 100 000 = 294 990 remaining.
    assert f"350{NBSP}000{NBSP}€" in lines[start]
    assert f"294{NBSP}990{NBSP}€" in lines[start]
    assert "Yksi kuvaus kattaa 2 budjettiriviä." in block
    assert "Osaamisen kehittäminen" in block
    assert f"250{NBSP}000{NBSP}€" in block
    assert f"194{NBSP}990{NBSP}€" in block
    assert "Muutosjohtamisen tuki" in block


def test_programme__budget_line_without_description_shown(kuvadigi: Kuvadigi) -> None:
    lines = kuvadigi("programme").stdout.splitlines()

    heading = lines.index("Budget lines without a description")
    (line,) = [line for line in lines[heading:] if line.startswith("Agile experiments")]
    # Ketterät kokeilut ja prototyypit: 110 000 total, 480 actual, 109 520 remaining.
    assert line.split()[-2:] == ["€110,000", "€109,520"]
    # Described and undescribed together are the whole budget: 2 780 000, 1 364 090.
    (totals,) = [line for line in lines if line.startswith("Totals")]
    assert totals.split()[-2:] == ["€2,780,000", "€1,364,090"]


def test_programme_area__one_area_only(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("programme", "--area", "3")

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3. Smooth services through co-development"
    assert [line.split()[0] for line in lines[1:]] == [f"3.{n}" for n in range(1, 7)]


def test_programme_area__unknown_exit_2_naming_the_areas(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("programme", "--area", "8")

    assert result.exit_code == 2
    assert (
        "there is no action area 8; the areas are 1, 2, 3, 4, 5, 6, 7" in result.stderr
    )


def test_programme_json(kuvadigi: Kuvadigi) -> None:
    document = json.loads(kuvadigi("programme", "-f", "json").stdout)

    assert len(document["vision"]["parts"]) == 5
    assert [area["number"] for area in document["action_areas"]] == list(AREAS)
    assert sum(len(a["focus_measures"]) for a in document["action_areas"]) == 46
    assert len(document["projects"]) == 14
    (both,) = [p for p in document["projects"] if len(p["budget_lines"]) == 2]
    assert (both["total"], both["remaining"]) == (350000, 294990)
    (undescribed,) = document["undescribed_budget_lines"]
    assert undescribed["id"] == "ketterat-kokeilut-ja-prototyypit"
    everything = document["projects"] + document["undescribed_budget_lines"]
    assert sum(p["total"] for p in everything) == 2_780_000


def test_programme_csv__one_outline_table(kuvadigi: Kuvadigi) -> None:
    rows = list(csv.DictReader(io.StringIO(kuvadigi("programme", "-f", "csv").stdout)))

    assert Counter(row["kind"] for row in rows) == {
        "vision": 1,
        "vision_part": 5,
        "action_area": 7,
        "focus_measure": 46,
        "project": 14,
        "undescribed_budget_line": 1,
    }
    (both,) = [row for row in rows if " " in row["budget_lines"]]
    assert both["budget_lines"] == "osaamisen-kehittaminen muutosjohtamisen-tuki"
    assert (both["total"], both["remaining"]) == ("350000", "294990")


def test_programme_markdown(kuvadigi: Kuvadigi) -> None:
    text = kuvadigi("programme", "-f", "markdown", "--lang", "fi").stdout

    assert text.startswith("# Kulttuurin ja vapaa-ajan digitalisaatio-ohjelma\n")
    assert "### 3. Sujuvat palvelut yhdessä kehittämällä" in text
    assert "- 3.2 Digitalisoidaan resurssivaraukset" in text
    assert "| Hanke | Kuvaus | Budjetti yhteensä | Jäljellä |" in text
    assert "_Yksi kuvaus kattaa 2 budjettiriviä._" in text
    assert "### Budjettirivit ilman kuvausta" in text


def test_programme_area_markdown_and_csv(kuvadigi: Kuvadigi) -> None:
    markdown = kuvadigi("programme", "--area", "2", "-f", "markdown").stdout
    rows = list(
        csv.DictReader(
            io.StringIO(kuvadigi("programme", "--area", "2", "-f", "csv").stdout)
        )
    )

    assert markdown.splitlines()[0] == "### 2. Our services and work are well known"
    assert [row["number"] for row in rows] == ["2", "2.1", "2.2", "2.3", "2.4"]
