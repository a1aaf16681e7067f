"""The table of bad inputs: each case's input, command, exact message and exit code.

One table serves twice: tests/test_errors.py runs every case through the real CLI and
compares what it prints, character for character; docs/errors.md, the catalogue of
messages, is generated from it, so every message in the docs is one that a test makes
kuvadigi print.

A case's input lies in tests/errors/NAME/ (the files of a small data folder); a test
copies it to `data/` in a fresh working folder and runs the command there, so paths in
the messages read `data/...`, as they would for a user. What a file cannot hold (a
folder where a file belongs, a link in a loop, a file of 64 MiB) is made by `prepare`.

The expected messages were written by hand from the inputs: the line and column of
each is counted in the input file shown beside it.

    python -m tests.error_cases --update   # rewrite docs/errors.md from this table
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INPUTS = REPO / "tests" / "errors"
CATALOGUE = REPO / "docs" / "errors.md"

# Input lines shown around the line a message names.
_CONTEXT = 3

_INTRODUCTION = """
Every message kuvadigi prints about a data file or the command line, in English and
Finnish, each with a small input that causes it and exactly what kuvadigi then prints.
The examples are the test cases of `tests/test_errors.py` (their inputs are in
`tests/errors/`); this page is generated from them (`python -m tests.error_cases
--update`), so it cannot drift from what kuvadigi does.

A problem in a data file is shown as `PATH:LINE:COLUMN: what is wrong`, then the line
with a caret under the spot, then, where one is known, the fix. Every problem of a run
is listed (past 50 the rest are counted), and kuvadigi exits with 2. Problems are found
in two rounds: first each file is read and validated, then the references within and
between the files are checked. The language follows `--lang`, else `LC_ALL`,
`LC_MESSAGES` or `LANG`.

A mistake on the command line is shown as `Error: ...`, with the closest option,
command or value where there is one, and the help hint; it also exits with 2.

Input files are shown with their line numbers, around the line the message names; a
tab shows as `→`, a no-break space as `⍽` and a control character by its symbol (`␛`).
Where the input is a follow-up file (`data/followup/...`), the rest of the folder is
the data that comes with kuvadigi.
"""

BUDGET = "budget --data data"
ESTIMATE = "estimate --data data"
CHECK = "check --data data"


@dataclass(frozen=True)
class Case:
    """One bad input and what kuvadigi says about it."""

    name: str
    key: str
    about: str
    expected: str
    args: str = BUDGET
    exit_code: int = 2
    prepare: Callable[[Path], None] | None = None

    @property
    def inputs(self) -> Path | None:
        """The folder of this case's input files, if it has one."""
        folder = INPUTS / self.name.removesuffix("-fi")
        return folder if folder.is_dir() else None

    @property
    def command(self) -> str:
        return f"kuvadigi {self.args}"


def _folder_in_place_of_file(folder: Path) -> None:
    (folder / "data" / "budget_2019.yaml").mkdir(parents=True)


def _shipped_data_with(folder: Path, name: str, text: str | None) -> None:
    """The shipped data, with `followup/NAME` holding `text` (or `followup` itself a
    file, where `name` is empty)."""
    import shutil

    from kuvadigi.loader import shipped_data

    data = folder / "data"
    shutil.copytree(shipped_data(), data, ignore=shutil.ignore_patterns(".*"))
    if not name:
        (data / "followup").write_text("", encoding="utf-8")
        return
    (data / "followup").mkdir()
    (data / "followup" / name).write_text(text or "", encoding="utf-8")


def _month_file_misnamed(folder: Path) -> None:
    _shipped_data_with(folder, "2019-2.yaml", 'as_of: "2019-02"\nprojects: {}\n')


def _followup_a_file(folder: Path) -> None:
    _shipped_data_with(folder, "", None)


def _lock_a_folder(folder: Path) -> None:
    """The shipped data with a folder where record keeps its lock file: a place the
    file system will not let it write (a read-only folder would not stop root)."""
    _shipped_data_with(folder, "2019-02.yaml", 'as_of: "2019-02"\nprojects: {}\n')
    (folder / "data" / "followup" / ".kuvadigi.lock").mkdir()


def _revision_of_no_kind(folder: Path) -> None:
    """The shipped data with a revision whose kind is neither transfer nor new money."""
    import shutil

    from kuvadigi.loader import shipped_data

    shutil.copytree(
        shipped_data(), folder / "data", ignore=shutil.ignore_patterns(".*")
    )
    (folder / "data" / "followup").mkdir()
    (folder / "data" / "followup" / "revisions.yaml").write_text(
        "revisions:\n"
        "  - date: 2019-05-14\n"
        "    kind: cut\n"
        "    source: ict_frame\n"
        "    reason: a cut in the ICT frame\n"
        "    to: {vene-helsingissa: 1000}\n",
        encoding="utf-8",
    )


def _with_shipped_data(folder: Path) -> None:
    """The shipped data beside the case's own follow-up files (`data/followup/`)."""
    import shutil

    from kuvadigi.loader import shipped_data

    shutil.copytree(
        shipped_data(),
        folder / "data",
        ignore=shutil.ignore_patterns(".*"),
        dirs_exist_ok=True,
    )


def _with_budget_as_of_march(folder: Path) -> None:
    """The shipped data, its budget's own figures moved to as of 2019-03."""
    _with_shipped_data(folder)
    budget = folder / "data" / "budget_2019.yaml"
    text = budget.read_text(encoding="utf-8")
    assert 'as_of: "2019-01"' in text
    budget.write_text(
        text.replace('as_of: "2019-01"', 'as_of: "2019-03"'), encoding="utf-8"
    )


def _link_in_a_loop(folder: Path) -> None:
    (folder / "data").mkdir()
    (folder / "data" / "budget_2019.yaml").symlink_to("budget_2019.yaml")


def _file_over_the_limit(folder: Path) -> None:
    (folder / "data").mkdir()
    with (folder / "data" / "budget_2019.yaml").open("wb") as sparse:
        sparse.truncate(64 * 1024 * 1024 + 1)


