"""The programme as people read it: the vision, the action areas with their focus
measures, and the year's projects with their descriptions and budget figures.

The two quirks of the source document are kept visible: one description covers two
budget lines (its project lists both, each with its own figures, and their sum), and a
budget line has money but no description (listed apart, under `undescribed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kuvadigi.calc import BudgetFigures, ProjectFigures
from kuvadigi.i18n import Lang, say
from kuvadigi.money import ZERO
from kuvadigi.records import ActionArea, Programme, Vision
from kuvadigi.views import FIGURE, Column, Row, RowStyle, TableView, display_name

# Descriptions fold at this width even where the terminal is wider: long lines of prose
# are hard to read.
PROSE_WIDTH = 72


@dataclass(frozen=True)
class BudgetLineView:
    """A budget line of the year with the two figures the programme view shows."""

    id: str
    name: str
    name_en: str | None
    total: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class ProjectView:
    """A project as the programme describes it, with its budget lines and their sums."""

    id: str
    name: str
    name_en: str | None
    description: str | None
    lines: list[BudgetLineView]
    total: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class ProgrammeView:
    """The whole programme, or one action area of it (`vision` None, no projects)."""

    year: int
    as_of: str
    vision: Vision | None
    action_areas: list[ActionArea]
    projects: list[ProjectView]
    undescribed: list[ProjectView]


def programme_view(
    programme: Programme, figures: BudgetFigures, area: int | None = None
) -> ProgrammeView:
    """The programme beside the budget's figures; with `area`, that action area only."""
    budget = figures.budget
    by_id = {project.project.id: project for project in figures.projects}
    if area is not None:
        areas = [a for a in programme.action_areas if a.number == area]
        return ProgrammeView(budget.year, budget.as_of, None, areas, [], [])

    projects = [
        _project(
            project.id,
            project.name,
            project.name_en,
            project.description,
            [by_id[line_id] for line_id in project.budget_lines],
        )
        for project in programme.projects
    ]
    undescribed = [
        _project(
            line_id,
            by_id[line_id].project.name,
            by_id[line_id].project.name_en,
            None,
            [by_id[line_id]],
        )
        for line_id in programme.undescribed_budget_lines
    ]
    return ProgrammeView(
        budget.year,
        budget.as_of,
        programme.vision,
        list(programme.action_areas),
        projects,
        undescribed,
    )


def _project(
    project_id: str,
    name: str,
    name_en: str | None,
    description: str | None,
    lines: Sequence[ProjectFigures],
) -> ProjectView:
    shown = [
        BudgetLineView(
            line.project.id,
            line.project.name,
            line.project.name_en,
            line.figures.total,
            line.figures.remaining,
        )
        for line in lines
    ]
    return ProjectView(
        project_id,
        name,
        name_en,
        description,
        shown,
        sum((line.total for line in shown), ZERO),
        sum((line.remaining for line in shown), ZERO),
    )


def area_numbers(programme: Programme) -> list[int]:
    """The numbers of the programme's action areas, for `--area` and its message."""
    return [area.number for area in programme.action_areas]


def projects_table(view: ProgrammeView, lang: Lang) -> TableView:
    """The year's projects as a table for people: each project's name and figures, its
    description under it, the budget lines of a project that covers several, then the
    budget lines without a description, and the totals of them all."""
    columns = [
        Column("name", say("project", lang), "text"),
        Column("total", say("total", lang), "amount"),
        Column("remaining", say("remaining", lang), "amount", FIGURE),
    ]
    rows: list[Row] = []
    for project in view.projects:
        rows.append(_figures_row(project.name, project.name_en, project, lang, "group"))
        if project.description:
            rows.append(Row({"name": project.description}, "note"))
        if len(project.lines) > 1:
            covers = say("programme.covers", lang, count=len(project.lines))
            rows.append(Row({"name": covers}))
            rows += [
                _figures_row(line.name, line.name_en, line, lang, "item", indent=2)
                for line in project.lines
            ]
        # A blank row between projects, so each description stays with its name.
        rows.append(Row({}))

    if view.undescribed:
        rows.append(Row({"name": say("programme.undescribed", lang)}, "group"))
        rows.append(Row({"name": say("programme.undescribed_note", lang)}, "note"))
        rows += [
            _figures_row(p.name, p.name_en, p, lang, "item") for p in view.undescribed
        ]

    everything = [*view.projects, *view.undescribed]
    rows.append(
        Row(
            {
                "name": say("totals", lang),
                "total": sum((p.total for p in everything), ZERO),
                "remaining": sum((p.remaining for p in everything), ZERO),
            },
            "totals",
        )
    )
    title = say("programme.projects", lang, year=view.year)
    return TableView(title, columns, rows, fold_at=PROSE_WIDTH)


def _figures_row(
    name: str,
    name_en: str | None,
    figures: ProjectView | BudgetLineView,
    lang: Lang,
    style: RowStyle,
    indent: int = 0,
) -> Row:
    return Row(
        {
            "name": " " * indent + display_name(name, name_en, lang),
            "total": figures.total,
            "remaining": figures.remaining,
        },
        style,
    )
