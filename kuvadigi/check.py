"""Reconciliation: does every published figure equal what the line items give?

Each function returns findings (`Problem`s), one per figure that disagrees, located at the
published figure's line. A published whole-number share is right when it is the exact
share rounded; the published shares adding up to other than 100 is only a note, since
each was rounded on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from kuvadigi.cache import Position, Positions
from kuvadigi.calc import BudgetFigures, EstimateFigures, LineFigures
from kuvadigi.i18n import Lang, format_amount, format_percent, say
from kuvadigi.money import ZERO, round_percent
from kuvadigi.problems import DataError, Problem, Severity
from kuvadigi.views import display_name

Where = tuple[str | int, ...]


class _Findings:
    """Collects findings for one file, then locates them all at their published
    figures, in one reading of the file (none where a repeat run has them kept)."""

    def __init__(self, path: Path, lang: Lang) -> None:
        self.path = path
        self.lang = lang
        self.pending: list[tuple[Where, str, Severity]] = []
        self.positions = Positions(path)

    def add(
        self, where: Where, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        self.pending.append((tuple(where), message, severity))

    def located(self) -> list[Problem]:
        """The findings, each at its line and column."""
        positions = self.positions.locate_all(
            [where for where, _, _ in self.pending], _locate_many
        )
        self.positions.save()
        found = []
        for where, message, severity in self.pending:
            line, column, _ = positions[where]
            found.append(Problem(self.path, line, column, message, severity))
        # In the file's order, as a person goes through it (a deleted line leaves its
        # findings where they are); those of one place keep the order they were made.
        return sorted(found, key=lambda problem: (problem.line, problem.column))

    def amount(
        self, where: Where, what: str, published: Decimal | None, derived: Decimal
    ) -> None:
        """A finding where a published amount is given and differs from the derived one."""
        if published is not None and published != derived:
            self.add(
                where,
                say(
                    "check.differs",
                    self.lang,
                    what=what,
                    published=format_amount(published, self.lang),
                    derived=format_amount(derived, self.lang),
                ),
            )


def _locate_many(path: Path, wheres: list[Where]) -> dict[Where, Position]:
    """The positions of `wheres` in one reading of the file: from the YAML parser's
    events where the file allows (no node graph, which for a city's estimate would take
    a gigabyte), else through `yamlfile`."""
    # Only a finding needs YAML again: a run whose figures agree never imports it.
    from kuvadigi import yamlfast, yamlfile

    try:
        found = yamlfast.locate_all(yamlfile.read_text(path), wheres)
    except DataError:
        found = None
    if found is None:
        found = {where: yamlfile.locate(path, where) for where in wheres}
    return found


def check_budget(figures: BudgetFigures, path: Path, lang: Lang) -> list[Problem]:
    """Line totals against funding sources, remaining, overspending, and the totals row."""
    findings = _Findings(path, lang)
    projects = figures.budget.projects

    for index, (project, derived) in enumerate(
        zip(projects, (p.figures for p in figures.projects), strict=True)
    ):
        where: Where = ("projects", index)
        findings.amount(
            (*where, "total"),
            say("where.total_of", lang, name=project.name),
            project.total,
            derived.total,
        )
        findings.amount(
            (*where, "remaining"),
            say("where.remaining_of", lang, name=project.name),
            project.remaining,
            derived.remaining,
        )
        _overspent(findings, where, project.name, derived)

    published = figures.budget.totals
    if published is None:
        # Worth saying: a deleted totals row would otherwise pass without a word.
        findings.add(
            ("projects",),
            say(
                "check.no_totals", lang, total=format_amount(figures.totals.total, lang)
            ),
            Severity.NOTE,
        )
    else:
        derived = figures.totals
        columns: list[tuple[str, Decimal | None, Decimal]] = [
            ("total", published.total, derived.total),
            ("actual", published.actual, _zero(derived.actual)),
            ("committed", published.committed, _zero(derived.committed)),
            ("remaining", published.remaining, derived.remaining),
        ]
        for column, published_value, derived_value in columns:
            findings.amount(
                ("totals", column),
                say("where.totals", lang, column=say(column, lang)),
                published_value,
                derived_value,
            )
        for source in figures.budget.funding_sources:
            findings.amount(
                ("totals", "funding", source.id),
                say(
                    "where.totals",
                    lang,
                    column=display_name(source.name, source.name_en, lang),
                ),
                published.funding.get(source.id),
                _zero(derived.funding[source.id]),
            )
    return findings.located()


def _overspent(findings: _Findings, where: Where, name: str, line: LineFigures) -> None:
    if line.remaining < ZERO:
        lang = findings.lang
        findings.add(
            (*where, "committed") if line.committed is not None else (*where, "actual"),
            say(
                "check.overspent",
                lang,
                what=name,
                spent=format_amount(line.total - line.remaining, lang),
                total=format_amount(line.total, lang),
                over=format_amount(-line.remaining, lang),
            ),
        )


def check_estimate(figures: EstimateFigures, path: Path, lang: Lang) -> list[Problem]:
    """Row totals, published shares, year totals and the grand total of the estimate."""
    findings = _Findings(path, lang)
    estimate = figures.estimate

    shares_rounded_right = True
    for index, line in enumerate(figures.lines):
        where: Where = ("lines", index)
        findings.amount(
            (*where, "total"),
            say("where.row_total", lang, name=line.line.name),
            line.line.total,
            line.total,
        )
        if line.line.share is not None and line.share is not None:
            shares_rounded_right &= _share(
                findings,
                (*where, "share"),
                say("where.share", lang, name=line.line.name),
                line.line.share,
                line.share,
            )

    for year, derived in figures.year_totals.items():
        published = (estimate.year_totals or {}).get(year)
        findings.amount(
            ("year_totals", str(year)),
            say("where.year_total", lang, year=year),
            published,
            derived,
        )
    findings.amount(
        ("total",), say("where.grand_total", lang), estimate.total, figures.total
    )

    if estimate.share_total is not None:
        _share(
            findings,
            ("share_total",),
            say("where.share_total", lang),
            estimate.share_total,
            Fraction(100),
        )

    # Shares that add up to other than 100 only because each was rounded on its own
    # are a note; where a share is simply wrong, its finding says so, and rounding is
    # not blamed for the sum.
    published_shares = [line.share for line in estimate.lines if line.share is not None]
    if len(published_shares) == len(estimate.lines) and shares_rounded_right:
        sum_of_shares = sum(published_shares, ZERO)
        if sum_of_shares != 100:
            findings.add(
                ("share_total",) if estimate.share_total is not None else ("lines",),
                say(
                    "check.shares_note",
                    lang,
                    published=format_percent(sum_of_shares, lang),
                ),
                Severity.NOTE,
            )
    return findings.located()


def _share(
    findings: _Findings, where: Where, what: str, published: Decimal, exact: Fraction
) -> bool:
    """A published share is right when it is the exact share rounded to its own
    decimals: whether it is (where not, a finding says so)."""
    exponent = published.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    rounded = round_percent(exact, places)
    if rounded != published:
        lang = findings.lang
        findings.add(
            where,
            say(
                "check.share_differs",
                lang,
                what=what,
                published=format_percent(published, lang),
                exact=format_percent(round_percent(exact, 2), lang),
                rounded=format_percent(rounded, lang),
            ),
        )
    return rounded == published


def _zero(amount: Decimal | None) -> Decimal:
    return ZERO if amount is None else amount


def has_errors(findings: Sequence[Problem]) -> bool:
    """Whether any finding is an error (notes do not fail a check)."""
    return any(finding.severity is Severity.ERROR for finding in findings)
