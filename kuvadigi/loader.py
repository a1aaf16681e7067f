"""Load a data folder into validated models, turning every problem into a located message.

A data folder holds `budget_YEAR.yaml` (one per year), one `estimate_*.yaml` and
`programme.yaml`. Nothing here writes to the folder.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kuvadigi import yamlfile
from kuvadigi.models import FIELD_NAMES, Budget, Estimate, Programme
from kuvadigi.problems import PROBLEM_CAP, DataError, Problem
from kuvadigi.references import (
    Finding,
    budget_references,
    estimate_references,
    programme_references,
)

DATA_ENV = "KUVADIGI_DATA"
BUDGET_FILE = re.compile(r"^budget_(?P<year>[0-9]{4})\.ya?ml$")
ESTIMATE_GLOB = "estimate_*.yaml"
PROGRAMME_FILE = "programme.yaml"

ModelT = TypeVar("ModelT", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[ModelT]):
    """A validated model and the file it came from."""

    model: ModelT
    path: Path


def shipped_data() -> Path:
    """The folder of the data that comes with kuvadigi: the source document's figures."""
    installed = Path(__file__).parent / "data"
    if installed.is_dir():
        return installed
    # Running from a source checkout (or an editable install): the repository's data/.
    return Path(__file__).parent.parent / "data"


def data_folder(option: Path | None) -> Path:
    """The data folder to read: `--data`, else $KUVADIGI_DATA, else the shipped data."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env)
    return shipped_data()


def budget_years(folder: Path) -> dict[int, Path]:
    """The budget files in `folder`, by year."""
    _require_folder(folder)
    found: dict[int, Path] = {}
    for path in sorted(folder.iterdir()):
        match = BUDGET_FILE.match(path.name)
        if match:
            found[int(match["year"])] = path
    return found


def budget_path(folder: Path, year: int | None = None) -> Path:
    """The budget file for `year`, or the latest year's where no year is given."""
    years = budget_years(folder)
    if not years:
        raise DataError(
            [
                Problem(
                    folder,
                    0,
                    0,
                    "holds no budget file (budget_YEAR.yaml, e.g. budget_2019.yaml)",
                )
            ]
        )
    if year is None:
        return years[max(years)]
    if year not in years:
        known = ", ".join(str(y) for y in sorted(years))
        raise DataError(
            [Problem(folder, 0, 0, f"holds no budget for {year}; budgets: {known}")]
        )
    return years[year]


def estimate_path(folder: Path) -> Path:
    """The cost estimate file of `folder`."""
    _require_folder(folder)
    found = sorted(folder.glob(ESTIMATE_GLOB))
    if not found:
        raise DataError(
            [
                Problem(
                    folder,
                    0,
                    0,
                    "holds no cost estimate (estimate_YEARS.yaml, e.g. estimate_2019_2022.yaml)",
                )
            ]
        )
    if len(found) > 1:
        names = ", ".join(path.name for path in found)
        raise DataError(
            [Problem(folder, 0, 0, f"holds more than one cost estimate: {names}")]
        )
    return found[0]


def load_budget(folder: Path, year: int | None = None) -> Loaded[Budget]:
    """The budget of `year` (default: the latest) in `folder`, validated."""
    path = budget_path(folder, year)
    budget = _load(path, Budget)
    _raise_located(path, budget_references(budget))
    return Loaded(budget, path)


def load_estimate(folder: Path) -> Loaded[Estimate]:
    """The cost estimate in `folder`, validated."""
    path = estimate_path(folder)
    estimate = _load(path, Estimate)
    _raise_located(path, estimate_references(estimate))
    return Loaded(estimate, path)


def load_programme(folder: Path, budget: Budget) -> Loaded[Programme]:
    """The programme in `folder`, validated and linked to `budget`."""
    _require_folder(folder)
    path = folder / PROGRAMME_FILE
    programme = _load(path, Programme)
    _raise_located(path, programme_references(programme, budget))
    return Loaded(programme, path)


def load_all(
    folder: Path, year: int | None = None
) -> tuple[Loaded[Budget], Loaded[Estimate], Loaded[Programme]]:
    """Every file of the folder; the problems of all of them are reported together."""
    problems: list[Problem] = []
    budget = _collect(problems, lambda: load_budget(folder, year))
    estimate = _collect(problems, lambda: load_estimate(folder))
    programme = None
    if budget is not None:
        programme = _collect(problems, lambda: load_programme(folder, budget.model))
    if problems or budget is None or estimate is None or programme is None:
        raise DataError(problems)
    return budget, estimate, programme


