"""Finding a project by what a person types: an id, its Finnish or English name, a unique
prefix, with or without Finnish letters, in any case, composed or decomposed."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kuvadigi.records import Project


@dataclass(frozen=True)
class NoMatch(Exception):
    """Nothing matched `query`; `suggestions` are the closest names, best first."""

    query: str
    suggestions: list[str]


@dataclass(frozen=True)
class Ambiguous(Exception):
    """`query` matched several projects equally well."""

    query: str
    matches: list[str]


def normalise(text: str) -> str:
    """Compare text the way a person does: composed Unicode (NFC), case folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def fold_letters(text: str) -> str:
    """`normalise`, then ä as a, ö as o, å as a: for a keyboard without Finnish letters."""
    decomposed = unicodedata.normalize("NFD", normalise(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _names(project: Project) -> list[str]:
    """What a person may call a project: its id, its Finnish name, its English name."""
    return [project.id, project.name, *([project.name_en] if project.name_en else [])]


def find_project(projects: Sequence[Project], query: str) -> Project:
    """The one project that `query` names: exactly, then by unique prefix, first as typed
    and then with Finnish letters folded (so `vene helsingissa` finds Vene Helsingissä).
    Raises `NoMatch` or `Ambiguous`."""
    for fold in (normalise, fold_letters):
        wanted = fold(query)
        if not wanted:
            break
        exact = [p for p in projects if wanted in {fold(n) for n in _names(p)}]
        if len(exact) == 1:
            return exact[0]

        by_prefix = [
            p for p in projects if any(fold(n).startswith(wanted) for n in _names(p))
        ]
        if len(by_prefix) == 1:
            return by_prefix[0]
        if len(by_prefix) > 1:
            raise Ambiguous(query, [p.name for p in by_prefix])

    names = {fold_letters(name): p.name for p in projects for name in _names(p)}
    close = difflib.get_close_matches(fold_letters(query), list(names), n=3, cutoff=0.5)
    suggestions = list(dict.fromkeys(names[key] for key in close))
    raise NoMatch(query, suggestions)
