"""Load a budget year's follow-up (monthly snapshots, revisions) from a data folder.

Every file is validated with the models of `followup_models` and against the year's budget
(each project and funding source named must exist there); all problems of all files
are reported together, each located at its line. Nothing here writes to the folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kuvadigi.followup import (
    FOLLOWUP_FOLDER,
    MONTH_FILE,
    MONTH_TEXT,
    REVISIONS_FILE,
    DatedRevision,
    FollowUp,
    Snapshot,
    year_of,
)
from kuvadigi.loader import load_model, raise_located
from kuvadigi.matching import Ambiguous, NoMatch, find_project
from kuvadigi.problems import DataError, Message, Problem
from kuvadigi.records import Budget, Project
from kuvadigi.references import Finding, KeyItself, Where, closest

if TYPE_CHECKING:
    from kuvadigi.followup_models import Revision

T = TypeVar("T")


def followup_folder(folder: Path) -> Path:
    """The follow-up folder of the data folder `folder` (it may not exist yet)."""
    return folder / FOLLOWUP_FOLDER


def month_file(folder: Path, month: str) -> Path:
    """The file of `month`'s snapshot in the data folder `folder`."""
    return followup_folder(folder) / f"{month}.yaml"


def revisions_file(folder: Path) -> Path:
    """The revisions file of the data folder `folder`."""
    return followup_folder(folder) / REVISIONS_FILE


def month_files(folder: Path) -> dict[str, Path]:
    """Every month file in the follow-up folder of `folder`, of any year, by month.

    A YAML file there that is neither a month file nor the revisions file is refused:
    a misnamed month (`2019-2.yaml`) must not be silently left out of the figures.
    Hidden files (an interrupted write's leftovers, the lock) are not data.
    """
    followup = followup_folder(folder)
    if not followup.exists():
        return {}
    if not followup.is_dir():
        raise DataError([Problem(followup, 0, 0, Message("folder.followup_is_file"))])

    found: dict[str, Path] = {}
    problems = []
    for path in sorted(followup.iterdir()):
        # Any case of the ending: `2019-12.YAML` is refused by name below, never
        # left out of the figures unsaid.
        if path.name.startswith(".") or path.suffix.lower() not in (".yaml", ".yml"):
            continue
        match = MONTH_FILE.match(path.name)
        if match and MONTH_TEXT.match(match["month"]):
            found[match["month"]] = path
        elif path.name != REVISIONS_FILE:
            problems.append(
                Problem(
                    path,
                    0,
                    0,
                    Message("file.not_followup", {"revisions": REVISIONS_FILE}),
                )
            )
    if problems:
        raise DataError(problems)
    return found


def read_revisions(folder: Path) -> list[DatedRevision]:
    """Every revision in the revisions file of `folder`, of any year, as written."""
    path = revisions_file(folder)
    if not path.exists():
        return []
    # The models only where there is a file to read: see `followup`.
    from kuvadigi.followup_models import FIELD_NAMES, RevisionsFile

    revisions = load_model(path, RevisionsFile, FIELD_NAMES).revisions
    return [DatedRevision(revision, path, i) for i, revision in enumerate(revisions)]


def load_followup(folder: Path, budget: Budget) -> FollowUp:
    """The follow-up of `budget`'s year in the data folder `folder`, validated.

    Files of other years are left out here (they belong to other budgets; `check`
    reports those that have none). Raises `DataError` with every problem found.
    """
    problems: list[Problem] = []
    snapshots = []
    for month, path in month_files(folder).items():
        if year_of(month) != budget.year:
            continue
        try:
            snapshots.append(_snapshot(path, month, budget))
        except DataError as error:
            problems += error.problems

    revisions = _collect(problems, lambda: _year_revisions(folder, budget)) or []
    if problems:
        raise DataError(problems)
    return FollowUp(budget.year, snapshots, revisions)