CASES = [
    # the data folder
    Case(
        "folder-missing",
        "folder.missing",
        "--data names a folder that does not exist",
        """\
nothere: no such folder
  fix: give the folder that holds budget_YEAR.yaml with --data, or set KUVADIGI_DATA""",
        args="budget --data nothere",
    ),
    Case(
        "folder-is-a-file",
        "folder.is_file",
        "--data names the budget file instead of its folder",
        "data/budget_2019.yaml: is a file; --data names the folder that holds the "
        "data files",
        args="budget --data data/budget_2019.yaml",
    ),
    Case(
        "folder-followup-is-file",
        "folder.followup_is_file",
        "a file named followup where the follow-up folder belongs, checked",
        "data/followup: is a file; it should be a folder",
        args=CHECK,
        prepare=_followup_a_file,
    ),
    Case(
        "file-unwritable",
        "file.unwritable",
        "record into a follow-up folder the file system refuses to write",
        "data/followup: cannot be written: Is a directory",
        args="record --data data --project Ahti --as-of 2019-03 --actual 0 "
        "--committed 205000",
        prepare=_lock_a_folder,
    ),
    Case(
        "file-unwritable-fi",
        "file.unwritable",
        "the same, in Finnish",
        "data/followup: tähän ei voi kirjoittaa: Is a directory",
        args="record --data data --project Ahti --as-of 2019-03 --actual 0 "
        "--committed 205000 --lang fi",
        prepare=_lock_a_folder,
    ),
    Case(
        "file-not-followup",
        "file.not_followup",
        "a month's file named 2019-2.yaml, checked",
        "data/followup/2019-2.yaml: is not a follow-up file: name a month's file "
        "YYYY-MM.yaml (e.g. 2019-02.yaml) and the revisions revisions.yaml",
        args=CHECK,
        prepare=_month_file_misnamed,
    ),
    Case(
        "folder-no-budget",
        "folder.no_budget",
        "the budget file is named budjetti_2019.yaml",
        """\
data: holds no budget file (budget_YEAR.yaml, e.g. budget_2019.yaml)
  fix: the YAML files here are: budjetti_2019.yaml; a budget is named budget_YEAR.yaml""",
    ),
    Case(
        "folder-no-estimate",
        "folder.no_estimate",
        "a folder with a budget but no cost estimate",
        "data: holds no cost estimate (estimate_YEARS.yaml, e.g. "
        "estimate_2019_2022.yaml)",
        args=ESTIMATE,
    ),
    Case(
        "folder-two-estimates",
        "folder.two_estimates",
        "a copy of the cost estimate left beside it",
        "data: holds more than one cost estimate: estimate_2019_2020.yaml, "
        "estimate_2019_2020_copy.yaml; keep one",
        args=ESTIMATE,
    ),
    Case(
        "folder-two-budgets",
        "folder.two_budgets",
        "a copy of the budget saved as .yml beside it",
        "data: holds two budgets for 2019: budget_2019.yaml, budget_2019.yml; keep one",
    ),
    # reading a file
    Case(
        "file-missing",
        "file.missing",
        "a folder without programme.yaml, checked",
        "data/programme.yaml: no such file",
        args=CHECK,
    ),
    Case(
        "file-is-a-folder",
        "file.is_folder",
        "a folder named budget_2019.yaml",
        "data/budget_2019.yaml: is a folder, not a file",
        prepare=_folder_in_place_of_file,
    ),
    Case(
        "file-unreadable",
        "file.unreadable",
        "budget_2019.yaml is a link to itself",
        "data/budget_2019.yaml: cannot be read: Too many levels of symbolic links",
        prepare=_link_in_a_loop,
    ),
    Case(
        "file-too-large",
        "file.too_large",
        "a budget file of 64 MiB and one byte",
        "data/budget_2019.yaml: is larger than 64 MiB, the limit for a data file",
        prepare=_file_over_the_limit,
    ),
    Case(
        "file-binary",
        "file.binary",
        "binary junk: the first bytes of a spreadsheet (.xlsx) saved as "
        "budget_2019.yaml",
        "data/budget_2019.yaml:1:6: is not a text file: it holds binary data (a NUL "
        "byte); a data file is YAML text",
    ),
    Case(
        "file-not-utf8",
        "file.not_utf8",
        "the budget saved as Latin-1: ä is the byte 0xE4",
        """\
data/budget_2019.yaml:5:28: is not UTF-8 text: byte 0xE4 cannot be read (the file may have been saved as Latin-1 or Windows-1252)
  fix: save the file as UTF-8 in your editor (Save as, encoding UTF-8)""",
    ),
    Case(
        "file-not-utf8-fi",
        "file.not_utf8",
        "the same, in Finnish",
        """\
data/budget_2019.yaml:5:28: ei ole UTF-8-tekstiä: tavua 0xE4 ei voi lukea (tiedosto on ehkä tallennettu Latin-1- tai Windows-1252-merkistöllä)
  korjaus: tallenna tiedosto editorissa UTF-8-merkistöllä (Tallenna nimellä, merkistö UTF-8)""",
        args="budget --data data --lang fi",
    ),
    Case(
        "file-utf16",
        "file.utf16",
        "the budget saved as UTF-16 ('Unicode' in Windows Notepad)",
        """\
data/budget_2019.yaml: is UTF-16 text; kuvadigi reads UTF-8
  fix: save the file as UTF-8 in your editor (Save as, encoding UTF-8)""",
    ),
    Case(
        "file-empty",
        "file.empty",
        "an empty budget file",
        "data/budget_2019.yaml: is empty (nothing but blank lines or comments)",
    ),
    # YAML syntax and safety
    Case(
        "yaml-syntax",
        "yaml.syntax",
        "a tag with an undefined handle (!x!y)",
        """\
data/budget_2019.yaml:10:11: not valid YAML: found undefined tag handle (while parsing a node)
  10 |     name: !x!y Ahti
     |           ^""",
    ),
    Case(
        "yaml-control-char",
        "yaml.control_char",
        "a colour code pasted from a terminal into a name",
        """\
data/budget_2019.yaml:10:15: a control character, U+001B, which YAML does not allow in a data file; delete it
  10 |     name: Ahti\ufffd[0m
     |               ^""",
    ),
    Case(
        "yaml-tab",
        "yaml.tab",
        "a line indented with a tab",
        """\
data/budget_2019.yaml:14:1: a tab character; YAML is indented with spaces only
  14 | \tcommitted: 205000
     | ^
  fix: replace the tab with spaces""",
    ),
    Case(
        "yaml-colon-in-value",
        "yaml.colon_in_value",
        "a name with ': ' in it, not quoted",
        """\
data/budget_2019.yaml:10:15: a ': ' inside a value, which YAML reads as the start of another key
  10 |     name: Ahti: veneilyn avoin rajapinta
     |               ^
  fix: name: "Ahti: veneilyn avoin rajapinta\"""",
    ),
    Case(
        "yaml-unclosed-quote",
        "yaml.unclosed_quote",
        "a quote opened and never closed",
        """\
data/budget_2019.yaml:10:11: the quote opened here is never closed
  10 |     name: "Ahti
     |           ^""",
    ),
    Case(
        "yaml-runaway-quote",
        "yaml.unclosed_quote",
        "a double quote left open, that YAML reads on to the next quote",
        """\
data/budget_2019.yaml:10:11: the quote opened here is never closed
  10 |     name: "Ahti
     |           ^""",
    ),
    Case(
        "yaml-escape",
        "yaml.escape",
        "a Windows path inside double quotes",
        """\
data/budget_2019.yaml:3:12: an unknown escape after \\ inside double quotes
  3 | source: "P:\\Talous\\budjetti 2019.xlsx"
    |            ^
  fix: use single quotes ('...'), which keep \\ as it is, or write \\\\""",
    ),
    Case(
        "yaml-indicator",
        "yaml.indicator",
        "a name that begins with * (read as an alias)",
        """\
data/budget_2019.yaml:10:11: a value cannot begin with * unless it is quoted
  10 |     name: *Ahti* (pilotti)
     |           ^
  fix: name: "*Ahti* (pilotti)\"""",
    ),
    Case(
        "yaml-unclosed-bracket",
        "yaml.unclosed_bracket",
        "the estimate's amounts without their closing }",
        """\
data/estimate_2019_2020.yaml:9:14: the { opened here is not closed with }
  9 |     amounts: {2019: 100000, 2020: 100000
    |              ^""",
        args=ESTIMATE,
    ),
    Case(
        "yaml-no-colon",
        "yaml.no_colon",
        "a key without its colon",
        """\
data/budget_2019.yaml:11:5: a line without a colon; a line is 'key: value' or '- item'
  11 |     total 205000
     |     ^""",
    ),
    Case(
        "yaml-indentation",
        "yaml.indentation",
        "a key indented by one space too few",
        """\
data/budget_2019.yaml:11:4: the indentation does not match the lines above; indent the keys of one item by the same number of spaces
  11 |    total: 205000
     |    ^""",
    ),
    Case(
        "yaml-after-quote",
        "yaml.after_quote",
        "text after a quoted name",
        """\
data/budget_2019.yaml:10:18: text after the closing quote; put the whole value inside the quotes
  10 |     name: "Ahti" veneily
     |                  ^""",
    ),
    Case(
        "yaml-second-document",
        "yaml.second_document",
        "a second budget pasted below the first, after ---",
        """\
data/budget_2019.yaml:15:1: a second YAML document begins here (---); a data file holds one
  15 | ---
     | ^""",
    ),
    Case(
        "yaml-too-deep",
        "yaml.too_deep",
        "a year inside 70 brackets",
        """\
data/budget_2019.yaml:1:71: nested more than 64 levels deep; kuvadigi's data is a few levels deep
  1 | …[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[2019]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]…
    |                                                    ^""",
    ),
    Case(
        "yaml-alias-bomb",
        "yaml.alias",
        'a 182-byte alias bomb ("billion laughs"): expanded, it would be 69 984 values',
        """\
data/budget_2019.yaml:2:8: the alias *a repeats another value; kuvadigi does not expand aliases, so write the value out
  2 | b: &b [*a,*a,*a,*a,*a,*a]
    |        ^
data/budget_2019.yaml:3:8: the alias *b repeats another value; kuvadigi does not expand aliases, so write the value out
  3 | c: &c [*b,*b,*b,*b,*b,*b]
    |        ^
data/budget_2019.yaml:4:8: the alias *c repeats another value; kuvadigi does not expand aliases, so write the value out
  4 | d: &d [*c,*c,*c,*c,*c,*c]
    |        ^
data/budget_2019.yaml:5:8: the alias *d repeats another value; kuvadigi does not expand aliases, so write the value out
  5 | e: &e [*d,*d,*d,*d,*d,*d]
    |        ^
data/budget_2019.yaml:6:8: the alias *e repeats another value; kuvadigi does not expand aliases, so write the value out
  6 | f: &f [*e,*e,*e,*e,*e,*e]
    |        ^
data/budget_2019.yaml:7:8: the alias *f repeats another value; kuvadigi does not expand aliases, so write the value out
  7 | g: &g [*f,*f,*f,*f,*f,*f]
    |        ^""",
    ),
    Case(
        "yaml-merge-key",
        "yaml.merge_key",
        "a funding source that copies another with <<",
        """\
data/budget_2019.yaml:7:5: the merge key << copies values from elsewhere; kuvadigi does not merge, so write the keys out
  7 |   - <<: *source
    |     ^""",
    ),
    Case(
        "yaml-tag",
        "yaml.tag",
        "a name that would run a shell command if a Python tag were obeyed",
        """\
data/budget_2019.yaml:10:11: the tag !!python/object/apply:os.system is not allowed in kuvadigi data (no tag is ever run)
  10 |     name: !!python/object/apply:os.system ["touch hacked"]
     |           ^""",
    ),
    Case(
        "yaml-complex-key",
        "yaml.complex_key",
        "a list used as a key",
        """\
data/budget_2019.yaml:13:7: a key must be a plain name, not a list or keys and values
  13 |       [external, digi_investment]: 205000
     |       ^""",
    ),
    Case(
        "yaml-duplicate-key",
        "yaml.duplicate_key",
        "committed written twice for one project (YAML would keep the last)",
        """\
data/budget_2019.yaml:15:5: the key 'committed' appears twice (first on line 14); keep one of them
  15 |     committed: 150000
     |     ^""",
    ),
    Case(
        "yaml-duplicate-key-fi",
        "yaml.duplicate_key",
        "the same, in Finnish",
        """\
data/budget_2019.yaml:15:5: avain 'committed' on kahdesti (ensin rivillä 14); jätä toinen pois
  15 |     committed: 150000
     |     ^""",
        args="budget --data data --lang fi",
    ),
    # the shape of the data
    Case(
        "field-top-level",
        "field.top_level",
        "a list where the budget's keys belong",
        """\
data/budget_2019.yaml:1:1: the file holds a list where keys and values belong (e.g. year: ...)
  1 | - year: 2019
    | ^""",
    ),
    Case(
        "not-yaml-csv",
        "field.top_level",
        "not YAML at all: the budget exported from a spreadsheet as CSV",
        """\
data/budget_2019.yaml:1:1: the file holds a single value where keys and values belong (e.g. year: ...)
  1 | Hanke;Budjetti yhteensä;Ulkopuolinen lisärahoitus
    | ^
  fix: this looks like a CSV file, not YAML; start a folder of your own with kuvadigi init and write the figures into its YAML files""",
    ),
    Case(
        "field-missing",
        "field.missing",
        "a project without its name",
        """\
data/budget_2019.yaml:9:5: the key 'name' is missing from this item
  9 |   - id: ahti
    |     ^""",
    ),
    Case(
        "field-missing-top",
        "field.missing_top",
        "a budget without as_of",
        "data/budget_2019.yaml: the key 'as_of' is missing from the file",
    ),
    Case(
        "field-unknown",
        "field.unknown",
        "a typo in a key: comitted",
        """\
data/budget_2019.yaml:14:5: unknown key 'comitted'; did you mean 'committed'?
  14 |     comitted: 205000
     |     ^""",
    ),
    Case(
        "field-unknown-fi",
        "field.unknown",
        "the same, in Finnish",
        """\
data/budget_2019.yaml:14:5: tuntematon avain 'comitted'; tarkoititko 'committed'?
  14 |     comitted: 205000
     |     ^""",
        args="budget --data data --lang fi",
    ),
    Case(
        "field-unknown-far",
        "field.unknown",
        "a key in Finnish: budjetti for total",
        """\
data/budget_2019.yaml:9:5: the key 'total' is missing from this item
  9 |   - id: ahti
    |     ^
data/budget_2019.yaml:11:5: unknown key 'budjetti'
  11 |     budjetti: 205000
     |     ^
  fix: the keys here are: id, name, name_en, total, funding, actual, committed, remaining""",
    ),
    Case(
        "field-unknown-no-break-space",
        "field.unknown",
        "a key indented with no-break spaces, as copied from a document",
        """\
data/budget_2019.yaml:14:1: unknown key '\\xa0\\xa0\\xa0\\xa0committed'
  14 | \u00a0\u00a0\u00a0\u00a0committed: 205000
     | ^
  fix: indent with ordinary spaces: a no-break space (\\xa0), as copied from a document, is not indentation""",
    ),
    # values
    Case(
        "value-wrong-kind",
        "value.wrong_kind",
        "the projects keyed by id instead of listed",
        """\
data/budget_2019.yaml:9:3: projects: should be a list, not keys and values
  9 |   ahti:
    |   ^""",
    ),
    Case(
        "value-blank",
        "value.blank",
        "a project's name left empty",
        """\
data/budget_2019.yaml:10:10: name: has no value; write one after the colon
  10 |     name:
     |          ^""",
    ),
    Case(
        "value-spaces-only",
        "value.blank",
        "a project's name of spaces only",
        """\
data/budget_2019.yaml:10:11: name: has no value; write one after the colon
  10 |     name: "  "
     |           ^""",
    ),
    Case(
        "value-empty",
        "value.empty",
        "a budget without projects",
        """\
data/budget_2019.yaml:8:11: projects: is empty; it needs at least one item
  8 | projects: []
    |           ^""",
    ),
    Case(
        "value-too-long",
        "value.too_long",
        "a description pasted in place of a name",
        """\
data/budget_2019.yaml:10:11: name: is 503 characters long; the limit is 500
  10 |     name: Ahti on avoin rajapinta, joka kokoaa veneilyn palvelut yhteen. Ahti on avoin rajapinta, jo…
     |           ^""",
    ),
    Case(
        "name-invisible-character",
        "value.invisible_character",
        "a zero-width space pasted into a name, which would follow it into every output",
        """\
data/budget_2019.yaml:10:11: name: the name holds an invisible or control character (U+200B); write it in plain letters
  10 |     name: "Ahti\\u200b"
     |           ^""",
    ),
    Case(
        "name-line-break",
        "value.line_break",
        "a line break inside a quoted name",
        """\
data/budget_2019.yaml:10:11: name: the name holds a line break or tab; write it on one line
  10 |     name: "Ahti\\nVene Helsingissä"
     |           ^""",
    ),
    Case(
        "value-id",
        "value.id",
        "a project's name written as its id",
        """\
data/budget_2019.yaml:9:9: id: 'Vene Helsingissä' is not an id: an id has only lowercase letters a-z, digits, - and _
  9 |   - id: Vene Helsingissä
    |         ^
  fix: - id: vene-helsingissa""",
    ),
    Case(
        "value-month",
        "value.month",
        "the month written as on paper, 1/2019",
        """\
data/budget_2019.yaml:2:8: as_of: '1/2019' is not a month; write it as YYYY-MM, e.g. 2019-01
  2 | as_of: 1/2019
    |        ^""",
    ),
    Case(
        "value-measure-number",
        "value.measure_number",
        "a focus measure numbered with a comma, checked",
        """\
data/programme.yaml:9:17: number: '1,1' is not a measure number; write it like 1.1
  9 |       - number: 1,1
    |                 ^""",
        args=CHECK,
    ),
    Case(
        "value-currency",
        "value.currency",
        "a budget in dollars",
        """\
data/budget_2019.yaml:3:11: currency: 'USD' is not supported; amounts are in euros: EUR
  3 | currency: USD
    |           ^""",
    ),
    Case(
        "value-year",
        "value.year",
        "the year in two digits",
        """\
data/budget_2019.yaml:1:7: year: '19' is not a year; write four digits, e.g. 2020
  1 | year: 19
    |       ^""",
    ),
    Case(
        "value-area-number",
        "value.area_number",
        "an action area numbered in Roman numerals, checked",
        """\
data/programme.yaml:5:13: number: 'I' is not an action area number; write a whole number from 1 to 99
  5 |   - number: I
    |             ^""",
        args=CHECK,
    ),
    # amounts, as a person writes them
    Case(
        "amount-blank",
        "amount.blank",
        "a project's total left empty (a blank optional cell is simply left out)",
        """\
data/budget_2019.yaml:11:11: total: no amount is given; write the amount (0 if it is zero)
  11 |     total:
     |           ^""",
    ),
    Case(
        "amount-dash",
        "amount.dash",
        "a dash for an empty cell, copied from a spreadsheet",
        """\
data/budget_2019.yaml:14:16: committed: '–' is not an amount; leave the key out for a blank cell, or write 0
  14 |     committed: –
     |                ^""",
    ),
    Case(
        "yaml-dash-value",
        "yaml.dash_value",
        "a hyphen for an empty cell, unquoted, as a spreadsheet shows it",
        """\
data/budget_2019.yaml:14:16: committed: a dash alone is not a value; leave the key out for a blank cell, or write 0
  14 |     committed: -
     |                ^""",
    ),
    Case(
        "amount-negative",
        "amount.negative",
        "a negative amount",
        """\
data/budget_2019.yaml:14:16: committed: '-205000' is negative; amounts cannot be negative
  14 |     committed: -205000
     |                ^""",
    ),
    Case(
        "amount-negative-fi",
        "amount.negative",
        "the same, in Finnish",
        """\
data/budget_2019.yaml:14:16: committed: '-205000' on negatiivinen; summa ei voi olla negatiivinen
  14 |     committed: -205000
     |                ^""",
        args="budget --data data --lang fi",
    ),
    Case(
        "amount-sign",
        "amount.sign",
        "an amount with a plus sign",
        """\
data/budget_2019.yaml:14:16: committed: '+205000' has a plus sign; write the digits only
  14 |     committed: +205000
     |                ^
  fix: committed: 205000""",
    ),
    Case(
        "amount-percent",
        "amount.percent_sign",
        "a cost line's share with a percent sign",
        """\
data/estimate_2019_2020.yaml:11:12: share: '100 %' has a percent sign; write the number only
  11 |     share: 100 %
     |            ^
  fix: share: 100""",
        args=ESTIMATE,
    ),
    Case(
        "amount-currency",
        "amount.currency_sign",
        "an amount with the euro sign",
        """\
data/budget_2019.yaml:14:16: committed: '205 000 €' has a currency; amounts are in euros, so write the digits only
  14 |     committed: 205 000 €
     |                ^
  fix: committed: 205 000""",
    ),
    Case(
        "amount-exponent",
        "amount.exponent",
        "an amount in exponent notation, 2.05e+5",
        """\
data/budget_2019.yaml:11:12: total: '2.05e+5' is in exponent notation; write the amount in full digits
  11 |     total: 2.05e+5
     |            ^
  fix: total: 205000""",
    ),
    Case(
        "amount-exponent-bare",
        "amount.exponent",
        "an amount in exponent notation without a dot, 2e5",
        """\
data/budget_2019.yaml:11:12: total: '2e5' is in exponent notation; write the amount in full digits
  11 |     total: 2e5
     |            ^
  fix: total: 200000""",
    ),
    Case(
        "amount-exponent-dot",
        "amount.exponent",
        "an amount in exponent notation with a dot and a sign, 2.0e+5",
        """\
data/budget_2019.yaml:14:16: committed: '2.0e+5' is in exponent notation; write the amount in full digits
  14 |     committed: 2.0e+5
     |                ^
  fix: committed: 200000""",
    ),
    Case(
        "amount-colon",
        "amount.colon",
        "8:00 (YAML 1.1 would read it as 480)",
        """\
data/budget_2019.yaml:14:16: committed: '8:00' has a colon; an amount is digits only, e.g. 150000
  14 |     committed: 8:00
     |                ^""",
    ),
    Case(
        "amount-no-whole",
        "amount.no_whole",
        "a bare .5",
        """\
data/budget_2019.yaml:14:16: committed: '.5' has no digit before the dot
  14 |     committed: .5
     |                ^
  fix: committed: 0.5""",
    ),
    Case(
        "amount-trailing-dot",
        "amount.trailing_dot",
        "an amount ending in a dot",
        """\
data/budget_2019.yaml:14:16: committed: '205000.' ends with a dot; write the cents after it, or leave it out
  14 |     committed: 205000.
     |                ^
  fix: committed: 205000""",
    ),
    Case(
        "amount-cents",
        "amount.cents",
        "three decimals",
        """\
data/budget_2019.yaml:14:16: committed: '205000.005' has more than two decimals; cents are the smallest unit
  14 |     committed: 205000.005
     |                ^""",
    ),
    Case(
        "amount-dot-grouping",
        "amount.dot_grouping",
        "thousands grouped with a dot, 205.000",
        """\
data/budget_2019.yaml:14:16: committed: '205.000' has three decimals; if the dot groups the thousands, write the amount without it
  14 |     committed: 205.000
     |                ^
  fix: committed: 205000""",
    ),
    Case(
        "amount-decimal-comma",
        "amount.decimal_comma",
        "cents after a decimal comma, as Finnish is written",
        """\
data/budget_2019.yaml:14:16: committed: '205000,50' has a decimal comma; write the decimals after a dot
  14 |     committed: 205000,50
     |                ^
  fix: committed: 205000.50""",
    ),
    Case(
        "amount-comma",
        "amount.comma",
        "thousands grouped with a comma, as English is written",
        """\
data/budget_2019.yaml:14:16: committed: '205,000' has a comma; write the digits only, grouped with spaces if you like (1 500 000)
  14 |     committed: 205,000
     |                ^""",
    ),
    Case(
        "amount-dots",
        "amount.dots",
        "thousands grouped with dots",
        """\
data/budget_2019.yaml:14:16: committed: '2.050.000' has more than one dot; group thousands with spaces (1 500 000) and write the cents after a single dot
  14 |     committed: 2.050.000
     |                ^""",
    ),
    Case(
        "amount-grouping",
        "amount.grouping",
        "digits grouped other than by threes",
        """\
data/budget_2019.yaml:14:16: committed: '20 5000' is not grouped in threes; write 150000 or 150 000
  14 |     committed: 20 5000
     |                ^""",
    ),
    Case(
        "amount-leading-zero",
        "amount.leading_zero",
        "a leading zero (YAML 1.1 would read 0205000 as the octal 68 096)",
        """\
data/budget_2019.yaml:14:16: committed: '0205000' begins with a zero; write the amount without it
  14 |     committed: 0205000
     |                ^
  fix: committed: 205000""",
    ),
    Case(
        "amount-too-large",
        "amount.too_large",
        "a thousand times too much: 205 000 000 000 000",
        """\
data/budget_2019.yaml:14:16: committed: '205000000000000' is too large; the largest amount is 999 999 999 999.99
  14 |     committed: 205000000000000
     |                ^""",
    ),
    Case(
        "amount-boolean",
        "amount.not_amount",
        "no (YAML 1.1 would read it as false)",
        """\
data/budget_2019.yaml:14:16: committed: 'no' is not an amount; write it in digits, e.g. 150000
  14 |     committed: no
     |                ^""",
    ),
    Case(
        "amount-boolean-on",
        "amount.not_amount",
        "on (YAML 1.1 would read it as true)",
        """\
data/budget_2019.yaml:14:16: committed: 'on' is not an amount; write it in digits, e.g. 150000
  14 |     committed: on
     |                ^""",
    ),
    # references within and between the files
    Case(
        "ref-as-of-year",
        "ref.as_of_year",
        "the as-of month of another year than the budget's",
        """\
data/budget_2019.yaml:2:8: the as-of month 2018-12 is not in the budget's year 2019
  2 | as_of: "2018-12"
    |        ^""",
    ),
    Case(
        "value-one-of",
        "value.one_of",
        "a revision of a kind that is neither a transfer nor new money",
        """\
data/followup/revisions.yaml:3:11: kind: 'cut' is not one of 'transfer', 'new_money'
  3 |     kind: cut
    |           ^""",
        args=CHECK,
        prepare=_revision_of_no_kind,
    ),
    Case(
        "value-flag",
        "value.flag",
        "a month's entry marked a correction with yes",
        """\
data/followup/2019-02.yaml:6:17: correction: 'yes' is not a flag; write true or false
  6 |     correction: yes
    |                 ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-flag-fi",
        "value.flag",
        "the same, in Finnish",
        """\
data/followup/2019-02.yaml:6:17: correction: 'yes' ei käy; kirjoita true tai false
  6 |     correction: yes
    |                 ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "value-date",
        "value.date",
        "a revision dated the Finnish way, 14.5.2019",
        """\
data/followup/revisions.yaml:2:11: date: '14.5.2019' is not a date; write YYYY-MM-DD, e.g. 2019-05-14
  2 |   - date: 14.5.2019
    |           ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-date-fi",
        "value.date",
        "the same, in Finnish",
        """\
data/followup/revisions.yaml:2:11: date: '14.5.2019' ei ole päivämäärä; kirjoita VVVV-KK-PP, esim. 2019-05-14
  2 |   - date: 14.5.2019
    |           ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "value-day",
        "value.day",
        "a revision dated the 30th of February",
        """\
data/followup/revisions.yaml:2:11: date: '2019-02-30' is not a day of the calendar
  2 |   - date: 2019-02-30
    |           ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-not-one-line",
        "value.not_one_line",
        "a note of two lines",
        """\
data/followup/2019-02.yaml:6:11: note: holds a control character or line break (U+000A); write one line of plain text
  6 |     note: "invoice 1\\ninvoice 2"
    |           ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-not-one-line-fi",
        "value.not_one_line",
        "the same, in Finnish",
        """\
data/followup/2019-02.yaml:6:11: note: tekstissä on ohjausmerkki tai rivinvaihto (U+000A); kirjoita yksi rivi tavallista tekstiä
  6 |     note: "invoice 1\\ninvoice 2"
    |           ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "value-no-words",
        "value.no_words",
        "a revision whose reason is a space",
        """\
data/followup/revisions.yaml:5:13: reason: is empty; write a few words
  5 |     reason: " "
    |             ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-revision-zero",
        "value.revision_zero",
        "new money of 0",
        """\
data/followup/revisions.yaml:7:13: the amount of a revision must be more than 0
  7 |       ahti: 0
    |             ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "value-revision-zero-fi",
        "value.revision_zero",
        "the same, in Finnish",
        """\
data/followup/revisions.yaml:7:13: muutoksen summan pitää olla yli 0
  7 |       ahti: 0
    |             ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-duplicate-id",
        "ref.duplicate",
        "two projects with the id ahti",
        """\
data/budget_2019.yaml:15:9: the project id 'ahti' is used twice (first on line 9)
  15 |   - id: ahti
     |         ^""",
    ),
    Case(
        "ref-duplicate-name",
        "ref.duplicate",
        "two projects named Ahti",
        """\
data/budget_2019.yaml:16:11: the project name 'Ahti' is used twice (first on line 10)
  16 |     name: Ahti
     |           ^""",
    ),
    Case(
        "ref-duplicate-name-decomposed",
        "ref.duplicate",
        "two names that differ only in how ä is encoded (one letter, or a and a dot)",
        "data/budget_2019.yaml:16:11: the project name 'Vene Helsingissa\u0308' is used "
        "twice (first on line 10)\n"
        "  16 |     name: Vene Helsingissa\u0308\n"
        "     |           ^",
    ),
    Case(
        "ref-unknown-source",
        "ref.unknown_source",
        "a funding source misspelt",
        """\
data/budget_2019.yaml:13:7: no funding source 'externl'; the funding sources are digi_investment, external; did you mean 'external'?
  13 |       externl: 205000
     |       ^""",
    ),
    Case(
        "ref-unknown-source-fi",
        "ref.unknown_source",
        "the same, in Finnish",
        """\
data/budget_2019.yaml:13:7: rahoituslähdettä 'externl' ei ole; rahoituslähteet: digi_investment, external; tarkoititko 'external'?
  13 |       externl: 205000
     |       ^""",
        args="budget --data data --lang fi",
    ),
    Case(
        "ref-unknown-source-revision-fi",
        "ref.unknown_source",
        "a revision's funding source misspelt, in Finnish",
        """\
data/followup/revisions.yaml:4:13: rahoituslähdettä 'externl' ei ole; rahoituslähteet: digi_investment, ict_frame, external; tarkoititko 'external'?
  4 |     source: externl
    |             ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    # the follow-up files against the budget
    Case(
        "ref-unknown-project",
        "ref.unknown_project",
        "a month's figures for omadata, which the budget calls omadata-asiakkuus "
        "(the rest of the data is the shipped data)",
        """\
data/followup/2019-02.yaml:3:3: the budget has no project 'omadata'; did you mean 'omadata-asiakkuus'?
  3 |   omadata:
    |   ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-unknown-project-fi",
        "ref.unknown_project",
        "the same, in Finnish",
        """\
data/followup/2019-02.yaml:3:3: budjetissa ei ole hanketta 'omadata'; tarkoititko 'omadata-asiakkuus'?
  3 |   omadata:
    |   ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-month-not-name",
        "ref.month_not_name",
        "March's figures written into the file of February",
        """\
data/followup/2019-02.yaml:1:8: as_of says 2019-03 but the file is 2019-02.yaml; a month's file is named after its month
  1 | as_of: "2019-03"
    |        ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-month-not-name-fi",
        "ref.month_not_name",
        "the same, in Finnish",
        """\
data/followup/2019-02.yaml:1:8: as_of on 2019-03, mutta tiedoston nimi on 2019-02.yaml; kuukauden tiedosto nimetään kuukautensa mukaan
  1 | as_of: "2019-03"
    |        ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-month-before-budget",
        "ref.month_before_budget",
        "figures as of 2019-02 for a budget whose own figures are as of 2019-03",
        """\
data/followup/2019-02.yaml:1:8: 2019-02 is before the 2019 budget's own figures (as of 2019-03); follow-up starts from there
  1 | as_of: "2019-02"
    |        ^""",
        args=CHECK,
        prepare=_with_budget_as_of_march,
    ),
    Case(
        "ref-month-before-budget-fi",
        "ref.month_before_budget",
        "the same, in Finnish",
        """\
data/followup/2019-02.yaml:1:8: 2019-02 on ennen vuoden 2019 budjetin omia lukuja (toteuma 2019-03); seuranta alkaa niistä
  1 | as_of: "2019-02"
    |        ^""",
        args=CHECK + " --lang fi",
        prepare=_with_budget_as_of_march,
    ),
    Case(
        "ref-transfer-without-from",
        "ref.transfer_without_from",
        "a transfer that names only the line receiving the money",
        """\
data/followup/revisions.yaml:3:11: a transfer names the lines it takes money from under 'from'
  3 |     kind: transfer
    |           ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-transfer-without-from-fi",
        "ref.transfer_without_from",
        "the same, in Finnish",
        """\
data/followup/revisions.yaml:3:11: siirto nimeää rivit, joilta se ottaa rahaa, avaimen 'from' alla
  3 |     kind: transfer
    |           ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-new-money-from",
        "ref.new_money_from",
        "new money that also names a line giving it",
        """\
data/followup/revisions.yaml:6:5: new money comes from the funding source, not from lines: remove 'from', or make the revision a transfer (kind: transfer)
  6 |     from:
    |     ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-new-money-from-fi",
        "ref.new_money_from",
        "the same, in Finnish",
        """\
data/followup/revisions.yaml:6:5: uusi raha tulee rahoituslähteestä eikä riveiltä: poista 'from' tai tee muutoksesta siirto (kind: transfer)
  6 |     from:
    |     ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-gives-and-receives",
        "ref.gives_and_receives",
        "a transfer from a line to the same line",
        """\
data/followup/revisions.yaml:9:7: 'ahti' both gives and receives money in one revision
  9 |       ahti: 10000
    |       ^""",
        args=CHECK,
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-gives-and-receives-fi",
        "ref.gives_and_receives",
        "the same, in Finnish",
        """\
data/followup/revisions.yaml:9:7: 'ahti' sekä antaa että saa rahaa samassa muutoksessa
  9 |       ahti: 10000
    |       ^""",
        args=CHECK + " --lang fi",
        prepare=_with_shipped_data,
    ),
    Case(
        "ref-unknown-group",
        "ref.unknown_group",
        "a cost line's group in Finnish",
        """\
data/estimate_2019_2020.yaml:8:12: no group 'strategia'; the groups are strategy; did you mean 'strategy'?
  8 |     group: strategia
    |            ^""",
        args=ESTIMATE,
    ),
    Case(
        "ref-year-outside",
        "ref.year_outside",
        "an amount for 2021 in an estimate of 2019-2020",
        """\
data/estimate_2019_2020.yaml:9:42: 2021 is not one of the estimate's years (2019, 2020)
  9 |     amounts: {2019: 100000, 2020: 50000, 2021: 50000}
    |                                          ^""",
        args=ESTIMATE,
    ),
    Case(
        "ref-year-missing",
        "ref.year_missing",
        "a cost line without an amount for 2020",
        """\
data/estimate_2019_2020.yaml:9:14: the amount for 2020 is missing; write 2020: 0 if there is none
  9 |     amounts: {2019: 100000}
    |              ^""",
        args=ESTIMATE,
    ),
    Case(
        "ref-no-budget-line",
        "ref.no_budget_line",
        "the programme links to a budget line the budget lacks, checked",
        """\
data/programme.yaml:15:20: the budget has no budget line 'ahti-api'; did you mean 'ahti'?
  15 |     budget_lines: [ahti-api]
     |                    ^""",
        args=CHECK,
    ),
    Case(
        "ref-duplicate-measure",
        "ref.duplicate",
        "two focus measures numbered 1.1, checked",
        """\
data/programme.yaml:11:17: the focus measure number '1.1' is used twice (first on line 9)
  11 |       - number: "1.1"
     |                 ^""",
        args=CHECK,
    ),
    Case(
        "ref-measure-other-area",
        "ref.measure_of_another_area",
        "focus measure 2.1 under action area 1, checked",
        """\
data/programme.yaml:11:17: the focus measure 2.1 stands under action area 1; its number must begin with 1
  11 |       - number: "2.1"
     |                 ^""",
        args=CHECK,
    ),
    Case(
        "ref-linked-twice",
        "ref.linked_twice",
        "two programme projects link the same budget line, checked",
        """\
data/programme.yaml:19:20: the budget line 'ahti' is linked twice (first on line 15)
  19 |     budget_lines: [ahti]
     |                    ^""",
        args=CHECK,
    ),
    Case(
        "ref-undescribed-linked",
        "ref.undescribed_linked",
        "a budget line both linked and listed as undescribed, checked",
        """\
data/programme.yaml:16:28: the budget line 'ahti' is linked to a project (on line 15) and listed as undescribed
  16 | undescribed_budget_lines: [ahti]
     |                            ^""",
        args=CHECK,
    ),
    Case(
        "ref-unlinked",
        "ref.unlinked",
        "the reverse: a budget line that the programme does not mention, checked",
        """\
data/programme.yaml:11:1: no programme project links the budget line 'harrastuspassi'
  11 | projects:
     | ^
  fix: add harrastuspassi to a project's budget_lines in programme.yaml, or list it under undescribed_budget_lines""",
        args=CHECK,
    ),
    Case(
        "ref-year-mismatch",
        "ref.year_mismatch",
        "the 2019 budget saved as budget_2020.yaml",
        """\
data/budget_2020.yaml:1:7: the year is 2019, but the file is named budget_2020.yaml
  1 | year: 2019
    |       ^
  fix: rename the file budget_2019.yaml, or correct the year""",
    ),
    # the command line (on the shipped data)
    Case(
        "usage-no-such-option",
        "usage.no_such_option",
        "an option that does not exist",
        """\
Error: no such option --bogus
Try 'kuvadigi budget --help' for help.""",
        args="budget --bogus",
    ),
    Case(
        "usage-option-typo",
        "usage.no_such_option",
        "an option misspelt",
        """\
Error: no such option --projet; did you mean '--project'?
Try 'kuvadigi budget --help' for help.""",
        args="budget --projet Ahti",
    ),
    Case(
        "usage-no-such-command",
        "usage.no_such_command",
        "a command misspelt",
        """\
Error: no such command 'budgte'; did you mean 'budget'?
Try 'kuvadigi --help' for help.""",
        args="budgte",
    ),
    Case(
        "usage-unknown-format",
        "usage.bad_choice",
        "an unknown format, misspelt",
        """\
Error: --format takes one of table, json, csv, markdown, not 'jsn'; did you mean 'json'?
Try 'kuvadigi budget --help' for help.""",
        args="budget --format jsn",
    ),
    Case(
        "usage-unknown-format-fi",
        "usage.bad_choice",
        "the same, in Finnish",
        """\
Virhe: valitsimen --format arvo 'jsn' ei käy; vaihtoehdot: table, json, csv, markdown; tarkoititko 'json'?
Ohjeet: kuvadigi budget --help""",
        args="budget --format jsn --lang fi",
    ),
    Case(
        "usage-unknown-language",
        "usage.bad_choice",
        "a language kuvadigi does not speak",
        """\
Error: --lang takes one of fi, en, not 'sv'
Try 'kuvadigi budget --help' for help.""",
        args="budget --lang sv",
    ),
    Case(
        "usage-not-whole-number",
        "usage.not_whole_number",
        "a range of years",
        """\
Error: --year takes a whole number, not '2020-2021'
Try 'kuvadigi estimate --help' for help.""",
        args="estimate --year 2020-2021",
    ),
    Case(
        "usage-needs-value",
        "usage.needs_value",
        "--project with nothing after it",
        """\
Error: --project needs a value
Try 'kuvadigi budget --help' for help.""",
        args="budget --project",
    ),
    Case(
        "usage-extra-argument",
        "usage.extra_argument",
        "a project named without --project",
        """\
Error: unexpected argument 'Ahti'
Try 'kuvadigi budget --help' for help.""",
        args="budget Ahti",
    ),
    Case(
        "usage-other",
        "usage.other",
        "any other mistake typer finds, in its own (English) words",
        """\
Error: Option '--version' does not take a value.
Try 'kuvadigi --help' for help.""",
        args="--version=yes",
    ),
    Case(
        "usage-unknown-budget-year",
        "usage.no_budget_for_year",
        "a year without a budget",
        """\
Error: there is no budget for 2020; the budgets are for 2019
Try 'kuvadigi budget --help' for help.""",
        args="budget --year 2020",
    ),
    Case(
        "usage-unknown-project",
        "error.unknown_project",
        "a project misspelt",
        """\
Error: no project matches 'Harrastuspasi'; did you mean: Harrastuspassi?
Try 'kuvadigi budget --help' for help.""",
        args="budget --project Harrastuspasi",
    ),
    Case(
        "usage-unknown-estimate-year",
        "error.unknown_year",
        "a year outside the cost estimate",
        """\
Error: 2023 is not in the cost estimate; its years are 2019, 2020, 2021, 2022
Try 'kuvadigi estimate --help' for help.""",
        args="estimate --year 2023",
    ),
    Case(
        "usage-missing-option",
        "usage.missing_option",
        "a required option left out",
        """\
Error: missing option --committed
Try 'kuvadigi record --help' for help.""",
        args="record --project Ahti --as-of 2019-02 --actual 41000",
    ),
    Case(
        "usage-missing-option-fi",
        "usage.missing_option",
        "the same, in Finnish",
        """\
Virhe: valitsin --output puuttuu
Ohjeet: kuvadigi report --help""",
        args="report --lang fi",
    ),
    Case(
        "usage-option-twice",
        "usage.option_twice",
        "record given two projects: one line's figures would go to the other",
        """\
Error: --project is given twice; give it only once
Try 'kuvadigi record --help' for help.""",
        args="record --project Vene --project Ahti --as-of 2019-02 --actual 1 "
        "--committed 150000",
    ),
    Case(
        "usage-option-twice-fi",
        "usage.option_twice",
        "revise given two amounts, in Finnish",
        """\
Virhe: --amount on annettu kahdesti; anna se vain kerran
Ohjeet: kuvadigi revise --help""",
        args="revise --date 2019-05-14 --to Ahti --amount 100 --amount=200 "
        "--source external --reason x --lang fi",
    ),
    Case(
        "usage-empty-folder",
        "usage.empty_path",
        "init given an empty folder name, as an unset shell variable gives it",
        """\
Error: FOLDER is empty; give the name of a folder or file (. is this folder)
Try 'kuvadigi init --help' for help.""",
        args="init ''",
    ),
    Case(
        "usage-empty-data-fi",
        "usage.empty_path",
        "--data given as empty text, in Finnish",
        """\
Virhe: --data on tyhjä; anna kansion tai tiedoston nimi (. on tämä kansio)
Ohjeet: kuvadigi budget --help""",
        args="budget --data= --lang fi",
    ),
    Case(
        "usage-missing-argument",
        "usage.missing_argument",
        "init without the folder to write into",
        """\
Error: missing argument 'folder'
Try 'kuvadigi init --help' for help.""",
        args="init",
    ),
    Case(
        "usage-missing-argument-fi",
        "usage.missing_argument",
        "the same, in Finnish",
        """\
Virhe: argumentti 'folder' puuttuu
Ohjeet: kuvadigi init --help""",
        args="init --lang fi",
    ),
    Case(
        "usage-missing-argument-choice",
        "usage.missing_argument_choice",
        "schema without the file it is of",
        """\
Error: missing argument 'file'; it takes one of budget, estimate, programme
Try 'kuvadigi schema --help' for help.""",
        args="schema",
    ),
    Case(
        "usage-missing-argument-choice-fi",
        "usage.missing_argument_choice",
        "the same, in Finnish",
        """\
Virhe: argumentti 'file' puuttuu; vaihtoehdot: budget, estimate, programme
Ohjeet: kuvadigi schema --help""",
        args="schema --lang fi",
    ),
    Case(
        "usage-argument-choice",
        "usage.bad_argument_choice",
        "a data file misspelt",
        """\
Error: argument 'file' takes one of budget, estimate, programme, not 'budgte'; did you mean 'budget'?
Try 'kuvadigi schema --help' for help.""",
        args="schema budgte",
    ),
    Case(
        "usage-argument-choice-fi",
        "usage.bad_argument_choice",
        "a file that has no schema, in Finnish",
        """\
Virhe: argumentin 'file' arvo 'foo' ei käy; vaihtoehdot: budget, estimate, programme
Ohjeet: kuvadigi schema --help""",
        args="schema foo --lang fi",
    ),
]


