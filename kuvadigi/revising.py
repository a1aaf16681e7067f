"""The rules of `kuvadigi revise`, applied under the writers' lock.

A revision is refused (nothing written) where its amount is 0, its two projects are
one, its funding source or a project is unknown, its date has no budget, or a
transfer takes more of the source from a line than the line has of it on that date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kuvadigi.asof import figures_as_of, revised_funding
from kuvadigi.cliapp import UsageProblem
from kuvadigi.followup_cli import (
    load_year,
    project_option,
    refused_value,
    source_option,
)
from kuvadigi.followup_files import write_revisions
from kuvadigi.followup_loader import read_revisions
from kuvadigi.followup_models import Revision
from kuvadigi.followup_texts import say
from kuvadigi.followup_views import source_name
from kuvadigi.i18n import Lang, format_amount
from kuvadigi.money import ZERO
from kuvadigi.records import Project
from kuvadigi.views import display_name


@dataclass(frozen=True)
class Asked:
    """What `revise` was asked to write, as typed (projects and source by name)."""

    date: datetime.date
    to: str
    from_: str | None
    amount: Decimal
    source: str
    reason: str


def revise_lines(folder: Path, asked: Asked, lang: Lang) -> list[str]:
    """Check the revision against the data folder `folder` and append it; return the
    lines to print. Raises `UsageProblem` where a rule refuses it."""
    from pydantic import ValidationError

    if asked.amount == ZERO:
        raise UsageProblem(say("error.amount_zero", lang))
    year = load_year(folder, asked.date.year)
    budget = year.budget
    receiver = project_option(budget, asked.to, lang)
    giver = None if asked.from_ is None else project_option(budget, asked.from_, lang)
    if giver is not None and giver.id == receiver.id:
        raise UsageProblem(
            say(
                "error.same_project",
                lang,
                name=display_name(receiver.name, receiver.name_en, lang),
            )
        )
    source = source_option(budget, asked.source, lang)

    try:
        revision = Revision.model_validate(
            {
                "date": asked.date,
                "kind": "transfer" if giver is not None else "new_money",
                "source": source.id,
                "reason": asked.reason,
                "from": {} if giver is None else {giver.id: asked.amount},
                "to": {receiver.id: asked.amount},
            }
        )
    except ValidationError as error:
        raise UsageProblem(
            say(
                "error.bad_option",
                lang,
                option="--reason",
                message=refused_value(error, lang),
            )
        ) from None

    earlier = [
        d.revision for d in year.followup.revisions if d.revision.date <= asked.date
    ]
    if giver is not None:
        available = revised_funding(giver, earlier).get(source.id, ZERO)
        if asked.amount > available:
            raise UsageProblem(
                say(
                    "error.not_enough",
                    lang,
                    name=display_name(giver.name, giver.name_en, lang),
                    available=format_amount(available, lang),
                    source=source_name(budget, source.id, lang),
                    date=asked.date.isoformat(),
                    amount=format_amount(asked.amount, lang),
                )
            )

    every = [d.revision for d in read_revisions(folder)]
    path = write_revisions(folder, [*every, revision])

    changed = [p for p in (giver, receiver) if p is not None]
    summary = "; ".join(
        say(
            "revise.line",
            lang,
            name=display_name(project.name, project.name_en, lang),
            before=format_amount(_total(project, earlier), lang),
            after=format_amount(_total(project, [*earlier, revision]), lang),
        )
        for project in changed
    )
    from kuvadigi.render.problems import shown_path

    lines = [say("revise.done", lang, path=shown_path(path), summary=summary)]
    if revision.month > year.latest:
        lines.append(say("revise.later", lang, month=revision.month))
    elif giver is not None:
        lines += _overspent(folder, asked.date.year, giver, lang)
    return lines


def _overspent(folder: Path, year: int, giver: Project, lang: Lang) -> list[str]:
    """A note where the line money was taken from now has more actual and committed
    than its revised total, as `record` says of a month's figures (`check` reports it)."""
    revised = load_year(folder, year)
    line = figures_as_of(
        revised.budget, revised.followup, revised.latest, [giver.id]
    ).totals
    spent = (line.actual or ZERO) + (line.committed or ZERO)
    if spent <= line.total:
        return []
    return [
        say(
            "record.overspent",
            lang,
            spent=format_amount(spent, lang),
            total=format_amount(line.total, lang),
            over=format_amount(spent - line.total, lang),
        )
    ]


def _total(project: Project, revisions: list[Revision]) -> Decimal:
    return sum(revised_funding(project, revisions).values(), ZERO)
