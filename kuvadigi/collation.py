"""Sorting names the way a Finnish reader expects: å, ä and ö after z.

Python's own string order puts `Ä` (U+00C4) after every ASCII letter but before `å` and
puts capitals before small letters, and a plain Unicode collation (pyuca's DUCET) files
`ä` under `a`. Neither is Finnish. The key here follows the Finnish tailoring of the
Unicode Collation Algorithm in CLDR (the "standard" collation of `fi`):

- primary order: space, punctuation and symbols, digits, then a-z, å, ä, ö; `w` is a
  letter of its own after `v`; `ü` sorts as `y`, `æ` as `ä`, `ø` and `œ` as `ö`; other
  accented letters (é, š, ž) sort as their base letter;
- ties are broken by the accents (secondary), then by case, small letters first
  (tertiary), then by the text itself, so the order is total and stable.

PyICU would give the same order but installs only from source (it needs ICU's headers);
the data holds Finnish and English names in Latin script, which this key covers.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_FINNISH_ALPHABET = _ALPHABET + "åäö"

# Letters that Finnish files as another letter at the primary level: (letter, accent rank).
_FINNISH_EQUIVALENTS: dict[str, tuple[str, int]] = {
    "ü": ("y", 1),
    "ű": ("y", 2),
    "æ": ("ä", 1),
    "ø": ("ö", 1),
    "œ": ("ö", 2),
    "ß": ("s", 1),
}

_SPACE, _PUNCTUATION, _DIGIT, _LETTER, _OTHER_LETTER = range(5)

Primary = tuple[int, int]
SortKey = tuple[tuple[Primary, ...], tuple[str, ...], tuple[int, ...], str]


def sort_key(text: str, lang: Literal["fi", "en"]) -> SortKey:
    """A key that sorts `text` in Finnish order (`fi`) or in plain accent-blind Latin
    order (`en`, where ä sorts as a and ö as o)."""
    alphabet = _FINNISH_ALPHABET if lang == "fi" else _ALPHABET
    primary: list[Primary] = []
    accents: list[str] = []
    case: list[int] = []

    for char in unicodedata.normalize("NFC", text):
        small = char.lower()
        base, accent = _base_and_accent(small, lang)
        primary.append(_primary(base, alphabet))
        accents.append(accent)
        case.append(0 if char == small else 1)

    return tuple(primary), tuple(accents), tuple(case), text


def _base_and_accent(letter: str, lang: str) -> tuple[str, str]:
    """The letter a character sorts as, and what tells it apart from that letter."""
    if lang == "fi":
        if letter in "åäö":
            return letter, ""
        if letter in _FINNISH_EQUIVALENTS:
            base, rank = _FINNISH_EQUIVALENTS[letter]
            return base, str(rank)
    decomposed = unicodedata.normalize("NFD", letter)
    return decomposed[:1], decomposed[1:]


def _primary(base: str, alphabet: str) -> Primary:
    if base in alphabet:
        return _LETTER, alphabet.index(base)
    if base.isspace():
        return _SPACE, 0
    if base.isdigit():
        return _DIGIT, unicodedata.digit(base, 0)
    if base.isalpha():
        return _OTHER_LETTER, ord(base)
    return _PUNCTUATION, ord(base)
