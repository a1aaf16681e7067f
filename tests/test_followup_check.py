"""`kuvadigi check` on the follow-up files, written by hand as a controller might: the
findings of figures that do not reconcile (exit 1), and the located errors of files
that cannot be read (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Kuvadigi


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "followup" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(kuvadigi: Kuvadigi, folder: Path) -> tuple[int, str]:
    result = kuvadigi("check", "--data", str(folder))
    return result.exit_code, result.stdout + result.stderr


def test_check__a_lower_actual_without_correction(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Vene Helsingissä: 5 655 in January, 15 000 in February, 12 000 in March.
    write(
        data_copy,
        "2019-02.yaml",
        'as_of: "2019-02"\nprojects:\n  vene-helsingissa:\n'
        "    actual: 15000\n    committed: 150000\n",
    )
    march = (
        'as_of: "2019-03"\nprojects:\n  vene-helsingissa:\n'
        "    actual: 12000\n    committed: 150000\n"
    )
    write(data_copy, "2019-03.yaml", march)
    code, output = check(kuvadigi, data_copy)
    assert code == 1
    assert (
        "followup/2019-03.yaml:4: Vene Helsingissä, as of 2019-03: the actual €12,000 "
        "is lower than €15,000 as of 2019-02, and the entry is not marked as a "
        "correction (correction: true)" in output
    )

    write(data_copy, "2019-03.yaml", march + "    correction: true\n")
    assert check(kuvadigi, data_copy)[0] == 0


def test_check__an_unbalanced_transfer(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    write(
        data_copy,
        "revisions.yaml",
        "revisions:\n"
        "  - date: 2019-03-01\n"
        "    kind: transfer\n"
        "    source: ict_frame\n"
        "    reason: typo in one side\n"
        "    from:\n"
        "      kulttuurin-kummilapset: 30000\n"
        "    to:\n"
        "      tiedolla-johtaminen: 3000\n",
    )
    code, output = check(kuvadigi, data_copy)
    assert code == 1
    assert (
        "followup/revisions.yaml:9: transfer of 2019-03-01: the lines give €30,000 and "
        "receive €3,000; a transfer nets to zero" in output
    )


def test_check__a_transfer_takes_more_than_the_line_has(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Kulttuurin kummilapset has 50 000 of ICT frame money and nothing else.
    write(
        data_copy,
        "revisions.yaml",
        "revisions:\n"
        "  - date: 2019-03-01\n"
        "    kind: transfer\n"
        "    source: digi_investment\n"
        "    reason: wrong source\n"
        "    from:\n"
        "      kulttuurin-kummilapset: 10000\n"
        "    to:\n"
        "      tiedolla-johtaminen: 10000\n",
    )
    code, output = check(kuvadigi, data_copy)
    assert code == 1
    assert (
        "followup/revisions.yaml:7: Kulttuurin kummilapset: the transfer of 2019-03-01 "
        "takes €10,000 of Digi-investointimääräraha, and the line has €0 of it"
        in output
    )


def test_check__a_transfer_leaves_a_line_overspent(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # Harrastusrajapinnan jatkokehitys: total 100 000 (ICT), committed 77 802. Taking
    # 30 000 leaves 70 000, which 77 802 exceeds by 7 802.
    write(
        data_copy,
        "revisions.yaml",
        "revisions:\n"
        "  - date: 2019-03-01\n"
        "    kind: transfer\n"
        "    source: ict_frame\n"
        "    reason: too much\n"
        "    from:\n"
        "      harrastusrajapinnan-jatkokehitys: 30000\n"
        "    to:\n"
        "      tiedolla-johtaminen: 30000\n",
    )
    code, output = check(kuvadigi, data_copy)
    assert code == 1
    assert (
        "followup/revisions.yaml:7: Harrastusrajapinnan jatkokehitys: after the "
        "revision of 2019-03-01 its total €70,000 is €7,802 less than actual and "
        "committed (€77,802)" in output
    )


def test_check__figures_of_a_year_without_budget(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    write(
        data_copy,
        "2020-02.yaml",
        'as_of: "2020-02"\nprojects:\n  ahti:\n    actual: 1\n    committed: 2\n',
    )
    code, output = check(kuvadigi, data_copy)
    # Not a disagreement but a missing file: bad input.
    assert code == 2
    message = "no budget for the figures as of 2020-02 (budget_2020.yaml)"
    assert f"2020-02.yaml: {message}" in output


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  ahti:\n    actual: 1\n    committed: 2\n'
            "    corection: true\n",
            "2019-02.yaml:6:5: unknown key 'corection'",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  ahtti:\n    actual: 1\n    committed: 2\n',
            "2019-02.yaml:3:3: the budget has no project 'ahtti'; did you mean 'ahti'?",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  vene:\n    actual: 1\n    committed: 2\n',
            "2019-02.yaml:3:3: the budget has no project 'vene'; did you mean "
            "'vene-helsingissa'?",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-03"\nprojects:\n  ahti:\n    actual: 1\n    committed: 2\n',
            "2019-02.yaml:1:8: as_of says 2019-03 but the file is 2019-02.yaml",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  ahti:\n    actual: 1,5\n    committed: 2\n',
            "2019-02.yaml:4:13:",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  ahti:\n    actual: 1\n',
            "2019-02.yaml:4:5:",
        ),
        (
            "2019-02.yaml",
            'as_of: "2019-02"\nprojects:\n  ahti:\n    actual: 1\n    committed: 2\n'
            "    correction: yes\n",
            "'yes' is not a flag; write true or false",
        ),
        (
            "2019-2.yaml",
            'as_of: "2019-02"\nprojects: {}\n',
            "2019-2.yaml: is not a follow-up file: name a month's file YYYY-MM.yaml",
        ),
        (
            "2019-02.YAML",
            'as_of: "2019-02"\nprojects: {}\n',
            "2019-02.YAML: is not a follow-up file: name a month's file YYYY-MM.yaml",
        ),
        (
            "revisions.yaml",
            "revisions:\n  - date: 2019-03-01\n    kind: new_money\n"
            "    reason: grant\n    to:\n      ahti: 10\n",
            "revisions.yaml:2:5:",
        ),
        (
            "revisions.yaml",
            "revisions:\n  - date: 2019-03-01\n    kind: new_money\n    source: external\n"
            "    reason: grant\n    from:\n      palvelutarjotin: 10\n    to:\n"
            "      ahti: 10\n",
            "revisions.yaml:6:5: new money comes from the funding source, not from lines",
        ),
        (
            "revisions.yaml",
            "revisions:\n  - date: 2019-03-01\n    kind: transfer\n    source: external\n"
            "    reason: grant\n    to:\n      ahti: 10\n",
            "revisions.yaml:3:11: a transfer names the lines it takes money from",
        ),
        (
            "revisions.yaml",
            "revisions:\n  - date: 2019-03-01\n    kind: new_money\n    source: lottery\n"
            "    reason: grant\n    to:\n      ahti: 10\n",
            "revisions.yaml:4:13: no funding source 'lottery'",
        ),
        (
            "revisions.yaml",
            "revisions:\n  - date: 1.3.2019\n    kind: new_money\n    source: external\n"
            "    reason: grant\n    to:\n      ahti: 10\n",
            "revisions.yaml:2:11:",
        ),
    ],
)
def test_check__a_follow_up_file_that_cannot_be_read(
    kuvadigi: Kuvadigi, data_copy: Path, name: str, text: str, message: str
) -> None:
    write(data_copy, name, text)
    code, output = check(kuvadigi, data_copy)
    assert code == 2
    assert message in output
    # Reports read the same files and refuse them the same way.
    assert kuvadigi("budget", "--data", str(data_copy)).exit_code == 2


def test_check__a_missing_source_is_named(kuvadigi: Kuvadigi, data_copy: Path) -> None:
    write(
        data_copy,
        "revisions.yaml",
        "revisions:\n  - date: 2019-03-01\n    kind: new_money\n"
        "    reason: grant\n    to:\n      ahti: 10\n",
    )
    code, output = check(kuvadigi, data_copy)
    assert code == 2
    assert "source" in output
    assert "missing" in output


def test_check__leftovers_of_an_interrupted_write_are_not_data(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    write(data_copy, ".2019-02.yaml.0a1b2c3d.tmp", "as_of: [half a fi")
    write(data_copy, ".kuvadigi.lock", "")
    assert check(kuvadigi, data_copy)[0] == 0


def test_check__the_budgets_own_month_replaced_without_correction(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    # The budget is as of 2019-01, where the document prints Vene's actual as 5 655: a
    # hand-written 2019-01 file saying 9 999 replaces a published figure. The finding
    # points at the entry (its figures start on line 4).
    january = (
        'as_of: "2019-01"\nprojects:\n  vene-helsingissa:\n'
        "    actual: 9999\n    committed: 150000\n"
    )
    write(data_copy, "2019-01.yaml", january)
    code, output = check(kuvadigi, data_copy)
    assert code == 1
    assert (
        "followup/2019-01.yaml:4: Vene Helsingissä, as of 2019-01: the month is not "
        "after the budget's own as-of month 2019-01, so the entry replaces published "
        "figures" in output
    )

    write(
        data_copy, "2019-01.yaml", january + "    correction: true\n    note: invoice\n"
    )
    assert check(kuvadigi, data_copy)[0] == 0
