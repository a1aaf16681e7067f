"""References within and between the data files: ids unique, every link resolves.

Each function returns `(where, message)` pairs, `where` being the path of keys and list
indexes to the offending value, so the loader can point at its line and column.
"""

from __future__ import annotations

from collections.abc import Iterable

from kuvadigi.models import Budget, Estimate, Programme

Where = tuple[str | int, ...]
Finding = tuple[Where, str]


def budget_references(budget: Budget) -> list[Finding]:
    """Unique project ids and names; funding keys that name a funding source."""
    findings = _unique(
        (
            (("funding_sources", i, "id"), s.id)
            for i, s in enumerate(budget.funding_sources)
        ),
        "funding source id",
    )
    findings += _unique(
        ((("projects", i, "id"), p.id) for i, p in enumerate(budget.projects)),
        "project id",
    )
    findings += _unique(
        ((("projects", i, "name"), p.name) for i, p in enumerate(budget.projects)),
        "project name",
    )

    source_ids = [source.id for source in budget.funding_sources]
    for index, project in enumerate(budget.projects):
        for key in project.funding:
            if key not in source_ids:
                findings.append(
                    (
                        ("projects", index, "funding", key),
                        f"no funding source {key!r}; the funding sources are "
                        + ", ".join(source_ids),
                    )
                )
    if budget.totals is not None:
        for key in budget.totals.funding:
            if key not in source_ids:
                findings.append(
                    (("totals", "funding", key), f"no funding source {key!r}")
                )
    return findings


def estimate_references(estimate: Estimate) -> list[Finding]:
    """Unique ids; each line's group exists; amounts only for the estimate's years."""
    findings = _unique(
        ((("groups", i, "id"), g.id) for i, g in enumerate(estimate.groups)), "group id"
    )
    findings += _unique(
        ((("lines", i, "id"), line.id) for i, line in enumerate(estimate.lines)),
        "cost line id",
    )
    findings += _unique(
        ((("years", i), str(year)) for i, year in enumerate(estimate.years)), "year"
    )

    group_ids = [group.id for group in estimate.groups]
    years = ", ".join(str(year) for year in estimate.years)
    for index, line in enumerate(estimate.lines):
        if line.group not in group_ids:
            findings.append(
                (
                    ("lines", index, "group"),
                    f"no group {line.group!r}; the groups are " + ", ".join(group_ids),
                )
            )
        for year in line.amounts:
            if year not in estimate.years:
                findings.append(
                    (
                        ("lines", index, "amounts", str(year)),
                        f"{year} is not one of the years {years}",
                    )
                )
        for year in estimate.years:
            if year not in line.amounts:
                findings.append(
                    (
                        ("lines", index, "amounts"),
                        f"the amount for {year} is missing; write 0 if none",
                    )
                )
    for year in estimate.year_totals or {}:
        if year not in estimate.years:
            findings.append(
                (("year_totals", str(year)), f"{year} is not one of the years {years}")
            )
    return findings


def programme_references(programme: Programme, budget: Budget) -> list[Finding]:
    """Every programme project links to budget lines that exist, and every budget line is
    either linked once or listed as undescribed."""
    budget_ids = [project.id for project in budget.projects]
    findings = _unique(
        ((("projects", i, "id"), p.id) for i, p in enumerate(programme.projects)),
        "programme project id",
    )
    findings += _unique(
        (
            (("action_areas", i, "number"), str(a.number))
            for i, a in enumerate(programme.action_areas)
        ),
        "action area number",
    )

    linked: dict[str, Where] = {}
    for index, project in enumerate(programme.projects):
        for position, line_id in enumerate(project.budget_lines):
            where: Where = ("projects", index, "budget_lines", position)
            if line_id not in budget_ids:
                findings.append((where, f"the budget has no project {line_id!r}"))
            elif line_id in linked:
                findings.append((where, f"budget line {line_id!r} is linked twice"))
            linked[line_id] = where
    for position, line_id in enumerate(programme.undescribed_budget_lines):
        where = ("undescribed_budget_lines", position)
        if line_id not in budget_ids:
            findings.append((where, f"the budget has no project {line_id!r}"))
        elif line_id in linked:
            findings.append(
                (where, f"budget line {line_id!r} is linked to a project already")
            )
        linked[line_id] = where

    for line_id in budget_ids:
        if line_id not in linked:
            findings.append(
                (
                    ("projects",),
                    f"budget line {line_id!r} has no programme project; link it in a "
                    "project's budget_lines or list it under undescribed_budget_lines",
                )
            )
    return findings


def _unique(items: Iterable[tuple[Where, str]], what: str) -> list[Finding]:
    """A finding for every repeat of a value among `items`."""
    first: dict[str, Where] = {}
    findings: list[Finding] = []
    for where, value in items:
        key = value.casefold()
        if key in first:
            findings.append((where, f"the {what} {value!r} is used twice"))
        else:
            first[key] = where
    return findings
