"""What the follow-up commands share on the command line: reading their options (a
month, an amount, a percentage, a project, a funding source), loading a year's budget
with its follow-up, and guarding the writers.

Every mistake becomes a `UsageProblem` (exit 2) with a message in the user's language.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kuvadigi import loader
from kuvadigi.asof import latest_month
from kuvadigi.calc import BudgetFigures
from kuvadigi.cliapp import UsageProblem
from kuvadigi.followup import FollowUp, parse_date, parse_month, year_of
from kuvadigi.followup_loader import followup_folder, load_followup
from kuvadigi.followup_texts import say
from kuvadigi.i18n import Lang
from kuvadigi.i18n import say as say_core
from kuvadigi.ledger import Busy, ShippedData, locked, refuse_shipped_data
from kuvadigi.matching import Ambiguous, NoMatch, find_project, fold_letters
from kuvadigi.money import AmountError, parse_amount
from kuvadigi.problems import DataError, InvalidValue, Message, Problem, os_reason
from kuvadigi.records import Budget, FundingSource, Project

if TYPE_CHECKING:
    from pydantic import ValidationError


@dataclass(frozen=True)
class Year:
    """A budget year as read: the budget, its file, and its follow-up."""

    budget: Budget
    path: Path
    followup: FollowUp

    @property
    def latest(self) -> str:
        """The latest month with recorded figures."""
        return latest_month(self.budget, self.followup)


def load_year(folder: Path, year: int | None) -> Year:
    """The budget of `year` (default: the latest) in `folder` with its follow-up."""
    loaded = loader.load_budget(folder, year)
    return Year(loaded.model, loaded.path, load_followup(folder, loaded.model))


def year_asked(year: int | None, month: str | None, lang: Lang) -> int | None:
    """The budget year that `--year` and a month option ask for (None: the latest)."""
    if month is None:
        return year
    if year is not None and year != year_of(month):
        raise UsageProblem(
            say(
                "error.bad_option",
                lang,
                option="--year",
                message=say("error.not_the_year", lang, year=year, month=month),
            )
        )
    return year_of(month)


def month_option(text: str | None, option: str, lang: Lang) -> str | None:
    """The month an option gives, `YYYY-MM`."""
    if text is None:
        return None
    try:
        return parse_month(text)
    except ValueError:
        message = say("error.not_a_month", lang, text=text)
        raise UsageProblem(
            say("error.bad_option", lang, option=option, message=message)
        ) from None


def date_option(text: str, option: str, lang: Lang) -> datetime.date:
    """The date an option gives, `YYYY-MM-DD`, a day of the calendar."""
    try:
        return parse_date(text)
    except ValueError:
        written_as_date = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip())
        key = "error.not_a_day" if written_as_date else "error.not_a_date"
        raise UsageProblem(
            say(
                "error.bad_option",
                lang,
                option=option,
                message=say(key, lang, text=text),
            )
        ) from None


def amount_option(text: str, option: str, lang: Lang) -> Decimal:
    """The amount an option gives, read as any amount of the data files is."""
    try:
        return parse_amount(text)
    except AmountError as error:
        message = error.message.told(lang)
        if error.replacement is not None:
            message += f" ({option} {error.replacement})"
        raise UsageProblem(
            say("error.bad_option", lang, option=option, message=message)
        ) from None


def percent_option(text: str, option: str, lang: Lang) -> Decimal:
    """A threshold in percent, 0 to 100, written like an amount (e.g. 90 or 92.5)."""
    try:
        percent = parse_amount(text.strip().removesuffix("%").strip())
    except AmountError:
        percent = None
    if percent is None or percent > 100:
        raise UsageProblem(
            say(
                "error.bad_option",
                lang,
                option=option,
                message=say("error.not_a_percent", lang, text=text),
            )
        )
    return percent


def refused_value(error: ValidationError, lang: Lang) -> str:
    """What the models say of the first value they refused in `error`, in `lang`."""
    detail = error.errors(include_url=False)[0]
    invalid = (detail.get("ctx") or {}).get("error")
    if isinstance(invalid, InvalidValue):
        return invalid.message.told(lang)
    return str(detail["msg"]).removeprefix("Value error, ")


def viewed_month(year: Year, as_of: str | None, lang: Lang) -> str:
    """The month to show: `as_of` where given and recorded, else the latest."""
    if as_of is None:
        return year.latest
    budget = year.budget
    if as_of < budget.as_of:
        raise UsageProblem(
            say(
                "error.month_before_budget",
                lang,
                month=as_of,
                year=budget.year,
                as_of=budget.as_of,
            )
        )
    if as_of > year.latest:
        raise UsageProblem(
            say("error.month_not_recorded", lang, month=as_of, latest=year.latest)
        )
    return as_of


def project_option(budget: Budget, query: str, lang: Lang) -> Project:
    """The project that `query` names (id, name or unique prefix)."""
    try:
        return find_project(budget.projects, query)
    except NoMatch as error:
        message = say_core("error.unknown_project", lang, name=error.query)
        if error.suggestions:
            message += "; " + say_core(
                "error.did_you_mean", lang, names=", ".join(error.suggestions)
            )
        raise UsageProblem(message) from None
    except Ambiguous as error:
        raise UsageProblem(
            say_core(
                "error.ambiguous_project",
                lang,
                name=error.query,
                matches=", ".join(error.matches),
            )
        ) from None


def source_option(budget: Budget, query: str, lang: Lang) -> FundingSource:
    """The funding source that `query` names: its id, its name or its English name."""
    wanted = fold_letters(query)
    for source in budget.funding_sources:
        names = (source.id, source.name, source.name_en or "")
        if wanted in (fold_letters(name) for name in names):
            return source
    raise UsageProblem(
        say(
            "error.unknown_source",
            lang,
            name=query,
            sources=", ".join(source.id for source in budget.funding_sources),
        )
    )


@contextmanager
def writing(folder: Path, lang: Lang) -> Iterator[None]:
    """Hold the follow-up writers' lock of the data folder `folder`, which must exist
    and must not be the shipped data."""
    try:
        refuse_shipped_data(folder, loader.shipped_data())
    except ShippedData:
        raise UsageProblem(say("error.shipped_data", lang, folder=folder)) from None
    loader.budget_years(folder)  # a missing folder is reported before anything is made
    held = ExitStack()
    try:
        held.enter_context(locked(followup_folder(folder)))
    except Busy as busy:
        raise UsageProblem(
            say("error.busy", lang, folder=folder, seconds=int(busy.seconds))
        ) from None
    except OSError as error:
        reason = os_reason(error)
        raise DataError(
            [
                Problem(
                    followup_folder(folder),
                    0,
                    0,
                    Message("file.unwritable", {"reason": reason}),
                )
            ]
        ) from None
    with held:
        yield


@dataclass(frozen=True)
class AsOf:
    """A budget as of a month (`model`), with the budget file's own (`original`) and
    the follow-up it was built from."""

    model: Budget
    original: Budget
    followup: FollowUp
    path: Path


def budget_as_of_option(
    folder: Path, year: int | None, as_of: str | None, lang: Lang
) -> AsOf:
    """The budget of `--year` as of `--as-of` (default: the latest month recorded)."""
    from kuvadigi.asof import budget_as_of, latest_entries, revisions_through

    month = month_option(as_of, "--as-of", lang)
    read = load_year(folder, year_asked(year, month, lang))
    month = viewed_month(read, month, lang)
    unchanged = not latest_entries(read.followup, month) and not revisions_through(
        read.followup, month
    )
    # With nothing recorded the budget file is shown as it is, published totals and all.
    model = (
        read.budget if unchanged else budget_as_of(read.budget, read.followup, month)
    )
    return AsOf(model, read.budget, read.followup, read.path)


def show_revisions(
    loaded: AsOf, figures: BudgetFigures, format: str, lang: Lang, excel: bool
) -> None:
    """`budget --revisions`: the lines of `figures` (as of the month) beside their
    original totals, in the format asked for."""
    from kuvadigi.calc import budget_figures
    from kuvadigi.followup_views import revisions_view
    from kuvadigi.render.followup_csv import revisions_table
    from kuvadigi.render.followup_json import revisions_document
    from kuvadigi.render.show import show

    original = budget_figures(
        loaded.original, [project.project.id for project in figures.projects]
    )
    show(
        format,
        lang,
        table=lambda: revisions_view(original, figures, loaded.followup, lang),
        document=lambda: revisions_document(original, figures, loaded.followup),
        csv=lambda: revisions_table(original, figures),
        excel=excel,
    )
