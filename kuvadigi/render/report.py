"""The steering group's status report: one self-contained HTML page.

This module turns the figures into plain values for the page (formatted text, bar
lengths, chart geometry); `templates/report.html.j2` lays them out. The page needs no
network: its styles are inline, its charts are inline SVG, it has no scripts, fonts
or images of its own.

Invariants:

- Every string from the data reaches the page through Jinja's autoescaping.
- Amounts are formatted by `i18n` from their Decimals; chart geometry is computed with
  exact fractions and only then written as pixel positions.
- Every chart has a text alternative: a title and a description on the SVG, and the
  same figures in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kuvadigi.calc import BudgetFigures, EstimateFigures, LineFigures, totals_row
from kuvadigi.i18n import LOCALES, Lang, format_amount, format_percent, say
from kuvadigi.money import ZERO, round_percent
from kuvadigi.problems import Problem, Severity
from kuvadigi.records import Programme
from kuvadigi.views import PERCENT_PLACES, display_name, shares_shown

TEMPLATE = "report.html.j2"

# Okabe and Ito's palette: told apart also by readers with colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")

# The estimate chart's drawing area, in SVG user units.
# Narrow on purpose: the chart scales to the page, and its labels stay legible on a
# phone only when it is not shrunk much.
_CHART_WIDTH = 420
_CHART_HEIGHT = 300
_PLOT_LEFT = 80
_PLOT_RIGHT = 412
_PLOT_TOP = 24
_PLOT_BOTTOM = 270
_MAX_STEPS = 5


@dataclass(frozen=True)
class Segment:
    """One group's part of a year's bar."""

    colour: str
    y: str
    height: str
    label: str


@dataclass(frozen=True)
class Bar:
    """One year's stacked bar, with its total written above it."""

    year: int
    x: str
    centre: str
    width: str
    total: str
    total_y: str
    segments: list[Segment]


@dataclass(frozen=True)
class Tick:
    """A gridline of the amount axis and its label."""

    y: str
    label: str


@dataclass(frozen=True)
class Chart:
    """The estimate as a stacked bar chart per year, ready to draw."""

    width: int
    height: int
    left: int
    right: int
    bottom: int
    bars: list[Bar]
    ticks: list[Tick]
    legend: list[tuple[str, str]]
    description: str


