"""Invariants on generated data (hypothesis): for any valid budget and cost estimate the
figures add up, written amounts are read exactly as a person reads them, and no change
to the shipped files ends in a traceback or touches a file.

Bounded for CI: the `ci` profile (the default) runs a fixed, small set of examples in
well under a minute; KUVADIGI_HYPOTHESIS=explore runs many more, freshly drawn.
"""

from __future__ import annotations

import os
import re
import shlex
import tempfile
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kuvadigi import calc, loader, models
from kuvadigi.cli import app
from kuvadigi.money import AMOUNT_LIMIT, AmountError, parse_amount
from kuvadigi.problems import InvalidValue
from kuvadigi.views import estimate_view, shares_shown, sources_view

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "explore",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("KUVADIGI_HYPOTHESIS", "ci"))

HUNDRED = Decimal(100)
SHIPPED = {
    path.name: path.read_bytes()
    for path in sorted(loader.shipped_data().glob("*.yaml"))
}

# Names a person may give a project, plain in YAML: words YAML 1.1 would turn into
# booleans, numbers or times must come back as written.
NAMES = [
    "NO",
    "no",
    "on",
    "Off",
    "yes",
    "0150",
    "8:00",
    "1e5",
    ".5",
    "Ahti",
    "Vene Helsingissä",
    "Kuvan verkkosivu-uudistus ja digitaalinen markkinointi",
    "Tiedolla johtaminen",
    "Ketterät kokeilut ja prototyypit",
    "Osaamisen kehittäminen",
    "Åbo",
]

# --- amounts written as people write them ----------------------------------------------

amounts = st.builds(
    lambda cents: Decimal(cents).scaleb(-2),
    st.integers(min_value=0, max_value=10**13 - 1),
)


@st.composite
def written(draw: st.DrawFn, amount: Decimal) -> str:
    """`amount` in one of the ways kuvadigi's number syntax allows (see README)."""
    whole, _, cents = f"{amount:.2f}".partition(".")
    separator = draw(st.sampled_from(["", " ", "_", "\u00a0"]))
    if separator and len(whole) > 3:
        groups = []
        while len(whole) > 3:
            whole, groups = whole[:-3], [whole[-3:], *groups]
        whole = separator.join([whole, *groups])
    if cents == "00" and draw(st.booleans()):
        text = whole
    elif cents.endswith("0") and draw(st.booleans()):
        text = f"{whole}.{cents[0]}"
    else:
        text = f"{whole}.{cents}"
    quote = draw(st.sampled_from(["", "'", '"']))
    return f"{quote}{text}{quote}"


@dataclass(frozen=True)
class Project:
    name: str
    funding: dict[str, Decimal]
    actual: Decimal | None
    committed: Decimal | None