def prepare(folder: Path, case: Case) -> None:
    """Lay out `case`'s input in `folder`: its files in `data/`, and what `prepare`
    makes."""
    import shutil

    if case.inputs is not None:
        shutil.copytree(case.inputs, folder / "data")
    if case.prepare is not None:
        case.prepare(folder)


def catalogue() -> str:
    """docs/errors.md: every message, in both languages, with an input that shows it."""
    from kuvadigi.error_texts import ERROR_TEXTS, FALLBACK_KEYS, message_keys
    from kuvadigi.i18n import TEXTS

    lines = [
        "# Error messages",
        "",
        *_INTRODUCTION.strip().splitlines(),
        "",
    ]
    sections = {
        "folder.": "The data folder",
        "file.": "Reading a file",
        "yaml.": "YAML syntax and safety",
        "field.": "The shape of the data",
        "value.": "Values",
        "amount.": "Amounts",
        "ref.": "References within and between the files",
        "usage.": "The command line",
        "error.": "The command line: the data",
    }
    keys = message_keys() + [
        key
        for key in dict.fromkeys(case.key for case in CASES)
        if key not in ERROR_TEXTS
    ]
    section = None
    for key in keys:
        prefix = key.split(".", 1)[0] + "."
        if sections[prefix] != section:
            section = sections[prefix]
            lines += [f"## {section}", ""]
        finnish, english = TEXTS[key]
        lines += [f"### `{key}`", "", f"- en: {english}", f"- fi: {finnish}", ""]
        for case in (case for case in CASES if case.key == key):
            lines += _example(case)
    lines += [
        "## Fallbacks",
        "",
        "Shown only where kuvadigi has no message of its own for what pydantic "
        "refused; the text is pydantic's, in English. Please report it.",
        "",
    ]
    for key in FALLBACK_KEYS:
        finnish, english = TEXTS[key]
        lines += [f"### `{key}`", "", f"- en: {english}", f"- fi: {finnish}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _example(case: Case) -> list[str]:
    lines = [f"Example `{case.name}`: {case.about}.", ""]
    inputs = case.inputs
    # A follow-up file lies in a folder of its own: `followup/2019-02.yaml`.
    files = (
        sorted(path.relative_to(inputs) for path in inputs.rglob("*") if path.is_file())
        if inputs is not None
        else []
    )
    if files:
        names = ", ".join(f"`data/{path.as_posix()}`" for path in files)
        lines += [f"Input: {names}.", ""]
    for path in files:
        assert inputs is not None
        shown = _shown_input(inputs, path, case.expected)
        if shown is not None:
            lines += ["```text", shown, "```", ""]
    lines += ["```console", f"$ {case.command}", case.expected]
    if case.exit_code:
        lines.append(f"$ echo $?\n{case.exit_code}")
    lines += ["```", ""]
    return lines


def _shown_input(inputs: Path, name: Path, expected: str) -> str | None:
    """The part of an input file that the expected output is about: the lines around
    the first line it names (numbered like the excerpts), the whole file where it names
    none, and nothing where the file is not text or the output does not name it."""
    place = re.search(rf"data/{re.escape(name.as_posix())}(?::(\d+))?", expected)
    data = (inputs / name).read_bytes()
    if place is None or b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text:
        return "# (empty)"
    all_lines = text.rstrip("\n").split("\n")
    first = int(place.group(1) or 1)
    start, end = (
        (0, len(all_lines))
        if not place.group(1)
        else (
            max(0, first - 1 - _CONTEXT),
            min(len(all_lines), first + _CONTEXT),
        )
    )
    width = len(str(end))
    numbered = [
        _visible(f"{number:>{width}} {line}".rstrip())
        for number, line in enumerate(all_lines[start:end], start + 1)
    ]
    shown = len(all_lines) if end - start == len(all_lines) else end - start
    heading = f"# data/{name.as_posix()}"
    if shown < len(all_lines):
        heading += f", lines {start + 1}-{end} of {len(all_lines)}"
    return "\n".join([heading, *numbered])


def _visible(line: str) -> str:
    """`line` with tabs, no-break spaces and control characters made visible."""
    line = line.replace("\t", "→   ").replace("\u00a0", "⍽")
    return re.sub("[\x00-\x1f]", lambda match: chr(0x2400 + ord(match[0])), line)


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        CATALOGUE.parent.mkdir(exist_ok=True)
        CATALOGUE.write_text(catalogue(), encoding="utf-8")
    else:
        for case in CASES:
            print(f"{case.name}: $ {case.command}")
