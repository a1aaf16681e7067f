"""Every bad input gets a clear, located message and exit 2: no traceback, no silently
different number.

The cases themselves (input, command, exact message) are the table in
tests/error_cases.py, which docs/errors.md is generated from; this file runs them and
checks what a table cannot: that nothing runs, hangs or grows, that a byte-order mark
and CRLF change nothing, that Ctrl-C and a closed pipe end quietly.
"""

from __future__ import annotations

import ast
import copy
import datetime
import os
import pickle
import re
import shlex
import shutil
import signal
import stat
import string
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from kuvadigi import yamlfile
from kuvadigi.error_texts import ERROR_TEXTS, FALLBACK_KEYS, message_keys
from kuvadigi.i18n import TEXTS, Lang
from kuvadigi.loader import shipped_data
from kuvadigi.problems import PROBLEM_CAP, Message
from kuvadigi.render.problems import problem_text
from kuvadigi.usage import usage_lines
from kuvadigi.validation import validation_problems

from .app_commands import command_names, commands
from .conftest import OWN_COPY, Kuvadigi
from .error_cases import CASES, CATALOGUE, Case, catalogue, prepare

REPO = Path(__file__).resolve().parent.parent


def run_case(kuvadigi: Kuvadigi, folder: Path, case: Case) -> tuple[int, str, str]:
    """Run `case` in `folder`, the working folder, its input laid out in `data/`."""
    prepare(folder, case)
    result = kuvadigi(*shlex.split(case.args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working folder, left again after the test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL_CASES = CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.name)
def test_bad_input__exact_message_and_exit_code(
    kuvadigi: Kuvadigi, in_tmp: Path, case: Case
) -> None:
    exit_code, stdout, stderr = run_case(kuvadigi, in_tmp, case)

    assert stderr == case.expected + "\n"
    assert exit_code == case.exit_code
    assert stdout == ""


def test_every_message_of_the_catalogue_has_a_case() -> None:
    shown = {case.key for case in ALL_CASES}

    assert [key for key in message_keys() if key not in shown] == []


def test_every_case_shows_a_message_of_the_catalogue() -> None:
    assert [case.name for case in ALL_CASES if case.key not in TEXTS] == []


def test_docs_errors_md_is_the_catalogue_of_the_cases() -> None:
    # After changing a case or a message: python -m tests.error_cases --update
    assert CATALOGUE.read_text(encoding="utf-8") == catalogue()


def test_every_case_on_a_data_folder_has_its_own_input() -> None:
    on_data = [case for case in CASES if "--data data" in case.args]

    assert [
        case.name for case in on_data if case.inputs is None and case.prepare is None
    ] == []


def test_messages__finnish_and_english_fill_the_same_fields() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (finnish, english) in ERROR_TEXTS.items():
        assert fields(finnish) == fields(english), key


def test_messages__i18n_does_not_define_them_again() -> None:
    # TEXTS takes ERROR_TEXTS in whole; a key defined in both would be silently lost.
    tree = ast.parse((REPO / "kuvadigi" / "i18n.py").read_text(encoding="utf-8"))
    literal_keys = {
        node.value
        for assignment in ast.walk(tree)
        if isinstance(assignment, ast.AnnAssign | ast.Assign)
        and isinstance(assignment.value, ast.Dict)
        for node in assignment.value.keys
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert literal_keys & ERROR_TEXTS.keys() == set()


def test_fallback__pydantic_refusal_without_a_message_of_our_own(
    tmp_path: Path,
) -> None:
    # No model of kuvadigi's own refuses a value in pydantic's words (each has a
    # message in the catalogue), so a small model of the test's shows the fallback.
    class Meeting(BaseModel):
        day: datetime.date

    path = tmp_path / "meeting.yaml"
    path.write_text("day: tomorrow\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        Meeting.model_validate({"day": "tomorrow"})

    (problem,) = validation_problems(path, refused.value, Meeting)

    assert FALLBACK_KEYS == ("value.invalid",)
    assert problem_text(problem, "en") == (
        f"{path}:1:6: day: Input should be a valid date or datetime, input is too "
        "short\n"
        "  1 | day: tomorrow\n"
        "    |      ^"
    )


# --- files that must simply work ------------------------------------------------------


def _with_bom_and_crlf(folder: Path) -> None:
    for path in folder.glob("*.yaml"):
        text = path.read_bytes().decode("utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        "budget --format json",
        "estimate --format json",
        "check",
        "budget --project Ahti",
    ],
)
def test_bom_and_crlf__same_output_as_the_shipped_data(
    kuvadigi: Kuvadigi, data_copy: Path, args: str
) -> None:
    original = kuvadigi(*shlex.split(args), "--data", str(data_copy))
    _with_bom_and_crlf(data_copy)
    assert (data_copy / "budget_2019.yaml").read_bytes().startswith(b"\xef\xbb\xbf")

    windows = kuvadigi(*shlex.split(args), "--data", str(data_copy))

    assert windows == original
    assert original.exit_code == 0


def test_bom_and_crlf__a_problem_is_still_placed_right(
    kuvadigi: Kuvadigi, in_tmp: Path
) -> None:
    (case,) = [case for case in CASES if case.name == "amount-negative"]
    prepare(in_tmp, case)
    _with_bom_and_crlf(in_tmp / "data")

    result = kuvadigi("budget", "--data", "data")

    assert result.stderr == case.expected + "\n"


def test_project_named_no_stays_no(kuvadigi: Kuvadigi, in_tmp: Path) -> None:
    shutil.copytree(REPO / "tests" / "errors" / "project-named-no", "data")

    result = kuvadigi("budget", "--data", "data", "--format", "json")

    assert '"name": "NO"' in result.stdout
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("205000", "205000"),
        ("205 000", "205000"),
        ("205_000", "205000"),
        ("205\u00a0000", "205000"),
        ("'205000'", "205000"),
        ("205000.5", "205000.5"),
        ("205000.50", "205000.50"),
        ("0.50", "0.50"),
    ],
)
def test_amount__read_as_a_person_reads_it(
    kuvadigi: Kuvadigi, in_tmp: Path, written: str, meant: str
) -> None:
    (case,) = [case for case in CASES if case.name == "amount-negative"]
    prepare(in_tmp, case)
    budget = in_tmp / "data" / "budget_2019.yaml"
    budget.write_text(
        budget.read_text(encoding="utf-8").replace("-205000", written),
        encoding="utf-8",
    )

    result = kuvadigi("budget", "--data", "data", "--format", "json")

    # The JSON number is written from the Decimal's own digits: "committed": 205000.5
    assert f'"committed": {Decimal(meant).normalize():f}' in result.stdout
    assert result.exit_code == 0


