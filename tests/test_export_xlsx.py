"""`kuvadigi export xlsx`: a workbook whose totals are live formulas that recalculate
to the source document's figures."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .conftest import Kuvadigi, replace_in

# The source document's figures, as printed in its two tables.
BUDGET_TOTAL = 2_780_000
REMAINING_TOTAL = 1_364_090
ESTIMATE_TOTAL = 15_100_000

# Rows of the budget sheet: title, source, header, then the 16 projects from row 4 in
# the document's order (OmaData-asiakkuus first), the totals row at 4 + 16 = 20.
OMADATA_ROW = 4
BUDGET_TOTALS_ROW = 20
# Cost estimate sheet: 10 cost lines from row 4, the totals row at 14.
ESTIMATE_TOTALS_ROW = 14


def export(kuvadigi: Kuvadigi, path: Path, *args: str) -> Path:
    result = kuvadigi("export", "xlsx", "--output", str(path), *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return path


@pytest.fixture(scope="module")
def english_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workbook of the shipped data, in English, written once for this module."""
    from typer.testing import CliRunner

    from kuvadigi.cli import app

    path = tmp_path_factory.mktemp("xlsx") / "kuvadigi.xlsx"
    result = CliRunner().invoke(
        app,
        ["export", "xlsx", "--output", str(path), "--lang", "en"],
        env={"KUVADIGI_DATA": ""},
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def recalculated(english_workbook: Path) -> dict[tuple[str, str], Any]:
    """Every cell of the English workbook as a formula evaluator computes it."""
    return evaluate(english_workbook)


def evaluate(path: Path) -> dict[tuple[str, str], Any]:
    """(SHEET, CELL) -> value, with every formula computed by the `formulas` package
    (an Excel formula engine independent of kuvadigi); sheet names in upper case, as
    the engine keeps them."""
    import formulas

    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = {}
    for key, ranges in solution.items():
        # A key reads "'[kuvadigi.xlsx]BUDGET 2019'!B20".
        book_and_sheet, _, cell = key.rpartition("!")
        if "]" in book_and_sheet and ":" not in cell:
            sheet = book_and_sheet.strip("'").split("]", 1)[1]
            values[sheet, cell] = ranges.value[0][0]
    return values


def close_to(value: Any, exact: Fraction) -> bool:
    """A ratio computed in floating point by the evaluator, within 1e-12 of `exact`."""
    return abs(Fraction(float(value)) - exact) < Fraction(1, 10**12)


def test_workbook__sheets_in_english(english_workbook: Path) -> None:
    book = load_workbook(english_workbook)
    assert book.sheetnames == [
        "Budget 2019",
        "Cost estimate 2019–2022",
        "Projects 2019",
        "Action areas",
    ]


def test_workbook__line_items_are_values_and_derived_figures_formulas(
    english_workbook: Path,
) -> None:
    sheet = load_workbook(english_workbook)["Budget 2019"]
    row = OMADATA_ROW

    # OmaData-asiakkuus: 150 000 digital investment, 150 000 ICT frame, no external
    # funding (a blank cell), 23 064 actual, 200 000 committed.
    assert [sheet[f"{c}{row}"].value for c in "CDEFG"] == [
        150000,
        150000,
        None,
        23064,
        200000,
    ]
    assert sheet[f"B{row}"].value == f"=SUM(C{row}:E{row})"
    assert sheet[f"H{row}"].value == f"=B{row}-F{row}-G{row}"
    assert sheet[f"I{row}"].value == f'=IF(B{row}=0,"",(F{row}+G{row})/B{row})'
    totals = BUDGET_TOTALS_ROW
    assert sheet[f"A{totals}"].value == "Totals"
    assert sheet[f"B{totals}"].value == f"=SUM(B4:B{totals - 1})"

    estimate = load_workbook(english_workbook)["Cost estimate 2019–2022"]
    assert estimate["G4"].value == "=SUM(C4:F4)"
    assert estimate["H4"].value == '=IF($G$14=0,"",G4/$G$14)'
    assert estimate[f"C{ESTIMATE_TOTALS_ROW}"].value == "=SUM(C4:C13)"


def test_workbook__recalculates_to_the_documents_budget(
    recalculated: dict[tuple[str, str], Any],
) -> None:
    budget = "BUDGET 2019"
    totals = BUDGET_TOTALS_ROW
    # The document's "Yhteensä" row: total, the three funding sources, actual,
    # committed, remaining.
    assert [recalculated[budget, f"{c}{totals}"] for c in "BCDEFGH"] == [
        BUDGET_TOTAL,
        1_250_000,
        810_000,
        720_000,
        68_098,
        1_347_812,
        REMAINING_TOTAL,
    ]
    # OmaData-asiakkuus: 300 000 - 23 064 - 200 000 = 76 936 remaining.
    assert recalculated[budget, f"H{OMADATA_ROW}"] == 76_936
    # Utilisation (68 098 + 1 347 812) / 2 780 000 = 1 415 910 / 2 780 000.
    assert close_to(recalculated[budget, f"I{totals}"], Fraction(1_415_910, 2_780_000))

    # The split by funding source two rows below the totals: 1 250 000 / 2 780 000.
    sources_header = totals + 2
    assert recalculated[budget, f"B{sources_header + 1}"] == 1_250_000
    assert close_to(
        recalculated[budget, f"C{sources_header + 1}"], Fraction(1_250_000, 2_780_000)
    )
    assert close_to(recalculated[budget, f"C{sources_header + 4}"], Fraction(1))


def test_workbook__recalculates_to_the_documents_estimate(
    recalculated: dict[tuple[str, str], Any],
) -> None:
    estimate = "COST ESTIMATE 2019–2022"
    totals = ESTIMATE_TOTALS_ROW
    # The document's "Lisärahoitustarve yhteensä" row.
    assert [recalculated[estimate, f"{c}{totals}"] for c in "CDEFG"] == [
        2_550_000,
        4_350_000,
        4_350_000,
        3_850_000,
        ESTIMATE_TOTAL,
    ]
    # Row 5 is "Digikehityksen hanketoimisto ja ohjelmistokehitys": 6 600 000 in all,
    # 6 600 000 / 15 100 000 of the whole (published rounded as 44 %).
    assert recalculated[estimate, "G5"] == 6_600_000
    assert close_to(recalculated[estimate, "H5"], Fraction(6_600_000, 15_100_000))
    assert close_to(recalculated[estimate, f"H{totals}"], Fraction(1))

    # Totals by group start two rows below the totals row, in the document's group
    # order. Digital services 2019: 1 500 000 + 100 000 + 150 000 = 1 750 000;
    # competence and culture 2020: 600 000 + 100 000 + 100 000 = 800 000.
    groups_header = totals + 2
    assert recalculated[estimate, f"C{groups_header + 2}"] == 1_750_000
    assert recalculated[estimate, f"D{groups_header + 6}"] == 800_000


def test_workbook__projects_take_their_budget_from_the_budget_sheet(
    english_workbook: Path, recalculated: dict[tuple[str, str], Any]
) -> None:
    sheet = load_workbook(english_workbook)["Projects 2019"]
    rows = {sheet[f"A{row}"].value: row for row in range(4, sheet.max_row + 1)}
    shared = rows["Competence development and change support"]

    # One description covers two budget lines: Osaamisen kehittäminen (250 000, 194 990
    # remaining) and Muutosjohtamisen tuki (100 000, 100 000 remaining).
    assert sheet[f"D{shared}"].value == "='Budget 2019'!$B$17+'Budget 2019'!$B$18"
    assert recalculated["PROJECTS 2019", f"D{shared}"] == 350_000
    assert recalculated["PROJECTS 2019", f"E{shared}"] == 294_990
    # The budget line the programme does not describe is listed, said to be so.
    undescribed = rows["Agile experiments and prototypes"]
    assert "no description" in sheet[f"B{undescribed}"].value


def test_workbook__a_changed_figure_carries_through_every_total(
    english_workbook: Path, tmp_path: Path
) -> None:
    # A finance person raises OmaData-asiakkuus's digital investment appropriation from
    # 150 000 to 250 000.
    book = load_workbook(english_workbook)
    book["Budget 2019"][f"C{OMADATA_ROW}"] = 250_000
    changed = tmp_path / "changed.xlsx"
    book.save(changed)

    values = evaluate(changed)
    budget = "BUDGET 2019"
    assert values[budget, f"B{OMADATA_ROW}"] == 400_000  # 250 000 + 150 000
    assert values[budget, f"H{OMADATA_ROW}"] == 176_936  # 400 000 - 23 064 - 200 000
    assert values[budget, f"B{BUDGET_TOTALS_ROW}"] == 2_880_000  # 2 780 000 + 100 000
    assert values[budget, f"H{BUDGET_TOTALS_ROW}"] == 1_464_090  # 1 364 090 + 100 000
    assert values["PROJECTS 2019", "D4"] == 400_000


def test_workbook__libreoffice_recalculates_the_same_totals(
    english_workbook: Path, tmp_path: Path
) -> None:
    # A second, independent spreadsheet program where one is installed: LibreOffice
    # opens the workbook, computes its formulas and writes each sheet's values as CSV.
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip(
            "LibreOffice is not installed; the formulas engine test covers this"
        )
    # Comma-separated, UTF-8, values as computed (not as formatted), every sheet.
    csv_filter = (
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    )
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            csv_filter,
            "--outdir",
            str(tmp_path),
            str(english_workbook),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )

    def row(sheet: str, number: int) -> list[str]:
        text = (tmp_path / f"kuvadigi-{sheet}.csv").read_text(encoding="utf-8")
        return next(itertools.islice(csv.reader(io.StringIO(text)), number - 1, None))

    # The document's totals rows (see the tests above for where they come from).
    assert row("Budget 2019", BUDGET_TOTALS_ROW)[:8] == [
        "Totals",
        "2780000",
        "1250000",
        "810000",
        "720000",
        "68098",
        "1347812",
        "1364090",
    ]
    assert row("Cost estimate 2019–2022", ESTIMATE_TOTALS_ROW)[2:7] == [
        "2550000",
        "4350000",
        "4350000",
        "3850000",
        "15100000",
    ]


