"""References within and between the data files: ids unique, every link resolves.

Each function returns `(where, message)` pairs, `where` being the path of keys and list
indexes to the offending value, so the loader can point at its line and column (a last
step wrapped in `KeyItself` points at the key rather than its value). Messages are
`Message`s of the catalogue; a `LineOf` field becomes a line number once located.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from kuvadigi.matching import normalise
from kuvadigi.problems import LineOf, Message
from kuvadigi.records import Budget, Estimate, Programme

Where = tuple[str | int, ...]
Finding = tuple[Where, str]

# How close a name must be to a known one to be offered as "did you mean".
_SUGGESTION_CUTOFF = 0.6


class KeyItself(str):
    """The last step of a `where` that points at a mapping's key, not at its value:
    an unknown name is shown where it is written."""


def budget_references(budget: Budget) -> list[Finding]:
    """Unique funding source ids, project ids and names; funding keys that name a
    funding source."""
    findings = _unique(
        (
            (("funding_sources", i, "id"), s.id)
            for i, s in enumerate(budget.funding_sources)
        ),
        "what.source_id",
    )
    findings += _unique(
        ((("projects", i, "id"), p.id) for i, p in enumerate(budget.projects)),
        "what.project_id",
    )
    findings += _unique(
        ((("projects", i, "name"), p.name) for i, p in enumerate(budget.projects)),
        "what.project_name",
    )

    source_ids = [source.id for source in budget.funding_sources]
    places: list[tuple[Where, Iterable[str]]] = [
        (("projects", index, "funding"), project.funding)
        for index, project in enumerate(budget.projects)
    ]
    if budget.totals is not None:
        places.append((("totals", "funding"), budget.totals.funding))
    for where, keys in places:
        for key in keys:
            if key not in source_ids:
                findings.append(
                    (
                        (*where, KeyItself(key)),
                        Message(
                            "ref.unknown_source",
                            {"name": key, "known": ", ".join(source_ids)},
                            closest(key, source_ids),
                        ),
                    )
                )

    # "toteuma 1/2019" describes the 2019 budget; a month of another year is a slip.
    if int(budget.as_of[:4]) != budget.year:
        findings.append(
            (
                ("as_of",),
                Message("ref.as_of_year", {"as_of": budget.as_of, "year": budget.year}),
            )
        )
    return findings


def estimate_references(estimate: Estimate) -> list[Finding]:
    """Unique ids; each line's group exists; amounts only for the estimate's years, and
    for each of them."""
    findings = _unique(
        ((("groups", i, "id"), g.id) for i, g in enumerate(estimate.groups)),
        "what.group_id",
    )
    findings += _unique(
        ((("lines", i, "id"), line.id) for i, line in enumerate(estimate.lines)),
        "what.line_id",
    )
    findings += _unique(
        ((("years", i), str(year)) for i, year in enumerate(estimate.years)),
        "what.year",
    )

    group_ids = [group.id for group in estimate.groups]
    known_groups = set(group_ids)  # a set: a city's estimate may have thousands
    years = ", ".join(str(year) for year in estimate.years)
    for index, line in enumerate(estimate.lines):
        if line.group not in known_groups:
            findings.append(
                (
                    ("lines", index, "group"),
                    Message(
                        "ref.unknown_group",
                        {"group": line.group, "known": ", ".join(group_ids)},
                        closest(line.group, group_ids),
                    ),
                )
            )
        for year in line.amounts:
            if year not in estimate.years:
                findings.append(
                    (
                        ("lines", index, "amounts", KeyItself(year)),
                        Message("ref.year_outside", {"year": year, "years": years}),
                    )
                )
        for year in estimate.years:
            if year not in line.amounts:
                findings.append(
                    (
                        ("lines", index, "amounts"),
                        Message("ref.year_missing", {"year": year}),
                    )
                )
    for year in estimate.year_totals or {}:
        if year not in estimate.years:
            findings.append(
                (
                    ("year_totals", KeyItself(year)),
                    Message("ref.year_outside", {"year": year, "years": years}),
                )
            )
    return findings


def programme_references(programme: Programme, budget: Budget) -> list[Finding]:
    """Every programme project links to budget lines that exist, and every budget line is
    either linked once or listed as undescribed."""
    budget_ids = [project.id for project in budget.projects]
    # Looked up once per link: a set keeps a budget of 100 000 lines linear.
    known_lines = set(budget_ids)
    findings = _unique(
        ((("projects", i, "id"), p.id) for i, p in enumerate(programme.projects)),
        "what.programme_project_id",
    )
    findings += _unique(
        (
            (("action_areas", i, "number"), str(a.number))
            for i, a in enumerate(programme.action_areas)
        ),
        "what.area_number",
    )
    findings += _unique(
        (
            (("action_areas", i, "id"), a.id)
            for i, a in enumerate(programme.action_areas)
        ),
        "what.area_id",
    )
    findings += _unique(
        (
            (("action_areas", i, "focus_measures", j, "number"), measure.number)
            for i, area in enumerate(programme.action_areas)
            for j, measure in enumerate(area.focus_measures)
        ),
        "what.measure_number",
    )
    findings += _measures_of_their_areas(programme)

    linked: dict[str, Where] = {}
    # A misspelt link is reported once, as such, not again as the line it missed.
    meant: set[str] = set()
    links: list[tuple[Where, str, bool]] = [
        (("projects", index, "budget_lines", position), line_id, False)
        for index, project in enumerate(programme.projects)
        for position, line_id in enumerate(project.budget_lines)
    ]
    links += [
        (("undescribed_budget_lines", position), line_id, True)
        for position, line_id in enumerate(programme.undescribed_budget_lines)
    ]
    for where, line_id, undescribed in links:
        if line_id not in known_lines:
            suggestion = closest(line_id, budget_ids)
            meant.add(suggestion or "")
            findings.append(
                (
                    where,
                    Message("ref.no_budget_line", {"line": line_id}, suggestion),
                )
            )
        elif line_id in linked:
            key = "ref.undescribed_linked" if undescribed else "ref.linked_twice"
            first = LineOf(linked[line_id])
            findings.append(
                (where, Message(key, {"line": line_id, "first_line": first}))
            )
        linked.setdefault(line_id, where)

    # Said where the fix goes: beside the undescribed lines, or else at the projects.
    unlinked_at: Where = (
        (KeyItself("undescribed_budget_lines"),)
        if programme.undescribed_budget_lines
        else (KeyItself("projects"),)
    )
    for line_id in budget_ids:
        if line_id not in linked and line_id not in meant:
            findings.append((unlinked_at, Message("ref.unlinked", {"line": line_id})))
    return findings


def _measures_of_their_areas(programme: Programme) -> list[Finding]:
    """A focus measure is numbered after its action area (1.1 to 1.6 under area 1): a
    measure copied under the wrong area would otherwise be counted there."""
    findings: list[Finding] = []
    for i, area in enumerate(programme.action_areas):
        for j, measure in enumerate(area.focus_measures):
            area_of_number = measure.number.partition(".")[0]
            if area_of_number.lstrip("0") != str(area.number):
                findings.append(
                    (
                        ("action_areas", i, "focus_measures", j, "number"),
                        Message(
                            "ref.measure_of_another_area",
                            {"measure": measure.number, "area": area.number},
                        ),
                    )
                )
    return findings


def _unique(items: Iterable[tuple[Where, str]], what: str) -> list[Finding]:
    """A finding for every repeat of a value among `items`, naming the line of its
    first use: compared as `--project` matches them (case, spacing and the Unicode form
    of ä ignored), since two names a person cannot tell apart cannot be chosen apart."""
    first: dict[str, Where] = {}
    findings: list[Finding] = []
    for where, value in items:
        key = normalise(value)
        if key in first:
            findings.append(
                (
                    where,
                    Message(
                        "ref.duplicate",
                        {
                            "what": Message(what),
                            "value": value,
                            "first_line": LineOf(first[key]),
                        },
                    ),
                )
            )
        else:
            first[key] = where
    return findings


def closest(name: str, known: Sequence[str]) -> str | None:
    """The known name closest to `name`, where one is close enough to be a typo."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=_SUGGESTION_CUTOFF)
    return close[0] if close else None
