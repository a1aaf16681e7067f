"""GitHub-flavoured Markdown, ready to paste into an issue, a wiki page or a document.

A table is its title in bold, then a pipe table: names left-aligned, figures
right-aligned and formatted for the language (Finnish `2 780 000 €` keeps its no-break
spaces, so a figure never breaks across lines), group and totals rows in bold. Bars are
for terminals and are left out here. The programme is a short document: headings, lists
and a table of the projects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kuvadigi.i18n import Lang, format_amount, format_percent, say
from kuvadigi.problems import Problem
from kuvadigi.programme_view import ProgrammeView, ProjectView
from kuvadigi.render.problems import message_text, shown_path
from kuvadigi.views import Cell, Column, TableView, display_name


def table_markdown(view: TableView, lang: Lang) -> str:
    """`view` as a bold title, a pipe table and its notes."""
    columns = [column for column in view.columns if column.kind != "bar"]
    lines = [
        f"**{_escape(view.title)}**",
        "",
        _row(column.label for column in columns),
        _row("---" if column.kind == "text" else "---:" for column in columns),
    ]
    for row in view.rows:
        cells = [_cell(row.cells.get(column.key), column, lang) for column in columns]
        if row.style != "item":
            cells = [f"**{cell}**" if cell else "" for cell in cells]
        lines.append(_row(cells))
    for note in view.notes:
        lines += ["", _escape(note)]
    return "\n".join(lines) + "\n"


def findings_markdown(findings: Sequence[Problem], lang: Lang) -> str:
    """The findings of `check` as a table (place, severity, message), or the sentence
    that all is well."""
    if not findings:
        return say("check.ok", lang) + "\n"
    lines = [
        _row(
            [
                say("check.place", lang),
                say("check.severity", lang),
                say("check.message", lang),
            ]
        ),
        _row(["---", "---", "---"]),
    ]
    for finding in findings:
        place = Problem(shown_path(finding.path), finding.line, 0, "").location()
        severity = say(f"severity.{finding.severity.value}", lang)
        lines.append(
            _row(
                [
                    f"`{_escape_code(place)}`",
                    severity,
                    _escape(message_text(finding.message, lang)),
                ]
            )
        )
    return "\n".join(lines) + "\n"


def programme_markdown(view: ProgrammeView, lang: Lang) -> str:
    """The programme as a Markdown document."""
    lines: list[str] = []
    if view.vision is not None:
        vision = view.vision
        lines += [f"# {say('programme.title', lang)}", ""]
        statement = display_name(vision.statement, vision.statement_en, lang)
        lines += [f"## {say('vision', lang)}: {_escape(statement)}", ""]
        for part in vision.parts:
            lines += [
                f"- **{_escape(display_name(part.name, part.name_en, lang))}**  ",
                f"  {_escape(part.text)}",
            ]
        lines += ["", f"## {say('action_areas', lang)}", ""]

    for area in view.action_areas:
        name = display_name(area.name, area.name_en, lang)
        lines += [f"### {area.number}. {_escape(name)}", ""]
        lines += [
            f"- {measure.number} {_escape(display_name(measure.name, measure.name_en, lang))}"
            for measure in area.focus_measures
        ]
        lines.append("")

    if view.projects or view.undescribed:
        lines += [f"## {say('programme.projects', lang, year=view.year)}", ""]
        lines += _projects_table(view.projects, lang, with_description=True)
    if view.undescribed:
        lines += ["", f"### {say('programme.undescribed', lang)}", ""]
        lines += [say("programme.undescribed_note", lang), ""]
        lines += _projects_table(view.undescribed, lang, with_description=False)
    return "\n".join(lines).rstrip("\n") + "\n"


def _projects_table(
    projects: list[ProjectView], lang: Lang, *, with_description: bool
) -> list[str]:
    """A table of projects, each with its total and remaining; a project that covers
    several budget lines lists them, each with its own total, under its name."""
    labels = [say("project", lang), say("total", lang), say("remaining", lang)]
    aligns = ["---", "---:", "---:"]
    if with_description:
        labels.insert(1, say("description", lang))
        aligns.insert(1, "---")
    lines = [_row(labels), _row(aligns)]

    for project in projects:
        name = [_escape(display_name(project.name, project.name_en, lang))]
        description = _escape(project.description or "")
        if len(project.lines) > 1:
            name += [
                _escape(
                    f"{display_name(line.name, line.name_en, lang)}: "
                    f"{format_amount(line.total, lang)}"
                )
                for line in project.lines
            ]
            covers = say("programme.covers", lang, count=len(project.lines))
            description += f" _{_escape(covers)}_"
        cells = [
            "<br>".join(name),
            format_amount(project.total, lang),
            format_amount(project.remaining, lang),
        ]
        if with_description:
            cells.insert(1, description)
        lines.append(_row(cells))
    return lines


def _cell(cell: Cell, column: Column, lang: Lang) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return _escape(cell)
    if column.kind == "percent":
        return format_percent(cell, lang)
    return format_amount(cell, lang)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# What Markdown would read as emphasis, code, a link or HTML inside a cell.
_MARKUP = re.compile(r"([\\|*_`\[\]<>])")


def _escape(text: str) -> str:
    """Text shown as written inside a table cell: backslashes, pipes and the characters
    of emphasis, code, links and HTML escaped; line breaks as <br>."""
    return _MARKUP.sub(r"\\\1", text).replace("\n", "<br>")


def _escape_code(text: str) -> str:
    """Text inside a code span of a table cell: only the pipe is escaped (a table
    would end the cell there); within code a backslash is itself."""
    return text.replace("|", "\\|")
