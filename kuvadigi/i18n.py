"""The words and number formats of kuvadigi's output, in Finnish and English.

Labels come from one catalogue, `TEXTS`, keyed by a short English name; amounts and
percentages are formatted by babel for the language's locale (Finnish `2 780 000 €` and
`43,71 %` with no-break spaces, English `€2,780,000` and `43.71%`).
"""

from __future__ import annotations

import os
from decimal import Decimal
from functools import cache
from typing import Literal

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")
LOCALES: dict[Lang, str] = {"fi": "fi_FI", "en": "en_GB"}

# key: (Finnish, English). Placeholders are str.format fields.
TEXTS: dict[str, tuple[str, str]] = {
    # budget table
    "budget.title": (
        "Digiohjelman budjetti {year}, toteuma {as_of}",
        "Programme budget {year}, as of {as_of}",
    ),
    "project": ("Hanke", "Project"),
    "total": ("Budjetti yhteensä", "Total"),
    "actual": ("Toteutuma", "Actual"),
    "committed": ("Sidottuja", "Committed"),
    "remaining": ("Jäljellä", "Remaining"),
    "utilisation": ("Käyttöaste", "Utilisation"),
    "totals": ("Yhteensä", "Totals"),
    "funding_source": ("Rahoituslähde", "Funding source"),
    "share": ("Jakauma", "Share"),
    # estimate table
    "estimate.title": ("Kustannusarvio {first}–{last}", "Cost estimate {first}–{last}"),
    "estimate.title_year": ("Kustannusarvio {year}", "Cost estimate {year}"),
    "cost_line": ("Kustannuserä", "Cost line"),
    "group": ("Ryhmä", "Group"),
    "estimate.totals": ("Lisärahoitustarve yhteensä", "Additional funding need, total"),
    # check findings
    "check.differs": (
        "{what}: asiakirjassa {published}, riveistä laskettuna {derived}",
        "{what}: the document says {published}, the line items give {derived}",
    ),
    "check.share_differs": (
        "{what}: asiakirjassa {published}, tarkka osuus {exact} pyöristyy lukuun {rounded}",
        "{what}: the document says {published}, the exact share {exact} rounds to {rounded}",
    ),
    "check.overspent": (
        "{what}: toteutuma ja sidotut ({spent}) ylittävät budjetin ({total}) {over}",
        "{what}: actual and committed ({spent}) exceed the total ({total}) by {over}",
    ),
    "check.shares_note": (
        "julkaistut jakaumat ovat yhteensä {published}, koska kukin on pyöristetty erikseen; "
        "tarkat osuudet ovat yhteensä 100 %",
        "the published shares add up to {published} because each was rounded on its own; "
        "the exact shares add up to 100%",
    ),
    "check.ok": (
        "kaikki julkaistut luvut täsmäävät",
        "every published figure reconciles",
    ),
    # where a figure sits
    "where.total_of": ("{name}, budjetti yhteensä", "{name}, total"),
    "where.remaining_of": ("{name}, jäljellä", "{name}, remaining"),
    "where.totals": ("Yhteensä-rivi, {column}", "totals row, {column}"),
    "where.row_total": ("{name}, yhteensä", "{name}, row total"),
    "where.share": ("{name}, jakauma", "{name}, share"),
    "where.year_total": ("Lisärahoitustarve {year}", "additional funding need {year}"),
    "where.grand_total": (
        "Lisärahoitustarve yhteensä",
        "additional funding need, grand total",
    ),
    "where.share_total": ("Jakauma yhteensä", "share, total"),
    # errors the user sees
    "error.unknown_project": (
        "hanketta {name!r} ei löydy",
        "no project matches {name!r}",
    ),
    "error.ambiguous_project": (
        "{name!r} sopii moneen hankkeeseen: {matches}",
        "{name!r} matches more than one project: {matches}",
    ),
    "error.did_you_mean": ("tarkoititko: {names}?", "did you mean: {names}?"),
    "error.unknown_year": (
        "vuotta {year} ei ole kustannusarviossa; vuodet: {years}",
        "{year} is not in the cost estimate; its years are {years}",
    ),
    "error.more": ("… ja {count} muuta ongelmaa", "… and {count} more problems"),
    "severity.error": ("virhe", "error"),
    "severity.note": ("huomio", "note"),
}


def say(key: str, lang: Lang, **fields: object) -> str:
    """The text `key` in `lang`, with `fields` filled in."""
    finnish, english = TEXTS[key]
    return (finnish if lang == "fi" else english).format(**fields)


def lang_from_environment() -> Lang:
    """Finnish when the usual locale variables say Finnish, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fi" if value.lower().startswith("fi") else "en"
    return "en"


@cache
def _patterns(lang: Lang) -> tuple[str, str, str]:
    """The locale's currency pattern with and without cents, and its percent pattern
    at two decimals."""
    from babel import Locale

    locale = Locale.parse(LOCALES[lang])
    currency = locale.currency_formats["standard"].pattern
    percent = locale.percent_formats[None].pattern
    return (
        currency,
        currency.replace(".00", ""),
        percent.replace("0%", "0.00%").replace("0\u00a0%", "0.00\u00a0%"),
    )


def format_amount(amount: Decimal, lang: Lang) -> str:
    """An amount in euros for people: whole euros without cents, otherwise with cents."""
    from babel.numbers import format_currency

    with_cents, whole, _ = _patterns(lang)
    pattern = whole if amount == amount.to_integral_value() else with_cents
    return format_currency(
        amount, "EUR", format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def format_percent(percent: Decimal, lang: Lang) -> str:
    """A percentage (already rounded, in percent) for people, e.g. 43,71 %."""
    from babel.numbers import format_percent as babel_percent

    _, _, pattern = _patterns(lang)
    return babel_percent(percent / 100, format=pattern, locale=LOCALES[lang])
