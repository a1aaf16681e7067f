"""The fast ways of reading YAML give exactly what the careful way gives, on every YAML
file of the tests and the shipped data, and on the scalars where YAML 1.1 guesses most:

- composing with the type guessing cut short (`yamlfile._TextLoader`) reads as PyYAML's
  own safe loader does;
- building the values straight from the parser's events (`yamlfast`) reads as composing
  and walking the node graph does, and leaves every file with a problem to the careful
  reading, so that no problem goes unreported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kuvadigi import yamlfast, yamlfile
from kuvadigi.problems import DataError

REPO = Path(__file__).resolve().parent.parent

CORPUS = sorted(
    [*(REPO / "tests" / "errors").rglob("*.yaml"), *(REPO / "data").glob("*.yaml")]
)

# The implicit types of YAML 1.1 (null, bool, int, float, timestamp, merge, value),
# quoted and plain, as keys and as values, and tags explicit and non-specific.
GUESSES = """\
empty:
tilde: ~
null_words: [null, Null, NULL, "null", 'null', nULL]
bools: [yes, No, ON, off, true, False, y, n, "yes"]
numbers: [0150, 0x1F, 0o17, 1e3, .inf, -.NaN, 1_000, 150 000, 8:00, 190:20:30]
dates: [2019-01-01, 2019-01-01T10:00:00Z, "2019-01"]
merge_value: <<
quoted_merge_key: {"<<": 1}
value_sign: =
explicit: [!!str 1, !!int 2, !!null "", ! 5, !!bool yes]
2019: year as a key
~: null as a key
"""


def read(path: Path) -> Any:
    """What `read_values` gives for `path`, or the problems it raises."""
    try:
        return yamlfile.read_values(path)
    except DataError as error:
        return ("DataError", error.problems)


def with_pyyaml_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compose as PyYAML's safe loader does, and always by the careful way."""
    monkeypatch.setattr(yamlfile, "_TextLoader", yamlfile._Loader)
    monkeypatch.setattr(yamlfast, "plain_values", lambda text: None)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: str(path.relative_to(REPO)))
def test_corpus_file__read_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read(path)
    with_pyyaml_resolver(monkeypatch)

    assert read(path) == fast


def test_guessed_types__read_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "guesses.yaml"
    path.write_text(GUESSES, encoding="utf-8")

    fast = read(path)
    with_pyyaml_resolver(monkeypatch)

    assert read(path) == fast
    values, _problems = fast
    # Text stays text, whatever YAML 1.1 would make of it; null stays None.
    assert values["numbers"][0] == "0150"
    assert values["bools"][0] == "yes"
    assert values["empty"] is None
    assert values["null_words"][:3] == [None, None, None]
    assert values["null_words"][3:] == ["null", "null", "nULL"]


# Valid YAML in the shapes a data file may take, each read the fast way.
SHAPES = [
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "list:\n  - one\n  - two: 2\n    three: ~\n",
    "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    "anchored: &only 5\nplain: 6\n",
    '\'quoted key\': 1\n"<<": 2\n"": 3\n',
    "~: 1\nnull: 2\n2019: 3\n",
    "%YAML 1.1\n---\na: b\n...\n",
    "nested: [[1, [2, [3]]], {x: {y: {z: null}}}]\n",
]
# YAML that the fast way leaves to the careful reading.
CAREFUL = [
    "",
    "~\n",
    "- a list\n",
    "just text\n",
    "a: 1\n---\nb: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: ! 1\n",
    "!!map {a: 1}\n",
    "a: 1\na: 2\n",
    "<<: {a: 1}\n",
    "a: <<\n",
    "? [complex]\n: key\n",
    "a: [unclosed\n",
    "a:\n\tb: 1\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",
]


@pytest.mark.parametrize("text", SHAPES)
def test_valid_shapes__fast_way_reads_as_the_careful_way(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shape.yaml"
    path.write_text(text, encoding="utf-8")

    fast = yamlfast.plain_values(text)
    with_pyyaml_resolver(monkeypatch)

    assert fast is not None
    assert read(path) == (fast, [])


@pytest.mark.parametrize("text", CAREFUL)
def test_anything_unusual__left_to_the_careful_reading(text: str) -> None:
    assert yamlfast.plain_values(text) is None


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: str(path.relative_to(REPO)))
def test_corpus_file_with_a_problem__never_read_the_fast_way(path: Path) -> None:
    # Whatever the careful reading finds a problem in, the fast way must not read:
    # it would lose the problem.
    try:
        text = yamlfile.read_text(path)
    except DataError:
        return  # refused before any YAML is read, the fast way included
    result = read(path)
    if result[0] == "DataError" or result[1]:
        assert yamlfast.plain_values(text) is None


def test_shipped_data__read_the_fast_way() -> None:
    for path in sorted((REPO / "data").glob("*.yaml")):
        assert yamlfast.plain_values(path.read_text("utf-8-sig")) is not None, path


def test_corpus__is_not_empty() -> None:
    assert len(CORPUS) > 50


# --- locating values -------------------------------------------------------------------


def every_path(
    value: Any, path: tuple[str | int, ...] = ()
) -> list[tuple[str | int, ...]]:
    """Every path into `value`, the plain values of a file, and a few that go astray."""
    paths = [path, (*path, "no-such-key"), (*path, 999)]
    if isinstance(value, dict):
        for key, item in value.items():
            paths += every_path(item, (*path, key))
            if key.isdigit():
                paths.append((*path, int(key)))  # a year, as check writes it
    elif isinstance(value, list):
        for index, item in enumerate(value):
            paths += every_path(item, (*path, index))
        paths.append((*path, -1))
    return paths


@pytest.mark.parametrize(
    "path", sorted((REPO / "data").glob("*.yaml")), ids=lambda path: path.name
)
def test_locate_all__as_yamlfile_locates(path: Path) -> None:
    text = yamlfile.read_text(path)
    values, _problems = yamlfile.read_values(path)
    wheres = every_path(values)

    located = yamlfast.locate_all(text, wheres)

    assert located is not None
    for where in wheres:
        assert located[where] == yamlfile.locate(path, where), where


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: 1\na: 2\n", "? [k]\n: v\n", "a: 1\n---\nb: 2\n", "a: [\n"],
)
def test_locate_all__unusual_files_left_to_yamlfile(text: str) -> None:
    assert yamlfast.locate_all(text, [("a",)]) is None


@pytest.mark.parametrize(
    "path", sorted((REPO / "data").glob("*.yaml")), ids=lambda path: path.name
)
def test_locate_all__outside_lists_from_the_reading_itself(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = yamlfile.read_text(path)
    values = yamlfast.plain_values(text)
    assert values is not None
    # Every path that goes into no list: the totals, the year totals, the shares' sum.
    wheres = [
        where
        for where in every_path(values)
        if not any(isinstance(step, int) and step not in YEARS for step in where)
    ]

    def refuse(*args: object) -> object:
        raise AssertionError("read the file again")

    monkeypatch.setattr(yamlfast, "_positions", refuse)
    located = yamlfast.locate_all(text, wheres)

    assert located is not None
    for where in wheres:
        assert located[where] == yamlfile.locate(path, where), where


YEARS = frozenset(range(2019, 2023))


def test_locate_all__into_a_list_reads_again() -> None:
    text = "totals:\n  total: 5\nprojects:\n  - id: a\n    total: 1\n"
    assert yamlfast.plain_values(text) is not None

    located = yamlfast.locate_all(text, [("totals", "total"), ("projects", 0, "total")])

    assert located == {
        ("totals", "total"): (2, 10, True),
        ("projects", 0, "total"): (5, 12, True),
    }
