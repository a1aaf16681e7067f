"""Following the budget through 2019: monthly snapshots, revisions, figures as of a month.

The year below is recorded through the real CLI (`record`, `revise`) on a copy of the
shipped data, and every expected figure is worked out by hand in the comments, from the
source document's January figures:

    line                       total (funding)                     actual  committed
    OmaData-asiakkuus (A)      300 000 (150 000 digi + 150 000 ICT) 23 064    200 000
    Kulttuurin kummilapset (B)  50 000 (ICT)                         blank      blank
    Tiedolla johtaminen (C)    200 000 (digi)                        blank      blank
    Vene Helsingissä (D)       200 000 (100 000 digi + 100 000 ICT)  5 655    150 000
    programme                2 780 000                              68 098  1 347 812
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kuvadigi.cli import app
from kuvadigi.loader import shipped_data

from .conftest import OWN_COPY, Kuvadigi

A, B, C, D = (
    "omadata-asiakkuus",
    "kulttuurin-kummilapset",
    "tiedolla-johtaminen",
    "vene-helsingissa",
)

# (month, project, actual, committed, extra options)
RECORDINGS: list[tuple[str, str, int, int, tuple[str, ...]]] = [
    ("2019-02", A, 41000, 190000, ()),
    ("2019-02", D, 15000, 150000, ()),
    ("2019-03", A, 60000, 170000, ()),
    ("2019-04", C, 10000, 50000, ()),
    ("2019-05", C, 25000, 80000, ()),
    ("2019-06", A, 95000, 140000, ()),
    ("2019-06", D, 40000, 120000, ()),
    # 2019-07: nothing recorded; every line carries over from June.
    ("2019-08", A, 120000, 110000, ()),
    # A credit note of 5 000 lowers D's actual: a correction, with its reason.
    ("2019-09", D, 35000, 120000, ("--correction", "--note", "credit note 9/2019")),
    ("2019-09", C, 70000, 90000, ()),
    ("2019-10", A, 150000, 80000, ()),
    ("2019-10", B, 5000, 10000, ()),
    ("2019-11", D, 90000, 110000, ()),
    ("2019-12", A, 240000, 40000, ()),
    ("2019-12", C, 200000, 30000, ()),
    ("2019-12", D, 190000, 25000, ()),
]

# (date, options): recorded right after the month they fall in.
REVISIONS = {
    # 30 000 of B's ICT frame money goes to C: B 50 000 -> 20 000, C 200 000 -> 230 000.
    "2019-05": (
        "--date", "2019-05-14", "--from", B, "--to", C, "--amount", "30000",
        "--source", "ict_frame", "--reason", "The data strategy goes first",
    ),
    # 20 000 of new external money for D: 200 000 -> 220 000; programme +20 000.
    "2019-11": (
        "--date", "2019-11-05", "--to", D, "--amount", "20000",
        "--source", "external", "--reason", "A grant for winter storage booking",
    ),
}  # fmt: skip

# Expected (total, actual, committed, remaining) per month and line; remaining = total
# - actual - committed, and a blank actual or committed counts as 0.
EXPECTED: dict[str, dict[str, tuple[int, int | None, int | None, int]]] = {
    "2019-02": {
        A: (300000, 41000, 190000, 69000),  # 300 000 - 41 000 - 190 000
        B: (50000, None, None, 50000),
        C: (200000, None, None, 200000),
        D: (200000, 15000, 150000, 35000),  # 200 000 - 15 000 - 150 000
    },
    "2019-03": {
        A: (300000, 60000, 170000, 70000),  # 300 000 - 60 000 - 170 000
        B: (50000, None, None, 50000),
        C: (200000, None, None, 200000),
        D: (200000, 15000, 150000, 35000),  # carried from 2019-02
    },
    "2019-04": {
        A: (300000, 60000, 170000, 70000),
        B: (50000, None, None, 50000),
        C: (200000, 10000, 50000, 140000),  # 200 000 - 10 000 - 50 000
        D: (200000, 15000, 150000, 35000),
    },
    "2019-05": {
        A: (300000, 60000, 170000, 70000),
        B: (20000, None, None, 20000),  # 50 000 - 30 000 transferred
        C: (230000, 25000, 80000, 125000),  # 230 000 - 25 000 - 80 000
        D: (200000, 15000, 150000, 35000),
    },
    "2019-06": {
        A: (300000, 95000, 140000, 65000),  # 300 000 - 95 000 - 140 000
        B: (20000, None, None, 20000),
        C: (230000, 25000, 80000, 125000),
        D: (200000, 40000, 120000, 40000),  # 200 000 - 40 000 - 120 000
    },
    "2019-07": {
        A: (300000, 95000, 140000, 65000),  # nothing recorded: June's figures
        B: (20000, None, None, 20000),
        C: (230000, 25000, 80000, 125000),
        D: (200000, 40000, 120000, 40000),
    },
    "2019-08": {
        A: (300000, 120000, 110000, 70000),  # 300 000 - 120 000 - 110 000
        B: (20000, None, None, 20000),
        C: (230000, 25000, 80000, 125000),
        D: (200000, 40000, 120000, 40000),
    },
    "2019-09": {
        A: (300000, 120000, 110000, 70000),
        B: (20000, None, None, 20000),
        C: (230000, 70000, 90000, 70000),  # 230 000 - 70 000 - 90 000
        D: (200000, 35000, 120000, 45000),  # corrected: 200 000 - 35 000 - 120 000
    },
    "2019-10": {
        A: (300000, 150000, 80000, 70000),  # 300 000 - 150 000 - 80 000
        B: (20000, 5000, 10000, 5000),  # 20 000 - 5 000 - 10 000
        C: (230000, 70000, 90000, 70000),
        D: (200000, 35000, 120000, 45000),
    },
    "2019-11": {
        A: (300000, 150000, 80000, 70000),
        B: (20000, 5000, 10000, 5000),
        C: (230000, 70000, 90000, 70000),
        D: (220000, 90000, 110000, 20000),  # 220 000 - 90 000 - 110 000
    },
    "2019-12": {
        A: (300000, 240000, 40000, 20000),  # 300 000 - 240 000 - 40 000
        B: (20000, 5000, 10000, 5000),
        C: (230000, 200000, 30000, 0),  # 230 000 - 200 000 - 30 000
        D: (220000, 190000, 25000, 5000),  # 220 000 - 190 000 - 25 000
    },
}

# The programme as of 2019-12. Total: 2 780 000 + 20 000 new money (the transfer nets
# to zero) = 2 800 000. Actual: 68 098 - 23 064 (A) - 5 655 (D) + 240 000 + 5 000 +
# 200 000 + 190 000 = 674 379. Committed: 1 347 812 - 200 000 (A) - 150 000 (D) +
# 40 000 + 10 000 + 30 000 + 25 000 = 1 102 812. Remaining: 2 800 000 - 674 379 -
# 1 102 812 = 1 022 809.
DECEMBER_TOTALS = (2800000, 674379, 1102812, 1022809)


def record_year(folder: Path) -> None:
    """Record the year above month by month through the CLI, each revision after the
    last recording of its month."""
    last_of_month = {month: project for month, project, *_ in RECORDINGS}

    def run(*args: str) -> None:
        result = CliRunner().invoke(app, list(args), env=ENGLISH)
        assert result.exit_code == 0, result.output

    for month, project, actual, committed, extra in RECORDINGS:
        run(
            "record", "--data", str(folder), "--project", project, "--as-of", month,
            "--actual", str(actual), "--committed", str(committed), *extra,
        )  # fmt: skip
        if month in REVISIONS and project == last_of_month[month]:
            run("revise", "--data", str(folder), *REVISIONS[month])


ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "KUVADIGI_DATA": ""}


@pytest.fixture(scope="module")
def recorded_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data with the year above recorded (once per module)."""
    folder = tmp_path_factory.mktemp("year") / "data"
    shutil.copytree(shipped_data(), folder, ignore=OWN_COPY)
    record_year(folder)
    return folder