def _snapshot(path: Path, month: str, budget: Budget) -> Snapshot:
    from kuvadigi.followup_models import FIELD_NAMES, MonthFile

    month_file_ = load_model(path, MonthFile, FIELD_NAMES)
    findings: list[Finding] = []
    if month_file_.as_of != month:
        findings.append(
            (
                ("as_of",),
                Message(
                    "ref.month_not_name",
                    {"as_of": month_file_.as_of, "name": path.name},
                ),
            )
        )
    if month < budget.as_of:
        findings.append(
            (
                ("as_of",),
                Message(
                    "ref.month_before_budget",
                    {"month": month, "year": budget.year, "as_of": budget.as_of},
                ),
            )
        )
    for project_id in month_file_.projects:
        where: Where = ("projects", KeyItself(project_id))
        findings += _unknown_project(where, project_id, budget.projects)
    raise_located(path, findings)
    return Snapshot(month, path, dict(month_file_.projects))


def _year_revisions(folder: Path, budget: Budget) -> list[DatedRevision]:
    """The revisions dated in `budget`'s year, checked against it, in date order."""
    revisions = [
        dated
        for dated in read_revisions(folder)
        if dated.revision.date.year == budget.year
    ]
    findings: list[Finding] = []
    for dated in revisions:
        findings += revision_references(
            dated.revision, ("revisions", dated.index), budget
        )
    if revisions:
        raise_located(revisions[0].path, findings)
    # sorted() is stable: revisions of one day keep the order they were written in.
    return sorted(revisions, key=lambda dated: dated.revision.date)


def revision_references(
    revision: Revision, where: Where, budget: Budget
) -> list[Finding]:
    """What is wrong with `revision` against `budget`: unknown projects or funding
    source, a zero amount, a line on both sides, `from` not fitting the kind."""
    source_ids = [source.id for source in budget.funding_sources]
    findings: list[Finding] = []

    if revision.source not in source_ids:
        findings.append(
            (
                (*where, "source"),
                Message(
                    "ref.unknown_source",
                    {"name": revision.source, "known": ", ".join(source_ids)},
                    closest(revision.source, source_ids),
                ),
            )
        )
    if revision.kind == "transfer" and not revision.from_:
        findings.append(((*where, "kind"), Message("ref.transfer_without_from")))
    if revision.kind == "new_money" and revision.from_:
        findings.append(((*where, KeyItself("from")), Message("ref.new_money_from")))

    for side, lines in (("from", revision.from_), ("to", revision.to)):
        for project_id, amount in lines.items():
            at: Where = (*where, side, project_id)
            findings += _unknown_project(
                (*where, side, KeyItself(project_id)), project_id, budget.projects
            )
            if amount == 0:
                findings.append((at, Message("value.revision_zero")))
    # In the order written, so that two such lines are reported in reading order.
    for project_id in (p for p in revision.to if p in revision.from_):
        findings.append(
            (
                (*where, "to", KeyItself(project_id)),
                Message("ref.gives_and_receives", {"project": project_id}),
            )
        )
    return findings


def _unknown_project(
    where: Where, project_id: str, projects: Sequence[Project]
) -> list[Finding]:
    known = [project.id for project in projects]
    if project_id in known:
        return []
    message = Message(
        "ref.unknown_project",
        {"project": project_id},
        _meant_project(project_id, projects),
    )
    return [(where, message)]


def _meant_project(written: str, projects: Sequence[Project]) -> str | None:
    """The id of the project that `written` most likely means: the one that
    `kuvadigi budget --project WRITTEN` would find (a unique prefix of its id or name,
    case and ä/a ignored), else the closest by spelling."""
    try:
        return find_project(projects, written).id
    except NoMatch as error:
        by_name = {project.name: project.id for project in projects}
        if error.suggestions:
            return by_name.get(error.suggestions[0])
    except Ambiguous:
        pass
    return closest(written, [project.id for project in projects])


def _collect(problems: list[Problem], load: Callable[[], T]) -> T | None:
    try:
        return load()
    except DataError as error:
        problems.extend(error.problems)
        return None
