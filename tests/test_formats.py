"""Output formats: CSV for machines and for Finnish Excel, Markdown to paste, and tables
that stay whole at a narrow terminal and in a pipe. Through the real CLI.

Figures are the source document's (../shared/seeds/...), read off its tables by hand.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import REPO, Kuvadigi, replace_in
from .test_calculator import BUDGET_TABLE, BUDGET_TOTALS

NBSP = "\u00a0"


def _rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


# --- CSV --------------------------------------------------------------------------------


def test_budget_csv__rfc4180_ids_and_plain_numbers(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--format", "csv")

    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == (
        "id,name,name_en,total,digi_investment,ict_frame,external,actual,committed,"
        "remaining,utilisation"
    )
    # A name holding a comma is quoted, per RFC 4180.
    assert '"Hobby API, further development"' in text

    rows = {row["name"]: row for row in _rows(text)}
    for name, figures in BUDGET_TABLE.items():
        row = rows[name]
        columns = (
            "total",
            "digi_investment",
            "ict_frame",
            "external",
            "actual",
            "committed",
            "remaining",
        )
        # A blank cell of the document is an empty field; a printed 0 is 0.
        assert tuple(row[c] for c in columns) == tuple(
            "" if figure is None else str(figure) for figure in figures
        )
    # (23 064 + 200 000) / 300 000 = 74.354... % -> 74.35 at two decimals.
    assert rows["OmaData-asiakkuus"]["utilisation"] == "74.35"


def test_budget_csv__crlf_line_ends() -> None:
    raw = subprocess.run(
        [sys.executable, "-m", "kuvadigi", "budget", "-f", "csv"],
        capture_output=True,
        check=True,
    ).stdout

    # The header and 16 projects, each line ending CRLF as RFC 4180 asks.
    assert raw.count(b"\r\n") == 17
    assert raw.count(b"\n") == 17


def test_budget_csv__no_totals_row_so_a_column_sums_to_the_total(
    kuvadigi: Kuvadigi,
) -> None:
    rows = _rows(kuvadigi("budget", "-f", "csv").stdout)

    assert len(rows) == 16
    assert sum(Decimal(row["total"]) for row in rows) == BUDGET_TOTALS[0]
    assert sum(Decimal(row["remaining"]) for row in rows) == BUDGET_TOTALS[6]


def test_budget_csv_excel__semicolons_decimal_comma_bom(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--format", "csv", "--excel")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\ufeffid;name;name_en;total;")
    rows = _rows(result.stdout.removeprefix("\ufeff"), delimiter=";")
    omadata = rows[0]
    # No thousands separator, a decimal comma: 300000 and 74,35.
    assert omadata["total"] == "300000"
    assert omadata["utilisation"] == "74,35"
    # Commas inside names need no quoting when the separator is a semicolon.
    assert "Hobby API, further development;" in result.stdout


def test_budget_csv_excel__bytes_are_utf8(kuvadigi: Kuvadigi) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kuvadigi", "budget", "-f", "csv", "--excel"],
        capture_output=True,
        check=True,
        env={**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"},
    )

    assert result.stdout.startswith(b"\xef\xbb\xbf")
    assert "Vene Helsingissä".encode() in result.stdout


def test_excel_without_csv__exit_2(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--excel")

    assert result.exit_code == 2
    assert "--excel applies to CSV only" in result.stderr


def test_sources_csv__three_sources_shares_add_up_to_100(kuvadigi: Kuvadigi) -> None:
    rows = _rows(kuvadigi("budget", "--by", "source", "-f", "csv").stdout)

    # 1 250 000, 810 000, 720 000 of 2 780 000 = 44.9640, 29.1367, 25.8993 %; at two
    # decimals by largest remainder: floors 44.96 + 29.13 + 25.89 = 99.98, the two
    # missing hundredths go to the largest remainders (.93 and .67): 29.14 and 25.90.
    assert [(r["id"], r["total"], r["share"]) for r in rows] == [
        ("digi_investment", "1250000", "44.96"),
        ("ict_frame", "810000", "29.14"),
        ("external", "720000", "25.90"),
    ]


def test_estimate_csv__years_as_columns_shares_add_up(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "-f", "csv")
    rows = _rows(result.stdout)

    assert result.stdout.splitlines()[0] == (
        "id,name,name_en,group,2019,2020,2021,2022,total,share"
    )
    strategic = rows[0]
    assert (strategic["2019"], strategic["2022"], strategic["total"]) == (
        "100000",
        "50000",
        "350000",
    )
    assert sum(Decimal(row["share"]) for row in rows) == 100
    assert sum(Decimal(row["total"]) for row in rows) == 15_100_000


def test_check_csv__one_row_per_finding(kuvadigi: Kuvadigi) -> None:
    (note,) = _rows(kuvadigi("check", "-f", "csv").stdout)

    assert note["path"] == "data/estimate_2019_2022.yaml"
    assert note["severity"] == "note"
    assert "102%" in note["message"]


# --- Markdown ---------------------------------------------------------------------------


def test_budget_markdown__github_table(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--project", "Ahti", "-f", "markdown", "--lang", "fi")

    lines = result.stdout.splitlines()
    assert lines[0] == "**Digiohjelman budjetti 2019, toteuma 2019-01**"
    assert lines[2].startswith(
        "| Hanke | Budjetti yhteensä | Digi-investointimääräraha |"
    )
    assert lines[3] == "| --- |" + " ---: |" * 8
    # Ahti: 205 000 total, all external, 0 actual, 205 000 committed, 0 remaining, 100 %.
    amount = f"205{NBSP}000{NBSP}€"
    assert lines[4] == (
        f"| Ahti | {amount} |  |  | {amount} | 0{NBSP}€ | {amount} | 0{NBSP}€ "
        f"| 100,0{NBSP}% |"
    )
    assert lines[5].startswith("| **Yhteensä** | **205")


def test_estimate_markdown__groups_bold_bars_left_out(kuvadigi: Kuvadigi) -> None:
    text = kuvadigi("estimate", "-f", "markdown").stdout

    assert "| **Strategy and planning** |" in text
    assert "█" not in text
    # The document's year totals: 2 550 000, 4 350 000, 4 350 000, 3 850 000.
    assert (
        "| **Additional funding need, total** | **€2,550,000** | **€4,350,000** "
        "| **€4,350,000** | **€3,850,000** | **€15,100,000** | **100.0%** |"
    ) in text


def test_check_markdown(kuvadigi: Kuvadigi) -> None:
    text = kuvadigi("check", "-f", "markdown").stdout

    assert text.splitlines()[0] == "| Place | Severity | Finding |"
    assert "`data/estimate_2019_2022.yaml:" in text


# --- funding sources, bars and the chart ----------------------------------------------


def test_budget_by_source__table_with_shares(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--by", "source")

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # At one decimal: floors 44.9 + 29.1 + 25.8 = 99.8; the remainders .064, .037 and
    # .099 give the two missing tenths to 25.8 and 44.9: 45.0, 29.1, 25.9.
    assert re.search(r"Digital investment appropriation +€1,250,000 +45\.0%", lines[3])
    assert re.search(r"ICT frame +€810,000 +29\.1%", lines[4])
    assert re.search(r"External funding +€720,000 +25\.9%", lines[5])
    assert re.search(r"Totals +€2,780,000 +100\.0%", lines[6])


def test_budget_table__utilisation_bar_scales_with_utilisation(
    kuvadigi: Kuvadigi,
) -> None:
    lines = kuvadigi("budget").stdout.splitlines()

    def bar_of(name: str) -> str:
        line = next(line for line in lines if line.startswith(name))
        return line.split("%", 1)[1].strip()

    # Ten characters at 100 %, drawn to an eighth: 100 % is ten full blocks, 50 % five,
    # 0 % nothing; 77.8 % is 62.24 eighths -> 62 = seven full blocks and six eighths.
    assert bar_of("Hobby pass") == "█" * 10
    assert bar_of("Goal tracking") == "█" * 5
    assert bar_of("Culture godchildren") == ""
    assert bar_of("Boating in Helsinki") == "█" * 7 + "▊"


def test_estimate_chart__four_years_per_group(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--chart", env={"COLUMNS": "80"})

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Cost estimate by group, 2019–2022"
    # Developing digital services: 1 750 000, 2 050 000, 2 050 000, 2 050 000 (7 900 000).
    start = lines.index("Developing digital services  €7,900,000")
    bars = lines[start + 1 : start + 5]
    assert [line.split()[0] for line in bars] == ["2019", "2020", "2021", "2022"]
    assert bars[0].endswith("€1,750,000")
    assert bars[1].endswith("€2,050,000")
    # 2 050 000 is the largest amount of the chart: its bar is the longest.
    longest = max(line.count("█") for line in lines)
    assert bars[1].count("█") == longest
    assert all(len(line) <= 80 for line in lines)


def test_estimate_chart__not_with_another_format(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--chart", "--format", "json")

    assert result.exit_code == 2
    assert "--chart draws in the terminal" in result.stderr


# --- narrow terminals and pipes ---------------------------------------------------------

_EURO_TOKEN = re.compile(r"€[0-9][0-9,]*")
_WHOLE_EURO = re.compile(r"€[0-9]{1,3}(,[0-9]{3})*")


def _euros(amount: int) -> str:
    return f"€{amount:,}"


def _assert_whole(text: str) -> None:
    """Every euro figure in `text` is well-formed: never cut, never wrapped."""
    for token in _EURO_TOKEN.findall(text):
        assert _WHOLE_EURO.fullmatch(token), token


@pytest.mark.parametrize("width", [50, 60, 80])
def test_budget_table__narrow_terminal_keeps_figures_whole(
    kuvadigi: Kuvadigi, width: int
) -> None:
    result = kuvadigi("budget", env={"COLUMNS": str(width)})

    text = result.stdout
    assert all(len(line) <= width for line in text.splitlines()), text
    _assert_whole(text)
    # The essential columns are there for every project: total (and remaining, which
    # still fits at 50), each whole.
    for figures in BUDGET_TABLE.values():
        assert re.search(rf"{re.escape(_euros(figures[0]))}\b", text)
        assert re.search(rf"{re.escape(_euros(figures[6]))}(?![0-9,])", text)
    assert "Left out to fit a terminal" in " ".join(text.split())


def test_budget_table__at_50_columns_says_what_it_left_out(kuvadigi: Kuvadigi) -> None:
    text = " ".join(kuvadigi("budget", env={"COLUMNS": "50"}).stdout.split())

    assert (
        "Left out to fit a terminal 50 columns wide: Digital investment appropriation, "
        "ICT frame, External funding, Actual, Committed, Utilisation."
    ) in text


def test_estimate_table__at_50_columns(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("estimate", "--lang", "fi", env={"COLUMNS": "50"})

    text = result.stdout
    assert all(len(line) <= 50 for line in text.splitlines()), text
    # Every row total whole, e.g. 6 600 000 € and the grand total 15 100 000 €.
    assert f"6{NBSP}600{NBSP}000{NBSP}€" in text
    assert f"15{NBSP}100{NBSP}000{NBSP}€" in text
    assert "2019, 2020, 2021, 2022" in " ".join(text.split())


def test_programme_and_chart__at_50_columns(kuvadigi: Kuvadigi) -> None:
    for command in (
        ["programme"],
        ["estimate", "--chart"],
        ["budget", "--by", "source"],
    ):
        text = kuvadigi(*command, env={"COLUMNS": "50"}).stdout
        assert all(len(line) <= 50 for line in text.splitlines()), (command, text)
        _assert_whole(text)


def _piped(*args: str, **environment: str) -> str:
    """kuvadigi run as a user runs it, its output into a pipe."""
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "KUVADIGI_DATA")
    }
    result = subprocess.run(
        [sys.executable, "-m", "kuvadigi", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
        env={**base, "LANG": "C.UTF-8", "LC_ALL": "", **environment},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _finnish_euros(amount: int) -> str:
    return f"{amount:,}".replace(",", NBSP) + NBSP + "€"


def _figures_on(line: str) -> list[str]:
    """The Finnish euro figures of a table line, left to right."""
    return re.findall(
        rf"(?<![0-9{NBSP}])[0-9]{{1,3}}(?:{NBSP}[0-9]{{3}})*{NBSP}€", line
    )


def test_piped__every_figure_whole_no_escape_codes() -> None:
    text = _piped("budget", "--lang", "fi")

    assert "\x1b" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "Jätetty pois" not in text
    # Into a pipe the table has no width to fit: one line per project, every figure of
    # the document's table whole on its project's line, in the document's order.
    lines = text.splitlines()
    for name, figures in BUDGET_TABLE.items():
        (line,) = [line for line in lines if line.startswith(name + "  ")]
        assert _figures_on(line) == [
            _finnish_euros(figure) for figure in figures if figure is not None
        ]
    (totals,) = [line for line in lines if line.startswith("Yhteensä")]
    assert _figures_on(totals) == [_finnish_euros(figure) for figure in BUDGET_TOTALS]


def test_piped__with_columns_fits_them() -> None:
    text = _piped("estimate", COLUMNS="50")

    assert "\x1b" not in text
    assert all(len(line) <= 50 for line in text.splitlines())
    _assert_whole(text)


def test_no_color__honoured_even_when_colour_is_forced() -> None:
    coloured = _piped("budget", "--by", "source", FORCE_COLOR="1")
    plain = _piped("budget", "--by", "source", FORCE_COLOR="1", NO_COLOR="1")

    colour = re.compile(r"\x1b\[[0-9;]*3[0-9]m")
    assert colour.search(coloured)  # the bars are coloured on a terminal
    assert not colour.search(plain)


def test_excel_csv__a_name_like_a_formula_stays_text(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    budget = data_copy / "budget_2019.yaml"
    budget.write_text(
        budget.read_text(encoding="utf-8").replace("name: Ahti\n", 'name: "=1+2"\n'),
        encoding="utf-8",
    )

    excel = kuvadigi("budget", "--data", str(data_copy), "-f", "csv", "--excel").stdout
    plain = kuvadigi("budget", "--data", str(data_copy), "-f", "csv").stdout

    assert "ahti;'=1+2;" in excel
    # Machine CSV keeps the name exactly as written.
    assert "ahti,=1+2," in plain


@pytest.mark.parametrize(
    ("option", "value"), [("--revisions", None), ("--sort", "name")], ids=str
)
def test_budget_by_source__refuses_options_of_the_projects_table(
    kuvadigi: Kuvadigi, option: str, value: str | None
) -> None:
    extra = [option] if value is None else [option, value]

    result = kuvadigi("budget", "--by", "source", *extra)

    assert result.exit_code == 2
    assert f"{option} is about projects, so leave one of them out" in result.stderr
    assert result.stdout == ""


def test_markdown__a_name_shown_as_written(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    # Pipes would end the cell; asterisks and underscores would make italics.
    replace_in(data_copy / "budget_2019.yaml", "name: Ahti", "name: Ahti | vene*_api_*")

    table = kuvadigi(
        "budget", "-f", "markdown", "--lang", "fi", "--data", str(data_copy)
    ).stdout

    assert "| Ahti \\| vene\\*\\_api\\_\\* |" in table
