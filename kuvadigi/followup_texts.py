"""The words of the follow-up commands (record, revise, trend, forecast, compare) and
of their check findings, in Finnish and English.

Kept apart from `i18n.TEXTS` so the follow-up can grow without crowding the core
catalogue; formats (amounts, percentages) are `i18n`'s.
"""

from __future__ import annotations

from kuvadigi.i18n import Lang

# key: (Finnish, English). Placeholders are str.format fields.
TEXTS: dict[str, tuple[str, str]] = {
    # column labels
    "month": ("Kuukausi", "Month"),
    "original": ("Alkuperäinen", "Original"),
    "change": ("Muutos", "Change"),
    "revised": ("Muutettu", "Revised"),
    "run_rate": ("Toteutuma / kk", "Run rate / month"),
    "projected_spend": ("Ennuste vuoden lopussa", "Projected spend"),
    "projected_remaining": ("Ennuste jäljellä", "Projected remaining"),
    "projected_use": ("Ennustettu käyttöaste", "Projected utilisation"),
    "alerts": ("Hälytykset", "Alerts"),
    "recorded": ("Kirjattu", "Recorded"),
    # titles
    "revisions.title": (
        "Digiohjelman budjetti {year} muutoksineen, toteuma {as_of}",
        "Programme budget {year} with revisions, as of {as_of}",
    ),
    "trend.title": (
        "Toteutuma ja sidotut kuukausittain {year}: {what}",
        "Actual and committed by month, {year}: {what}",
    ),
    "trend.programme": ("koko ohjelma", "whole programme"),
    "trend.legend": (
        "█ toteutuma  ▒ sidotut  ░ jäljellä; palkin pituus suhteessa suurimpaan budjettiin",
        "█ actual  ▒ committed  ░ remaining; bars to the scale of the largest total",
    ),
    "trend.carried": (
        "* ei kirjauksia tältä kuukaudelta: luvut ovat edellisen kuukauden",
        "* nothing recorded that month: the figures carry over from the month before",
    ),
    "forecast.title": (
        "Ennuste vuoden {year} lopulle, toteuma {as_of}",
        "Year-end forecast {year}, as of {as_of}",
    ),
    "forecast.method": (
        "Menetelmä: kuukausivauhti = toteutuma / {elapsed} kk; loput {left} kk käyttävät "
        "sidotut tai kuukausivauhti × {left} kk, kumpi on suurempi. Hälytykset: "
        "ennustettu ylitys; yli {early_use} käytetty ennen viimeistä neljännestä; "
        "yli {unused} jää käyttämättä.",
        "Method: run rate = actual / {elapsed} months; the {left} months left spend "
        "the committed funds or the run rate × {left}, whichever is larger. Alerts: "
        "projected overspend; over {early_use} used before the last quarter; over "
        "{unused} projected unused.",
    ),
    "forecast.no_alerts": ("Ei hälytyksiä.", "No alerts."),
    "compare.title": (
        "Budjetti ja kustannusarvio {year}",
        "Budget and cost estimate {year}",
    ),
    "compare.what": ("Luku", "Figure"),
    "compare.amount": ("Määrä", "Amount"),
    "compare.budget": (
        "Budjetti {year} yhteensä (alkuperäinen)",
        "Budget {year}, total (original)",
    ),
    "compare.of_which": ("  josta {source}", "  of which {source}"),
    "compare.estimate": (
        "Kustannusarvio {year}: lisärahoitustarve",
        "Cost estimate {year}: additional funding need",
    ),
    "compare.difference": (
        "Erotus (budjetti − kustannusarvio)",
        "Difference (budget − estimate)",
    ),
    "compare.note": (
        "Luvut mittaavat eri asioita: kustannusarvio laskee lisärahoitustarpeen eli "
        "rahan, jota tarvitaan olemassa olevien raamien lisäksi; budjetti sisältää myös "
        "ICT-raamin rahan ja ulkopuolisen rahoituksen. Asiakirja ei kerro, miten rivit "
        "vastaavat toisiaan, joten erotusta ei jaeta riveille.",
        "The two measure different things: the cost estimate counts the additional "
        "funding need, money needed beyond existing frames; the budget also includes "
        "money within the ICT frame and external funding. The source document does not "
        "say how their lines correspond, so the difference is not split by line.",
    ),
    # alerts
    "alert.overspend": ("ylitys", "overspend"),
    "alert.early_use": ("käytetty aikaisin", "used early"),
    "alert.unused": ("jää käyttämättä", "unused"),
    "alert.overspend.message": (
        "{name}: ennuste {projected} ylittää budjetin {total} {amount} ({percent})",
        "{name}: projected to spend {projected}, {amount} ({percent}) over its total "
        "{total}",
    ),
    "alert.early_use.message": (
        "{name}: jo {percent} käytetty (toteutuma ja sidotut {amount} / {total}) "
        "ennen viimeistä neljännestä",
        "{name}: {percent} used already (actual and committed {amount} of {total}) "
        "before the last quarter",
    ),
    "alert.unused.message": (
        "{name}: ennusteen mukaan {amount} ({percent}) budjetista {total} jää "
        "käyttämättä",
        "{name}: projected to leave {amount} ({percent}) of its total {total} unused",
    ),
    # revisions listed under the table
    "revision.transfer": (
        "{date} siirto ({source}) {amount}: {froms} → {tos}. {reason}",
        "{date} transfer ({source}) of {amount}: {froms} → {tos}. {reason}",
    ),
    "revision.new_money": (
        "{date} uutta rahaa ({source}) {amount}: → {tos}. {reason}",
        "{date} new money ({source}) of {amount}: → {tos}. {reason}",
    ),
    "revisions.none": ("Ei muutoksia.", "No revisions."),
    "revisions.later": (
        "Muutoksia, jotka on päivätty {as_of} jälkeen eikä siksi vielä laskettu "
        "mukaan: {count}.",
        "Revisions dated after {as_of}, so not counted yet: {count}.",
    ),
    # record and revise
    "record.done": (
        "Kirjattu: {name}, toteuma {as_of}: toteutuma {actual}, sidotut {committed} "
        "({path})",
        "Recorded {name} as of {as_of}: actual {actual}, committed {committed} ({path})",
    ),
    "record.unchanged": (
        "{name}: nämä luvut on jo kirjattu kuukaudelle {as_of}; mitään ei kirjoitettu",
        "{name}: these figures are already recorded as of {as_of}; nothing written",
    ),
    "record.overspent": (
        "Huomio: toteutuma ja sidotut ({spent}) ylittävät budjetin ({total}) {over}; "
        "kuvadigi check raportoi tämän.",
        "Note: actual and committed ({spent}) exceed the total ({total}) by {over}; "
        "kuvadigi check reports it.",
    ),
    "revise.done": (
        "Muutos kirjattu ({path}): {summary}",
        "Revision recorded ({path}): {summary}",
    ),
    "revise.line": ("{name} {before} → {after}", "{name} {before} → {after}"),
    "revise.later": (
        "Muutos näkyy luvuissa, kun kuukausi {month} on kirjattu.",
        "The revision shows in the figures once {month} is recorded.",
    ),
    # errors the user sees
    "error.bad_option": ("{option}: {message}", "{option}: {message}"),
    "error.not_a_month": (
        "{text!r} ei ole kuukausi; kirjoita VVVV-KK, esim. 2019-02",
        "{text!r} is not a month; write YYYY-MM, e.g. 2019-02",
    ),
    "error.not_a_date": (
        "{text!r} ei ole päivämäärä; kirjoita VVVV-KK-PP, esim. 2019-05-14",
        "{text!r} is not a date; write YYYY-MM-DD, e.g. 2019-05-14",
    ),
    "error.not_a_day": (
        "{text!r} ei ole kalenterin päivä",
        "{text!r} is not a day of the calendar",
    ),
    "error.not_a_percent": (
        "{text!r} ei ole prosenttiluku 0–100, esim. 90",
        "{text!r} is not a percentage from 0 to 100, e.g. 90",
    ),
    "error.not_the_year": (
        "{year} ei ole kuukauden {month} vuosi",
        "{year} is not the year of {month}",
    ),
    "error.shipped_data": (
        "{folder} on kuvadigin mukana tuleva aineisto, eikä siihen kirjoiteta; tee "
        "oma kansio komennolla kuvadigi init KANSIO ja anna se valitsimella --data "
        "KANSIO",
        "{folder} is the data that comes with kuvadigi and is never written to; make "
        "your own folder with `kuvadigi init DIR` and pass --data DIR",
    ),
    "error.busy": (
        "toinen kuvadigi-ajo on kirjoittanut kansioon {folder} jo {seconds} s; yritä "
        "hetken päästä uudelleen",
        "another kuvadigi run has been writing to {folder} for {seconds} s; try again "
        "in a moment",
    ),
    "error.month_before_budget": (
        "{month} on ennen vuoden {year} budjetin omia lukuja (toteuma {as_of})",
        "{month} is before the {year} budget's own figures (as of {as_of})",
    ),
    "error.month_not_recorded": (
        "kuukaudelle {month} ei ole lukuja; viimeisin kirjattu kuukausi on {latest}",
        "no figures as of {month}; the latest month recorded is {latest}",
    ),
    "error.month_before_latest": (
        "{month} on ennen viimeisintä kirjattua kuukautta {latest}; korjataksesi "
        "aiemman kuukauden lisää --correction ja --note, jossa syy",
        "{month} is before the latest month recorded, {latest}; to correct an "
        "earlier month add --correction and a --note saying why",
    ),
    "error.entry_exists": (
        "{name}: kuukaudelle {month} on jo kirjattu toteutuma {actual} ja sidotut "
        "{committed}; korvataksesi ne lisää --correction ja --note, jossa syy",
        "{name} already has figures as of {month} (actual {actual}, committed "
        "{committed}); to replace them add --correction and a --note saying why",
    ),
    "error.actual_decreases": (
        "toteutuma {actual} on pienempi kuin {previous} kuukaudelta {month}; "
        "pienempi toteutuma on korjaus: lisää --correction ja --note, jossa syy",
        "the actual {actual} is lower than {previous} as of {month}; a lower actual "
        "is a correction: add --correction and a --note saying why",
    ),
    "error.later_decreases": (
        "kuukaudelle {later} on kirjattu toteutuma {later_actual}, pienempi kuin uusi "
        "{actual}; korjaa ensin {later}",
        "{later} records an actual of {later_actual}, lower than the new {actual}; "
        "correct {later} first",
    ),
    "error.correction_needs_note": (
        "korjaus tarvitsee syyn: lisää --note",
        "a correction needs a reason: add --note",
    ),
    "error.same_project": (
        "--from ja --to ovat sama hanke: {name}",
        "--from and --to name the same project: {name}",
    ),
    "error.unknown_source": (
        "rahoituslähdettä {name!r} ei ole; rahoituslähteet: {sources}",
        "no funding source {name!r}; the funding sources are {sources}",
    ),
    "error.not_enough": (
        "{name}: rahoituslähdettä {source} on {date} vain {available}; {amount} ei "
        "voi siirtää",
        "{name} has only {available} of {source} as of {date}; cannot move {amount}",
    ),
    "error.amount_zero": (
        "--amount: muutoksen määrän pitää olla yli 0",
        "--amount: a revision's amount must be more than 0",
    ),
    "error.unknown_year": (
        "vuotta {year} ei ole kustannusarviossa; vuodet: {years}",
        "{year} is not in the cost estimate; its years are {years}",
    ),
    # check findings
    "check.snapshot_overspent": (
        "{name}, toteuma {month}: toteutuma ja sidotut ({spent}) ylittävät budjetin "
        "({total}) {over}",
        "{name}, as of {month}: actual and committed ({spent}) exceed the total "
        "({total}) by {over}",
    ),
    "check.revision_overspent": (
        "{name}: muutoksen {date} jälkeen budjetti {total} on pienempi kuin toteutuma "
        "ja sidotut ({spent}) {over}",
        "{name}: after the revision of {date} its total {total} is {over} less than "
        "actual and committed ({spent})",
    ),
    "check.published_month_replaced": (
        "{name}, toteuma {month}: kuukausi ei ole budjetin toteumakuukautta {as_of} "
        "myöhäisempi, joten merkintä korvaa julkaistut luvut; merkitse se korjaukseksi "
        "(correction: true) ja kerro syy (note)",
        "{name}, as of {month}: the month is not after the budget's own as-of month "
        "{as_of}, so the entry replaces published figures; mark it as a correction "
        "(correction: true) with a note saying why",
    ),
    "check.actual_decreased": (
        "{name}, toteuma {month}: toteutuma {actual} on pienempi kuin {previous} "
        "kuukaudelta {previous_month}, eikä merkintä ole korjaus (correction: true)",
        "{name}, as of {month}: the actual {actual} is lower than {previous} as of "
        "{previous_month}, and the entry is not marked as a correction "
        "(correction: true)",
    ),
    "check.transfer_unbalanced": (
        "siirto {date}: riveiltä otetaan {given} mutta riveille annetaan {received}; "
        "siirron pitää olla nollasummainen",
        "transfer of {date}: the lines give {given} and receive {received}; a "
        "transfer nets to zero",
    ),
    "check.source_overdrawn": (
        "{name}: siirto {date} ottaa {taken} rahoituslähteestä {source}, jota rivillä "
        "on {available}",
        "{name}: the transfer of {date} takes {taken} of {source}, and the line has "
        "{available} of it",
    ),
    "check.no_budget_month": (
        "kuukauden {month} luvuille ei ole budjettia (budget_{year}.yaml)",
        "no budget for the figures as of {month} (budget_{year}.yaml)",
    ),
    "check.no_budget_revision": (
        "muutokselle {date} ei ole budjettia (budget_{year}.yaml)",
        "no budget for the revision of {date} (budget_{year}.yaml)",
    ),
}


def say(key: str, lang: Lang, **fields: object) -> str:
    """The text `key` in `lang`, with `fields` filled in."""
    finnish, english = TEXTS[key]
    return (finnish if lang == "fi" else english).format(**fields)
