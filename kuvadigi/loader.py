"""Load a data folder into validated records, turning every problem into a located message.

A data folder holds `budget_YEAR.yaml` (one per year), one `estimate_*.yaml` and
`programme.yaml`. Nothing here writes to the folder.

A file is validated against its model (`models`) and given as its record (`records`).
The models, and with them pydantic, are imported only where a file is read: a run that
finds its records in the cache (`cache`) never loads them.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from kuvadigi import records
from kuvadigi.cache import Entry, ids_digest
from kuvadigi.gcpause import paused_gc
from kuvadigi.problems import DataError, Message, Problem, UsageMistake
from kuvadigi.references import (
    Finding,
    budget_references,
    estimate_references,
    programme_references,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from kuvadigi import models

DATA_ENV = "KUVADIGI_DATA"
BUDGET_FILE = re.compile(r"^budget_(?P<year>[0-9]{4})\.ya?ml$")
ESTIMATE_GLOB = "estimate_*.yaml"
PROGRAMME_FILE = "programme.yaml"

ModelT = TypeVar("ModelT", bound="BaseModel")
RecordT = TypeVar("RecordT")
T = TypeVar("T")

# What a kind of data file is validated as, and how that model becomes its record:
# given by a function, so that the models are imported only when a file is read.
Schema = Callable[[], tuple[type[ModelT], Callable[[ModelT], RecordT]]]


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """A validated record and the file it came from."""

    model: T
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
    problems = []
    for path in sorted(folder.iterdir()):
        match = BUDGET_FILE.match(path.name)
        if not match:
            continue
        year = int(match["year"])
        if year in found:
            # budget_2019.yaml beside budget_2019.yml: either could be the one meant.
            names = f"{found[year].name}, {path.name}"
            problems.append(
                Problem(
                    folder,
                    0,
                    0,
                    Message("folder.two_budgets", {"year": year, "names": names}),
                )
            )
        found.setdefault(year, path)
    if problems:
        raise DataError(problems)
    return found


def budget_path(folder: Path, year: int | None = None) -> Path:
    """The budget file for `year`, or the latest year's where no year is given."""
    years = budget_years(folder)
    if not years:
        others = sorted(
            path.name
            for path in folder.iterdir()
            if path.suffix in (".yaml", ".yml")
            and not path.name.startswith(("estimate_", PROGRAMME_FILE))
        )
        hint = (
            Message("fix.yaml_files", {"names": ", ".join(others)}) if others else None
        )
        raise DataError([Problem(folder, 0, 0, Message("folder.no_budget"), hint=hint)])
    if year is None:
        return years[max(years)]
    if year not in years:
        known = [str(y) for y in sorted(years)]
        # Only a near miss is offered (2109 for 2019): the years are listed anyway.
        close = difflib.get_close_matches(str(year), known, n=1, cutoff=0.7)
        raise UsageMistake(
            Message(
                "usage.no_budget_for_year",
                {"year": year, "years": ", ".join(known)},
                close[0] if close else None,
            )
        )
    return years[year]


def estimate_path(folder: Path) -> Path:
    """The cost estimate file of `folder`."""
    _require_folder(folder)
    # .yml as well as .yaml, as for the budget: an editor's choice is no reason to
    # report the file missing.
    found = sorted([*folder.glob(ESTIMATE_GLOB), *folder.glob("estimate_*.yml")])
    if not found:
        raise DataError([Problem(folder, 0, 0, Message("folder.no_estimate"))])
    if len(found) > 1:
        names = ", ".join(path.name for path in found)
        raise DataError(
            [Problem(folder, 0, 0, Message("folder.two_estimates", {"names": names}))]
        )
    return found[0]


def load_budget(folder: Path, year: int | None = None) -> Loaded[records.Budget]:
    """The budget of `year` (default: the latest) in `folder`, validated."""
    path = budget_path(folder, year)
    budget = _validated(path, records.Budget, _budget_schema, budget_references)
    _require_year_of_name(path, budget)
    return Loaded(budget, path)


def load_estimate(folder: Path) -> Loaded[records.Estimate]:
    """The cost estimate in `folder`, validated."""
    path = estimate_path(folder)
    estimate = _validated(path, records.Estimate, _estimate_schema, estimate_references)
    return Loaded(estimate, path)


def load_programme(folder: Path, budget: records.Budget) -> Loaded[records.Programme]:
    """The programme in `folder`, validated and linked to `budget`."""
    _require_folder(folder)
    path = folder / PROGRAMME_FILE
    # The links are checked against the budget's project ids: a kept programme is only
    # valid for the same ids.
    budget_ids = ids_digest(project.id for project in budget.projects)
    programme = _validated(
        path,
        records.Programme,
        _programme_schema,
        lambda read: programme_references(read, budget),
        budget_ids,
    )
    return Loaded(programme, path)


def load_all(
    folder: Path, year: int | None = None
) -> tuple[Loaded[records.Budget], Loaded[records.Estimate], Loaded[records.Programme]]:
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


