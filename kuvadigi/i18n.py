"""The words and number formats of kuvadigi's output, in Finnish and English.

Labels come from one catalogue, `TEXTS`, keyed by a short English name; amounts and
percentages are formatted by babel for the language's locale (Finnish `2 780 000 €` and
`43,7 %` with no-break spaces, English `€2,780,000` and `43.7%`). A percentage shows as
many decimals as the Decimal given carries, so the caller decides the precision (tables
for people show one decimal, machine formats two).
"""

from __future__ import annotations

import os
from decimal import Decimal
from functools import cache
from typing import Literal

from kuvadigi.error_texts import ERROR_TEXTS

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
    # funding sources, charts, narrow tables
    "sources.title": (
        "Rahoituslähteet {year}, toteuma {as_of}",
        "Funding sources {year}, as of {as_of}",
    ),
    "chart.title": (
        "Kustannusarvio ryhmittäin {first}–{last}",
        "Cost estimate by group, {first}–{last}",
    ),
    "chart.title_year": (
        "Kustannusarvio ryhmittäin {year}",
        "Cost estimate by group, {year}",
    ),
    "table.left_out": (
        "Jätetty pois, jotta taulukko mahtuu {width} merkin levyiseen ikkunaan: "
        "{columns}. Levennä ikkunaa tai käytä valitsinta --format csv.",
        "Left out to fit a terminal {width} columns wide: {columns}. "
        "Widen the window or use --format csv.",
    ),
    "check.place": ("Kohta", "Place"),
    "check.severity": ("Vakavuus", "Severity"),
    "check.message": ("Havainto", "Finding"),
    # programme view
    "programme.title": (
        "Kulttuurin ja vapaa-ajan digitalisaatio-ohjelma",
        "Culture and leisure digitalisation programme",
    ),
    "vision": ("Digitalisaatiovisio", "Vision"),
    "action_areas": ("Toimenpidekokonaisuudet", "Action areas"),
    "action_area": ("Toimenpidekokonaisuus {number}", "Action area {number}"),
    "focus_measures": ("Kehittämisen fokukset {year}", "Focus measures {year}"),
    "programme.projects": ("Digiohjelman hankkeet {year}", "Projects {year}"),
    "budget_line": ("Budjettirivi", "Budget line"),
    "description": ("Kuvaus", "Description"),
    "programme.covers": (
        "Yksi kuvaus kattaa {count} budjettiriviä.",
        "One description covers {count} budget lines.",
    ),
    "programme.undescribed": (
        "Budjettirivit ilman kuvausta",
        "Budget lines without a description",
    ),
    "programme.undescribed_note": (
        "Ohjelma antaa näille budjettiriveille rahaa mutta ei kuvausta.",
        "The programme gives these budget lines money but no description.",
    ),
    # init
    "init.wrote": ("Kirjoitettu: {path}", "Wrote {path}"),
    "init.next": (
        "Seuraavaksi: kuvadigi check --data {folder}",
        "Next: kuvadigi check --data {folder}",
    ),
    # errors of the options above
    "error.unknown_area": (
        "toimenpidekokonaisuutta {number} ei ole; kokonaisuudet: {numbers}",
        "there is no action area {number}; the areas are {numbers}",
    ),
    "error.exists": (
        "jo olemassa: {paths}; init ei kirjoita olemassa olevan tiedoston päälle",
        "already there: {paths}; init never overwrites a file",
    ),
    "error.init_not_folder": (
        "{path} on tiedosto; init kirjoittaa kansioon",
        "{path} is a file; init writes into a folder",
    ),
    "error.chart_format": (
        "--chart piirtää kaavion päätteeseen; jätä --format pois",
        "--chart draws in the terminal; leave out --format",
    ),
    "error.excel_format": (
        "--excel koskee vain CSV:tä; lisää --format csv",
        "--excel applies to CSV only; add --format csv",
    ),
    "error.by_source_with": (
        "--by source näyttää rahoituslähteet, ei hankkeita; {option} koskee hankkeita, "
        "joten jätä toinen pois",
        "--by source shows the funding sources, not the projects; {option} is about "
        "projects, so leave one of them out",
    ),
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
    "check.no_totals": (
        "budjetissa ei ole julkaistua Yhteensä-riviä, johon rivien summia verrata "
        "(rivit antavat yhteensä {total})",
        "the budget has no published totals row to reconcile the lines' sums with "
        "(the lines give a total of {total})",
    ),
    "check.ok": (
        "kaikki julkaistut luvut täsmäävät",
        "every published figure reconciles",
    ),
    "published.disagree": (
        "varoitus: {path}: {count} julkaistua lukua poikkeaa riveistä lasketusta; "
        "kuvadigi käyttää riveistä laskettuja lukuja. `kuvadigi check` luettelee ne.",
        "warning: {path}: {count} published figure(s) disagree with what the line "
        "items give; kuvadigi uses the line items' figures. `kuvadigi check` lists "
        "them.",
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
    "where.share_total": ("Jakauma yhteensä", "total of the shares"),
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
    # files handed on: the workbook, the data package, the status report
    "output.wrote": ("Kirjoitettu: {path}", "Wrote {path}"),
    "error.output_suffix": (
        "{path}: tiedoston nimen pitää päättyä {suffix}, jotta se aukeaa oikealla "
        "ohjelmalla",
        "{path}: the file's name must end in {suffix}, so that the right program "
        "opens it",
    ),
    "error.output_exists": (
        "{path} on jo olemassa; lisää --force, jos haluat korvata sen",
        "{path} already exists; add --force to overwrite it",
    ),
    "error.output_is_file": (
        "{path} on tiedosto; --output nimeää kansion, johon datapaketti kirjoitetaan",
        "{path} is a file; --output names the folder to write the data package into",
    ),
    "error.output_is_folder": (
        "{path} on kansio; --output nimeää kirjoitettavan tiedoston",
        "{path} is a folder; --output names the file to write",
    ),
    "error.output_unwritable": (
        "{path}: kirjoittaminen ei onnistu: {reason}",
        "{path} cannot be written: {reason}",
    ),
    "error.output_parent_is_file": (
        "{path} on tiedosto, ei kansio; anna --output-tiedostolle olemassa oleva kansio",
        "{path} is a file, not a folder; give --output a folder that exists",
    ),
    "error.output_no_folder": (
        "kansiota {folder} ei ole; luo se ensin",
        "there is no folder {folder}; create it first",
    ),
    "outputs.budget_year": ("Budjetti {year}", "Budget {year}"),
    "outputs.budget_lines": ("Budjettirivit", "Budget lines"),
    "outputs.chart_title": (
        "Lisärahoitustarve vuosittain ja ryhmittäin",
        "Additional funding need by year and group",
    ),
    "outputs.no_description": (
        "Ohjelma ei anna tälle budjettiriville kuvausta.",
        "The programme gives this budget line no description.",
    ),
    "outputs.source": ("Lähde: {source}", "Source: {source}"),
    "xlsx.areas_title": (
        "Toimenpidekokonaisuudet ja kehittämisen fokukset",
        "Action areas and focus measures",
    ),
    "xlsx.number": ("Nro", "No."),
    "xlsx.action_area": ("Toimenpidekokonaisuus", "Action area"),
    "xlsx.measure_number": ("Toimenpide", "Measure"),
    "xlsx.focus_measure": ("Kehittämisen fokus", "Focus measure"),
    "report.title": (
        "Digitalisaatio-ohjelman tilannekatsaus",
        "Digitalisation programme: status report",
    ),
    "report.vision_label": ("Visio", "Vision"),
    "report.as_of": ("Tilannekuukausi: {month}", "Actual and committed as of {month}"),
    "report.key_figures": ("Tunnusluvut", "Key figures"),
    "report.spent": ("Toteutuma ja sidotut", "Actual and committed"),
    "report.estimate_total": (
        "Lisärahoitustarve {first}–{last}",
        "Additional funding need {first}–{last}",
    ),
    "report.check_ok": (
        "Kaikki julkaistut luvut täsmäävät riveistä laskettuihin.",
        "Every published figure reconciles with the line items.",
    ),
    "report.check_failed": (
        "Täsmäämättömiä lukuja: {count}.",
        "Figures that do not reconcile: {count}.",
    ),
    "report.check_see": ("Katso täsmäytys.", "See the reconciliation."),
    "report.check_heading": ("Täsmäytys", "Reconciliation"),
    "report.check_notes": ("Huomiot", "Notes"),
    "report.budget_heading": (
        "Budjetti {year} hankkeittain",
        "Budget {year} by project",
    ),
    "report.utilisation_note": (
        "Käyttöaste = (toteutuma + sidotut) / budjetti yhteensä.",
        "Utilisation = (actual + committed) / total.",
    ),
    "report.sources_heading": ("Rahoituslähteet", "Funding sources"),
    "report.chart_description": (
        "Pinottu pylväskaavio: pylväs vuotta kohden, osat ryhmittäin. "
        "Vuosien summat: {years}.",
        "Stacked bar chart: one bar per year, a part per group. "
        "The years' totals: {years}.",
    ),
    "report.chart_table": (
        "Lisärahoitustarve ryhmittäin ja vuosittain",
        "Additional funding need by group and year",
    ),
    "report.made_by": (
        "Laadittu kuvadigi {version} -ohjelmalla.",
        "Made with kuvadigi {version}.",
    ),
}
# The error messages are a catalogue of their own, read whole in one module.
TEXTS.update(ERROR_TEXTS)


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
def _patterns(lang: Lang) -> tuple[str, str]:
    """The locale's currency pattern with and without cents."""
    from babel import Locale

    currency = Locale.parse(LOCALES[lang]).currency_formats["standard"].pattern
    return currency, currency.replace(".00", "")


