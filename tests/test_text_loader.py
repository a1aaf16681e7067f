"""Reading YAML with the type guessing cut short (`yamlfile._TextLoader`, for speed)
gives exactly what PyYAML's own safe loader gives, on every YAML file of the tests and
the shipped data, and on the scalars where YAML 1.1 guesses most."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kuvadigi import yamlfile
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
    monkeypatch.setattr(yamlfile, "_TextLoader", yamlfile._Loader)


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


def test_corpus__is_not_empty() -> None:
    assert len(CORPUS) > 50
