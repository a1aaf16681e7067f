"""Write a valid kuvadigi data folder of any size, for the benchmark.

    python bench/generate.py --lines 10000 bench/out/10000

The folder holds `budget_2019.yaml` with N budget lines (projects), a cost estimate with
N/2 cost lines in groups of ten, and a `programme.yaml` that links every budget line, so
that `kuvadigi check --data OUTDIR` exits 0 (a note on the rounded shares may be printed).

Every figure is made up but consistent, and the same for the same N and seed: a project's
total is the sum of its funding sources, actual plus committed never exceed it, the
published remaining is total - actual - committed, the totals row is the sum of the
projects, and each cost line's total, share and the year totals are what its amounts
give. The YAML is written as text (not through a YAML library), so writing a hundred
thousand lines takes a second, and it looks like the shipped files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

YEAR = 2019
AS_OF = "2019-01"
ESTIMATE_YEARS = (2019, 2020, 2021, 2022)
LINES_PER_GROUP = 10
SOURCES = (
    (
        "digi_investment",
        "Digi-investointimääräraha",
        "Digital investment appropriation",
    ),
    ("ict_frame", "ICT-TAE raamissa", "ICT frame"),
    ("external", "Ulkopuolinen lisärahoitus", "External funding"),
)

# Words to make project names that read like the programme's own.
_SUBJECTS = (
    ("Kirjaston", "Library"),
    ("Liikuntapaikkojen", "Sports venue"),
    ("Nuorisotalon", "Youth centre"),
    ("Museon", "Museum"),
    ("Kulttuurikeskuksen", "Cultural centre"),
    ("Uimahallin", "Swimming hall"),
    ("Harrastusten", "Hobby"),
    ("Tapahtumien", "Events"),
)
_OBJECTS = (
    ("varausjärjestelmä", "booking system"),
    ("verkkopalvelu", "web service"),
    ("avoin rajapinta", "open API"),
    ("asiakaskortti", "customer card"),
    ("tiedolla johtaminen", "knowledge management"),
    ("digitaaliset työvälineet", "digital tools"),
)


@dataclass
class Project:
    """One generated budget line, with its published figures consistent."""

    id: str
    name: str
    name_en: str
    funding: dict[str, int]
    actual: int | None
    committed: int | None

    @property
    def total(self) -> int:
        return sum(self.funding.values())

    @property
    def remaining(self) -> int:
        return self.total - (self.actual or 0) - (self.committed or 0)


@dataclass
class CostLine:
    """One generated cost line of the estimate."""

    id: str
    name: str
    group: str
    amounts: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.amounts.values())


def projects(count: int, rng: random.Random) -> Iterator[Project]:
    """`count` budget lines with unique ids and names, in thousands of euros."""
    for number in range(1, count + 1):
        subject, subject_en = rng.choice(_SUBJECTS)
        thing, thing_en = rng.choice(_OBJECTS)
        sources = rng.sample(
            [source_id for source_id, _, _ in SOURCES], rng.randint(1, 3)
        )
        funding = {
            source_id: rng.randrange(10, 500) * 1000
            for source_id, _, _ in SOURCES
            if source_id in sources
        }
        total = sum(funding.values())
        # A third of the lines have nothing booked yet (blank cells, as in the document).
        actual = rng.randrange(0, total // 2) if rng.random() < 0.66 else None
        committed = (
            rng.randrange(0, total - (actual or 0)) if rng.random() < 0.66 else None
        )
        yield Project(
            id=f"hanke-{number:06d}",
            name=f"{subject} {thing} {number}",
            name_en=f"{subject_en} {thing_en} {number}",
            funding=funding,
            actual=actual,
            committed=committed,
        )


def cost_lines(count: int, rng: random.Random) -> list[CostLine]:
    """`count` cost lines, ten to a group, with an amount for every year."""
    return [
        CostLine(
            id=f"kustannus-{number:06d}",
            name=f"Kustannuserä {number}",
            group=f"ryhma-{(number - 1) // LINES_PER_GROUP + 1:05d}",
            amounts={year: rng.randrange(0, 200) * 5000 for year in ESTIMATE_YEARS},
        )
        for number in range(1, count + 1)
    ]


def share_text(part: int, whole: int) -> str:
    """`part` as a percentage of `whole`, rounded half up to two decimals, as text."""
    exact = Fraction(part * 100, whole) if whole else Fraction(0)
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _text(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def budget_yaml(lines: list[Project]) -> str:
    """The budget file: funding sources, the projects and a correct totals row."""
    out = [
        "# A generated budget for the kuvadigi benchmark (bench/generate.py).",
        f"year: {YEAR}",
        f'as_of: "{AS_OF}"',
        "currency: EUR",
        "",
        "funding_sources:",
    ]
    for source_id, name, name_en in SOURCES:
        out += [
            f"  - id: {source_id}",
            f"    name: {_text(name)}",
            f"    name_en: {_text(name_en)}",
        ]
    out += ["", "projects:"]
    for project in lines:
        out += [
            f"  - id: {project.id}",
            f"    name: {_text(project.name)}",
            f"    name_en: {_text(project.name_en)}",
            f"    total: {project.total}",
            "    funding:",
            *(
                f"      {source}: {amount}"
                for source, amount in project.funding.items()
            ),
        ]
        if project.actual is not None:
            out.append(f"    actual: {project.actual}")
        if project.committed is not None:
            out.append(f"    committed: {project.committed}")
        out.append(f"    remaining: {project.remaining}")

    out += [
        "",
        "totals:",
        f"  total: {sum(project.total for project in lines)}",
        "  funding:",
        *(
            f"    {source_id}: {sum(p.funding.get(source_id, 0) for p in lines)}"
            for source_id, _, _ in SOURCES
        ),
        f"  actual: {sum(project.actual or 0 for project in lines)}",
        f"  committed: {sum(project.committed or 0 for project in lines)}",
        f"  remaining: {sum(project.remaining for project in lines)}",
    ]
    return "\n".join(out) + "\n"


def estimate_yaml(lines: list[CostLine]) -> str:
    """The cost estimate: groups, lines with totals and shares, year totals, the total."""
    grand_total = sum(line.total for line in lines)
    groups = list(dict.fromkeys(line.group for line in lines))
    out = [
        "# A generated cost estimate for the kuvadigi benchmark (bench/generate.py).",
        "currency: EUR",
        f"years: [{', '.join(str(year) for year in ESTIMATE_YEARS)}]",
        "",
        "groups:",
    ]
    for number, group in enumerate(groups, start=1):
        out += [f"  - id: {group}", f"    name: {_text(f'Kustannusryhmä {number}')}"]
    out += ["", "lines:"]
    for line in lines:
        amounts = ", ".join(
            f"{year}: {amount}" for year, amount in line.amounts.items()
        )
        out += [
            f"  - id: {line.id}",
            f"    name: {_text(line.name)}",
            f"    group: {line.group}",
            f"    amounts: {{{amounts}}}",
            f"    total: {line.total}",
            f"    share: {share_text(line.total, grand_total)}",
        ]
    year_totals = ", ".join(
        f"{year}: {sum(line.amounts[year] for line in lines)}"
        for year in ESTIMATE_YEARS
    )
    out += [
        "",
        f"year_totals: {{{year_totals}}}",
        f"total: {grand_total}",
        "share_total: 100",
    ]
    return "\n".join(out) + "\n"


def programme_yaml(lines: list[Project], rng: random.Random) -> str:
    """The programme: a vision, seven action areas, and projects that link every budget
    line, one to three lines each, with every fiftieth line left undescribed."""
    out = [
        "# A generated programme for the kuvadigi benchmark (bench/generate.py).",
        "vision:",
        '  statement: "maailman toimivin kulttuurin ja vapaa-ajan kaupunki"',
        "  parts:",
    ]
    for number in range(1, 6):
        out += [
            f"    - id: visio-{number}",
            f"      name: {_text(f'Vision osa {number}')}",
            f"      text: {_text(f'Vision osan {number} kuvaus.')}",
        ]
    out.append("action_areas:")
    for number in range(1, 8):
        out += [
            f"  - number: {number}",
            f"    id: kokonaisuus-{number}",
            f"    name: {_text(f'Toimenpidekokonaisuus {number}')}",
            "    focus_measures:",
            *(
                f'      - {{number: "{number}.{measure}", name: "Toimenpide {number}.{measure}"}}'
                for measure in range(1, 4)
            ),
        ]

    # Every fiftieth line is left undescribed, as the document leaves one line.
    described = [p for index, p in enumerate(lines) if (index + 1) % 50]
    undescribed = [p.id for index, p in enumerate(lines) if not (index + 1) % 50]
    out.append("projects:")
    start = 0
    number = 0
    while start < len(described):
        linked = described[start : start + rng.randint(1, 3)]
        start += len(linked)
        number += 1
        out += [
            f"  - id: ohjelmahanke-{number:06d}",
            f"    name: {_text(linked[0].name)}",
            f"    description: {_text(f'Hankkeen {linked[0].name} kuvaus.')}",
            f"    budget_lines: [{', '.join(project.id for project in linked)}]",
        ]
    out.append(f"undescribed_budget_lines: [{', '.join(undescribed)}]")
    return "\n".join(out) + "\n"


def generate(count: int, folder: Path, seed: int = 2019) -> None:
    """Write a data folder with `count` budget lines into `folder`."""
    rng = random.Random(f"{seed}:{count}")
    budget_lines = list(projects(count, rng))
    estimate_lines = cost_lines(max(1, count // 2), rng)

    folder.mkdir(parents=True, exist_ok=True)
    years = f"{ESTIMATE_YEARS[0]}_{ESTIMATE_YEARS[-1]}"
    (folder / f"budget_{YEAR}.yaml").write_text(budget_yaml(budget_lines), "utf-8")
    (folder / f"estimate_{years}.yaml").write_text(
        estimate_yaml(estimate_lines), "utf-8"
    )
    (folder / "programme.yaml").write_text(programme_yaml(budget_lines, rng), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a valid kuvadigi data folder with N budget lines."
    )
    parser.add_argument("--lines", type=int, required=True, help="budget lines (N)")
    parser.add_argument("--seed", type=int, default=2019, help="random seed")
    parser.add_argument("outdir", type=Path, help="the folder to write")
    args = parser.parse_args(argv)
    if args.lines < 1:
        parser.error("--lines must be at least 1")
    generate(args.lines, args.outdir, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