# --- safety -------------------------------------------------------------------------


def test_python_tag__refused_and_never_run(kuvadigi: Kuvadigi, in_tmp: Path) -> None:
    (case,) = [case for case in CASES if case.name == "yaml-tag"]
    prepare(in_tmp, case)

    result = kuvadigi("budget", "--data", "data")

    assert result.exit_code == 2
    # The tag asks for `touch hacked` in the working folder.
    assert not (in_tmp / "hacked").exists()


def test_alias_bomb__each_alias_is_told_once_and_nothing_is_expanded(
    tmp_path: Path,
) -> None:
    # 64 levels of two aliases each: expanded, this would be 2**64 values, so the test
    # could not end if any step expanded it. Ending at all is the proof.
    lines = ["l0: &l0 [x, x]"]
    lines += [f"l{n}: &l{n} [*l{n - 1}, *l{n - 1}]" for n in range(1, 65)]
    bomb = tmp_path / "budget_2019.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")

    _value, problems = yamlfile.read_values(bomb)

    assert len(problems) == 64
    assert {problem.line for problem in problems} == set(range(2, 66))
    assert all(
        isinstance(problem.message, Message) and problem.message.key == "yaml.alias"
        for problem in problems
    )


def test_deep_nesting__refused_without_recursion_error(tmp_path: Path) -> None:
    deep = tmp_path / "budget_2019.yaml"
    deep.write_text("year: " + "[" * 900 + "]" * 900 + "\n", encoding="utf-8")

    _value, problems = yamlfile.read_values(deep)

    (problem,) = problems
    assert isinstance(problem.message, Message)
    assert problem.message.key == "yaml.too_deep"