def test_workbook__euro_and_percent_formats_frozen_headers_and_widths(
    english_workbook: Path,
) -> None:
    book = load_workbook(english_workbook)
    sheet = book["Budget 2019"]
    assert sheet["C4"].number_format == '"€"#,##0'
    assert sheet["B4"].number_format == '"€"#,##0'
    assert sheet["I4"].number_format == "0.00%"
    # A blank line item keeps the euro format, so a figure typed into it shows as euros.
    assert sheet["E4"].value is None
    assert sheet["E4"].number_format == '"€"#,##0'
    assert sheet.freeze_panes == "B4"
    assert book["Cost estimate 2019–2022"].freeze_panes == "C4"
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width > 10


def test_workbook__chart_of_the_estimate_by_year_and_group(
    english_workbook: Path,
) -> None:
    sheet = load_workbook(english_workbook)["Cost estimate 2019–2022"]
    (chart,) = sheet._charts
    assert chart.grouping == "stacked"
    # One series per group (six in the document), each over the four years.
    assert len(chart.series) == 6
    assert chart.series[0].val.numRef.f == "'Cost estimate 2019–2022'!$C$17:$F$17"
    assert chart.series[0].tx.strRef.f == "'Cost estimate 2019–2022'!$B$17"


def test_workbook__finnish_labels_and_formats(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    book = load_workbook(export(kuvadigi, tmp_path / "fi.xlsx", "--lang", "fi"))
    assert book.sheetnames[0] == "Budjetti 2019"
    sheet = book["Budjetti 2019"]
    assert sheet["A3"].value == "Hanke"
    assert sheet["A4"].value == "OmaData-asiakkuus"
    assert sheet["B4"].number_format == '#,##0 "€"'


def test_workbook__amounts_with_cents_written_exactly(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    # openpyxl on its own writes a Decimal through a float as "%.16g", which gives
    # 927453732501.8199 for this amount.
    replace_in(
        data_copy / "budget_2019.yaml",
        "digi_investment: 150000\n      ict_frame: 150000",
        "digi_investment: 927453732501.82\n      ict_frame: 150000",
    )
    path = export(kuvadigi, tmp_path / "cents.xlsx", "--data", str(data_copy))

    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>927453732501.82</v>" in sheet_xml
    # With cents in the data, every amount shows its cents.
    assert load_workbook(path).active["C4"].number_format == '"€"#,##0.00'


def test_workbook__a_name_like_a_formula_stays_text(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    replace_in(
        data_copy / "budget_2019.yaml",
        "name_en: MyData customer relationship",
        'name_en: "=HYPERLINK(\\"http://example.org\\")"',
    )
    path = export(kuvadigi, tmp_path / "text.xlsx", "--data", str(data_copy))

    cell = load_workbook(path)["Budget 2019"]["A4"]
    assert cell.value == '=HYPERLINK("http://example.org")'
    assert cell.data_type == "s"


def test_export_xlsx__refuses_to_overwrite_without_force(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    path = tmp_path / "kept.xlsx"
    path.write_text("keep me", encoding="utf-8")

    refused = kuvadigi("export", "xlsx", "--output", str(path))
    assert refused.exit_code == 2
    assert f"{path} already exists; add --force to overwrite it" in refused.stderr
    assert path.read_text(encoding="utf-8") == "keep me"

    forced = kuvadigi("export", "xlsx", "--output", str(path), "--force")
    assert forced.exit_code == 0
    assert zipfile.is_zipfile(path)
    assert not list(tmp_path.glob(".*partial"))


def test_export_xlsx__bad_data_writes_nothing(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    line = replace_in(data_copy / "budget_2019.yaml", "actual: 23064", "actual: -5")
    path = tmp_path / "never.xlsx"

    result = kuvadigi("export", "xlsx", "--output", str(path), "--data", str(data_copy))
    assert result.exit_code == 2
    assert f"budget_2019.yaml:{line}:" in result.stderr
    assert list(tmp_path.iterdir()) == [data_copy]


def test_export_xlsx__missing_folder(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    result = kuvadigi("export", "xlsx", "--output", str(tmp_path / "no" / "k.xlsx"))
    assert result.exit_code == 2
    assert "there is no folder" in result.stderr


def test_export_xlsx__a_file_where_the_folder_belongs(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    (tmp_path / "budget.xlsx").write_text("", encoding="utf-8")

    result = kuvadigi(
        "export", "xlsx", "--output", str(tmp_path / "budget.xlsx" / "k.xlsx")
    )

    assert result.exit_code == 2
    assert f"{tmp_path / 'budget.xlsx'} is a file, not a folder" in result.stderr
