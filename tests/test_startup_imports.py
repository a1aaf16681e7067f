"""What kuvadigi loads before it answers: `--version` and `--help` need neither pydantic
nor YAML, and a repeat run that finds its data in the cache validates nothing.

These are behaviour tests, not timings: each run is a fresh interpreter, and the test
looks at which modules it loaded (`sys.modules` when kuvadigi has finished).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

_REPORT_MODULES = """
import json, sys
from kuvadigi.cli import main
sys.argv = ["kuvadigi", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
models = sys.modules.get("kuvadigi.models")
built = models is not None and models.Budget.__pydantic_complete__
print(json.dumps({"modules": sorted(sys.modules), "validator_built": built}), file=sys.stderr)
"""


def finished_run(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """What a fresh `kuvadigi ARGS...` had loaded when it was done: its `modules`, and
    whether the budget's validator was built (`validator_built`)."""
    result = subprocess.run(
        [sys.executable, "-c", _REPORT_MODULES, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", **(env or {})},
    )
    last_line = result.stderr.strip().splitlines()[-1]
    report: dict[str, Any] = json.loads(last_line)
    return report


def top_level(modules: list[str]) -> set[str]:
    return {module.split(".")[0] for module in modules}


@pytest.mark.parametrize("args", [("--version",), ("--help",)], ids=" ".join)
def test_version_and_help__import_neither_pydantic_nor_yaml(
    args: tuple[str, ...],
) -> None:
    loaded = top_level(finished_run(*args)["modules"])

    assert "kuvadigi" in loaded, "the run did happen"
    assert "pydantic" not in loaded
    assert "yaml" not in loaded


def test_repeat_run__validates_nothing(tmp_path: Path) -> None:
    # The first run fills the cache; the second takes the validated records from it,
    # so it loads neither the models nor pydantic, let alone builds a validator.
    env = {"KUVADIGI_CACHE_DIR": str(tmp_path / "cache")}
    first = finished_run("budget", "--project", "Ahti", env=env)

    again = finished_run("budget", "--project", "Ahti", env=env)

    assert first["validator_built"] is True
    assert "kuvadigi.records" in again["modules"], "the run did happen"
    assert "kuvadigi.models" not in again["modules"]
    assert "kuvadigi.followup_models" not in again["modules"]
    assert "pydantic" not in top_level(again["modules"])
    # Nor does it read YAML, or load what only a problem needs.
    assert "yaml" not in top_level(again["modules"])
    assert "kuvadigi.validation" not in again["modules"]


def test_repeat_check__loads_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    # Every file of the shipped data, its follow-up checks included, from the cache.
    env = {"KUVADIGI_CACHE_DIR": str(tmp_path / "cache")}
    finished_run("check", env=env)

    again = finished_run("check", env=env)["modules"]

    assert "kuvadigi.check_followup" in again, "the run did happen"
    assert "pydantic" not in top_level(again)
    assert "yaml" not in top_level(again)


def test_budget_table__loads_no_json_or_csv_writer(tmp_path: Path) -> None:
    env = {"KUVADIGI_CACHE_DIR": str(tmp_path / "cache")}

    modules = finished_run("budget", "--project", "Ahti", env=env)["modules"]

    assert "kuvadigi.render.terminal" in modules, "the table was drawn"
    assert "kuvadigi.render.jsondoc" not in modules
    assert "kuvadigi.render.csvout" not in modules


def test_budget__builds_no_option_adapter(tmp_path: Path) -> None:
    # typer would build a pydantic TypeAdapter for every option; plain values need
    # none (kuvadigi.optionvalues).
    env = {"KUVADIGI_CACHE_DIR": str(tmp_path / "cache")}

    modules = finished_run("budget", "--project", "Ahti", "--format", "json", env=env)

    assert "kuvadigi.optionvalues" in modules["modules"], "the run did happen"
    assert "typer._adapters" not in modules["modules"]