@pytest.mark.parametrize("cache", ["default", "off"])
def test_endless_file__refused_at_the_size_limit(in_tmp: Path, cache: str) -> None:
    # A data file that is a link to /dev/zero never ends: it must be refused at the
    # limit, not read into memory or forever, by every reader of the file (the cache
    # of validated data reads it too). Run apart, so a failure cannot hang the suite.
    (in_tmp / "data").mkdir()
    (in_tmp / "data" / "budget_2019.yaml").symlink_to("/dev/zero")

    result = subprocess.run(
        [sys.executable, "-m", "kuvadigi", "budget", "--data", "data"],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        env={
            **_environment(),
            **({"KUVADIGI_NO_CACHE": "1"} if cache == "off" else {}),
        },
    )

    assert result.stderr == (
        "data/budget_2019.yaml: is larger than 64 MiB, the limit for a data file\n"
    )
    assert result.returncode == 2


# --- every problem, up to a cap -------------------------------------------------------


def test_every_problem_is_reported__up_to_the_cap(
    kuvadigi: Kuvadigi, in_tmp: Path
) -> None:
    (case,) = [case for case in CASES if case.name == "amount-negative"]
    prepare(in_tmp, case)
    budget = in_tmp / "data" / "budget_2019.yaml"
    project = "\n".join(budget.read_text(encoding="utf-8").splitlines()[8:14])
    # 60 projects, each with a negative committed: 60 problems, 50 of them listed.
    copies = [
        project.replace("ahti", f"ahti-{n}").replace("Ahti", f"Ahti {n}")
        for n in range(60)
    ]
    head = budget.read_text(encoding="utf-8").split("  - id: ahti", 1)[0]
    budget.write_text(head + "\n".join(copies) + "\n", encoding="utf-8")

    result = kuvadigi("budget", "--data", "data")

    messages = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert len(messages) == PROBLEM_CAP
    # The first project's committed is on line 14, each next one 6 lines further.
    assert messages[0].startswith("data/budget_2019.yaml:14:16: committed: '-205000'")
    assert messages[-1].startswith(
        f"data/budget_2019.yaml:{14 + 6 * 49}:16: committed: '-205000'"
    )
    assert result.stderr.splitlines()[-1] == "… and 10 more problems"
    assert result.exit_code == 2


def test_every_file_of_a_run_is_reported(kuvadigi: Kuvadigi, in_tmp: Path) -> None:
    shutil.copytree(shipped_data(), in_tmp / "data", ignore=OWN_COPY)
    budget = in_tmp / "data" / "budget_2019.yaml"
    estimate = in_tmp / "data" / "estimate_2019_2022.yaml"
    budget.write_text(
        budget.read_text(encoding="utf-8").replace(
            "committed: 200000", "committed: -200000", 1
        ),
        encoding="utf-8",
    )
    estimate.write_text(
        estimate.read_text(encoding="utf-8").replace("share: 2\n", "share: 2 %\n", 1),
        encoding="utf-8",
    )

    result = kuvadigi("check", "--data", "data")

    assert "data/budget_2019.yaml:" in result.stderr
    assert "committed: '-200000' is negative" in result.stderr
    assert "data/estimate_2019_2022.yaml:" in result.stderr
    assert "share: '2 %' has a percent sign" in result.stderr
    assert result.exit_code == 2


# --- language -------------------------------------------------------------------------


