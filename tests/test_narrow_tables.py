"""Every table command at a narrow terminal, in both languages, through the real CLI:
each line within the width (columns left out, and said so, where they do not fit), no
figure cut or wrapped, names folded between words where a word fits.

Run on the shipped data and on a follow-up folder with months recorded and a revision,
so that `forecast` shows alerts and `budget --revisions` a change.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kuvadigi.cli import app
from kuvadigi.followup_texts import say as say_followup
from kuvadigi.i18n import Lang, format_amount, say
from kuvadigi.loader import load_budget, shipped_data
from kuvadigi.render.terminal import fold, print_table
from kuvadigi.views import DETAIL, FIGURE, Column, Row, TableView, display_name

from .conftest import OWN_COPY

NBSP = "\u00a0"
WIDTHS = (50, 80)
LANGS: tuple[Lang, ...] = ("en", "fi")
TABLE_COMMANDS = (
    ("budget",),
    ("budget", "--by", "source"),
    ("budget", "--revisions"),
    ("estimate",),
    ("estimate", "--year", "2020"),
    ("estimate", "--chart"),
    ("programme",),
    ("trend",),
    ("forecast",),
    ("compare",),
)
DATA = ("shipped", "followup")

# The follow-up: months recorded for three lines, a transfer in May, and a line whose
# run rate overspends its total by the year's end (an alert of each kind).
FOLLOW_UP = (
    ("record", "-p", "OmaData", "--as-of", "2019-02", "--actual", "41000",
     "--committed", "190000"),
    ("record", "-p", "Vene", "--as-of", "2019-02", "--actual", "15000",
     "--committed", "150000"),
    ("record", "-p", "Tiedolla", "--as-of", "2019-04", "--actual", "10000",
     "--committed", "50000"),
    ("revise", "--date", "2019-05-14", "--from", "Kulttuurin kummilapset", "--to",
     "Tiedolla", "--amount", "30000", "--source", "ict_frame", "--reason",
     "Kummilapset starts in 2020"),
    ("record", "-p", "OmaData", "--as-of", "2019-06", "--actual", "95000",
     "--committed", "140000"),
    ("record", "-p", "Tiedolla", "--as-of", "2019-06", "--actual", "150000",
     "--committed", "0"),
)  # fmt: skip


def _invoke(args: list[str], width: int | None = None) -> tuple[int, str]:
    env: dict[str, str | None] = {
        "LANG": "C.UTF-8",
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "KUVADIGI_DATA": None,
        "COLUMNS": None if width is None else str(width),
    }
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def followup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("narrow") / "data"
    shutil.copytree(shipped_data(), folder, ignore=OWN_COPY)
    for step in FOLLOW_UP:
        code, output = _invoke([*step, "--data", str(folder)])
        assert code == 0, output
    return folder


@cache
def _run(command: tuple[str, ...], data: str, lang: str, width: int | None) -> str:
    """What `command` prints (run once per data, language and width)."""
    args = [*command, "--lang", lang]
    if data != "shipped":
        args += ["--data", data]
    code, output = _invoke(args, width)
    assert code == 0, output
    return output


def _folder(data: str, followup: Path) -> str:
    return "shipped" if data == "shipped" else str(followup)


def _left_out(text: str) -> str | None:
    """The columns the note under the table says were left out, if it says so."""
    joined = " ".join(text.split())
    found = re.search(
        r"(?:columns wide|levyiseen ikkunaan): (.*?)\. (?:Widen|Levennä)", joined
    )
    return None if found is None else found.group(1)


_EN_FIGURE = re.compile(r"€[0-9][0-9,.]*")
_EN_WHOLE = re.compile(r"€[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]{2})?")
# A Finnish figure's digit groups, decimals, sign and unit are joined by no-break spaces;
# a line break there would leave digits at the end of one line and the next line
# starting with three digits and a no-break space, or with the € or % sign.
_FI_CUT = re.compile(
    rf"(?<![0-9])[0-9]{{1,3}}[,]?\n(?:[0-9]{{3}}[{NBSP},]|[0-9]{{2}}{NBSP})|^[€%]", re.M
)


def _assert_figures_whole(text: str, lang: str) -> None:
    if lang == "en":
        for token in _EN_FIGURE.findall(text):
            assert _EN_WHOLE.fullmatch(token.rstrip(".,")), (token, text)
    else:
        assert not _FI_CUT.search(text), text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=" ".join)
def test_table_fits_the_width_and_keeps_figures_whole(
    command: tuple[str, ...], data: str, lang: str, width: int, followup: Path
) -> None:
    text = _run(command, _folder(data, followup), lang, width)

    too_long = [line for line in text.splitlines() if len(line) > width]
    # Where columns are left out the note says so; even then every line fits.
    assert not too_long, (_left_out(text), text)
    _assert_figures_whole(text, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("data", DATA)
def test_check__one_finding_a_line_figures_whole(
    data: str, lang: str, followup: Path
) -> None:
    # check prints findings, not a table: PATH:LINE: message, one a line for editors
    # and grep, so a line is as long as its finding whatever the width.
    args = ["check", "--lang", lang]
    if data != "shipped":
        args += ["--data", str(followup)]
    for width in WIDTHS:
        code, text = _invoke(args, width)
        assert code == 0, text
        assert all(re.match(r"\S+:[0-9]+: ", line) for line in text.splitlines())
        _assert_figures_whole(text, lang)


def _whole(amount: Decimal, lang: Lang, text: str) -> bool:
    """Whether `amount` stands whole in `text`, not as part of a longer figure."""
    shown = re.escape(format_amount(amount, lang))
    if lang == "en":
        pattern = rf"(?<![0-9,.]){shown}(?![0-9]|[,.][0-9])"
    else:
        pattern = rf"(?<![0-9{NBSP},-]){shown}"
    return re.search(pattern, text) is not None


def _budget_labels(command: tuple[str, ...], folder: str, lang: Lang) -> dict[str, str]:
    """The column label of each amount of the budget's JSON that `command`'s table
    shows, by its key: the funding sources and the figures of `budget`, the original,
    change, revised and remaining of `budget --revisions`."""
    if "--revisions" in command:
        labels = {
            key: say_followup(key, lang) for key in ("original", "change", "revised")
        }
        return labels | {"remaining": say("remaining", lang)}

    budget = load_budget(shipped_data() if folder == "shipped" else Path(folder)).model
    labels = {
        key: say(key, lang) for key in ("total", "actual", "committed", "remaining")
    }
    return labels | {
        source.id: display_name(source.name, source.name_en, lang)
        for source in budget.funding_sources
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("data", DATA)
@pytest.mark.parametrize(
    "command", [("budget",), ("budget", "--revisions")], ids=" ".join
)
def test_budget__every_amount_of_the_json_whole_in_the_table(
    command: tuple[str, ...], data: str, lang: Lang, width: int, followup: Path
) -> None:
    folder = _folder(data, followup)
    text = _run(command, folder, lang, width)
    document = json.loads(_run((*command, "--format", "json"), folder, lang, None))
    labels = _budget_labels(command, folder, lang)
    left_out = (_left_out(text) or "").split(", ")

    checked = 0
    for line in [*document["projects"], document["totals"]]:
        amounts = {**line.get("funding", {}), **line}
        for key, label in labels.items():
            value = amounts.get(key)
            if value is None or label in left_out:
                continue
            # A change of 0 is shown as a blank cell, not as a row of zeros.
            if key == "change" and value == 0:
                continue
            assert _whole(Decimal(str(value)), lang, text), (key, value, text)
            checked += 1
    # The total and the remaining (or the original and revised) of every line.
    assert checked >= 2 * (len(document["projects"]) + 1)


def test_forecast__alerts_shown_where_they_fit_and_told_below(followup: Path) -> None:
    text = _run(("forecast",), str(followup), "en", 50)

    assert "Alerts" in text.splitlines()[2]
    assert "overspend" in text
    assert "Tiedolla" not in text  # the English name is shown
    assert "Knowledge-based management: projected to spend" in " ".join(text.split())


def test_names_fold_between_words_where_the_words_fit() -> None:
    assert fold("Kuvan verkkosivu-uudistus ja digitaalinen markkinointi", 24) == (
        "Kuvan verkkosivu-\nuudistus ja digitaalinen\nmarkkinointi"
    )
    # A word wider than the column starts a line of its own and breaks there only.
    assert fold("Toimialan kumppanikehittäjäohjelma", 14) == (
        "Toimialan\nkumppanikehitt\näjäohjelma"
    )
    # An indented line keeps its indent on the lines it folds into; a figure's
    # hyphen (a minus) or a date's is no place to fold.
    assert fold("  of which ICT frame", 12) == "  of which\n  ICT frame"
    assert fold("-30 000 € 2019-05-14", 9) == "-30 000 €\n2019-05-1\n4"


def _tight_view() -> TableView:
    columns = [
        Column("name", "Name", "text"),
        Column("a", "First figure", "amount"),
        Column("b", "Second figure", "amount"),
        Column("c", "Third", "amount", FIGURE),
        Column("d", "Fourth", "amount", DETAIL),
    ]
    rows = [
        Row({"name": "Tilavarauskokonaisuuden kehittäminen", **dict.fromkeys("abcd", Decimal(1234567))}),
        Row({"name": "Ahti", **dict.fromkeys("abcd", Decimal(-5))}, "totals"),
    ]  # fmt: skip
    return TableView("A narrow table", columns, rows, ["Note: 1 234 567 € whole."])


@pytest.mark.parametrize(("width", "fits"), [(44, True), (36, True), (30, False)])
def test_essential_columns__names_narrow_before_the_table_runs_wider(
    monkeypatch: pytest.MonkeyPatch, width: int, fits: bool
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    buffer = io.StringIO()
    print_table(_tight_view(), "fi", Console(file=buffer, width=width))
    text = buffer.getvalue()

    lines = text.splitlines()
    assert all(len(line) <= width for line in lines) is fits, text
    # Never a figure cut: each amount whole on the first line of its row.
    first_row = next(line for line in lines if line.startswith("Tilavaraus"))
    assert first_row.count(f"1{NBSP}234{NBSP}567{NBSP}€") == 2, text
    _assert_figures_whole(text, "fi")
    assert "Jätetty pois" in text