def report_html(
    budget: BudgetFigures,
    estimate: EstimateFigures,
    programme: Programme,
    findings: Sequence[Problem],
    lang: Lang,
    version: str,
) -> str:
    """The status report page in `lang`."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("kuvadigi", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = environment.get_template(TEMPLATE)
    return template.render(
        report_context(budget, estimate, programme, findings, lang, version)
    )


def report_context(
    budget: BudgetFigures,
    estimate: EstimateFigures,
    programme: Programme,
    findings: Sequence[Problem],
    lang: Lang,
    version: str,
) -> dict[str, Any]:
    """Everything the page shows, as plain values: text already formatted for `lang`."""
    year = budget.budget.year
    first, last = estimate.years[0], estimate.years[-1]
    totals = budget.totals
    vision = programme.vision
    month = _month(budget.budget.as_of, lang)

    def text(key: str, **fields: object) -> str:
        return say(key, lang, **fields)

    def amount(value: Decimal | None) -> str:
        return "" if value is None else format_amount(value, lang)

    return {
        "lang": lang,
        "text": text,
        "title": text("report.title"),
        "vision": display_name(vision.statement, vision.statement_en, lang),
        "month": month,
        "as_of": text("report.as_of", month=month),
        "sources_named": [
            s
            for s in dict.fromkeys([budget.budget.source, estimate.estimate.source])
            if s
        ],
        "version": version,
        "year": year,
        "first": first,
        "last": last,
        "key_figures": [
            (text("outputs.budget_year", year=year), amount(totals.total), ""),
            (
                text("report.spent"),
                amount(_zero(totals.actual) + _zero(totals.committed)),
                _percent(_utilisation(totals), lang),
            ),
            (text("remaining"), amount(totals.remaining), ""),
            (
                text("report.estimate_total", first=first, last=last),
                amount(estimate.total),
                "",
            ),
        ],
        "budget_rows": [
            _budget_row(
                display_name(p.project.name, p.project.name_en, lang), p.figures, lang
            )
            for p in budget.projects
        ],
        "budget_totals": _budget_row(text("totals"), totals, lang),
        "sources": [
            {
                "name": display_name(s.source.name, s.source.name_en, lang),
                "total": amount(s.total),
                "share": _percent(share, lang),
                "bar": _bar_width(share),
            }
            for s, share in zip(
                budget.sources,
                shares_shown([s.share for s in budget.sources]),
                strict=True,
            )
        ],
        "chart": estimate_chart(estimate, lang),
        "group_rows": [
            {
                "name": display_name(g.group.name, g.group.name_en, lang),
                "amounts": [amount(g.amounts[y]) for y in estimate.years],
                "total": amount(g.total),
            }
            for g in estimate.groups
        ],
        "year_totals": [amount(estimate.year_totals[y]) for y in estimate.years],
        "estimate_total": amount(estimate.total),
        "years": estimate.years,
        "errors": [_finding(f) for f in findings if f.severity is Severity.ERROR],
        "notes": [_finding(f) for f in findings if f.severity is not Severity.ERROR],
        "areas": [
            {
                "number": area.number,
                "name": display_name(area.name, area.name_en, lang),
                "measures": [
                    (m.number, display_name(m.name, m.name_en, lang))
                    for m in area.focus_measures
                ],
            }
            for area in programme.action_areas
        ],
        "projects": _projects(budget, programme, lang),
    }


def estimate_chart(figures: EstimateFigures, lang: Lang) -> Chart:
    """The cost estimate as a stacked bar per year, a segment per group, drawn to an
    axis of round amounts."""
    years = figures.years
    peak = max(figures.year_totals.values(), default=ZERO)
    top, step = axis_scale(peak)
    plot_height = _PLOT_BOTTOM - _PLOT_TOP
    slot = Fraction(_PLOT_RIGHT - _PLOT_LEFT, len(years))
    bar_width = slot * Fraction(3, 5)

    def y_of(value: Decimal) -> Fraction:
        return _PLOT_BOTTOM - Fraction(value) / Fraction(top) * plot_height

    colours = {
        group.group.id: PALETTE[index % len(PALETTE)]
        for index, group in enumerate(figures.groups)
    }
    bars = []
    for index, year in enumerate(years):
        x = _PLOT_LEFT + slot * index + (slot - bar_width) / 2
        base = ZERO
        segments = []
        for group in figures.groups:
            part = group.amounts[year]
            if part == ZERO:
                continue
            name = display_name(group.group.name, group.group.name_en, lang)
            segments.append(
                Segment(
                    colours[group.group.id],
                    _px(y_of(base + part)),
                    _px(y_of(base) - y_of(base + part)),
                    f"{name}, {year}: {format_amount(part, lang)}",
                )
            )
            base += part
        bars.append(
            Bar(
                year,
                _px(x),
                _px(x + bar_width / 2),
                _px(bar_width),
                format_amount(figures.year_totals[year], lang),
                _px(y_of(base) - 6),
                segments,
            )
        )

    ticks = []
    value = ZERO
    while value <= top:
        ticks.append(Tick(_px(y_of(value)), format_amount(value, lang)))
        value += step
    legend = [
        (colours[g.group.id], display_name(g.group.name, g.group.name_en, lang))
        for g in figures.groups
    ]
    description = say(
        "report.chart_description",
        lang,
        years="; ".join(
            f"{year}: {format_amount(figures.year_totals[year], lang)}"
            for year in years
        ),
    )
    return Chart(
        _CHART_WIDTH,
        _CHART_HEIGHT,
        _PLOT_LEFT,
        _PLOT_RIGHT,
        _PLOT_BOTTOM,
        bars,
        ticks,
        legend,
        description,
    )


def axis_scale(peak: Decimal) -> tuple[Decimal, Decimal]:
    """The top of an amount axis and its step: the smallest round step (1, 2, 2.5 or 5
    times a power of ten) that reaches `peak` in at most five steps.

    4 350 000 gives (5 000 000, 1 000 000); 0 gives (1, 1).
    """
    if peak <= ZERO:
        return Decimal(1), Decimal(1)
    power = peak.adjusted() - 1
    while True:
        for mantissa in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
            step = mantissa.scaleb(power)
            whole, part = divmod(peak, step)
            steps = whole + (1 if part else 0)
            if steps <= _MAX_STEPS:
                return step * steps, step
        power += 1


def _budget_row(name: str, line: LineFigures, lang: Lang) -> dict[str, Any]:
    return {
        "name": name,
        "total": format_amount(line.total, lang),
        "actual": "" if line.actual is None else format_amount(line.actual, lang),
        "committed": ""
        if line.committed is None
        else format_amount(line.committed, lang),
        "remaining": format_amount(line.remaining, lang),
        "utilisation": _percent(_utilisation(line), lang),
        "bar": _bar_width(_utilisation(line)),
        "over": line.remaining < ZERO,
    }


def _projects(
    budget: BudgetFigures, programme: Programme, lang: Lang
) -> list[dict[str, Any]]:
    """The programme's projects with their budget lines' figures; the budget lines the
    programme does not describe follow, said to be so."""
    lines = {p.project.id: p for p in budget.projects}
    source_ids = [s.id for s in budget.budget.funding_sources]
    entries: list[tuple[str, str | None, list[str]]] = [
        (display_name(p.name, p.name_en, lang), p.description, p.budget_lines)
        for p in programme.projects
    ]
    for line_id in programme.undescribed_budget_lines:
        if line_id in lines:
            project = lines[line_id].project
            entries.append(
                (display_name(project.name, project.name_en, lang), None, [line_id])
            )

    projects = []
    for name, description, line_ids in entries:
        known = [lines[i] for i in line_ids if i in lines]
        figures = totals_row([p.figures for p in known], source_ids)
        projects.append(
            {
                "name": name,
                "description": description,
                "budget_lines": [
                    display_name(p.project.name, p.project.name_en, lang) for p in known
                ]
                if len(known) > 1
                else [],
                **_budget_row(name, figures, lang),
            }
        )
    return projects


def _utilisation(line: LineFigures) -> Decimal | None:
    """Utilisation as tables for people show it (to `PERCENT_PLACES` decimals)."""
    if line.utilisation is None:
        return None
    return round_percent(line.utilisation, PERCENT_PLACES)


def _finding(finding: Problem) -> dict[str, str]:
    place = finding.path.name + (f":{finding.line}" if finding.line else "")
    return {"place": place, "message": finding.message}


def _month(as_of: str, lang: Lang) -> str:
    """ "2019-01" as a person reads it: "tammikuu 2019", "January 2019"."""
    from babel.dates import format_skeleton

    year, month = (int(part) for part in as_of.split("-"))
    text: str = format_skeleton("yMMMM", date(year, month, 1), locale=LOCALES[lang])
    return text


def _percent(value: Decimal | None, lang: Lang) -> str:
    return "" if value is None else format_percent(value, lang)


def _bar_width(percent: Decimal | None) -> str:
    """A bar's length in percent of its track: the figure, kept within 0-100."""
    if percent is None:
        return "0"
    return str(min(max(percent, ZERO), Decimal(100)))


def _zero(amount: Decimal | None) -> Decimal:
    return ZERO if amount is None else amount


def _px(value: Fraction) -> str:
    """A position in the chart (not an amount), to a tenth of a unit."""
    return f"{Decimal(value.numerator) / Decimal(value.denominator):.1f}"