def test_usage_error__language_from_the_locale(kuvadigi: Kuvadigi) -> None:
    result = kuvadigi("budget", "--bogus", env={"LANG": "fi_FI.UTF-8"})

    assert result.stderr == (
        "Virhe: valitsinta --bogus ei ole\nOhjeet: kuvadigi budget --help\n"
    )
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            "record --project Ahti --as-of 2019-02 --actual 41000",
            "Virhe: valitsin --committed puuttuu\nOhjeet: kuvadigi record --help\n",
        ),
        (
            "report",
            "Virhe: valitsin --output puuttuu\nOhjeet: kuvadigi report --help\n",
        ),
        ("init", "Virhe: argumentti 'folder' puuttuu\nOhjeet: kuvadigi init --help\n"),
        (
            "schema budgte",
            "Virhe: argumentin 'file' arvo 'budgte' ei käy; vaihtoehdot: budget, "
            "estimate, programme; tarkoititko 'budget'?\n"
            "Ohjeet: kuvadigi schema --help\n",
        ),
    ],
)
def test_usage_error__missing_or_not_a_choice_in_the_language_of_the_locale(
    kuvadigi: Kuvadigi, args: str, expected: str
) -> None:
    result = kuvadigi(*shlex.split(args), env={"LANG": "fi_FI.UTF-8"})

    assert result.stderr == expected
    assert result.exit_code == 2


def _required(command: str) -> list[Any]:
    """The options and arguments `kuvadigi COMMAND` cannot run without."""
    return [
        param for param in commands()[tuple(command.split())].params if param.required
    ]


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize(
    "command", [command for command in command_names() if _required(command)]
)
def test_usage_error__every_required_option_and_argument_told_when_missing(
    kuvadigi: Kuvadigi, command: str, lang: Lang
) -> None:
    # Given nothing but --lang, a command is told the first of what it requires.
    first = _required(command)[0]
    if first.param_type_name == "option":
        message = Message("usage.missing_option", {"option": max(first.opts, key=len)})
    elif first.type_descriptor.is_choice:
        choices = ", ".join(
            str(choice.value) for choice in first.type_descriptor.choices
        )
        message = Message(
            "usage.missing_argument_choice", {"name": first.name, "choices": choices}
        )
    else:
        message = Message("usage.missing_argument", {"name": first.name})

    result = kuvadigi(*command.split(), "--lang", lang)

    assert result.stderr == usage_lines(message, f"kuvadigi {command}", lang) + "\n"
    assert result.exit_code == 2


def test_data_error__language_from_the_locale(kuvadigi: Kuvadigi, in_tmp: Path) -> None:
    (case,) = [case for case in CASES if case.name == "amount-negative-fi"]
    prepare(in_tmp, case)

    result = kuvadigi("budget", "--data", "data", env={"LC_ALL": "fi_FI.UTF-8"})

    assert result.stderr == case.expected + "\n"


# --- the ways a run ends --------------------------------------------------------------


def _environment() -> dict[str, str]:
    return {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.mark.parametrize(
    "args", ["budget", "estimate --format json", "check", "budget --format csv"]
)
def test_closed_pipe__ends_quietly(args: str) -> None:
    # The reading end is closed before kuvadigi writes a byte, as when `head` has
    # gone: every write meets a closed pipe.
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kuvadigi", *shlex.split(args)],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
            env=_environment(),
        )
    finally:
        os.close(writing)

    assert result.stderr == ""
    assert result.returncode == 0


def _spoilt(data: Path, pattern: str, replacement: str) -> Path:
    """`data` with every match of `pattern` in the budget file replaced."""
    budget = data / "budget_2019.yaml"
    text = budget.read_text(encoding="utf-8")
    budget.write_text(re.sub(pattern, replacement, text), encoding="utf-8")
    return data


