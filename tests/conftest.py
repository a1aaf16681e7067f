"""Shared fixtures: the shipped data, a private copy of it, and the CLI run in-process."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kuvadigi.cli import app
from kuvadigi.loader import shipped_data

REPO = Path(__file__).resolve().parent.parent

# A copy of the shipped data is the user's own: it leaves the shipped-data marker behind.
OWN_COPY = shutil.ignore_patterns(".kuvadigi-shipped")
SOURCE_DOCUMENT = REPO.parent / "shared" / "seeds" / "000_fce081cd1c7e119c.txt"


@dataclass(frozen=True)
class Run:
    """What a kuvadigi run printed and how it ended."""

    exit_code: int
    stdout: str
    stderr: str


Kuvadigi = Callable[..., Run]


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test, and every kuvadigi it starts, keeps its cache of validated data in
    a folder of the test run's own, never in the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KUVADIGI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("KUVADIGI_NO_CACHE", raising=False)
        yield


@pytest.fixture
def kuvadigi(monkeypatch: pytest.MonkeyPatch) -> Kuvadigi:
    """Run `kuvadigi ARGS...` in-process, in English unless --lang says otherwise, with
    a terminal 200 columns wide so tables keep one row per line, from the repository's
    folder (paths in messages read `data/...`, wherever pytest was started)."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("KUVADIGI_DATA", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str, env: dict[str, str] | None = None) -> Run:
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data folder, free to change."""
    folder = tmp_path / "data"
    shutil.copytree(shipped_data(), folder, ignore=OWN_COPY)
    return folder


def replace_in(path: Path, old: str, new: str, *, count: int = 1) -> int:
    """Replace the first `count` occurrences of `old` in `path`; return the line number
    (from 1) of the first one."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line
