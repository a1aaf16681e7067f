"""`kuvadigi record` and `kuvadigi revise`: what they write, what they refuse, and that
an interrupted or concurrent run loses nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kuvadigi.loader import shipped_data

from .conftest import REPO, Kuvadigi


def record(kuvadigi: Kuvadigi, folder: Path, *options: str) -> object:
    return kuvadigi("record", "--data", str(folder), *options)


def test_record__writes_the_month_file(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    result = kuvadigi(
        "record", "--data", str(data_copy), "--project", "OmaData",
        "--as-of", "2019-02", "--actual", "41 000", "--committed", "190000.50",
        "--note", 'Invoice 2/2019 "design"',
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Recorded MyData customer relationship as of 2019-02: actual €41,000, "
        "committed €190,000.50"
    )
    text = (data_copy / "followup" / "2019-02.yaml").read_text(encoding="utf-8")
    assert 'as_of: "2019-02"' in text
    assert "  omadata-asiakkuus:\n    actual: 41000\n    committed: 190000.50\n" in text
    assert '    note: "Invoice 2/2019 \\"design\\""\n' in text


def test_record__same_figures_again_change_nothing(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    options = ("-p", "Ahti", "--as-of", "2019-02", "--actual", "1", "--committed", "2")
    assert kuvadigi("record", "--data", str(data_copy), *options).exit_code == 0
    path = data_copy / "followup" / "2019-02.yaml"
    before = path.stat().st_mtime_ns, path.read_bytes()
    again = kuvadigi("record", "--data", str(data_copy), *options)
    assert again.exit_code == 0
    assert "already recorded as of 2019-02; nothing written" in again.stdout
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_record__lines_of_one_month_share_a_file_in_budget_order(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    for project in ("Ahti", "OmaData"):
        result = kuvadigi(
            "record", "--data", str(data_copy), "-p", project, "--as-of", "2019-02",
            "--actual", "30000", "--committed", "20",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    text = (data_copy / "followup" / "2019-02.yaml").read_text(encoding="utf-8")
    # OmaData-asiakkuus is the budget's first line, Ahti its eighth.
    assert text.index("omadata-asiakkuus:") < text.index("ahti:")


@pytest.mark.parametrize("how", ["default", "environment", "option"])
def test_record__never_writes_into_the_shipped_data(
    kuvadigi: Kuvadigi, how: str
) -> None:
    options = ["-p", "Ahti", "--as-of", "2019-02", "--actual", "1", "--committed", "2"]
    env = None
    if how == "environment":
        env = {"KUVADIGI_DATA": str(shipped_data())}
    elif how == "option":
        options += ["--data", str(shipped_data())]
    result = kuvadigi("record", *options, env=env)
    assert result.exit_code == 2
    assert "is the data that comes with kuvadigi" in result.stderr
    assert "kuvadigi init DIR" in result.stderr
    assert not (shipped_data() / "followup").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--actual",
            "12,5",
            "'12,5' has a decimal comma; write the decimals after a dot",
        ),
        ("--actual", "-5", "'-5' is negative"),
        ("--committed", "1e6", "exponent notation"),
        ("--committed", "10.555", "has three decimals"),
        ("--committed", "1000.555", "more than two decimals"),
        ("--as-of", "2019-2", "'2019-2' is not a month; write YYYY-MM"),
        ("--as-of", "2018-12", "no budget for 2018"),
        ("--project", "Harrastuspasi", "did you mean: Harrastuspassi?"),
        ("--note", "two\nlines", "control character or line break"),
    ],
)
def test_record__bad_input_exits_2_and_writes_nothing(
    kuvadigi: Kuvadigi, data_copy: Path, option: str, value: str, message: str
) -> None:
    options = {
        "--project": "Ahti",
        "--as-of": "2019-02",
        "--actual": "10",
        "--committed": "20",
        option: value,
    }
    arguments = [f"{key}={text}" for key, text in options.items()]
    result = kuvadigi("record", "--data", str(data_copy), *arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list((data_copy / "followup").glob("*.yaml")) == []


def test_record__a_note_refused_is_told_in_finnish(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    result = kuvadigi(
        "record", "--data", str(data_copy), "--project", "Ahti", "--as-of", "2019-02",
        "--actual", "10", "--committed", "20", "--note", "two\nlines", "--lang", "fi",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Virhe: --note: tekstissä on ohjausmerkki tai rivinvaihto (U+000A); kirjoita "
        "yksi rivi tavallista tekstiä\n"
    )


def test_record__an_earlier_month_needs_a_correction(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    base = ("--data", str(data_copy), "-p", "Vene")
    assert kuvadigi(
        "record", *base, "--as-of", "2019-03", "--actual", "9000", "--committed", "150000"
    ).exit_code == 0  # fmt: skip

    refused = kuvadigi(
        "record", *base, "--as-of", "2019-02", "--actual", "7000", "--committed", "150000"
    )  # fmt: skip
    assert refused.exit_code == 2
    assert "2019-02 is before the latest month recorded, 2019-03" in refused.stderr

    no_note = kuvadigi(
        "record", *base, "--as-of", "2019-02", "--actual", "7000",
        "--committed", "150000", "--correction",
    )  # fmt: skip
    assert no_note.exit_code == 2
    assert "a correction needs a reason: add --note" in no_note.stderr

    corrected = kuvadigi(
        "record", *base, "--as-of", "2019-02", "--actual", "7000",
        "--committed", "150000", "--correction", "--note", "booked late",
    )  # fmt: skip
    assert corrected.exit_code == 0, corrected.stderr
    text = (data_copy / "followup" / "2019-02.yaml").read_text(encoding="utf-8")
    assert "    correction: true\n" in text
    assert kuvadigi("check", "--data", str(data_copy)).exit_code == 0


def test_record__a_recorded_line_is_replaced_only_by_a_correction(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    base = ("--data", str(data_copy), "-p", "Vene", "--as-of", "2019-02")
    assert kuvadigi(
        "record", *base, "--actual", "9000", "--committed", "150000"
    ).exit_code == 0  # fmt: skip
    refused = kuvadigi("record", *base, "--actual", "9500", "--committed", "150000")
    assert refused.exit_code == 2
    assert (
        "Boating in Helsinki already has figures as of 2019-02 (actual €9,000, "
        "committed €150,000)" in refused.stderr
    )
    replaced = kuvadigi(
        "record", *base, "--actual", "9500", "--committed", "150000",
        "--correction", "--note", "typo",
    )  # fmt: skip
    assert replaced.exit_code == 0, replaced.stderr
    assert "actual: 9500" in (data_copy / "followup" / "2019-02.yaml").read_text()


def test_record__the_budgets_own_month_is_recorded_already(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti as of 2019-01 in the document: actual 0, committed 205 000.
    base = ("--data", str(data_copy), "-p", "Ahti", "--as-of", "2019-01")
    same = kuvadigi("record", *base, "--actual", "0", "--committed", "205000")
    assert same.exit_code == 0
    assert "nothing written" in same.stdout
    other = kuvadigi("record", *base, "--actual", "5000", "--committed", "200000")
    assert other.exit_code == 2
    assert "already has figures as of 2019-01" in other.stderr


def test_record__a_lower_actual_needs_a_correction(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # OmaData's actual as of 2019-01 is 23 064.
    base = ("--data", str(data_copy), "-p", "OmaData", "--as-of", "2019-02")
    lower = kuvadigi("record", *base, "--actual", "20000", "--committed", "200000")
    assert lower.exit_code == 2
    assert "the actual €20,000 is lower than €23,064 as of 2019-01" in lower.stderr
    credit = kuvadigi(
        "record", *base, "--actual", "20000", "--committed", "200000",
        "--correction", "--note", "credit note",
    )  # fmt: skip
    assert credit.exit_code == 0, credit.stderr


def test_record__a_correction_may_not_undercut_a_later_month(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    base = ("--data", str(data_copy), "-p", "OmaData")
    for month, actual in (("2019-02", "41000"), ("2019-03", "60000")):
        assert kuvadigi(
            "record", *base, "--as-of", month, "--actual", actual, "--committed", "1"
        ).exit_code == 0  # fmt: skip
    refused = kuvadigi(
        "record", *base, "--as-of", "2019-02", "--actual", "70000", "--committed", "1",
        "--correction", "--note", "missed an invoice",
    )  # fmt: skip
    assert refused.exit_code == 2
    assert (
        "2019-03 records an actual of €60,000, lower than the new €70,000; correct "
        "2019-03 first" in refused.stderr
    )


def test_record__overspending_is_recorded_and_reported(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti's total is 205 000; 10 000 + 200 000 = 210 000 exceeds it by 5 000.
    result = kuvadigi(
        "record", "--data", str(data_copy), "-p", "Ahti", "--as-of", "2019-02",
        "--actual", "10000", "--committed", "200000",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "exceed the total (€205,000) by €5,000" in result.stdout
    check = kuvadigi("check", "--data", str(data_copy))
    assert check.exit_code == 1
    assert (
        "followup/2019-02.yaml:8: Ahti, as of 2019-02: actual and committed "
        "(€210,000) exceed the total (€205,000) by €5,000" in check.stdout
    )


def test_record__a_failed_write_leaves_the_old_file_and_no_leftovers(
    kuvadigi: Kuvadigi, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ("--data", str(data_copy), "--as-of", "2019-02")
    assert kuvadigi(
        "record", *base, "-p", "Ahti", "--actual", "1", "--committed", "2"
    ).exit_code == 0  # fmt: skip
    path = data_copy / "followup" / "2019-02.yaml"
    before = path.read_bytes()

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = kuvadigi(
        "record", *base, "-p", "Vene", "--actual", "6000", "--committed", "2"
    )  # fmt: skip
    assert result.exit_code == 2
    assert "2019-02.yaml: cannot be written: No space left on device" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [
        ".kuvadigi.lock",
        "2019-02.yaml",
    ]


# A run of kuvadigi in its own process, with os.replace (the rename that puts a new
# file in place) patched: KILL kills the process right before the rename, SLOW
# waits before it so that two runs' read-change-write would overlap without a lock.
_RUN = textwrap.dedent(
    """
    import os, signal, sys, time
    rename, mode = os.replace, sys.argv[1]

    def patched(source, target, **options):
        if str(target).endswith(".yaml"):
            if mode == "KILL":
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(float(mode))
        return rename(source, target, **options)

    os.replace = patched
    from kuvadigi.cli import main
    sys.argv = ["kuvadigi", *sys.argv[2:]]
    main()
    """
)


def _spawn(mode: str, *args: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "KUVADIGI_DATA": ""}
    return subprocess.Popen(
        [sys.executable, "-c", _RUN, mode, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def test_record__killed_before_the_rename_leaves_the_old_file_whole(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    base = ("--data", str(data_copy), "--as-of", "2019-02")
    assert kuvadigi(
        "record", *base, "-p", "Ahti", "--actual", "1", "--committed", "2"
    ).exit_code == 0  # fmt: skip
    path = data_copy / "followup" / "2019-02.yaml"
    before = path.read_bytes()

    killed = _spawn(
        "KILL", "record", *base, "-p", "Vene", "--actual", "6000", "--committed", "4"
    )
    killed.communicate(timeout=60)
    assert killed.returncode == -9

    assert path.read_bytes() == before
    # The new text reached a hidden temporary file only, which no reader takes for data.
    leftovers = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1
    assert "vene-helsingissa" in leftovers[0].read_text(encoding="utf-8")
    assert kuvadigi("check", "--data", str(data_copy)).exit_code == 0

    # The killed run's lock died with it: the next run goes through.
    again = kuvadigi(
        "record", *base, "-p", "Vene", "--actual", "6000", "--committed", "4"
    )  # fmt: skip
    assert again.exit_code == 0, again.stderr
    assert "vene-helsingissa" in path.read_text(encoding="utf-8")


def test_record__two_runs_at_once_both_kept(data_copy: Path) -> None:
    base = ("--data", str(data_copy), "--as-of", "2019-02")
    # Each run waits a second before its rename: without the lock both would read the
    # file before either wrote it, and the later rename would drop the earlier line.
    runs = [
        _spawn(
            "1.0", "record", *base, "-p", name, "--actual", "6000", "--committed", "9"
        )
        for name in ("Ahti", "Vene")
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr

    text = (data_copy / "followup" / "2019-02.yaml").read_text(encoding="utf-8")
    assert "ahti:" in text
    assert "vene-helsingissa:" in text


def test_revise__transfer_and_new_money(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    transfer = kuvadigi(
        "revise", "--data", str(data_copy), "--date", "2019-01-20",
        "--from", "Kulttuurin", "--to", "Tiedolla", "--amount", "30000",
        "--source", "ICT frame", "--reason", "Data strategy first",
    )  # fmt: skip
    # The project names are matched by prefix, the source by its English name.
    assert transfer.exit_code == 0, transfer.stderr
    assert (
        "Culture godchildren €50,000 → €20,000; Knowledge-based management €200,000 "
        "→ €230,000" in transfer.stdout
    )
    new_money = kuvadigi(
        "revise", "--data", str(data_copy), "--date", "2019-01-25", "--to", "Ahti",
        "--amount", "5000", "--source", "external", "--reason", "Partner fee",
    )  # fmt: skip
    assert new_money.exit_code == 0, new_money.stderr

    text = (data_copy / "followup" / "revisions.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "  - date: 2019-01-25\n"
        "    kind: new_money\n"
        "    source: external\n"
        '    reason: "Partner fee"\n'
        "    to:\n"
        "      ahti: 5000\n"
    )
    assert kuvadigi("check", "--data", str(data_copy)).exit_code == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ("--from", "Kulttuurin", "--amount", "60000", "--source", "ict_frame"),
            "Culture godchildren has only €50,000 of ICT frame as of 2019-03-01; "
            "cannot move €60,000",
        ),
        (
            ("--from", "Kulttuurin", "--amount", "100", "--source", "digi_investment"),
            "has only €0 of Digital investment appropriation",
        ),
        (
            ("--from", "Tiedolla", "--amount", "100", "--source", "ict_frame"),
            "--from and --to name the same project",
        ),
        (("--amount", "0", "--source", "external"), "must be more than 0"),
        (("--amount", "10", "--source", "lottery"), "no funding source 'lottery'"),
    ],
)
def test_revise__refused(
    kuvadigi: Kuvadigi, data_copy: Path, options: tuple[str, ...], message: str
) -> None:
    result = kuvadigi(
        "revise", "--data", str(data_copy), "--date", "2019-03-01",
        "--to", "Tiedolla", "--reason", "test", *options,
    )  # fmt: skip
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (data_copy / "followup" / "revisions.yaml").exists()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2019-02-30", "'2019-02-30' is not a day of the calendar"),
        ("14.5.2019", "write YYYY-MM-DD"),
        ("2021-05-14", "no budget for 2021"),
    ],
)
def test_revise__bad_date(
    kuvadigi: Kuvadigi, data_copy: Path, date: str, message: str
) -> None:
    result = kuvadigi(
        "revise", "--data", str(data_copy), "--date", date, "--to", "Ahti",
        "--amount", "10", "--source", "external", "--reason", "test",
    )  # fmt: skip
    assert result.exit_code == 2
    assert message in result.stderr


def test_revise__never_writes_into_the_shipped_data(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi(
        "revise", "--date", "2019-03-01", "--to", "Ahti", "--amount", "10",
        "--source", "external", "--reason", "test",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "kuvadigi init DIR" in result.stderr


def test_record__into_a_folder_that_does_not_exist(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    result = kuvadigi(
        "record", "--data", str(missing), "-p", "Ahti", "--as-of", "2019-02",
        "--actual", "1", "--committed", "2",
    )  # fmt: skip
    assert result.exit_code == 2
    assert not missing.exists()


def test_record__refuses_the_repositorys_shipped_data(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    # Installed with `pip install .`, kuvadigi reads its data from site-packages, but the
    # repository's data/ is still the shipped data: its marker keeps writers out, so
    # nothing recorded there can end up in the next wheel.
    repository_data = tmp_path / "data"
    shutil.copytree(REPO / "data", repository_data)

    result = kuvadigi(
        "record", "--data", str(repository_data), "--project", "Ahti",
        "--as-of", "2019-02", "--actual", "1000", "--committed", "204000",
    )  # fmt: skip

    assert result.exit_code == 2
    assert "kuvadigi init DIR" in result.stderr
    assert not (repository_data / "followup").exists()


def test_revise__a_transfer_that_overcommits_the_giver_is_noted(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Ahti: 205 000 external funding, all of it committed. Moving 100 000 away leaves a
    # total of 105 000 under 205 000 committed: 100 000 over, as check will say.
    result = kuvadigi(
        "revise", "--data", str(data_copy), "--date", "2019-01-20", "--from", "Ahti",
        "--to", "Vene Helsingissä", "--amount", "100000", "--source", "external",
        "--reason", "Boats first",
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "Note: actual and committed (€205,000) exceed the total (€105,000) by "
        "€100,000; kuvadigi check reports it."
    )
    assert kuvadigi("check", "--data", str(data_copy)).exit_code == 1
