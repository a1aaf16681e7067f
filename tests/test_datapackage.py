"""`kuvadigi export datapackage`: open data that the Frictionless validator accepts, with
the source document's figures in it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, Kuvadigi, replace_in

FILES = {
    "datapackage.json",
    "funding_sources.csv",
    "groups.csv",
    "projects.csv",
    "budget.csv",
    "estimate.csv",
}


def export(kuvadigi: Kuvadigi, folder: Path, *args: str) -> Path:
    result = kuvadigi("export", "datapackage", "--output", str(folder), *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return folder


def validation_errors(folder: Path) -> list[Any]:
    """What the Frictionless validator finds wrong with the package: every resource's
    schema, types, constraints and foreign keys."""
    import frictionless

    report = frictionless.validate(folder / "datapackage.json")
    return list(report.flatten(["type", "note"]))


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def package(kuvadigi: Kuvadigi, tmp_path: Path) -> Path:
    return export(kuvadigi, tmp_path / "open-data")


def test_datapackage__valid(package: Path) -> None:
    assert {path.name for path in package.iterdir()} == FILES
    assert validation_errors(package) == []


def test_datapackage__validator_catches_a_broken_foreign_key(package: Path) -> None:
    # The check above could not fail if the validator ignored foreign keys.
    replace_in(package / "estimate.csv", ",strategy,", ",no-such-group,")
    assert validation_errors(package) == [
        [
            "foreign-key",
            'for "group": values "no-such-group" not found in the lookup table '
            '"groups" as "id"',
        ]
    ]


def test_datapackage__schemas_name_types_units_and_keys(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in descriptor["resources"]}

    budget = resources["budget"]["schema"]
    fields = {field["name"]: field for field in budget["fields"]}
    assert fields["amount"]["type"] == "number"
    assert fields["amount"]["unit"] == "EUR"
    assert fields["amount"]["columnType"] == "value"
    assert fields["fiscal_year"]["columnType"] == "date:fiscal-year"
    assert budget["primaryKey"] == ["project", "funding_source"]
    assert {
        "fields": "funding_source",
        "reference": {"resource": "funding_sources", "fields": "id"},
    } in budget["foreignKeys"]

    estimate = resources["estimate"]["schema"]
    assert {
        "fields": "group",
        "reference": {"resource": "groups", "fields": "id"},
    } in estimate["foreignKeys"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["sources"] == [
        {
            "title": "Kulttuurin ja vapaa-ajan digitalisaatiosuunnitelma 2019–2022, 26.3.2019"
        }
    ]
    assert descriptor["fiscalPeriod"] == {"start": "2019-01-01", "end": "2022-12-31"}


def test_datapackage__the_documents_figures(package: Path) -> None:
    budget = rows(package, "budget.csv")
    # The funding sources' columns of the document's "Yhteensä" row.
    by_source: dict[str, Decimal] = {}
    for row in budget:
        by_source[row["funding_source"]] = by_source.get(
            row["funding_source"], Decimal(0)
        ) + Decimal(row["amount"])
    assert by_source == {
        "digi_investment": Decimal(1_250_000),
        "ict_frame": Decimal(810_000),
        "external": Decimal(720_000),
    }
    # A blank cell is no row: OmaData-asiakkuus has no external funding.
    assert {
        r["funding_source"] for r in budget if r["project"] == "omadata-asiakkuus"
    } == {
        "digi_investment",
        "ict_frame",
    }

    projects = {row["id"]: row for row in rows(package, "projects.csv")}
    assert sum(Decimal(p["remaining"]) for p in projects.values()) == 1_364_090
    # Ahti: 205 000 external, 0 actual, 205 000 committed, 0 remaining, 100 % used.
    ahti = projects["ahti"]
    assert (ahti["total"], ahti["actual"], ahti["committed"], ahti["remaining"]) == (
        "205000",
        "0",
        "205000",
        "0",
    )
    assert ahti["utilisation"] == "100.00"
    # Harrastusrajapinnan jatkokehitys has a blank actual: an empty cell, not 0.
    assert projects["harrastusrajapinnan-jatkokehitys"]["actual"] == ""

    estimate = rows(package, "estimate.csv")
    assert len(estimate) == 40  # 10 cost lines x 4 years
    by_year: dict[str, Decimal] = {}
    for row in estimate:
        by_year[row["fiscal_year"]] = by_year.get(
            row["fiscal_year"], Decimal(0)
        ) + Decimal(row["amount"])
    assert by_year == {
        "2019": Decimal(2_550_000),
        "2020": Decimal(4_350_000),
        "2021": Decimal(4_350_000),
        "2022": Decimal(3_850_000),
    }


def test_datapackage__cents_written_exactly(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    replace_in(data_copy / "budget_2019.yaml", "actual: 23064", "actual: 23064.05")
    package = export(kuvadigi, tmp_path / "cents", "--data", str(data_copy))

    projects = {row["id"]: row for row in rows(package, "projects.csv")}
    assert projects["omadata-asiakkuus"]["actual"] == "23064.05"
    # 300 000 - 23 064.05 - 200 000
    assert projects["omadata-asiakkuus"]["remaining"] == "76935.95"
    assert validation_errors(package) == []


def test_datapackage__latest_recorded_month(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    recorded = kuvadigi(
        "record",
        "--data",
        str(data_copy),
        "--project",
        "Ahti",
        "--as-of",
        "2019-03",
        "--actual",
        "5000",
        "--committed",
        "200000",
    )
    assert recorded.exit_code == 0, recorded.stderr
    package = export(kuvadigi, tmp_path / "march", "--data", str(data_copy))

    projects = {row["id"]: row for row in rows(package, "projects.csv")}
    assert {row["as_of"] for row in projects.values()} == {"2019-03"}
    # Ahti: 205 000 - 5 000 - 200 000 = 0 remaining.
    ahti = projects["ahti"]
    assert (ahti["actual"], ahti["committed"], ahti["remaining"]) == (
        "5000",
        "200000",
        "0",
    )
    assert validation_errors(package) == []


def test_datapackage__the_same_data_gives_the_same_files(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    first = export(kuvadigi, tmp_path / "first")
    second = export(kuvadigi, tmp_path / "second")
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_datapackage__licence_option(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    package = export(kuvadigi, tmp_path / "cc0", "--licence", "CC0-1.0")
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC0-1.0"


def test_datapackage__refuses_to_overwrite_without_force(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "budget.csv").write_text("keep me", encoding="utf-8")
    (folder / "notes.txt").write_text("not ours", encoding="utf-8")

    refused = kuvadigi("export", "datapackage", "--output", str(folder))
    assert refused.exit_code == 2
    assert "budget.csv already exists; add --force to overwrite it" in refused.stderr
    assert (folder / "budget.csv").read_text(encoding="utf-8") == "keep me"

    export(kuvadigi, folder, "--force")
    assert (
        (folder / "budget.csv").read_text(encoding="utf-8").startswith("fiscal_year,")
    )
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "not ours"


def test_datapackage__output_that_is_a_file(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    file = tmp_path / "open-data"
    file.write_text("", encoding="utf-8")
    result = kuvadigi("export", "datapackage", "--output", str(file))
    assert result.exit_code == 2
    assert "is a file" in result.stderr


def test_export__starts_without_loading_the_heavy_libraries() -> None:
    # --help of the export commands must stay quick: the writers' libraries (openpyxl,
    # jinja2) load only when a file is written, and frictionless never at all.
    probe = (
        "import sys\n"
        "from kuvadigi.cli import app\n"
        "from typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['export', 'datapackage', '--help'])\n"
        "print(sorted(m for m in ('openpyxl', 'jinja2', 'frictionless') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert result.stdout.strip() == "[]"