def _read_a_byte_and_close(args: list[str], stderr: Any) -> tuple[int, bytes]:
    """Run kuvadigi into a pipe whose reader, like `head -c 1`, reads one byte of the
    output and goes: what kuvadigi writes after that meets a closed pipe."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kuvadigi", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        env=_environment(),
    )
    try:
        assert process.stdout is not None
        first = os.read(process.stdout.fileno(), 1)
        process.stdout.close()
        return process.wait(timeout=120), first
    finally:
        process.kill()


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        ("budget", 0),
        ("trend", 0),
        ("trend --project Ahti", 0),
        ("estimate --chart", 0),
        ("budget --format csv", 0),
        # check's findings: the data disagrees with itself.
        ("check --data {disagrees}", 1),
        ("check --data {disagrees} --format csv", 1),
    ],
)
def test_closed_pipe__midway_ends_quietly_with_the_exit_code_of_the_run(
    data_copy: Path, tmp_path: Path, args: str, exit_code: int
) -> None:
    disagrees = _spoilt(data_copy, r"remaining: (\d)", r"remaining: 1\1")
    errors = tmp_path / "stderr"

    with errors.open("wb") as stderr:
        returncode, first = _read_a_byte_and_close(
            shlex.split(args.format(disagrees=disagrees)), stderr
        )

    assert first != b""
    assert errors.read_text(encoding="utf-8") == ""
    assert returncode == exit_code


def test_closed_pipe__midway_through_the_problems_of_bad_data_exits_2(
    data_copy: Path,
) -> None:
    # Every committed amount negative: a problem each, told line by line on standard
    # error, which goes into the same pipe (`kuvadigi check 2>&1 | head -2`).
    bad = _spoilt(data_copy, r"committed: (\d)", r"committed: -\1")

    returncode, first = _read_a_byte_and_close(
        ["check", "--data", str(bad)], subprocess.STDOUT
    )

    assert first != b""
    assert returncode == 2


def test_ctrl_c__exits_130_quietly(tmp_path: Path) -> None:
    # The budget file is a named pipe that nobody writes: kuvadigi waits on it, and is
    # interrupted there, in the middle of reading.
    data = tmp_path / "data"
    data.mkdir()
    fifo = data / "budget_2019.yaml"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "kuvadigi", "budget", "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    try:
        writer = _open_when_read(fifo, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
        os.close(writer)
    finally:
        process.kill()

    assert (process.returncode, stdout, stderr) == (130, "", "")


def _open_when_read(fifo: Path, process: subprocess.Popen[str]) -> int:
    """Open `fifo` for writing once `process` has opened it for reading (the open
    fails with ENXIO until then); the process then waits for data that never comes."""
    for _ in range(6000):
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            assert process.poll() is None, process.communicate()
            time.sleep(0.01)
    raise AssertionError("kuvadigi never opened the budget file")


def test_no_command_writes_into_the_data_folder(
    kuvadigi: Kuvadigi, data_copy: Path
) -> None:
    def snapshot() -> dict[str, tuple[bytes, int, int]]:
        return {
            str(path.relative_to(data_copy)): (
                path.read_bytes() if path.is_file() else b"",
                path.stat().st_mtime_ns,
                stat.S_IMODE(path.stat().st_mode),
            )
            for path in sorted(data_copy.rglob("*"))
        }

    before = snapshot()
    for args in (
        "budget",
        "budget --format json",
        "budget --project Ahti --format csv",
        "estimate",
        "estimate --year 2020 --format markdown",
        "check",
        "check --format json",
        "budget --format jsn",
        "budget --project Nobody",
    ):
        kuvadigi(*shlex.split(args), "--data", str(data_copy))

    assert snapshot() == before


def test_message__copied_and_pickled_as_what_it_is_made_of() -> None:
    message = Message("amount.negative", {"text": "-5"})

    for copied in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert (
            copied.told("fi") == "'-5' on negatiivinen; summa ei voi olla negatiivinen"
        )
        assert copied == "'-5' is negative; amounts cannot be negative"