@st.composite
def budgets(draw: st.DrawFn) -> tuple[list[str], list[Project], str]:
    """Funding sources, projects and the budget file's text."""
    source_ids = draw(
        st.lists(
            st.sampled_from(["digi_investment", "ict_frame", "external", "eu"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    names = draw(
        st.lists(
            st.sampled_from(NAMES), min_size=1, max_size=10, unique_by=str.casefold
        )
    )
    projects = [
        Project(
            name,
            draw(st.dictionaries(st.sampled_from(source_ids), amounts, max_size=4)),
            draw(st.none() | amounts),
            draw(st.none() | amounts),
        )
        for name in names
    ]

    lines = ["year: 2019", 'as_of: "2019-01"', "funding_sources:"]
    for source_id in source_ids:
        lines += [f"  - id: {source_id}", f"    name: {source_id.upper()}"]
    lines.append("projects:")
    for index, project in enumerate(projects):
        # The published total is required; written here as the sum of the sources, as
        # a controller would, so the line items must give it back.
        total = _sum(list(project.funding.values()))
        lines += [
            f"  - id: p{index}",
            f"    name: {project.name}",
            f"    total: {draw(written(total))}",
            "    funding:",
        ]
        lines += [
            f"      {source_id}: {draw(written(amount))}"
            for source_id, amount in project.funding.items()
        ]
        for key in ("actual", "committed"):
            amount = getattr(project, key)
            if amount is not None:
                lines.append(f"    {key}: {draw(written(amount))}")
    return source_ids, projects, "\n".join(lines) + "\n"


def _sum(values: list[Decimal | None]) -> Decimal:
    return sum((value for value in values if value is not None), Decimal(0))


@PROFILE
@given(budgets())
def test_any_valid_budget__read_exactly_and_adds_up(
    workspace: Path, budget: tuple[list[str], list[Project], str]
) -> None:
    source_ids, projects, text = budget
    folder = _folder(workspace, {"budget_2019.yaml": text})

    model = loader.load_budget(folder).model
    figures = calc.budget_figures(model)

    # Read as written: names stay text, amounts are the Decimals meant.
    for read, project in zip(model.projects, projects, strict=True):
        assert read.name == project.name
        assert dict(read.funding) == project.funding
        assert (read.actual, read.committed) == (project.actual, project.committed)

    for line, project in zip(figures.projects, projects, strict=True):
        total = _sum(list(project.funding.values()))
        assert line.figures.total == total
        assert line.figures.remaining == total - _sum(
            [project.actual, project.committed]
        )

    totals = figures.totals
    assert totals.total == _sum([line.figures.total for line in figures.projects])
    assert totals.remaining == _sum(
        [line.figures.remaining for line in figures.projects]
    )
    assert totals.actual == _sum([project.actual for project in projects])
    assert totals.committed == _sum([project.committed for project in projects])
    for source_id in source_ids:
        assert totals.funding[source_id] == _sum(
            [project.funding.get(source_id) for project in projects]
        )

    shown = [source.share_shown for source in figures.sources]
    table = [
        row.cells["share"]
        for row in sources_view(figures, "en").rows
        if row.style == "item"
    ]
    if totals.total > 0:
        assert _sum(shown) == HUNDRED
        assert _sum([cell for cell in table if isinstance(cell, Decimal)]) == HUNDRED
    else:
        assert shown == [None] * len(source_ids)


@st.composite
def estimates(draw: st.DrawFn) -> tuple[list[int], dict[str, dict[int, Decimal]], str]:
    """Years, each cost line's amounts, and the estimate file's text."""
    first = draw(st.integers(min_value=2019, max_value=2030))
    years = list(range(first, first + draw(st.integers(min_value=1, max_value=5))))
    groups = draw(st.integers(min_value=1, max_value=3))
    count = draw(st.integers(min_value=1, max_value=8))
    lines = {
        f"line-{index}": {year: draw(amounts) for year in years}
        for index in range(count)
    }

    text = [f"years: [{', '.join(str(year) for year in years)}]", "groups:"]
    for group in range(groups):
        text += [f"  - id: group-{group}", f"    name: Ryhmä {group}"]
    text.append("lines:")
    for index, (line_id, by_year) in enumerate(lines.items()):
        amounts_text = ", ".join(
            f"{year}: {draw(written(amount))}" for year, amount in by_year.items()
        )
        text += [
            f"  - id: {line_id}",
            f"    name: Kustannuserä {index}",
            f"    group: group-{index % groups}",
            f"    amounts: {{{amounts_text}}}",
        ]
    return years, lines, "\n".join(text) + "\n"


@PROFILE
@given(estimates())
def test_any_valid_estimate__totals_agree_both_ways_and_shares_add_to_100(
    workspace: Path, estimate: tuple[list[int], dict[str, dict[int, Decimal]], str]
) -> None:
    years, lines, text = estimate
    folder = _folder(workspace, {"estimate_2019_2022.yaml": text})

    model = loader.load_estimate(folder).model

    for one_year in [None, *years]:
        figures = calc.estimate_figures(model, one_year)
        shown_years = years if one_year is None else [one_year]
        expected_rows = {
            line_id: sum((by_year[y] for y in shown_years), Decimal(0))
            for line_id, by_year in lines.items()
        }

        assert {row.line.id: row.total for row in figures.lines} == expected_rows
        for year in shown_years:
            assert figures.year_totals[year] == sum(
                (by_year[year] for by_year in lines.values()), Decimal(0)
            )
        # The grand total, as the sum of the year totals and of the row totals.
        assert figures.total == sum(figures.year_totals.values(), Decimal(0))
        assert figures.total == sum(expected_rows.values(), Decimal(0))

        exact = [row.share for row in figures.lines]
        if figures.total > 0:
            assert _sum([row.share_shown for row in figures.lines]) == HUNDRED
            assert _sum(shares_shown(exact)) == HUNDRED
            table = [
                row.cells.get("share")
                for row in estimate_view(figures, "fi").rows
                if row.style == "item"
            ]
            assert _sum([c for c in table if isinstance(c, Decimal)]) == HUNDRED


@PROFILE
@given(
    st.text(alphabet=st.sampled_from("0123456789 _.,:-+eE%€$\u00a0\u2212abnoy"))
    | st.text()
)
def test_any_text__an_amount_or_a_reason_never_a_crash(text: str) -> None:
    try:
        amount = parse_amount(text)
    except AmountError as refused:
        # An offered fix is itself an amount kuvadigi takes.
        if refused.replacement is not None:
            parse_amount(refused.replacement)
        return

    assert Decimal(0) <= amount < AMOUNT_LIMIT
    assert amount == amount.quantize(Decimal("0.01"))
    # Taken only as digits, grouped by threes, and at most two decimals.
    assert re.fullmatch(r"[0-9][0-9 _\u00a0\u202f]*(\.[0-9]{1,2})?", text.strip())


# --- the shipped files, changed by hand ------------------------------------------------

# What a person might type over a line or a character: the slips of the bad-input
# catalogue, and some that are fine.
TYPED = [
    "",
    "  ",
    "\t",
    "- ",
    ": ",
    "#",
    "'",
    '"',
    "&a",
    "*a",
    "!!python/object:os.system",
    "<<: *a",
    "---",
    "{",
    "[",
    "0150000",
    "8:00",
    "1.0e+5",
    "-5",
    ".5",
    "1,5",
    "NO",
    "on",
    "null",
    "~",
    "€",
    "ä",
    "\u00a0",
    "\ufeff",
    "\x00",
    "\r",
    "9" * 40,
]


@st.composite
def changed_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """One shipped file, changed in one place as a person might change it."""
    name = draw(st.sampled_from(sorted(SHIPPED)))
    lines = SHIPPED[name].decode("utf-8").split("\n")
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    typed = draw(st.sampled_from(TYPED) | st.text(max_size=12))
    change = draw(st.sampled_from(["replace", "drop", "duplicate", "char", "insert"]))

    if change == "replace":
        indent = re.match(r"\s*", lines[index])
        lines[index] = (indent.group(0) if indent else "") + typed
    elif change == "drop":
        del lines[index]
    elif change == "duplicate":
        lines.insert(index, lines[index])
    elif lines[index]:
        column = draw(st.integers(min_value=0, max_value=len(lines[index]) - 1))
        rest = lines[index][column + (1 if change == "char" else 0) :]
        lines[index] = lines[index][:column] + typed[:1] + rest
    return name, "\n".join(lines).encode("utf-8", errors="surrogatepass")


ENDINGS = re.compile(r"^(data/[\w./-]+(:\d+){0,2}: |data: |Error: )")


@PROFILE
@given(
    changed_files(),
    st.sampled_from(["check", "budget --format json", "estimate", "budget"]),
)
def test_any_change_to_the_shipped_files__a_message_never_a_traceback(
    workspace: Path, changed: tuple[str, bytes], args: str
) -> None:
    name, content = changed
    folder = _folder(workspace, {**SHIPPED, name: content})
    before = _snapshot(folder)

    working = Path.cwd()
    os.chdir(folder.parent)
    try:
        result = CliRunner().invoke(
            app,
            [*shlex.split(args), "--data", "data"],
            env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "100"},
            # A traceback fails the test here, with the exception itself.
            catch_exceptions=False,
        )
    finally:
        os.chdir(working)

    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        first_line = result.stderr.splitlines()[0]
        assert ENDINGS.match(first_line), result.stderr
        assert "Traceback" not in result.stderr
    # Reading never changes a file of the data folder, nor adds one.
    assert _snapshot(folder) == before


# --- helpers --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the examples' data folders (a test runs many examples, so each
    makes its own folder in here)."""
    return tmp_path_factory.mktemp("examples")


def _folder(workspace: Path, files: dict[str, str | bytes]) -> Path:
    """A fresh data folder `data/` in `workspace` holding `files`."""
    example = Path(tempfile.mkdtemp(dir=workspace))
    folder = example / "data"
    folder.mkdir()
    for file_name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / file_name).write_bytes(data)
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
    }


def test_every_character__a_name_is_refused_exactly_when_it_holds_an_invisible_one() -> (
    None
):
    # Every character of the Basic Multilingual Plane and a few beyond it, in a name:
    # refused exactly where it is a control, format, line or paragraph separator
    # character, or a tab or line break; else kept, with the spaces around it cut.
    invisible = {"Cc", "Cf", "Zl", "Zp"}
    for code in [*range(0x10000), 0x1F600, 0xE0001, 0x10FFFD]:
        character = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # a lone surrogate is not text that YAML can hold
        name = f" Ahti{character}API "
        refused = unicodedata.category(character) in invisible or character in "\t\n"
        try:
            read = models._plain_name(name)
        except InvalidValue:
            assert refused, f"U+{code:04X}"
        else:
            assert not refused, f"U+{code:04X}"
            assert read == name.strip(), f"U+{code:04X}"