@cache
def _percent_pattern(lang: Lang, places: int) -> str:
    """The locale's percent pattern with exactly `places` decimals."""
    from babel import Locale

    pattern: str = Locale.parse(LOCALES[lang]).percent_formats[None].pattern
    decimals = "." + "0" * places if places else ""
    # The pattern's last digit placeholder sits right before the percent sign (and the
    # no-break space Finnish puts there): "#,##0 %" becomes "#,##0.0 %".
    head, _, tail = pattern.rpartition("0")
    return head + "0" + decimals + tail


def format_amount(amount: Decimal, lang: Lang) -> str:
    """An amount in euros for people: whole euros without cents, otherwise with cents."""
    from babel.numbers import format_currency

    with_cents, whole = _patterns(lang)
    pattern = whole if amount == amount.to_integral_value() else with_cents
    return format_currency(
        amount, "EUR", format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def format_percent(percent: Decimal, lang: Lang) -> str:
    """A percentage (already rounded, in percent) for people, with as many decimals as
    `percent` carries: `Decimal("43.7")` is 43,7 % in Finnish and 43.7% in English."""
    from babel.numbers import format_percent as babel_percent

    exponent = percent.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return babel_percent(
        percent / 100, format=_percent_pattern(lang, places), locale=LOCALES[lang]
    )