def _collect(problems: list[Problem], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except DataError as error:
        problems.extend(error.problems)
        return None


def _require_folder(folder: Path) -> None:
    if not folder.exists():
        raise DataError([Problem(folder, 0, 0, "no such data folder")])
    if not folder.is_dir():
        raise DataError([Problem(folder, 0, 0, "is a file; --data names a folder")])


def _load(path: Path, model: type[ModelT]) -> ModelT:
    value = yamlfile.read_yaml(path)
    if not isinstance(value, dict):
        kind = "a list" if isinstance(value, list) else "a single value"
        raise DataError(
            [
                Problem(
                    path,
                    1,
                    1,
                    f"holds {kind}; a {model.__name__.lower()} file is a mapping of keys",
                )
            ]
        )
    try:
        return model.model_validate(value)
    except ValidationError as error:
        raise DataError(_validation_problems(path, error)) from None


def _raise_located(path: Path, findings: list[Finding]) -> None:
    if findings:
        raise DataError(
            [
                _located(path, where, message)
                for where, message in findings[:PROBLEM_CAP]
            ]
        )


def _located(path: Path, where: Sequence[str | int], message: str) -> Problem:
    line, column, _ = yamlfile.locate(path, where)
    return _with_source(Problem(path, line, column, message), path)


def _validation_problems(path: Path, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False)[:PROBLEM_CAP]:
        where = tuple(step for step in detail["loc"] if step != "[key]")
        problems.append(_validation_problem(path, where, detail))
    return problems


def _validation_problem(
    path: Path, where: tuple[str | int, ...], detail: Any
) -> Problem:
    kind: str = detail["type"]
    field = next(
        (str(step) for step in reversed(where) if isinstance(step, str)), "value"
    )
    hint = None

    if kind == "extra_forbidden":
        line, column = yamlfile.locate_key(path, where)
        key = str(where[-1])
        message = f"unknown key {key!r}"
        close = difflib.get_close_matches(key, sorted(FIELD_NAMES), n=1, cutoff=0.75)
        if close:
            message += f"; did you mean {close[0]!r}?"
        return _with_source(Problem(path, line, column, message), path)

    line, column, found = yamlfile.locate(path, where)
    if kind == "missing":
        message = f"{field!r} is missing"
    elif kind == "value_error":
        message = f"{field}: {str(detail['msg']).removeprefix('Value error, ')}"
    elif kind == "string_type":
        message = f"{field} should be text"
        if isinstance(detail["input"], dict | list):
            hint = "put text with ': ' or '- ' in it inside double quotes"
    elif kind in ("dict_type", "model_type"):
        message = f"{field} should be a mapping of keys to values"
    elif kind == "list_type":
        message = f"{field} should be a list"
    elif kind == "string_pattern_mismatch":
        message = f"{field} {detail['input']!r} does not have the expected form"
        hint = _pattern_hint(field)
    elif kind == "literal_error":
        message = (
            f"{field} must be {detail['ctx']['expected']}, not {detail['input']!r}"
        )
    elif kind in ("too_short", "string_too_short"):
        message = f"{field} is empty"
    else:
        message = f"{field}: {detail['msg']}"

    if not found and kind != "missing":
        message += f" (at {'.'.join(str(step) for step in where)})"
    return _with_source(Problem(path, line, column, message, hint=hint), path)


def _pattern_hint(field: str) -> str | None:
    hints = {
        "id": "an id is lowercase ASCII letters, digits, - and _, e.g. vene-helsingissa",
        "as_of": 'write the month as "YYYY-MM", e.g. "2019-01"',
        "number": 'write the measure number in quotes, e.g. "1.1"',
    }
    return hints.get(field)


def _with_source(problem: Problem, path: Path) -> Problem:
    """The problem with its line's text beside it, to show what is meant."""
    if not problem.line:
        return problem
    try:
        text = yamlfile.read_text(path)
    except DataError:
        return problem
    return Problem(
        problem.path,
        problem.line,
        problem.column,
        problem.message,
        problem.severity,
        yamlfile.line_text(text, problem.line),
        problem.hint,
    )
