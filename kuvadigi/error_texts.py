"""The catalogue of error messages, in Finnish and English: what the user reads when a
data file or the command line is wrong.

Keys are grouped by where the problem is found: `folder.*` and `file.*` (the data folder
and reading a file), `yaml.*` (YAML syntax and safety), `field.*` and `value.*` (the
shape of the data and its values), `amount.*` (an amount as a person writes it),
`ref.*` (references within and between the files) and `usage.*` (the command line).
`fix.*` are the one-line fixes shown under a message; `kind.*` and `what.*` are words
that messages are built with; `suggest.*` is the "did you mean" that follows a name.

`i18n.TEXTS` takes these in, so `i18n.say` renders them. Placeholders are str.format
fields. docs/errors.md shows every message with an input that causes it; the tests
check that each has one (tests/error_cases.py).
"""

from __future__ import annotations

ERROR_TEXTS: dict[str, tuple[str, str]] = {
    # the data folder
    "folder.missing": ("kansiota ei ole", "no such folder"),
    "folder.is_file": (
        "on tiedosto; --data nimeää kansion, jossa datatiedostot ovat",
        "is a file; --data names the folder that holds the data files",
    ),
    "folder.no_budget": (
        "kansiossa ei ole budjettitiedostoa (budget_VUOSI.yaml, esim. budget_2019.yaml)",
        "holds no budget file (budget_YEAR.yaml, e.g. budget_2019.yaml)",
    ),
    "folder.no_estimate": (
        "kansiossa ei ole kustannusarviota (estimate_VUODET.yaml, esim. "
        "estimate_2019_2022.yaml)",
        "holds no cost estimate (estimate_YEARS.yaml, e.g. estimate_2019_2022.yaml)",
    ),
    "folder.followup_is_file": (
        "on tiedosto; sen pitää olla kansio",
        "is a file; it should be a folder",
    ),
    "file.not_followup": (
        "ei ole seurannan tiedosto: nimeä kuukauden tiedosto VVVV-KK.yaml "
        "(esim. 2019-02.yaml) ja muutokset {revisions}",
        "is not a follow-up file: name a month's file YYYY-MM.yaml "
        "(e.g. 2019-02.yaml) and the revisions {revisions}",
    ),
    "folder.two_budgets": (
        "kansiossa on kaksi vuoden {year} budjettia: {names}; jätä yksi",
        "holds two budgets for {year}: {names}; keep one",
    ),
    "folder.two_estimates": (
        "kansiossa on useampi kustannusarvio: {names}; jätä yksi",
        "holds more than one cost estimate: {names}; keep one",
    ),
    # reading a file
    "file.missing": ("tiedostoa ei ole", "no such file"),
    "file.is_folder": ("on kansio eikä tiedosto", "is a folder, not a file"),
    "file.unreadable": (
        "tiedostoa ei voi lukea: {reason}",
        "cannot be read: {reason}",
    ),
    "file.unwritable": (
        "tähän ei voi kirjoittaa: {reason}",
        "cannot be written: {reason}",
    ),
    "file.too_large": (
        "on suurempi kuin datatiedoston enimmäiskoko {limit} MiB",
        "is larger than {limit} MiB, the limit for a data file",
    ),
    "file.binary": (
        "ei ole tekstitiedosto: siinä on binääridataa (NUL-tavu); datatiedosto on "
        "YAML-tekstiä",
        "is not a text file: it holds binary data (a NUL byte); a data file is YAML text",
    ),
    "file.utf16": (
        "on UTF-16-tekstiä; kuvadigi lukee UTF-8-tekstiä",
        "is UTF-16 text; kuvadigi reads UTF-8",
    ),
    "file.not_utf8": (
        "ei ole UTF-8-tekstiä: tavua {byte} ei voi lukea (tiedosto on ehkä "
        "tallennettu Latin-1- tai Windows-1252-merkistöllä)",
        "is not UTF-8 text: byte {byte} cannot be read (the file may have been saved "
        "as Latin-1 or Windows-1252)",
    ),
    "file.empty": (
        "on tyhjä (vain tyhjiä rivejä tai kommentteja)",
        "is empty (nothing but blank lines or comments)",
    ),
    # YAML syntax and safety
    "yaml.syntax": ("virheellistä YAMLia: {detail}", "not valid YAML: {detail}"),
    "yaml.control_char": (
        "ohjausmerkki {code}, jota YAML ei salli datatiedostossa; poista se",
        "a control character, {code}, which YAML does not allow in a data file; "
        "delete it",
    ),
    "yaml.tab": (
        "sarkainmerkki; YAML sisennetään vain välilyönneillä",
        "a tab character; YAML is indented with spaces only",
    ),
    "yaml.colon_in_value": (
        "arvossa on ': ', jonka YAML lukee uuden avaimen aluksi",
        "a ': ' inside a value, which YAML reads as the start of another key",
    ),
    "yaml.unclosed_quote": (
        "tässä avattua lainausmerkkiä ei suljeta",
        "the quote opened here is never closed",
    ),
    "yaml.escape": (
        "tuntematon \\-merkintä lainausmerkkien sisällä",
        "an unknown escape after \\ inside double quotes",
    ),
    "yaml.dash_value": (
        "{key}: pelkkä viiva ei ole arvo; jätä avain pois, jos solu on tyhjä, tai "
        "kirjoita 0",
        "{key}: a dash alone is not a value; leave the key out for a blank cell, or "
        "write 0",
    ),
    "yaml.indicator": (
        "arvo ei voi alkaa merkillä {char} ilman lainausmerkkejä",
        "a value cannot begin with {char} unless it is quoted",
    ),
    "yaml.unclosed_bracket": (
        "tässä avattua merkkiä {opening} ei suljeta merkillä {closing}",
        "the {opening} opened here is not closed with {closing}",
    ),
    "yaml.no_colon": (
        "rivillä ei ole kaksoispistettä; rivi on muotoa 'avain: arvo' tai '- alkio'",
        "a line without a colon; a line is 'key: value' or '- item'",
    ),
    "yaml.indentation": (
        "sisennys ei sovi yllä oleviin riveihin; sisennä saman kohdan avaimet yhtä "
        "monella välilyönnillä",
        "the indentation does not match the lines above; indent the keys of one item "
        "by the same number of spaces",
    ),
    "yaml.after_quote": (
        "lopettavan lainausmerkin jälkeen on tekstiä; laita koko arvo lainausmerkkeihin",
        "text after the closing quote; put the whole value inside the quotes",
    ),
    "yaml.second_document": (
        "tästä alkaa toinen YAML-dokumentti (---); datatiedostossa on vain yksi",
        "a second YAML document begins here (---); a data file holds one",
    ),
    "yaml.too_deep": (
        "sisäkkäisyyttä on yli {depth} tasoa; kuvadigin data on muutaman tason syvyistä",
        "nested more than {depth} levels deep; kuvadigi's data is a few levels deep",
    ),
    "yaml.alias": (
        "alias *{name} toistaa toisen arvon; kuvadigi ei laajenna aliaksia, joten "
        "kirjoita arvo auki",
        "the alias *{name} repeats another value; kuvadigi does not expand aliases, so "
        "write the value out",
    ),
    "yaml.merge_key": (
        "yhdistämisavain << kopioi arvoja muualta; kuvadigi ei yhdistä, joten kirjoita "
        "avaimet auki",
        "the merge key << copies values from elsewhere; kuvadigi does not merge, so "
        "write the keys out",
    ),
    "yaml.tag": (
        "tagi {tag} ei ole sallittu kuvadigin datassa (tageja ei koskaan suoriteta)",
        "the tag {tag} is not allowed in kuvadigi data (no tag is ever run)",
    ),
    "yaml.complex_key": (
        "avaimen pitää olla pelkkä nimi, ei lista tai avain–arvo-pareja",
        "a key must be a plain name, not a list or keys and values",
    ),
    "yaml.duplicate_key": (
        "avain {name!r} on kahdesti (ensin rivillä {first_line}); jätä toinen pois",
        "the key {name!r} appears twice (first on line {first_line}); keep one of them",
    ),
    # the shape of the data
    "field.top_level": (
        "tiedostossa on {found}, vaikka siinä pitää olla avaimia ja arvoja "
        "(esim. {first_key}: ...)",
        "the file holds {found} where keys and values belong (e.g. {first_key}: ...)",
    ),
    "field.missing": (
        "avain {name!r} puuttuu tästä kohdasta",
        "the key {name!r} is missing from this item",
    ),
    "field.missing_top": (
        "avain {name!r} puuttuu tiedostosta",
        "the key {name!r} is missing from the file",
    ),
    "field.unknown": ("tuntematon avain {name!r}", "unknown key {name!r}"),
    "field.value": ("{field}: {problem}", "{field}: {problem}"),
    # values
    "value.wrong_kind": (
        "pitää olla {expected}, ei {found}",
        "should be {expected}, not {found}",
    ),
    "value.blank": (
        "arvo puuttuu; kirjoita arvo kaksoispisteen jälkeen",
        "has no value; write one after the colon",
    ),
    "value.empty": (
        "on tyhjä; siinä pitää olla vähintään yksi alkio",
        "is empty; it needs at least one item",
    ),
    "value.too_long": (
        "on {length} merkkiä pitkä; enimmäispituus on {limit}",
        "is {length} characters long; the limit is {limit}",
    ),
    "value.id": (
        "{value!r} ei kelpaa tunnisteeksi: tunnisteessa on vain pieniä kirjaimia a–z, "
        "numeroita, - ja _",
        "{value!r} is not an id: an id has only lowercase letters a-z, digits, - and _",
    ),
    "value.month": (
        "{value!r} ei ole kuukausi; kirjoita muodossa VVVV-KK, esim. 2019-01",
        "{value!r} is not a month; write it as YYYY-MM, e.g. 2019-01",
    ),
    "value.measure_number": (
        "{value!r} ei ole toimenpiteen numero; kirjoita muodossa 1.1",
        "{value!r} is not a measure number; write it like 1.1",
    ),
    "value.currency": (
        "{value!r} ei käy; summat ovat euroja: EUR",
        "{value!r} is not supported; amounts are in euros: EUR",
    ),
    "value.invisible_character": (
        "nimessä on näkymätön merkki tai ohjausmerkki ({code}); kirjoita nimi "
        "tavallisin kirjaimin",
        "the name holds an invisible or control character ({code}); write it in plain "
        "letters",
    ),
    "value.line_break": (
        "nimessä on rivinvaihto tai sarkain; kirjoita nimi yhdelle riville",
        "the name holds a line break or tab; write it on one line",
    ),
    "value.year": (
        "{value!r} ei ole vuosiluku; kirjoita neljä numeroa, esim. 2020",
        "{value!r} is not a year; write four digits, e.g. 2020",
    ),
    "value.area_number": (
        "{value!r} ei ole toimenpidekokonaisuuden numero; kirjoita kokonaisluku 1–99",
        "{value!r} is not an action area number; write a whole number from 1 to 99",
    ),
    "value.invalid": ("{detail}", "{detail}"),
    "value.one_of": (
        "{value!r} ei käy; vaihtoehdot ovat {choices}",
        "{value!r} is not one of {choices}",
    ),
    "value.flag": (
        "{value!r} ei käy; kirjoita true tai false",
        "{value!r} is not a flag; write true or false",
    ),
    "value.date": (
        "{value!r} ei ole päivämäärä; kirjoita VVVV-KK-PP, esim. 2019-05-14",
        "{value!r} is not a date; write YYYY-MM-DD, e.g. 2019-05-14",
    ),
    "value.day": (
        "{value!r} ei ole kalenterin päivä",
        "{value!r} is not a day of the calendar",
    ),
    "value.not_one_line": (
        "tekstissä on ohjausmerkki tai rivinvaihto ({code}); kirjoita yksi rivi "
        "tavallista tekstiä",
        "holds a control character or line break ({code}); write one line of plain "
        "text",
    ),
    "value.no_words": (
        "on tyhjä; kirjoita muutama sana",
        "is empty; write a few words",
    ),
    "value.revision_zero": (
        "muutoksen summan pitää olla yli 0",
        "the amount of a revision must be more than 0",
    ),
    # amounts, as a person writes them
    "amount.blank": (
        "summa puuttuu; kirjoita summa (0, jos se on nolla)",
        "no amount is given; write the amount (0 if it is zero)",
    ),
    "amount.dash": (
        "{text!r} ei ole summa; jätä avain pois, jos solu on tyhjä, tai kirjoita 0",
        "{text!r} is not an amount; leave the key out for a blank cell, or write 0",
    ),
    "amount.negative": (
        "{text!r} on negatiivinen; summa ei voi olla negatiivinen",
        "{text!r} is negative; amounts cannot be negative",
    ),
    "amount.sign": (
        "luvussa {text!r} on plusmerkki; kirjoita pelkät numerot",
        "{text!r} has a plus sign; write the digits only",
    ),
    "amount.percent_sign": (
        "luvussa {text!r} on prosenttimerkki; kirjoita pelkkä luku",
        "{text!r} has a percent sign; write the number only",
    ),
    "amount.currency_sign": (
        "luvussa {text!r} on valuutta; summat ovat euroja, joten kirjoita pelkät numerot",
        "{text!r} has a currency; amounts are in euros, so write the digits only",
    ),
    "amount.exponent": (
        "{text!r} on eksponenttimuodossa; kirjoita summa kokonaan numeroina",
        "{text!r} is in exponent notation; write the amount in full digits",
    ),
    "amount.colon": (
        "luvussa {text!r} on kaksoispiste; summa on pelkkiä numeroita, esim. 150000",
        "{text!r} has a colon; an amount is digits only, e.g. 150000",
    ),
    "amount.no_whole": (
        "luvussa {text!r} ei ole numeroa ennen pistettä",
        "{text!r} has no digit before the dot",
    ),
    "amount.trailing_dot": (
        "{text!r} päättyy pisteeseen; kirjoita sentit pisteen jälkeen tai jätä piste pois",
        "{text!r} ends with a dot; write the cents after it, or leave it out",
    ),
    "amount.cents": (
        "luvussa {text!r} on yli kaksi desimaalia; sentti on pienin yksikkö",
        "{text!r} has more than two decimals; cents are the smallest unit",
    ),
    "amount.dot_grouping": (
        "luvussa {text!r} on kolme desimaalia; jos piste ryhmittelee tuhannet, "
        "kirjoita luku ilman sitä",
        "{text!r} has three decimals; if the dot groups the thousands, write the "
        "amount without it",
    ),
    "amount.decimal_comma": (
        "luvussa {text!r} on desimaalipilkku; kirjoita desimaalit pisteen jälkeen",
        "{text!r} has a decimal comma; write the decimals after a dot",
    ),
    "amount.comma": (
        "luvussa {text!r} on pilkku; kirjoita pelkät numerot, halutessasi välilyönnein "
        "ryhmiteltyinä (1 500 000)",
        "{text!r} has a comma; write the digits only, grouped with spaces if you like "
        "(1 500 000)",
    ),
    "amount.dots": (
        "luvussa {text!r} on useampi piste; ryhmittele tuhannet välilyönnein "
        "(1 500 000) ja kirjoita sentit yhden pisteen jälkeen",
        "{text!r} has more than one dot; group thousands with spaces (1 500 000) and "
        "write the cents after a single dot",
    ),
    "amount.grouping": (
        "lukua {text!r} ei ole ryhmitelty kolmen numeron ryhmiin; kirjoita 150000 tai "
        "150 000",
        "{text!r} is not grouped in threes; write 150000 or 150 000",
    ),
    "amount.leading_zero": (
        "{text!r} alkaa nollalla; kirjoita summa ilman sitä",
        "{text!r} begins with a zero; write the amount without it",
    ),
    "amount.too_large": (
        "{text!r} on liian suuri; suurin summa on 999 999 999 999,99 €",
        "{text!r} is too large; the largest amount is 999 999 999 999.99",
    ),
    "amount.not_amount": (
        "{text!r} ei ole summa; kirjoita se numeroina, esim. 150000",
        "{text!r} is not an amount; write it in digits, e.g. 150000",
    ),
    # references within and between the files
    "ref.duplicate": (
        "{what} {value!r} on käytössä kahdesti (ensin rivillä {first_line})",
        "the {what} {value!r} is used twice (first on line {first_line})",
    ),
    "ref.measure_of_another_area": (
        "toimenpide {measure} on toimenpidekokonaisuuden {area} alla; sen numeron "
        "pitää alkaa {area}",
        "the focus measure {measure} stands under action area {area}; its number "
        "must begin with {area}",
    ),
    "ref.unknown_source": (
        "rahoituslähdettä {name!r} ei ole; rahoituslähteet: {known}",
        "no funding source {name!r}; the funding sources are {known}",
    ),
    "ref.unknown_group": (
        "ryhmää {group!r} ei ole; ryhmät: {known}",
        "no group {group!r}; the groups are {known}",
    ),
    "ref.year_outside": (
        "{year} ei ole kustannusarvion vuosi (vuodet: {years})",
        "{year} is not one of the estimate's years ({years})",
    ),
    "ref.year_missing": (
        "vuoden {year} summa puuttuu; kirjoita {year}: 0, jos summaa ei ole",
        "the amount for {year} is missing; write {year}: 0 if there is none",
    ),
    "ref.no_budget_line": (
        "budjetissa ei ole budjettiriviä {line!r}",
        "the budget has no budget line {line!r}",
    ),
    "ref.linked_twice": (
        "budjettirivi {line!r} on linkitetty kahdesti (ensin rivillä {first_line})",
        "the budget line {line!r} is linked twice (first on line {first_line})",
    ),
    "ref.undescribed_linked": (
        "budjettirivi {line!r} on linkitetty hankkeeseen (rivillä {first_line}) ja "
        "merkitty kuvauksettomaksi",
        "the budget line {line!r} is linked to a project (on line {first_line}) and "
        "listed as undescribed",
    ),
    "ref.unlinked": (
        "mikään ohjelman hanke ei linkity budjettiriviin {line!r}",
        "no programme project links the budget line {line!r}",
    ),
    "ref.as_of_year": (
        "toteumakuukausi {as_of} ei ole budjettivuotta {year}",
        "the as-of month {as_of} is not in the budget's year {year}",
    ),
    "ref.year_mismatch": (
        "vuosi on {year}, mutta tiedoston nimi on {name}",
        "the year is {year}, but the file is named {name}",
    ),
    # the follow-up files against the budget
    "ref.unknown_project": (
        "budjetissa ei ole hanketta {project!r}",
        "the budget has no project {project!r}",
    ),
    "ref.month_not_name": (
        "as_of on {as_of}, mutta tiedoston nimi on {name}; kuukauden tiedosto "
        "nimetään kuukautensa mukaan",
        "as_of says {as_of} but the file is {name}; a month's file is named after "
        "its month",
    ),
    "ref.month_before_budget": (
        "{month} on ennen vuoden {year} budjetin omia lukuja (toteuma {as_of}); "
        "seuranta alkaa niistä",
        "{month} is before the {year} budget's own figures (as of {as_of}); "
        "follow-up starts from there",
    ),
    "ref.transfer_without_from": (
        "siirto nimeää rivit, joilta se ottaa rahaa, avaimen 'from' alla",
        "a transfer names the lines it takes money from under 'from'",
    ),
    "ref.new_money_from": (
        "uusi raha tulee rahoituslähteestä eikä riveiltä: poista 'from' tai tee "
        "muutoksesta siirto (kind: transfer)",
        "new money comes from the funding source, not from lines: remove 'from', or "
        "make the revision a transfer (kind: transfer)",
    ),
    "ref.gives_and_receives": (
        "{project!r} sekä antaa että saa rahaa samassa muutoksessa",
        "{project!r} both gives and receives money in one revision",
    ),
    # the command line
    "usage.error": ("Virhe: {message}", "Error: {message}"),
    "usage.try_help": ("Ohjeet: {command} --help", "Try '{command} --help' for help."),
    "usage.no_such_option": ("valitsinta {option} ei ole", "no such option {option}"),
    "usage.no_such_command": ("komentoa {name!r} ei ole", "no such command {name!r}"),
    "usage.bad_choice": (
        "valitsimen {option} arvo {value!r} ei käy; vaihtoehdot: {choices}",
        "{option} takes one of {choices}, not {value!r}",
    ),
    "usage.bad_argument_choice": (
        "argumentin {name!r} arvo {value!r} ei käy; vaihtoehdot: {choices}",
        "argument {name!r} takes one of {choices}, not {value!r}",
    ),
    "usage.not_whole_number": (
        "valitsimen {option} arvo on kokonaisluku, ei {value!r}",
        "{option} takes a whole number, not {value!r}",
    ),
    "usage.needs_value": (
        "valitsin {option} tarvitsee arvon",
        "{option} needs a value",
    ),
    "usage.missing_option": ("valitsin {option} puuttuu", "missing option {option}"),
    "usage.option_twice": (
        "{option} on annettu kahdesti; anna se vain kerran",
        "{option} is given twice; give it only once",
    ),
    "usage.empty_path": (
        "{name} on tyhjä; anna kansion tai tiedoston nimi (. on tämä kansio)",
        "{name} is empty; give the name of a folder or file (. is this folder)",
    ),
    "usage.missing_argument": (
        "argumentti {name!r} puuttuu",
        "missing argument {name!r}",
    ),
    "usage.missing_argument_choice": (
        "argumentti {name!r} puuttuu; vaihtoehdot: {choices}",
        "missing argument {name!r}; it takes one of {choices}",
    ),
    "usage.extra_argument": (
        "ylimääräinen argumentti {value!r}",
        "unexpected argument {value!r}",
    ),
    "usage.other": ("{detail}", "{detail}"),
    "usage.no_budget_for_year": (
        "vuodelle {year} ei ole budjettia; budjettien vuodet: {years}",
        "there is no budget for {year}; the budgets are for {years}",
    ),
    # "did you mean", after a name that is not known
    "suggest.did_you_mean": ("tarkoititko {name!r}?", "did you mean {name!r}?"),
    # one-line fixes
    "label.fix": ("korjaus", "fix"),
    "fix.line": ("{line}", "{line}"),
    "fix.csv_not_yaml": (
        "tämä näyttää CSV-tiedostolta, ei YAMLilta; aloita oma kansio komennolla "
        "kuvadigi init ja kirjoita luvut sen YAML-tiedostoihin",
        "this looks like a CSV file, not YAML; start a folder of your own with "
        "kuvadigi init and write the figures into its YAML files",
    ),
    "fix.save_as_utf8": (
        "tallenna tiedosto editorissa UTF-8-merkistöllä (Tallenna nimellä, merkistö UTF-8)",
        "save the file as UTF-8 in your editor (Save as, encoding UTF-8)",
    ),
    "fix.tab_to_spaces": (
        "korvaa sarkain välilyönneillä",
        "replace the tab with spaces",
    ),
    "fix.close_quote": (
        "päätä arvo samalla lainausmerkillä, jolla se alkaa",
        "end the value with the quote mark it begins with",
    ),
    "fix.single_quotes": (
        "käytä heittomerkkejä ('...'), joissa \\ on sellaisenaan, tai kirjoita \\\\",
        "use single quotes ('...'), which keep \\ as it is, or write \\\\",
    ),
    "fix.data_option": (
        "anna kansio, jossa budget_VUOSI.yaml on, valitsimella --data tai muuttujalla "
        "KUVADIGI_DATA",
        "give the folder that holds budget_YEAR.yaml with --data, or set KUVADIGI_DATA",
    ),
    "fix.yaml_files": (
        "kansiossa on nämä YAML-tiedostot: {names}; budjetin nimi on budget_VUOSI.yaml",
        "the YAML files here are: {names}; a budget is named budget_YEAR.yaml",
    ),
    "fix.no_break_space": (
        "sisennä tavallisilla välilyönneillä: sitova välilyönti (\\xa0), kuten "
        "asiakirjasta kopioitu, ei ole sisennystä",
        "indent with ordinary spaces: a no-break space (\\xa0), as copied from a "
        "document, is not indentation",
    ),
    "fix.known_keys": (
        "tämän kohdan avaimet ovat: {keys}",
        "the keys here are: {keys}",
    ),
    "fix.link_line": (
        "lisää {line} jonkin hankkeen budget_lines-listaan tiedostossa {programme} tai "
        "listaan undescribed_budget_lines",
        "add {line} to a project's budget_lines in {programme}, or list it under "
        "undescribed_budget_lines",
    ),
    "fix.year_or_name": (
        "nimeä tiedosto budget_{year}.yaml tai korjaa vuosi",
        "rename the file budget_{year}.yaml, or correct the year",
    ),
    # words messages are built with
    "kind.amount": ("summa", "an amount"),
    "kind.text": ("teksti", "text"),
    "kind.scalar": ("yksittäinen arvo", "a single value"),
    "kind.list": ("lista", "a list"),
    "kind.mapping": ("avain–arvo-pareja", "keys and values"),
    "kind.nothing": ("tyhjä", "empty"),
    "kind.year": ("vuosiluku", "a year"),
    "kind.number": ("numero", "a number"),
    "what.project_id": ("hankkeen tunniste", "project id"),
    "what.project_name": ("hankkeen nimi", "project name"),
    "what.source_id": ("rahoituslähteen tunniste", "funding source id"),
    "what.group_id": ("ryhmän tunniste", "group id"),
    "what.line_id": ("kustannuserän tunniste", "cost line id"),
    "what.year": ("vuosi", "year"),
    "what.programme_project_id": ("ohjelman hankkeen tunniste", "programme project id"),
    "what.area_number": (
        "toimenpidekokonaisuuden numero",
        "action area number",
    ),
    "what.area_id": ("toimenpidekokonaisuuden tunniste", "action area id"),
    "what.measure_number": ("toimenpiteen numero", "focus measure number"),
}

# Keys that name whole messages (what a problem says), as opposed to the fixes, words
# and labels that messages are built with. Each has an example in docs/errors.md.
MESSAGE_PREFIXES = ("folder.", "file.", "yaml.", "field.", "value.", "amount.", "ref.")
USAGE_PREFIX = "usage."
# Messages that carry pydantic's own words, for a refusal kuvadigi has no message for.
FALLBACK_KEYS = ("value.invalid",)


def message_keys() -> list[str]:
    """Every key of a whole message, data and command line, in catalogue order."""
    return [
        key
        for key in ERROR_TEXTS
        if key.startswith((*MESSAGE_PREFIXES, USAGE_PREFIX))
        and key not in ("field.value", "usage.error", "usage.try_help", *FALLBACK_KEYS)
    ]
