"""The cache of validated data: a repeat run takes what an earlier run read, and never
what a changed, damaged or planted file would give.

Each test reads the shipped data (or a copy of it) twice through the loader, with the
cache in a folder of the test's own.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import pickle
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kuvadigi import cache, loader, yamlfast, yamlfile
from kuvadigi.problems import DataError

from .conftest import Kuvadigi, replace_in


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KUVADIGI_CACHE_DIR", str(folder))
    monkeypatch.delenv("KUVADIGI_NO_CACHE", raising=False)
    cache.forget_this_run()
    return folder


def line_of(path: Path, text: str) -> int:
    """The number (from 1) of the first line of `path` that starts with `text`."""
    lines = path.read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.entry")) if folder.exists() else []


def reads_counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the loader reads (YAML, then validation) from now on; a file taken
    from the cache is not among them."""
    calls: list[Path] = []
    load = loader._load_with_values

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        calls.append(path)
        return load(path, *args, **kwargs)

    monkeypatch.setattr(loader, "_load_with_values", counted)
    return calls


def test_repeat_load__taken_from_the_cache(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = loader.load_budget(data_copy).model
    assert len(entries(cache_folder)) == 1

    cache.forget_this_run()  # as in a new run
    reads = reads_counted(monkeypatch)
    again = loader.load_budget(data_copy).model

    assert reads == []
    assert again == first
    # Ahti's figures as the document prints them: 205 000 external funding, committed.
    ahti = next(project for project in again.projects if project.id == "ahti")
    assert ahti.funding == {"external": Decimal(205000)}
    assert ahti.committed == Decimal(205000)


def test_changed_file__read_afresh(cache_folder: Path, data_copy: Path) -> None:
    loader.load_budget(data_copy)
    budget_file = data_copy / "budget_2019.yaml"
    replace_in(
        budget_file,
        "    committed: 205000\n    remaining: 0",
        "    committed: 200000\n    remaining: 5000",
    )

    changed = loader.load_budget(data_copy).model

    ahti = next(project for project in changed.projects if project.id == "ahti")
    assert ahti.committed == Decimal(200000)
    assert len(entries(cache_folder)) == 2


def test_file_with_a_problem__never_cached(cache_folder: Path, data_copy: Path) -> None:
    replace_in(data_copy / "budget_2019.yaml", "as_of: ", "as_off: ")

    for _ in range(2):
        with pytest.raises(DataError):
            loader.load_budget(data_copy)

    assert entries(cache_folder) == []


def test_programme__checked_again_against_a_changed_budget(
    cache_folder: Path, data_copy: Path
) -> None:
    # The programme file stays as it is, but the budget renames the line it links to:
    # the programme kept from the first run must not hide the broken link.
    budget = loader.load_budget(data_copy).model
    loader.load_programme(data_copy, budget)
    replace_in(data_copy / "budget_2019.yaml", "  - id: ahti\n", "  - id: ahti-api\n")
    renamed = loader.load_budget(data_copy).model

    with pytest.raises(DataError) as raised:
        loader.load_programme(data_copy, renamed)

    messages = [str(problem.message) for problem in raised.value.problems]
    assert any("ahti" in message for message in messages), messages


def test_damaged_entry__ignored(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = loader.load_budget(data_copy).model
    (entry,) = entries(cache_folder)
    signed = bytearray(entry.read_bytes())
    signed[-5] ^= 0xFF  # one flipped byte in the pickled record
    entry.write_bytes(bytes(signed))
    cache.forget_this_run()

    again = loader.load_budget(data_copy).model

    assert again == first
    assert entry.read_bytes() != bytes(signed), "the damaged entry is written anew"


def test_entry_signed_with_another_key__ignored(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader.load_budget(data_copy)
    (cache_folder / "key").write_bytes(b"k" * 32)
    cache.forget_this_run()
    reads = reads_counted(monkeypatch)

    loader.load_budget(data_copy)

    assert reads == [data_copy / "budget_2019.yaml"]


def test_planted_pickle__never_unpickled(
    cache_folder: Path, data_copy: Path, tmp_path: Path
) -> None:
    # An entry that would run code when unpickled, signed with the right key (as if
    # the key had leaked): the allow-list of classes refuses it.
    loader.load_budget(data_copy)
    (entry,) = entries(cache_folder)
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = cache._RECORD + pickle.dumps(Planted())
    key = (cache_folder / "key").read_bytes()
    signature = hmac.new(key, payload, hashlib.sha256).digest()
    entry.write_bytes(cache.MAGIC + signature + payload)
    cache.forget_this_run()

    budget = loader.load_budget(data_copy).model

    assert not marker.exists()
    assert budget.year == 2019


def test_folder_open_to_others__not_used(cache_folder: Path, data_copy: Path) -> None:
    cache_folder.mkdir(mode=0o700)
    cache_folder.chmod(0o777)

    loader.load_budget(data_copy)

    assert entries(cache_folder) == []
    assert not (cache_folder / "key").exists()


def test_cache_files__readable_by_the_user_only(
    cache_folder: Path, data_copy: Path
) -> None:
    loader.load_budget(data_copy)

    for path in [cache_folder, cache_folder / "key", *entries(cache_folder)]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_turned_off__nothing_written(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUVADIGI_NO_CACHE", "1")

    loader.load_budget(data_copy)

    assert not cache_folder.exists()


def test_data_folder__left_as_it_was(
    cache_folder: Path, data_copy: Path, kuvadigi: Kuvadigi
) -> None:
    before = sorted(
        (path.name, path.stat().st_mtime_ns) for path in data_copy.iterdir()
    )

    for _ in range(2):
        assert kuvadigi("check", "--data", str(data_copy)).exit_code == 0

    after = sorted((path.name, path.stat().st_mtime_ns) for path in data_copy.iterdir())
    assert after == before
    # The budget, the estimate, the programme, and where the estimate's note points.
    assert len(entries(cache_folder)) == 4


def test_repeat_run__prints_the_same(cache_folder: Path, kuvadigi: Kuvadigi) -> None:
    first = kuvadigi("budget", "--project", "Ahti", "--format", "json")
    again = kuvadigi("budget", "--project", "Ahti", "--format", "json")

    assert again == first
    assert '"remaining": 0' in again.stdout  # 205 000 - 0 - 205 000


def test_same_file_twice_in_a_run__read_once(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `check` reads the budget, and so does its check of the follow-up: one read, even
    # with the cache folder turned off.
    monkeypatch.setenv("KUVADIGI_NO_CACHE", "1")
    reads = reads_counted(monkeypatch)

    first = loader.load_budget(data_copy).model
    again = loader.load_budget(data_copy).model

    assert again is first
    assert reads == [data_copy / "budget_2019.yaml"]
    assert not cache_folder.exists()


def test_repeat_check__findings_located_without_reading_yaml(
    cache_folder: Path,
    data_copy: Path,
    kuvadigi: Kuvadigi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = kuvadigi("check", "--data", str(data_copy))
    cache.forget_this_run()

    def refuse(*args: object) -> object:
        raise AssertionError(f"read again to locate: {args}")

    monkeypatch.setattr(yamlfile, "locate", refuse)
    monkeypatch.setattr(yamlfast, "locate_all", refuse)
    again = kuvadigi("check", "--data", str(data_copy))

    assert again == first
    # The note on the published shares, at the line of share_total in the estimate.
    share_total = line_of(data_copy / "estimate_2019_2022.yaml", "share_total:")
    assert f"estimate_2019_2022.yaml:{share_total}: note:" in again.stdout


def test_changed_file__findings_located_afresh(
    cache_folder: Path, data_copy: Path, kuvadigi: Kuvadigi
) -> None:
    kuvadigi("check", "--data", str(data_copy))
    estimate = data_copy / "estimate_2019_2022.yaml"
    share_total = line_of(estimate, "share_total:")
    # Two comment lines at the top move every line of the estimate down by two.
    estimate.write_text("# moved\n# down\n" + estimate.read_text("utf-8"), "utf-8")

    again = kuvadigi("check", "--data", str(data_copy))

    assert f"estimate_2019_2022.yaml:{share_total + 2}: note:" in again.stdout


def test_size_limit__the_same_as_the_readers() -> None:
    assert cache.MAX_FILE_BYTES == yamlfile.MAX_FILE_BYTES


def test_large_file__its_plain_values_kept_and_validated_again(
    cache_folder: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every file counts as large: its entry holds what its YAML gave, not its record.
    monkeypatch.setattr(cache, "LARGE_FILE_BYTES", 0)
    first = loader.load_budget(data_copy).model
    (entry,) = entries(cache_folder)
    payload = entry.read_bytes()[len(cache.MAGIC) + hashlib.sha256().digest_size :]
    assert payload[:1] == cache._PLAIN_VALUES
    values, _problems = yamlfile.read_values(data_copy / "budget_2019.yaml")
    assert marshal.loads(payload[1:]) == values

    cache.forget_this_run()
    reads = reads_counted(monkeypatch)
    again = loader.load_budget(data_copy).model

    assert reads == []
    assert again == first
    ahti = next(project for project in again.projects if project.id == "ahti")
    assert ahti.committed == Decimal(205000)
    assert ahti.remaining == Decimal(0)