def _budget_schema() -> tuple[
    type[models.Budget], Callable[[models.Budget], records.Budget]
]:
    from kuvadigi import models

    return models.Budget, models.budget_record


def _estimate_schema() -> tuple[
    type[models.Estimate], Callable[[models.Estimate], records.Estimate]
]:
    from kuvadigi import models

    return models.Estimate, models.estimate_record


def _programme_schema() -> tuple[
    type[models.Programme], Callable[[models.Programme], records.Programme]
]:
    from kuvadigi import models

    return models.Programme, models.programme_record


def _validated(
    path: Path,
    kind: type[RecordT],
    schema: Schema[ModelT, RecordT],
    references: Callable[[RecordT], list[Finding]],
    depends_on: bytes = b"",
) -> RecordT:
    """`path` read as a record of `kind`, validated by `schema` and its references
    checked; taken from the cache where the same bytes (and `depends_on`) were read
    without a problem before."""
    # Reading makes millions of objects and no cycles: see `gcpause`.
    with paused_gc():
        entry = Entry.for_file(kind, path, depends_on)
        if entry is not None:
            kept = entry.recall(kind, lambda values: _validated_again(schema, values))
            if kept is not None:
                return kept

        model, to_record = schema()
        validated, plain_values = _load_with_values(path, model)
        record = to_record(validated)
        _raise_located(path, references(record))
    if entry is not None:
        entry.remember(record, plain_values)
    return record


def _validated_again(schema: Schema[ModelT, RecordT], values: Any) -> RecordT | None:
    """The record of plain values that were validated when the cache kept them; None
    where they no longer are (then the file is read afresh, and says why)."""
    model, to_record = schema()
    try:
        return to_record(model.model_validate(values))
    except (ValueError, TypeError):  # pydantic's ValidationError is a ValueError
        return None


def _collect(problems: list[Problem], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except DataError as error:
        problems.extend(error.problems)
        return None


def _require_year_of_name(path: Path, budget: records.Budget) -> None:
    """A budget file says the year its name says: `budget --year` finds it by name."""
    match = BUDGET_FILE.match(path.name)
    if match and int(match["year"]) != budget.year:
        from kuvadigi import validation

        (problem,) = validation.located(
            path,
            [
                (
                    ("year",),
                    Message(
                        "ref.year_mismatch", {"year": budget.year, "name": path.name}
                    ),
                )
            ],
        )
        hint = Message("fix.year_or_name", {"year": budget.year})
        raise DataError([dataclasses.replace(problem, hint=hint)])


def _require_folder(folder: Path) -> None:
    if not folder.exists():
        raise DataError(
            [
                Problem(
                    folder,
                    0,
                    0,
                    Message("folder.missing"),
                    hint=Message("fix.data_option"),
                )
            ]
        )
    if not folder.is_dir():
        raise DataError([Problem(folder, 0, 0, Message("folder.is_file"))])


def load_model(
    path: Path, model: type[ModelT], field_names: Iterable[str] | None = None
) -> ModelT:
    """`path` validated as `model`, every problem located; for files whose models live
    in their own module (e.g. the follow-up's), `field_names` are the keys a typo is
    matched against."""
    return _load(path, model, field_names)


def raise_located(path: Path, findings: list[Finding]) -> None:
    """Raise `DataError` with each `(where, message)` finding located in `path`."""
    _raise_located(path, findings)


def _load(
    path: Path, model: type[ModelT], field_names: Iterable[str] | None = None
) -> ModelT:
    validated, _ = _load_with_values(path, model, field_names)
    return validated


def _load_with_values(
    path: Path, model: type[ModelT], field_names: Iterable[str] | None = None
) -> tuple[ModelT, Any]:
    """`path` validated as `model`, and the plain values it was validated from; a typo
    of a key is matched against `field_names` (default: the keys of `models`)."""
    # Imported here, not at the top: a run that finds its data in the cache reads no
    # YAML, validates nothing and locates no problem, and need not load any of it.
    from pydantic import ValidationError

    from kuvadigi import validation, yamlfile
    from kuvadigi.models import FIELD_NAMES

    if field_names is None:
        field_names = FIELD_NAMES

    value, problems = yamlfile.read_values(path)
    if not yamlfile.values_whole(problems):
        # An alias, a tag or a merge left a hole in the values: validating them would
        # only report the hole again, in other words.
        raise DataError(problems)
    if not isinstance(value, dict):
        raise DataError([*problems, validation.top_level_problem(path, value, model)])
    try:
        validated = model.model_validate(value)
    except ValidationError as error:
        # Every problem at once: the YAML's (a repeated key, whose first value is
        # kept), and the values' on the lines YAML left alone.
        problem_lines = {problem.line for problem in problems}
        problems += [
            problem
            for problem in validation.validation_problems(
                path, error, model, field_names
            )
            if problem.line not in problem_lines
        ]
        problems.sort(key=lambda problem: (problem.line, problem.column))
    if problems:
        raise DataError(problems)
    return validated, value


def _raise_located(path: Path, findings: list[Finding]) -> None:
    if findings:
        from kuvadigi import validation

        raise DataError(validation.located(path, findings))
