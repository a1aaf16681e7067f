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

import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kuvadigi.problems import InvalidValue

ZERO = Decimal(0)
HUNDRED = Fraction(100)

# The rounding mode of every figure kuvadigi prints or writes.
ROUNDING = ROUND_HALF_UP

# A thousand billion euros: far above any city budget, small enough to catch a slip of
# the keyboard that adds a dozen zeros.
AMOUNT_LIMIT = Decimal(10) ** 12

# The separators a person may group thousands with: a space, a no-break space (what a
# spreadsheet copies), a narrow no-break space (babel's Finnish output) or an underscore.
_GROUP = "[ \u00a0\u202f_]"
_WHOLE = rf"[0-9]{{1,3}} (?: {_GROUP} [0-9]{{3}} )+ | [0-9]+"

# Digits, optionally grouped by threes, then optionally a dot and one or two decimals.
_AMOUNT = re.compile(
    rf"""
    (?P<whole> {_WHOLE} )
    (?: \. (?P<cents> [0-9]{{1,2}} ) )?
    """,
    re.VERBOSE,
)
_DECIMAL_COMMA = re.compile(
    rf"(?P<whole> {_WHOLE} ) , (?P<cents> [0-9]{{1,2}} )", re.VERBOSE
)
_EXPONENT = re.compile(r"[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+")
# What a spreadsheet shows for an empty cell, copied into a file.
_BLANK_MARKS = frozenset({"-", "\u2013", "\u2014", "n/a", "N/A", "NA", "?"})
_MINUS_SIGNS = "-\u2212\u2013"
_CURRENCY = re.compile(r"€|\$|£|(?i:eur)")
# How many slips in a row an offered fix mends: `43,71 %` becomes 43.71.
_MENDS = 2
# Text longer than this is shortened in messages: a message is one line.
_SHOWN_LENGTH = 40


class AmountError(InvalidValue):
    """Text that is not an amount as kuvadigi reads it. Its message (a catalogue key and
    fields) says why; `replacement`, where there is one, is the amount the person most
    likely meant, written the way kuvadigi reads it."""

    def __init__(self, key: str, text: str, replacement: str | None = None) -> None:
        super().__init__(key, text=shown(text))
        self.replacement = replacement


def parse_amount(text: str) -> Decimal:
    """Read an amount the way a person reads it, or raise `AmountError` saying why not.

    Accepted: `150000`, `150 000`, `150_000`, `1500.5`, `1500.50`, below `AMOUNT_LIMIT`.
    Refused, each with its own message: signs, exponents, colons, commas, a leading
    zero, a bare `.5`, more than two decimals, currency and percent signs, and words.
    """
    # Most amounts are plain digits: those are read without the regular expressions
    # (a city's budget has half a million of them), to the same Decimal.
    if (
        text.isascii()
        and text.isdigit()
        and len(text) <= _PLAIN_DIGITS_BELOW_LIMIT
        and (text[0] != "0" or len(text) == 1)
    ):
        return Decimal(text)
    # So are digits with one or two decimals (a share, `12.34`: an estimate has one a
    # line), where the whole part is as above: the same Decimal `_parse` makes.
    whole, dot, cents = text.partition(".")
    if (
        dot
        and text.isascii()
        and whole.isdigit()
        and cents.isdigit()
        and len(cents) <= 2
        and len(whole) <= _PLAIN_DIGITS_BELOW_LIMIT
        and (whole[0] != "0" or len(whole) == 1)
    ):
        return Decimal(text)
    return _parse(text, _MENDS)


# Plain digits up to this many stay below `AMOUNT_LIMIT` (10**12).
_PLAIN_DIGITS_BELOW_LIMIT = 12


def _parse(text: str, mends: int) -> Decimal:
    """`parse_amount`, looking for up to `mends` slips in a row to mend in the
    replacement its error offers."""
    stripped = text.strip()
    match = _AMOUNT.fullmatch(stripped)
    if match is None:
        raise _why_not_an_amount(stripped, mends)

    whole = _digits(match["whole"])
    if len(whole) > 1 and whole.startswith("0"):
        # Never octal, never silently 150000: the person says which they meant.
        meant = (whole.lstrip("0") or "0") + (
            f".{match['cents']}" if match["cents"] else ""
        )
        raise AmountError("amount.leading_zero", stripped, meant)

    amount = Decimal(whole + "." + match["cents"] if match["cents"] else whole)
    if amount >= AMOUNT_LIMIT:
        raise AmountError("amount.too_large", stripped)
    return amount


def shown(text: str) -> str:
    """`text` short enough to quote in a one-line message."""
    if len(text) <= _SHOWN_LENGTH:
        return text
    return text[: _SHOWN_LENGTH - 1] + "…"


def _digits(whole: str) -> str:
    return re.sub(_GROUP, "", whole)


def _meant(text: str, mends: int) -> str | None:
    """`text` where it is an amount as kuvadigi reads it, or the amount it most likely
    means once its next slip is mended too (`43,71` in `43,71 %`); None where it is
    neither, or where no more slips are to be mended."""
    if mends == 0:
        return None
    try:
        _parse(text, mends - 1)
    except AmountError as error:
        return error.replacement
    return text.strip()


