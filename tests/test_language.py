"""Finnish and English: the language chosen, the number formats, Finnish collation and
forgiving project matching, all through the real CLI.

Expected strings are written by hand from the source document's figures; the no-break
spaces babel puts into Finnish numbers are spelled out as \\u00a0.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from kuvadigi import followup_texts
from kuvadigi.collation import sort_key
from kuvadigi.i18n import TEXTS, Lang, format_amount, format_percent
from kuvadigi.loader import shipped_data

from .app_commands import command_names
from .conftest import OWN_COPY, Kuvadigi, replace_in

NBSP = "\u00a0"


# --- number formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "lang", "expected"),
    [
        ("2780000", "fi", f"2{NBSP}780{NBSP}000{NBSP}€"),
        ("2780000", "en", "€2,780,000"),
        ("0", "fi", f"0{NBSP}€"),
        ("1500.5", "fi", f"1{NBSP}500,50{NBSP}€"),
        ("1500.50", "en", "€1,500.50"),
    ],
)
def test_format_amount__whole_euros_without_cents(
    amount: str, lang: str, expected: str
) -> None:
    assert format_amount(Decimal(amount), lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("percent", "lang", "expected"),
    [
        ("43.7", "fi", f"43,7{NBSP}%"),
        ("43.7", "en", "43.7%"),
        ("100.0", "fi", f"100,0{NBSP}%"),
        ("102", "en", "102%"),
        ("74.35", "fi", f"74,35{NBSP}%"),
    ],
)
def test_format_percent__as_many_decimals_as_given(
    percent: str, lang: str, expected: str
) -> None:
    assert format_percent(Decimal(percent), lang) == expected  # type: ignore[arg-type]


def test_budget_table__finnish_figures(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--lang", "fi")

    assert result.exit_code == 0, result.stderr
    # The totals row of the document: 2 780 000, 68 098, 1 347 812, 1 364 090.
    totals = next(line for line in result.stdout.splitlines() if "Yhteensä" in line)
    for figure in ("2 780 000 €", "68 098 €", "1 347 812 €", "1 364 090 €"):
        assert figure.replace(" ", NBSP) in totals
    # (68 098 + 1 347 812) / 2 780 000 = 50.932 % -> 50,9 % at one decimal.
    assert f"50,9{NBSP}%" in totals
    assert "Digiohjelman budjetti 2019, toteuma 2019-01" in result.stdout


def test_budget_table__english_figures(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--lang", "en")

    totals = next(line for line in result.stdout.splitlines() if "Totals" in line)
    for figure in ("€2,780,000", "€68,098", "€1,347,812", "€1,364,090", "50.9%"):
        assert figure in totals
    assert "Programme budget 2019, as of 2019-01" in result.stdout


def test_estimate_table__shares_at_one_decimal_add_up_to_100(
    kuvadigi: Kuvadigi,
) -> None:
    result = kuvadigi("estimate", "--lang", "fi")

    # 6 600 000 / 15 100 000 = 43.709 % -> 43,7 %; 350 000 / 15 100 000 = 2.318 % -> 2,3 %.
    assert f"43,7{NBSP}%" in result.stdout
    shares = [
        Decimal(match.replace(",", "."))
        for line in result.stdout.splitlines()
        if "Lisärahoitustarve" not in line
        for match in re.findall(rf"([0-9]+,[0-9]){NBSP}%", line)
    ]
    assert len(shares) == 10
    assert sum(shares) == Decimal("100.0")


# --- the language chosen ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "title"),
    [
        ({"LANG": "fi_FI.UTF-8"}, "Kustannusarvio 2020"),
        ({"LANG": "en_GB.UTF-8"}, "Cost estimate 2020"),
        ({"LANG": "C.UTF-8"}, "Cost estimate 2020"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8"}, "Kustannusarvio 2020"),
        ({"LANG": "fi_FI.UTF-8", "LC_ALL": "en_US.UTF-8"}, "Cost estimate 2020"),
        ({"LC_ALL": "fi_FI.UTF-8", "LC_MESSAGES": "C"}, "Kustannusarvio 2020"),
    ],
)
def test_language__follows_the_locale_variables(
    kuvadigi: Kuvadigi, environment: dict[str, str], title: str
) -> None:
    result = kuvadigi("estimate", "--year", "2020", env=environment)

    assert result.stdout.splitlines()[0] == title


def test_language__option_overrides_the_locale(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi(
        "estimate", "--year", "2020", "--lang", "en", env={"LC_ALL": "fi_FI.UTF-8"}
    )

    assert result.stdout.splitlines()[0] == "Cost estimate 2020"


@dataclass(frozen=True)
class Said:
    """How a command shows its language: the catalogue text `key` (from `i18n.TEXTS`,
    else the follow-up's), up to its first field unless `fields` fill it, is in its
    output; `args` follow the command, `{data}` a copy of the shipped data and `{out}`
    a folder of the run's own."""

    args: str
    key: str
    fields: dict[str, str] | None = None
    exit_code: int = 0
    on_stderr: bool = False


# One per command of the app; a command added without one fails the test below.
SAID = {
    "budget": Said("", "budget.title"),
    "check": Said("", "check.shares_note"),
    "compare": Said("", "compare.title"),
    "estimate": Said("", "estimate.title"),
    "export datapackage": Said(
        "--data {data} --output {out}/open-data", "output.wrote"
    ),
    "export xlsx": Said("--data {data} --output {out}/figures.xlsx", "output.wrote"),
    "forecast": Said("", "forecast.title"),
    "init": Said("{out}/new", "init.next"),
    "programme": Said("", "programme.title"),
    "record": Said(
        "--data {data} --project Ahti --as-of 2019-02 --actual 20000 "
        "--committed 190000",
        "record.done",
    ),
    "report": Said("--data {data} --output {out}/report.html", "output.wrote"),
    "revise": Said(
        "--data {data} --date 2019-05-14 --from 'Kulttuurin kummilapset' "
        "--to 'Tiedolla johtaminen' --amount 30000 --source ict_frame --reason x",
        "revise.done",
    ),
    # The schema is JSON Schema for editors, the same in every language: only the
    # messages about it are told in the language asked for.
    "schema": Said(
        "budgte",
        "usage.bad_argument_choice",
        {"name": "file", "value": "budgte", "choices": "budget, estimate, programme"},
        exit_code=2,
        on_stderr=True,
    ),
    "trend": Said("", "trend.title"),
}


def _said(said: Said, lang: Lang) -> str:
    finnish, english = {**followup_texts.TEXTS, **TEXTS}[said.key]
    text = finnish if lang == "fi" else english
    return text.format(**said.fields) if said.fields else text.split("{")[0].strip()


def test_language__every_command_of_the_app_is_tried() -> None:
    assert sorted(SAID) == sorted(command_names())


@pytest.mark.parametrize("command", command_names())
def test_language__every_command_takes_lang(
    kuvadigi: Kuvadigi, tmp_path: Path, command: str
) -> None:
    said = SAID[command]
    for lang, other in (("fi", "en"), ("en", "fi")):
        # Each language on a copy of its own: a writing command writes it twice.
        out = tmp_path / lang
        data = out / "data"
        shutil.copytree(shipped_data(), data, ignore=OWN_COPY)
        args = shlex.split(said.args.format(data=data, out=out))

        result = kuvadigi(*command.split(), *args, "--lang", lang)

        shown = result.stderr if said.on_stderr else result.stdout
        assert result.exit_code == said.exit_code, result.stderr
        assert _said(said, lang) in shown
        assert _said(said, other) not in shown
    assert kuvadigi(*command.split(), "--lang", "sv").exit_code == 2


def test_names__finnish_in_finnish_english_where_the_data_has_one(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti's English name taken away: English output shows its Finnish name.
    replace_in(
        data_copy / "budget_2019.yaml",
        "    name_en: Ahti open boating resource API\n",
        "",
    )

    finnish = kuvadigi("budget", "--lang", "fi", "--data", str(data_copy)).stdout
    english = kuvadigi("budget", "--lang", "en", "--data", str(data_copy)).stdout

    assert "Vene Helsingissä" in finnish
    assert "Boating in Helsinki" not in finnish
    assert "Boating in Helsinki" in english
    assert "Vene Helsingissä" not in english
    assert "Ahti  " in english


def test_check_findings__in_both_languages(kuvadigi: Kuvadigi) -> None:
    # The published shares 2+44+5+4+8+3+21+10+3+2 add up to 102 %.
    finnish = kuvadigi("check", "--lang", "fi").stdout
    english = kuvadigi("check", "--lang", "en").stdout

    assert f"huomio: julkaistut jakaumat ovat yhteensä 102{NBSP}%" in finnish
    assert "note: the published shares add up to 102%" in english


def test_unknown_project__message_in_finnish(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--project", "Harastuspasi", "--lang", "fi")

    assert result.exit_code == 2
    assert "hanketta 'Harastuspasi' ei löydy" in result.stderr
    assert "tarkoititko: Harrastuspassi?" in result.stderr


# --- Finnish collation -----------------------------------------------------------------


def test_sort_key__finnish_letters_after_z() -> None:
    names = ["Öljy", "Åke", "Ärrä", "Zeta", "Aalto", "Wasa", "Vaasa", "Über", "Ystävä"]

    assert sorted(names, key=lambda name: sort_key(name, "fi")) == [
        "Aalto",
        "Vaasa",
        "Wasa",
        "Über",  # ü sorts as y in Finnish
        "Ystävä",
        "Zeta",
        "Åke",
        "Ärrä",
        "Öljy",
    ]


def test_sort_key__english_files_accented_letters_under_their_base() -> None:
    names = ["Öljy", "Zeta", "Ärrä", "Oma"]

    assert sorted(names, key=lambda name: sort_key(name, "en")) == [
        "Ärrä",
        "Öljy",  # ö as o: "ol" before "om"
        "Oma",
        "Zeta",
    ]


def test_sort_key__case_and_accents_only_break_ties() -> None:
    names = ["éclair", "Eclair", "eclair", "Ecla"]

    assert sorted(names, key=lambda name: sort_key(name, "fi")) == [
        "Ecla",
        "eclair",
        "Eclair",
        "éclair",
    ]


def _csv_ids(text: str) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(text))]


def test_sort_name__finnish_collation_through_the_cli(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    budget = data_copy / "budget_2019.yaml"
    replace_in(budget, "name: Ahti\n", "name: Äänipankki\n")
    replace_in(budget, "name: Palvelutarjotin\n", "name: Övre palvelut\n")
    replace_in(budget, "name: Harrastuspassi\n", "name: Zoo-passi\n")

    result = kuvadigi(
        "budget",
        "--sort",
        "name",
        "--lang",
        "fi",
        "-f",
        "csv",
        "--data",
        str(data_copy),
    )

    assert result.exit_code == 0, result.stderr
    # Python's own order puts Ä (U+00C4) before Ö but both before any small letter;
    # Finnish puts them after Z, in the order Å, Ä, Ö.
    assert _csv_ids(result.stdout)[-3:] == ["harrastuspassi", "ahti", "palvelutarjotin"]
    table = kuvadigi(
        "budget", "--sort", "name", "--lang", "fi", "--data", str(data_copy)
    ).stdout
    assert table.index("Zoo-passi") < table.index("Äänipankki") < table.index("Övre")


def test_sort_name__english_sorts_english_names(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--sort", "name", "--lang", "en", "-f", "csv")

    ids = _csv_ids(result.stdout)
    # Agile experiments..., Ahti open boating..., Boating in Helsinki, ...
    assert ids[:3] == ["ketterat-kokeilut-ja-prototyypit", "ahti", "vene-helsingissa"]
    # ... Service offering for education, Volunteering platform.
    assert ids[-2:] == ["palvelutarjotin", "vapaaehtoistoiminnan-alusta"]


def test_sort_total__largest_first_ties_in_document_order(kuvadigi: Kuvadigi) -> None:
    ids = _csv_ids(kuvadigi("budget", "--sort", "total", "-f", "csv").stdout)

    # 400 000 (Kuvan verkkosivu), 350 000 (Tilavaraus), 300 000 (OmaData), then the
    # 250 000 of Osaamisen kehittäminen; last the two 50 000 lines in document order,
    # then Palvelutarjotin's 30 000.
    assert ids[:4] == [
        "kuvan-verkkosivu-uudistus",
        "tilavarauskokonaisuuden-kehittaminen",
        "omadata-asiakkuus",
        "osaamisen-kehittaminen",
    ]
    assert ids[-3:] == [
        "kulttuurin-kummilapset",
        "tavoitteiden-seuranta",
        "palvelutarjotin",
    ]


def test_estimate_sort_name__within_groups(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--sort", "name", "--lang", "fi")

    text = result.stdout
    # Osaamisen ja toimintakulttuurin kehittäminen: Benchmark..., Henkilöstön..., Muutoksen...
    assert text.index("Benchmark") < text.index("Henkilöstön") < text.index("Muutoksen")
    assert text.index("Osaamisen ja toimintakulttuurin") < text.index("Benchmark")


# --- project matching -----------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "VENE HELSINGISSÄ",
        unicodedata.normalize("NFD", "Vene Helsingissä"),
        "vene helsingissa",
        "  vene   helsingissä ",
        "Boating in Helsinki",
        "boating",
    ],
)
def test_project_matching__normalised_and_case_blind(
    kuvadigi: Kuvadigi, query: str
) -> None:
    result = kuvadigi("budget", "--project", query, "-f", "csv")

    assert result.exit_code == 0, result.stderr
    assert _csv_ids(result.stdout) == ["vene-helsingissa"]


def test_project_matching__typo_without_finnish_letters_is_suggested(
    kuvadigi: Kuvadigi,
) -> None:
    result = kuvadigi("budget", "--project", "vene helsingisa")

    assert result.exit_code == 2
    assert "did you mean: Vene Helsingissä?" in result.stderr
