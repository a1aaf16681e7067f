"""The faster arithmetic for a city's thousands of lines gives exactly what the plain
way gives: shares by integers over a common denominator as by Fractions, and amounts of
plain digits read without the regular expressions as with them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from kuvadigi import money
from kuvadigi.money import AmountError, largest_remainder, ratio, round_percent


def ratio_by_fractions(part: Decimal, whole: Decimal) -> Fraction | None:
    """`money.ratio` as first written: through Fraction's operators."""
    if whole == 0:
        return None
    return Fraction(part) / Fraction(whole) * 100


def largest_remainder_by_fractions(
    percents: list[Fraction | None], places: int = 2
) -> list[Decimal | None]:
    """`money.largest_remainder` as first written: every step a Fraction."""
    known = [percent for percent in percents if percent is not None]
    if sum(known, Fraction(0)) != 100:
        return [None if p is None else round_percent(p, places) for p in percents]
    unit = Fraction(1, 10**places)
    exact = {i: p for i, p in enumerate(percents) if p is not None}
    floors = {i: (p // unit) * unit for i, p in exact.items()}
    missing = int((100 - sum(floors.values(), Fraction(0))) / unit)
    by_loss = sorted(exact, key=lambda i: exact[i] - floors[i], reverse=True)
    for i in by_loss[:missing]:
        floors[i] += unit
    return [
        round_percent(floors[i], places) if i in floors else None
        for i in range(len(percents))
    ]


amounts = st.integers(min_value=0, max_value=10**11).map(
    lambda cents: Decimal(cents) / 100
)


@settings(max_examples=300, deadline=None)
@given(part=amounts, whole=amounts)
def test_ratio__as_by_fractions(part: Decimal, whole: Decimal) -> None:
    assert ratio(part, whole) == ratio_by_fractions(part, whole)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.none(), amounts), min_size=1, max_size=40),
    places=st.integers(min_value=0, max_value=3),
)
def test_largest_remainder__shares_of_one_whole_as_by_fractions(
    parts: list[Decimal | None], places: int
) -> None:
    # Shares of one whole, as calc makes them: each part over the sum of the parts.
    whole = sum((part for part in parts if part is not None), Decimal(0))
    shares = [None if part is None else ratio(part, whole) for part in parts]

    assert largest_remainder(shares, places) == largest_remainder_by_fractions(
        shares, places
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.fractions(min_value=0, max_value=100, max_denominator=10**6),
        ),
        max_size=12,
    )
)
def test_largest_remainder__any_fractions_as_by_fractions(
    shares: list[Fraction | None],
) -> None:
    assert largest_remainder(shares) == largest_remainder_by_fractions(shares)


def test_largest_remainder__ties_go_to_the_earlier_share() -> None:
    # Three equal thirds of 100: 33.33 each and one unit of 0.01 missing; it goes to
    # the first, so 33.34 + 33.33 + 33.33 = 100.00.
    third = Fraction(100, 3)

    assert largest_remainder([third, third, third]) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]


def test_ratio__exact_percentage() -> None:
    # 68 098 actual + 1 347 812 committed = 1 415 910 of 2 780 000: 50.9320143...%.
    share = ratio(Decimal(1415910), Decimal(2780000))

    assert share == Fraction(141591000, 2780000)
    assert round_percent(share) == Decimal("50.93")


def read_the_careful_way(text: str) -> tuple[str, object]:
    try:
        amount = money._parse(text, money._MENDS)
    except AmountError as error:
        return ("refused", error.message.key)
    return ("amount", amount.as_tuple())


def read_as_parse_amount(text: str) -> tuple[str, object]:
    try:
        amount = money.parse_amount(text)
    except AmountError as error:
        return ("refused", error.message.key)
    return ("amount", amount.as_tuple())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=15))
def test_plain_digits__read_as_the_careful_way(text: str) -> None:
    # Leading zeros, a lone 0, and 12 and 13 digits on either side of the limit.
    assert read_as_parse_amount(text) == read_the_careful_way(text)


def test_plain_digits__limit_at_twelve_digits() -> None:
    assert money.AMOUNT_LIMIT == 10**12
    assert money.parse_amount("999999999999") == Decimal(10**12 - 1)
    assert read_as_parse_amount("1000000000000") == ("refused", "amount.too_large")
    assert read_as_parse_amount("0150") == ("refused", "amount.leading_zero")
