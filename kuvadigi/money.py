"""Amounts and percentages: the one place where text becomes money and where rounding happens.

Invariants:

- An amount is a `Decimal` made from the text a person wrote, never from a binary float.
- An amount has at most two decimals (cents), is never negative and stays below
  `AMOUNT_LIMIT`.
- Percentages are computed as exact `Fraction`s and rounded only here: with
  `ROUNDING` (half up, as in Finnish commercial rounding) for a single figure, and by the
  largest-remainder method for the shares of one whole, so that they add up to exactly
  100.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ZERO = Decimal(0)
HUNDRED = Fraction(100)

# The rounding mode of every figure kuvadigi prints or writes.
ROUNDING = ROUND_HALF_UP

# A thousand billion euros: far above any city budget, small enough to catch a slip of
# the keyboard that adds a dozen zeros.
AMOUNT_LIMIT = Decimal(10) ** 12

# Digits, optionally grouped by threes with single spaces (also no-break ones) or
# underscores, then optionally a dot and one or two decimals.
_AMOUNT = re.compile(
    r"""
    (?P<whole> [0-9]{1,3} (?: [ \u00a0\u202f_] [0-9]{3} )+ | [0-9]+ )
    (?: \. (?P<cents> [0-9]{1,2} ) )?
    """,
    re.VERBOSE,
)


class AmountError(ValueError):
    """Text that is not an amount as kuvadigi reads it; the message says why and how to fix it."""


def parse_amount(text: str) -> Decimal:
    """Read an amount the way a person reads it, or raise `AmountError` saying why not.

    Accepted: `150000`, `150 000`, `150_000`, `1500.5`, `1500.50`. Refused, each with its
    own message: signs, exponents, colons, commas, a leading zero, a bare `.5`, more than
    two decimals, currency signs, and amounts of `AMOUNT_LIMIT` or more.
    """
    stripped = text.strip()
    match = _AMOUNT.fullmatch(stripped)
    if match is None:
        raise AmountError(_why_not_an_amount(stripped))

    whole = re.sub(r"[ \u00a0\u202f_]", "", match["whole"])
    if len(whole) > 1 and whole.startswith("0"):
        raise AmountError(
            f"{stripped!r} has a leading zero; write {whole.lstrip('0') or '0'}"
        )

    amount = Decimal(whole + "." + match["cents"] if match["cents"] else whole)
    if amount >= AMOUNT_LIMIT:
        raise AmountError(
            f"{stripped!r} is too large for an amount (limit {AMOUNT_LIMIT:,})"
        )
    return amount


def _why_not_an_amount(text: str) -> str:
    """Name the most likely slip in `text`, which is not an amount."""
    if text == "":
        return "an amount is missing; write 0 if the cell is zero"
    if text.startswith("-"):
        return f"{text!r} is negative; amounts cannot be negative"
    if text.startswith("+"):
        return f"{text!r} has a sign; write the digits only"
    if re.fullmatch(r"[0-9.]*[eE][+-]?[0-9]+", text):
        return f"{text!r} is in exponent notation; write the amount in full digits"
    if ":" in text:
        return f"{text!r} has a colon; an amount is digits only, e.g. 150000"
    if re.fullmatch(r"\.[0-9]+", text):
        return f"{text!r} has no whole part; write 0{text}"
    if re.fullmatch(r"[0-9 _\u00a0\u202f]+\.[0-9]{3,}", text):
        return f"{text!r} has more than two decimals; cents are the smallest unit"
    if "," in text:
        return f"{text!r} has a comma; use a dot for cents (1500.50) and no thousands comma"
    if any(sign in text for sign in "€$£"):
        return f"{text!r} has a currency sign; write the digits only"
    if re.fullmatch(r"[0-9 _\u00a0\u202f.]+", text):
        return f"{text!r} is not grouped by threes; write the digits only, e.g. 150000"
    return f"{text!r} is not an amount; write digits only, e.g. 150000"


def amount_text(amount: Decimal) -> str:
    """The plain text of an amount for machines: digits, a dot and cents only when needed."""
    if amount == amount.to_integral_value():
        return str(amount.quantize(Decimal(1)))
    return str(amount.quantize(Decimal("0.01")))


def plain_amount(amount: Decimal) -> Decimal:
    """The same amount without exponent or trailing cents zeros, for exact JSON output."""
    return Decimal(amount_text(amount))


def ratio(part: Decimal, whole: Decimal) -> Fraction | None:
    """`part` as an exact percentage of `whole`; None where the whole is zero."""
    if whole == ZERO:
        return None
    return Fraction(part) / Fraction(whole) * HUNDRED


def round_percent(percent: Fraction, places: int = 2) -> Decimal:
    """Round one exact percentage to `places` decimals with `ROUNDING`."""
    exact = Decimal(percent.numerator) / Decimal(percent.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUNDING)


def largest_remainder(
    percents: Sequence[Fraction | None], places: int = 2
) -> list[Decimal | None]:
    """Round shares of one whole so that the rounded ones add up to exactly 100.

    Each share is cut down to `places` decimals; the units still missing from 100 go,
    one each, to the shares that lost the most, earlier ones first on a tie. A None share
    (a part of an empty whole) stays None. Shares that do not add up to 100 exactly are
    rounded one by one instead, since there is no 100 to keep.
    """
    known = [percent for percent in percents if percent is not None]
    if sum(known, Fraction(0)) != HUNDRED:
        return [None if p is None else round_percent(p, places) for p in percents]

    unit = Fraction(1, 10**places)
    present = [index for index, percent in enumerate(percents) if percent is not None]
    exact = {index: _known(percents[index]) for index in present}
    floors = {index: (exact[index] // unit) * unit for index in present}
    missing = int((HUNDRED - sum(floors.values(), Fraction(0))) / unit)

    # Python's sort is stable, so on equal losses the earlier share gets the unit.
    by_loss = sorted(
        present, key=lambda index: exact[index] - floors[index], reverse=True
    )
    for index in by_loss[:missing]:
        floors[index] += unit

    return [
        round_percent(floors[index], places) if index in floors else None
        for index in range(len(percents))
    ]


def _known(percent: Fraction | None) -> Fraction:
    assert percent is not None, "only called for present shares"
    return percent