def _why_not_an_amount(text: str, mends: int) -> AmountError:
    """Name the most likely slip in `text`, which is not an amount."""
    if text == "":
        return AmountError("amount.blank", text)
    if text in _BLANK_MARKS:
        return AmountError("amount.dash", text)
    if text[0] in _MINUS_SIGNS and len(text) > 1:
        return AmountError("amount.negative", text)
    if text.startswith("+"):
        return AmountError("amount.sign", text, _meant(text[1:], mends))
    if "%" in text:
        return AmountError(
            "amount.percent_sign", text, _meant(text.replace("%", ""), mends)
        )
    if _CURRENCY.search(text):
        return AmountError(
            "amount.currency_sign", text, _meant(_CURRENCY.sub("", text), mends)
        )
    if _EXPONENT.fullmatch(text):
        return AmountError("amount.exponent", text, _written_out(text))
    if ":" in text:
        return AmountError("amount.colon", text)
    if re.fullmatch(r"\.[0-9]+", text):
        return AmountError("amount.no_whole", text, _meant("0" + text, mends))
    if re.fullmatch(rf"(?:{_WHOLE})\.", text, re.VERBOSE):
        return AmountError("amount.trailing_dot", text, _meant(text[:-1], mends))
    if re.fullmatch(r"[1-9][0-9]{0,2}\.[0-9]{3}", text):
        # `205.000`: three decimals, or the dot of Finnish and German thousands.
        return AmountError(
            "amount.dot_grouping", text, _meant(text.replace(".", ""), mends)
        )
    if re.fullmatch(rf"(?:{_WHOLE})\.[0-9]{{3,}}", text, re.VERBOSE):
        return AmountError("amount.cents", text)
    comma = _DECIMAL_COMMA.fullmatch(text)
    if comma:
        return AmountError(
            "amount.decimal_comma",
            text,
            _meant(f"{comma['whole']}.{comma['cents']}", mends),
        )
    if "," in text:
        return AmountError("amount.comma", text)
    if text.count(".") > 1:
        return AmountError("amount.dots", text)
    if re.fullmatch(r"[0-9 _\u00a0\u202f.]+", text):
        return AmountError("amount.grouping", text)
    return AmountError("amount.not_amount", text)


def _written_out(text: str) -> str | None:
    """An amount in exponent notation (`1.0e+5`) written in full digits, where it is an
    amount kuvadigi would take; None where it is not (too large, or below a cent)."""
    value = Decimal(text)
    if value >= AMOUNT_LIMIT or value != value.quantize(Decimal("0.01")):
        return None
    return amount_text(value)


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
    # One Fraction from the two integer ratios, rather than four through Fraction's
    # operators: the same value, a fraction of the time over a city's budget lines.
    part_numerator, part_denominator = part.as_integer_ratio()
    whole_numerator, whole_denominator = whole.as_integer_ratio()
    return Fraction(
        100 * part_numerator * whole_denominator, part_denominator * whole_numerator
    )


def round_percent(percent: Fraction, places: int = 2) -> Decimal:
    """Round one exact percentage to `places` decimals with `ROUNDING`."""
    exact = Decimal(percent.numerator) / Decimal(percent.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUNDING)


def round_cents(amount: Fraction) -> Decimal:
    """Round an exact amount (e.g. a projection) to cents with `ROUNDING`, exactly: by
    integer arithmetic, so no intermediate decimal rounding can tip a half cent."""
    cents = amount * 100
    whole, rest = divmod(abs(cents.numerator), cents.denominator)
    if 2 * rest >= cents.denominator:  # half up: a half cent goes away from zero
        whole += 1
    rounded = Decimal(whole).scaleb(-2)
    return -rounded if cents < 0 else rounded


def largest_remainder(
    percents: Sequence[Fraction | None], places: int = 2
) -> list[Decimal | None]:
    """Round shares of one whole so that the rounded ones add up to exactly 100.

    Each share is cut down to `places` decimals; the units still missing from 100 go,
    one each, to the shares that lost the most, earlier ones first on a tie. A None share
    (a part of an empty whole) stays None. Shares that do not add up to 100 exactly are
    rounded one by one instead, since there is no 100 to keep.
    """
    # Integer arithmetic over one common denominator: exact, as Fractions are, and much
    # faster than adding and comparing Fractions for the thousands of cost lines of a
    # city's estimate. Share i is numerators[i] / common.
    denominators = [percent.denominator for percent in percents if percent is not None]
    common = math.lcm(*denominators) if denominators else 1
    numerators = {
        index: percent.numerator * (common // percent.denominator)
        for index, percent in enumerate(percents)
        if percent is not None
    }
    if sum(numerators.values()) != 100 * common:
        return [None if p is None else round_percent(p, places) for p in percents]

    # Each share cut down to whole units of 10**-places, and what it lost in doing so
    # (in units of 10**-places / common, the same scale for every share).
    scale = 10**places
    floors: dict[int, int] = {}
    losses: dict[int, int] = {}
    for index, numerator in numerators.items():
        floors[index], losses[index] = divmod(numerator * scale, common)
    missing = 100 * scale - sum(floors.values())

    # Python's sort is stable, so on equal losses the earlier share gets the unit.
    by_loss = sorted(numerators, key=lambda index: losses[index], reverse=True)
    for index in by_loss[:missing]:
        floors[index] += 1

    return [
        round_percent(Fraction(floors[index], scale), places)
        if index in floors
        else None
        for index in range(len(percents))
    ]