@pytest.fixture
def year_recorded(recorded_once: Path, tmp_path: Path) -> Path:
    """A private copy of the recorded year, free to change."""
    folder = tmp_path / "year"
    shutil.copytree(recorded_once, folder)
    return folder


def as_of(kuvadigi: Kuvadigi, folder: Path, *options: str) -> dict[str, object]:
    result = kuvadigi("budget", "--data", str(folder), "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout, parse_float=Decimal)
    return document


def _figure(value: object) -> int | None:
    return None if value is None else int(str(value))


def test_followup__every_month_as_computed_by_hand(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    for month, lines in EXPECTED.items():
        document = as_of(kuvadigi, year_recorded, "--as-of", month)
        assert document["as_of"] == month
        projects = {p["id"]: p for p in document["projects"]}  # type: ignore[attr-defined]
        for project_id, (total, actual, committed, remaining) in lines.items():
            got = projects[project_id]
            assert (
                _figure(got["total"]),
                _figure(got["actual"]),
                _figure(got["committed"]),
                _figure(got["remaining"]),
            ) == (total, actual, committed, remaining), (month, project_id)


def test_followup__programme_totals_in_december(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    totals = as_of(kuvadigi, year_recorded)["totals"]
    assert isinstance(totals, dict)
    assert (
        _figure(totals["total"]),
        _figure(totals["actual"]),
        _figure(totals["committed"]),
        _figure(totals["remaining"]),
    ) == DECEMBER_TOTALS


def test_followup__default_is_the_latest_month(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    assert as_of(kuvadigi, year_recorded)["as_of"] == "2019-12"


def test_followup__funding_follows_the_revisions(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    projects = {
        p["id"]: p
        for p in as_of(kuvadigi, year_recorded)["projects"]  # type: ignore[attr-defined]
    }
    # B: ICT 50 000 - 30 000; C: digi 200 000 and ICT 0 + 30 000; D: external +20 000.
    assert projects[B]["funding"]["ict_frame"] == 20000
    assert projects[C]["funding"] == {
        "digi_investment": 200000,
        "ict_frame": 30000,
        "external": None,
    }
    assert projects[D]["funding"]["external"] == 20000


def test_followup__check_is_clean_after_the_year(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    result = kuvadigi("check", "--data", str(year_recorded))
    assert result.exit_code == 0, result.stdout
    assert "/followup/" not in result.stdout


def test_followup__files_hold_only_what_changed(year_recorded: Path) -> None:
    followup = year_recorded / "followup"
    months = sorted(path.name for path in followup.glob("*.yaml"))
    # July has no file; the revisions have one of their own.
    assert "2019-07.yaml" not in months
    assert len(months) == 10 + 1
    december = (followup / "2019-12.yaml").read_text(encoding="utf-8")
    assert "omadata-asiakkuus:" in december
    assert "kulttuurin-kummilapset:" not in december


def test_followup__shipped_budget_file_is_untouched(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    original = (shipped_data() / "budget_2019.yaml").read_bytes()
    assert (year_recorded / "budget_2019.yaml").read_bytes() == original
    assert not (shipped_data() / "followup").exists()
    # As of the budget's own month the figures are the document's.
    january = as_of(kuvadigi, year_recorded, "--as-of", "2019-01")
    totals = january["totals"]
    assert isinstance(totals, dict)
    assert (totals["total"], totals["actual"], totals["remaining"]) == (
        2780000,
        68098,
        1364090,
    )


def test_revisions_view__original_revised_actual_remaining(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    document = as_of(kuvadigi, year_recorded, "--revisions")
    projects = {p["id"]: p for p in document["projects"]}  # type: ignore[attr-defined]
    assert (projects[B]["original"], projects[B]["change"], projects[B]["revised"]) == (
        50000,
        -30000,
        20000,
    )
    assert (projects[C]["original"], projects[C]["revised"]) == (200000, 230000)
    assert (projects[C]["actual"], projects[C]["remaining"]) == (200000, 0)
    totals = document["totals"]
    assert isinstance(totals, dict)
    assert (totals["original"], totals["change"], totals["revised"]) == (
        2780000,
        20000,
        2800000,
    )
    revisions = document["revisions"]
    assert isinstance(revisions, list)
    assert [r["kind"] for r in revisions] == ["transfer", "new_money"]
    assert all(r["counted"] for r in revisions)


def test_revisions_view__before_a_revision_it_is_not_counted(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    document = as_of(kuvadigi, year_recorded, "--revisions", "--as-of", "2019-04")
    projects = {p["id"]: p for p in document["projects"]}  # type: ignore[attr-defined]
    assert projects[B]["revised"] == 50000
    revisions = document["revisions"]
    assert isinstance(revisions, list)
    assert [r["counted"] for r in revisions] == [False, False]

    table = kuvadigi(
        "budget", "--data", str(year_recorded), "--revisions", "--as-of", "2019-04"
    ).stdout
    assert "Revisions dated after 2019-04, so not counted yet: 2." in table


def test_revisions_view__table_lists_the_revisions(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    result = kuvadigi("budget", "--data", str(year_recorded), "--revisions")
    assert result.exit_code == 0, result.stderr
    assert "Programme budget 2019 with revisions, as of 2019-12" in result.stdout
    assert "-€30,000" in result.stdout
    assert (
        "2019-05-14 transfer (ICT frame) of €30,000: Culture godchildren → "
        "Knowledge-based management. The data strategy goes first" in result.stdout
    )
    assert "2019-11-05 new money (External funding) of €20,000" in result.stdout


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--as-of", "2019-13"), "'2019-13' is not a month; write YYYY-MM"),
        (("--as-of", "2018-12"), "no budget for 2018"),
        (("--as-of", "2019-12"), "the latest month recorded is 2019-01"),
        (("--as-of", "2019-03", "--year", "2020"), "2020 is not the year of 2019-03"),
    ],
)
def test_budget_as_of__bad_month(
    kuvadigi: Kuvadigi, data_copy: Path, options: tuple[str, ...], message: str
) -> None:
    result = kuvadigi("budget", "--data", str(data_copy), *options)
    assert result.exit_code == 2
    assert message in result.stderr


def test_budget_as_of__shipped_data_unchanged(kuvadigi: Kuvadigi) -> None:
    plain = kuvadigi("budget", "--format", "json")
    with_month = kuvadigi("budget", "--format", "json", "--as-of", "2019-01")
    assert plain.exit_code == with_month.exit_code == 0
    assert plain.stdout == with_month.stdout


def trend_json(kuvadigi: Kuvadigi, folder: Path, *options: str) -> dict[str, object]:
    result = kuvadigi("trend", "--data", str(folder), "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout, parse_float=Decimal)
    return document


def test_trend__one_line_month_by_month(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    months = trend_json(kuvadigi, year_recorded, "--project", "OmaData")["months"]
    assert isinstance(months, list)
    got = {
        m["month"]: (m["total"], m["actual"], m["committed"], m["remaining"])
        for m in months
    }
    # January is the document's: 300 000 - 23 064 - 200 000 = 76 936.
    assert got.pop("2019-01") == (300000, 23064, 200000, 76936)
    assert got == {month: lines[A] for month, lines in EXPECTED.items()}
    recorded = [m["month"] for m in months if m["recorded"]]
    assert recorded == [
        "2019-01",
        "2019-02",
        "2019-03",
        "2019-06",
        "2019-08",
        "2019-10",
        "2019-12",
    ]


def test_trend__whole_programme(kuvadigi: Kuvadigi, year_recorded: Path) -> None:
    document = trend_json(kuvadigi, year_recorded)
    assert document["project"] is None
    months = document["months"]
    assert isinstance(months, list)
    assert len(months) == 12
    # July: nothing recorded for any line.
    assert [m["month"] for m in months if not m["recorded"]] == ["2019-07"]
    december = months[-1]
    assert (
        december["total"],
        december["actual"],
        december["committed"],
        december["remaining"],
    ) == DECEMBER_TOTALS


def test_trend__table_and_chart(kuvadigi: Kuvadigi, year_recorded: Path) -> None:
    result = kuvadigi("trend", "--data", str(year_recorded), "--project", "OmaData")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "Actual and committed by month, 2019: MyData customer relationship"
    )
    assert any(line.startswith("2019-07 *") for line in lines)
    # December on a 50-cell bar scaled to the 300 000 total: actual 240 000 fills
    # 240/300 x 50 = 40 cells, actual + committed 280 000 fills 46 (46.67 rounded
    # down), so 6 committed cells, and 4 of the total are left; 280/300 = 93.3 %.
    bar = next(line for line in lines if line.startswith("  2019-12 "))
    assert bar == "  2019-12 " + "█" * 40 + "▒" * 6 + "░" * 4 + " 93.3%"
    assert "* nothing recorded that month" in result.stdout


def test_trend__shipped_data_has_one_month(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("trend", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("2019-01,true,2780000,68098,")


def test_revisions_view__lists_only_the_revisions_of_the_lines_shown(
    kuvadigi: Kuvadigi, year_recorded: Path
) -> None:
    document = as_of(kuvadigi, year_recorded, "--revisions", "--project", "Ahti")
    assert document["revisions"] == []
    table = kuvadigi(
        "budget", "--data", str(year_recorded), "--revisions", "-p", "Ahti"
    )
    assert "No revisions." in table.stdout
