"""Country names as wire reports write them: every ISO 3166-1 country.

Names come from pycountry (ISO names, official and common names) and Babel's CLDR English
territory names; this module adds by hand only what those lack: adjectives and demonyms
("Kyrgyz", "Emirati"), short forms ("UAE", "US", "Türkiye" -> "Turkey"), and capitals or trade
cities, which count only in datelines.  All names are matched case-sensitively in one regex
built once, as a trie so ~1,500 alternatives stay as fast as a few dozen.

Guards against the classic false positives: phrases that contain a country word but are not
the country ("Latin America", "Niger Delta", "China Daily", "U.S. dollars"), and country names
that are also first names ("Chad Smith", "Michael Jordan").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import pycountry
from babel import Locale

# iso3: "adjective|demonym|..." for sovereign states and territories that have one in use.
# Ambiguous ones are given to the country they mostly mean in news ("Dominican" -> DOM) or left
# out ("Congolese").
_ADJECTIVES = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan", "ARG": "Argentine|Argentinian|Argentinean", "ARM": "Armenian",
    "AUS": "Australian", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri|Azerbaijanian",
    "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian",
    "BLR": "Belarusian|Byelorussian|Belarussian|Belorussian", "BEL": "Belgian",
    "BLZ": "Belizean", "BEN": "Beninese", "BTN": "Bhutanese", "BOL": "Bolivian",
    "BIH": "Bosnian", "BWA": "Botswanan", "BRA": "Brazilian", "BRN": "Bruneian",
    "BGR": "Bulgarian", "BFA": "Burkinabe|Burkinabé", "BDI": "Burundian",
    "CPV": "Cape Verdean|Cabo Verdean", "KHM": "Cambodian", "CMR": "Cameroonian",
    "CAN": "Canadian", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese|Sino",
    "COL": "Colombian", "COM": "Comoran|Comorian", "CRI": "Costa Rican", "CIV": "Ivorian",
    "HRV": "Croatian", "CUB": "Cuban", "CYP": "Cypriot", "CZE": "Czech", "DNK": "Danish",
    "DJI": "Djiboutian", "DOM": "Dominican", "ECU": "Ecuadorian|Ecuadoran",
    "EGY": "Egyptian", "SLV": "Salvadoran|Salvadorean",
    "GNQ": "Equatorial Guinean|Equatoguinean", "ERI": "Eritrean", "EST": "Estonian",
    "SWZ": "Swazi", "ETH": "Ethiopian", "FJI": "Fijian", "FIN": "Finnish", "FRA": "French",
    "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian", "DEU": "German",
    "GHA": "Ghanaian", "GRC": "Greek|Hellenic", "GRD": "Grenadian", "GTM": "Guatemalan",
    "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian",
    "HND": "Honduran", "HUN": "Hungarian", "ISL": "Icelandic", "IND": "Indian",
    "IDN": "Indonesian", "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish", "ISR": "Israeli",
    "ITA": "Italian", "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian",
    "KAZ": "Kazakh|Kazakhstani|Kazakstani", "KEN": "Kenyan", "PRK": "North Korean",
    "KOR": "South Korean|Korean", "KWT": "Kuwaiti", "KGZ": "Kyrgyz|Kirghiz|Kyrgyzstani",
    "LAO": "Lao|Laotian", "LVA": "Latvian", "LBN": "Lebanese", "LSO": "Basotho",
    "LBR": "Liberian", "LBY": "Libyan", "LTU": "Lithuanian",
    "LUX": "Luxembourgish|Luxembourger", "MDG": "Malagasy", "MWI": "Malawian",
    "MYS": "Malaysian", "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese",
    "MHL": "Marshallese", "MRT": "Mauritanian", "MUS": "Mauritian", "MEX": "Mexican",
    "FSM": "Micronesian", "MDA": "Moldovan", "MCO": "Monegasque", "MNG": "Mongolian",
    "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burmese",
    "NAM": "Namibian", "NRU": "Nauruan", "NPL": "Nepali|Nepalese", "NLD": "Dutch",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian",
    "MKD": "Macedonian|North Macedonian", "NOR": "Norwegian", "OMN": "Omani",
    "PAK": "Pakistani", "PLW": "Palauan", "PSE": "Palestinian", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian",
    "PHL": "Filipino|Philippine", "POL": "Polish", "PRT": "Portuguese", "QAT": "Qatari",
    "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan", "LCA": "Saint Lucian",
    "VCT": "Vincentian", "WSM": "Samoan", "SMR": "Sammarinese", "SAU": "Saudi|Saudi Arabian",
    "SEN": "Senegalese", "SRB": "Serbian", "SYC": "Seychellois", "SLE": "Sierra Leonean",
    "SGP": "Singaporean", "SVK": "Slovak|Slovakian", "SVN": "Slovenian|Slovene",
    "SOM": "Somali|Somalian", "ZAF": "South African", "SSD": "South Sudanese",
    "ESP": "Spanish", "LKA": "Sri Lankan", "SDN": "Sudanese", "SUR": "Surinamese",
    "SWE": "Swedish", "CHE": "Swiss", "SYR": "Syrian", "TWN": "Taiwanese",
    "TJK": "Tajik|Tajikistani|Tadjik", "TZA": "Tanzanian", "THA": "Thai",
    "TLS": "Timorese|East Timorese", "TGO": "Togolese", "TON": "Tongan",
    "TTO": "Trinidadian", "TUN": "Tunisian", "TUR": "Turkish", "TKM": "Turkmen|Turkmenistani",
    "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian", "ARE": "Emirati",
    "GBR": "British", "USA": "American", "URY": "Uruguayan", "UZB": "Uzbek|Uzbekistani",
    "VEN": "Venezuelan", "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian",
    "ZWE": "Zimbabwean", "PRI": "Puerto Rican", "GRL": "Greenlandic",
}  # fmt: skip

# Names the libraries lack: short forms, older or other spellings, and the UK's nations.
_EXTRA_NAMES = {
    "USA": "US|U.S.|USA|U.S.A.|America", "GBR": "UK|U.K.|Britain|Great Britain|England"
    "|Scotland|Wales|Northern Ireland", "ARE": "UAE|U.A.E.|the Emirates", "CHN": "PRC",
    "TUR": "Turkey|Republic of Turkey", "KOR": "Korea|Republic of Korea|ROK", "PRK": "DPRK",
    "CZE": "Czech Republic", "CIV": "Ivory Coast", "SWZ": "Swaziland", "TLS": "East Timor",
    "MKD": "Macedonia", "COD": "DRC|DR Congo|Democratic Republic of Congo|Congo-Kinshasa",
    "COG": "Republic of Congo|Congo-Brazzaville", "NLD": "Holland",
    "BLR": "Byelorussia|Belorussia", "KGZ": "Kirghizia|Kyrgyzia", "KAZ": "Kazakstan",
    "SAU": "KSA", "LAO": "Lao PDR", "VAT": "Vatican", "PSE": "Palestine", "MAC": "Macau",
    "RUS": "Russian Federation", "VNM": "Viet Nam",
}  # fmt: skip

# Capitals and major trade cities, for datelines ("MINSK, 22 April") only: "in Minsk" must not
# make Belarus a party.  Capitals that are also common first names (Santiago, Victoria) are left
# out, since city words are never part of a person's name.
_CITIES = {
    "AFG": "Kabul", "ALB": "Tirana", "DZA": "Algiers", "AGO": "Luanda",
    "ARG": "Buenos Aires", "ARM": "Yerevan", "AUS": "Canberra|Sydney", "AUT": "Vienna",
    "AZE": "Baku", "BHS": "Nassau", "BHR": "Manama", "BGD": "Dhaka", "BLR": "Minsk",
    "BEL": "Brussels", "BEN": "Porto-Novo|Cotonou", "BTN": "Thimphu", "BOL": "La Paz",
    "BIH": "Sarajevo", "BWA": "Gaborone",
    "BRA": "Brasilia|Brasília|Sao Paulo|São Paulo|Rio de Janeiro",
    "BRN": "Bandar Seri Begawan", "BGR": "Sofia", "BFA": "Ouagadougou", "BDI": "Bujumbura",
    "KHM": "Phnom Penh", "CMR": "Yaounde|Yaoundé|Douala", "CAN": "Ottawa|Toronto",
    "CAF": "Bangui", "TCD": "N'Djamena", "CHN": "Beijing|Shanghai|Guangzhou|Shenzhen",
    "COL": "Bogota|Bogotá", "COD": "Kinshasa", "COG": "Brazzaville",
    "CIV": "Abidjan|Yamoussoukro", "HRV": "Zagreb", "CUB": "Havana", "CYP": "Nicosia",
    "CZE": "Prague", "DNK": "Copenhagen", "DOM": "Santo Domingo", "ECU": "Quito",
    "EGY": "Cairo", "SLV": "San Salvador", "GNQ": "Malabo", "ERI": "Asmara", "EST": "Tallinn",
    "ETH": "Addis Ababa", "FJI": "Suva", "FIN": "Helsinki", "FRA": "Paris", "GAB": "Libreville",
    "GMB": "Banjul", "GEO": "Tbilisi", "DEU": "Berlin|Frankfurt|Hamburg", "GHA": "Accra",
    "GRC": "Athens", "GTM": "Guatemala City", "GIN": "Conakry", "GUY": "Georgetown",
    "HTI": "Port-au-Prince", "HND": "Tegucigalpa", "HUN": "Budapest",
    "ISL": "Reykjavik|Reykjavík", "IND": "New Delhi|Mumbai", "IDN": "Jakarta",
    "IRN": "Tehran", "IRQ": "Baghdad", "IRL": "Dublin", "ISR": "Tel Aviv",
    "ITA": "Rome|Milan", "JPN": "Tokyo", "JOR": "Amman", "KAZ": "Astana|Almaty|Nur-Sultan",
    "KEN": "Nairobi", "KWT": "Kuwait City", "KGZ": "Bishkek", "LAO": "Vientiane",
    "LVA": "Riga", "LBN": "Beirut", "LSO": "Maseru", "LBR": "Monrovia", "LBY": "Tripoli",
    "LTU": "Vilnius", "MDG": "Antananarivo", "MWI": "Lilongwe", "MYS": "Kuala Lumpur",
    "MLI": "Bamako", "MLT": "Valletta", "MRT": "Nouakchott", "MUS": "Port Louis",
    "MEX": "Mexico City", "MDA": "Chisinau|Chișinău", "MNG": "Ulaanbaatar|Ulan Bator",
    "MNE": "Podgorica", "MAR": "Rabat|Casablanca", "MOZ": "Maputo",
    "MMR": "Naypyidaw|Nay Pyi Taw|Yangon", "NAM": "Windhoek", "NPL": "Kathmandu",
    "NLD": "Amsterdam|The Hague", "NZL": "Wellington", "NIC": "Managua", "NER": "Niamey",
    "NGA": "Abuja|Lagos", "PRK": "Pyongyang", "MKD": "Skopje", "NOR": "Oslo",
    "OMN": "Muscat", "PAK": "Islamabad|Karachi", "PAN": "Panama City",
    "PNG": "Port Moresby", "PRY": "Asuncion|Asunción", "PER": "Lima", "PHL": "Manila",
    "POL": "Warsaw", "PRT": "Lisbon", "QAT": "Doha", "ROU": "Bucharest",
    "RUS": "Moscow|St. Petersburg|Saint Petersburg", "RWA": "Kigali",
    "SAU": "Riyadh|Jeddah", "SEN": "Dakar", "SRB": "Belgrade", "SLE": "Freetown",
    "SVK": "Bratislava", "SVN": "Ljubljana", "SOM": "Mogadishu",
    "ZAF": "Pretoria|Johannesburg|Cape Town", "KOR": "Seoul", "SSD": "Juba", "ESP": "Madrid",
    "LKA": "Colombo", "SDN": "Khartoum", "SUR": "Paramaribo", "SWE": "Stockholm",
    "CHE": "Bern|Geneva", "SYR": "Damascus", "TWN": "Taipei", "TJK": "Dushanbe",
    "TZA": "Dodoma|Dar es Salaam", "THA": "Bangkok", "TLS": "Dili", "TGO": "Lome|Lomé",
    "TTO": "Port of Spain", "TUN": "Tunis", "TUR": "Ankara|Istanbul", "TKM": "Ashgabat",
    "UGA": "Kampala", "UKR": "Kyiv|Kiev", "ARE": "Abu Dhabi|Dubai", "GBR": "London",
    "USA": "Washington", "URY": "Montevideo", "UZB": "Tashkent", "VEN": "Caracas",
    "VNM": "Hanoi|Ho Chi Minh City", "YEM": "Sanaa", "ZMB": "Lusaka", "ZWE": "Harare",
}  # fmt: skip

# Phrases that contain a country word but do not name the country.  They are matched in the
# same regex (the longest match wins) and then dropped.
_NOT_COUNTRIES = (
    "Latin America", "South America", "North America", "Central America", "Latin American",
    "South American", "North American", "Central American", "New Mexico", "New Mexican",
    "New Jersey", "New Guinea", "Gulf of Guinea", "Niger Delta", "Niger River", "River Niger",
    "Indian Ocean", "South China Sea", "East China Sea", "Voice of America", "Times of India",
    "Central African", "Congo River", "Congo Basin",
)  # fmt: skip

# Spellings that are ordinary English words when capitalised at a sentence's start.
_COMMON_WORDS = frozenset({"Reunion"})

# Country names that are also people's names: "Jordan Peterson", "Michael Jordan", "Tom Holland".
_FIRST_NAMES = frozenset(
    {"Chad", "Jordan", "Georgia", "Kenya", "India", "Israel", "Cuba", "Holland", "Jamaica"}
)
# The head words of a state body ("State Customs Committee", "Jordan Investment Authority"):
# signals.py finds cited institutions by them.
INSTITUTION_WORDS = frozenset({
    "Ministry", "Committee", "Office", "Service", "Agency", "Department", "Administration",
    "Bureau", "Customs", "Government", "Embassy", "Cabinet", "Statistics", "Inspectorate",
    "Chamber", "Institute", "Authority", "Commission",
})  # fmt: skip
# Capitalised words that may follow such a name and still leave it a country.
_INSTITUTIONAL = INSTITUTION_WORDS | {
    "Minister", "President", "Prime", "Ambassador", "Trade", "Central", "National",
    "Statistical", "Revenue", "Investment", "Export", "Import", "Foreign", "Deputy", "King",
    "Kingdom", "Republic", "State", "Parliament", "Senate", "Council", "Bank", "Airways",
    "Railways", "Post", "Ports",
}  # fmt: skip
# Months and weekdays are never a surname: "to India January-March", "with Jordan Tuesday".
CALENDAR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
})  # fmt: skip
# A name right after a preposition is a place, not a person: "exports to India", "and Jordan".
PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:to|from|with|in|into|by|on|at|across|including|like|as|than|and)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NAME_LIKE_RE = re.compile(r"\s+([A-Z][a-z]+)\b")
_FIRST_NAME_BEFORE_RE = re.compile(r"(?:^|[a-z,;:]\s+)([A-Z][a-z]+)\s+$")
_FUNCTION_WORDS = frozenset({
    "The", "In", "With", "Of", "And", "To", "For", "From", "By", "At", "On", "As", "Visiting",
    "Neighbouring", "Neighboring", "Including", "Between", "About", "Like", "Unlike", "Both",
})  # fmt: skip
# "U.S. dollars", "Chinese yuan", "Hong Kong dollars": a currency, not a party to the trade.
_CURRENCY_AFTER_RE = re.compile(
    r"\s+(?:dollars?|cents?|yuan|renminbi|rubles?|roubles?|rupees?|euros?|pounds?|lira|liras"
    r"|won|yen|riyals?|rials?|dirhams?|ringgit|baht|dong|pesos?|reais|real|rand|naira"
    r"|shillings?|francs?|tenge|soms?|manats?|lari|drams?|hryvnias?|zloty|forints?|lei|leu"
    r"|kron[aeo]r?|dinars?|taka|kip|kyats?|tugriks?|sums?|somoni|cedis?|birr|kwacha"
    r"|currency|treasur(?:y|ies) (?:bonds|bills|notes))\b",
    re.IGNORECASE,
)
# "Indian-origin president": where a person comes from, not the country they speak for.
_ORIGIN_AFTER_RE = re.compile(r"-(?:origin|born|descent|heritage)\b")
# "China Daily", "Korea Herald", "Vietnam News": a newspaper's name is not its country.
_MASTHEAD_AFTER_RE = re.compile(
    r"\s+(?:Daily|Times|Post|Herald|Today|Tribune|Gazette|Observer|Journal|Telegraph|Mail"
    r"|Express|Weekly|Monitor|Review|News(?!\s+Agency))\b"
)


@dataclass(frozen=True, slots=True)
class CountryMention:
    iso3: str
    start: int
    end: int
    text: str


def fold_accents(text: str) -> str:
    """`text` without diacritics: "Türkiye" -> "Turkiye", "Phạm" -> "Pham"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variants(name: str) -> set[str]:
    """A library name and the spellings reports use for it: "St." as "Saint", "&" as "and",
    straight apostrophes, no accents, no parenthesised part, no "SAR China"."""
    name = name.strip().removeprefix("the ").removeprefix("The ")
    found = {name}
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if bracket:  # "Myanmar (Burma)", "Holy See (Vatican City State)", "(French part)"
        found = {bracket.group(1)}
        if "part" not in bracket.group(2):
            found.add(bracket.group(2))
    elif "(" in name:  # "Cocos (Keeling) Islands"
        found.add(re.sub(r"\s*\([^)]*\)", "", name))
    if " - " in name:  # CLDR's "Congo - Kinshasa"
        found = {name.replace(" - ", "-")}
    found |= {f.removesuffix(" SAR China") for f in found}  # CLDR's "Hong Kong SAR China"
    found |= {f.replace(" & ", " and ") for f in found}
    found |= {f.replace("St. ", "Saint ") for f in found}
    found |= {f.replace("’", "'") for f in found}
    found |= {fold_accents(f) for f in found}
    return {f for f in found if f and f not in _COMMON_WORDS}


def _uninvert(name: str) -> str | None:
    """ISO's "Korea, Republic of" -> "Republic of Korea"; None when it cannot be said in order
    ("Taiwan, Province of China")."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    if tail.endswith((" of", " of the")):
        return f"{tail} {head}"
    if tail in ("British", "U.S."):  # "Virgin Islands, British"
        return f"{tail} {head}"
    return None


def _library_names() -> dict[str, list[str]]:
    """iso3 -> names from pycountry (common, ISO and official) and CLDR English, best first."""
    cldr = Locale("en").territories
    names: dict[str, list[str]] = {}
    for record in pycountry.countries:
        found = [
            getattr(record, "common_name", None),
            cldr.get(record.alpha_2),
            _uninvert(record.name),
            _uninvert(getattr(record, "official_name", None) or ""),
        ]
        names[record.alpha_3] = [n for n in found if n]
    return names


def _by_spelling(table: dict[str, str], into: dict[str, str] | None = None) -> dict[str, str]:
    """spelling -> iso3 from an iso3 -> "a|b|c" table; the first country to claim a spelling
    keeps it."""
    found = {} if into is None else into
    for iso, spellings in table.items():
        for spelling in spellings.split("|"):
            found.setdefault(spelling, iso)
    return found


def _names() -> dict[str, str]:
    """name -> iso3.  Hand-added names win a spelling two countries share, then the first
    country in ISO order that has it."""
    library = {
        iso: "|".join(sorted(v for name in found for v in _variants(name)))
        for iso, found in _library_names().items()
    }
    return _by_spelling(library, _by_spelling(_EXTRA_NAMES))


NAME_TO_ISO = _names()
ADJECTIVE_TO_ISO = _by_spelling(_ADJECTIVES)
CITY_TO_ISO = _by_spelling(_CITIES)
ALIAS_TO_ISO: dict[str, str] = {**ADJECTIVE_TO_ISO, **NAME_TO_ISO}


def starts_word(text: str, at: int, also: str = "._") -> bool:
    """Whether a match at `at` starts a word: not inside one, nor right after any of `also`."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in also)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first, factored by common prefixes so the
    engine does not try every alternative at every position."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# Alternations used by names.py inside role phrases ("the Belarusian leader").
ADJECTIVE_PATTERN = trie_pattern(ADJECTIVE_TO_ISO)
NAME_PATTERN = trie_pattern(NAME_TO_ISO)

# No leading assertion, so `re` can skip ahead by the first letters; `starts_word` checks the
# start instead.
_MENTION_RE = re.compile(rf"(?:{trie_pattern([*ALIAS_TO_ISO, *_NOT_COUNTRIES])})(?![\w$])")
_CITY_RE = re.compile(rf"(?<![\w-])(?:{trie_pattern(CITY_TO_ISO)})(?![\w])")


def _not_surname(word: str) -> bool:
    return word in _INSTITUTIONAL or word in ALIAS_TO_ISO or word in CALENDAR_WORDS


def _is_country(text: str, start: int, end: int) -> bool:
    """Whether a matched name is the country, not a currency, a masthead or a person."""
    word = text[start:end]
    if any(r.match(text, end) for r in (_CURRENCY_AFTER_RE, _MASTHEAD_AFTER_RE, _ORIGIN_AFTER_RE)):
        return False
    if word in _FIRST_NAMES and not PREPOSITION_BEFORE_RE.search(text, max(0, start - 16), start):
        after = _NAME_LIKE_RE.match(text, end)
        if after and not _not_surname(after.group(1)):
            return False  # "Jordan Peterson"
        before = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
        if before and before.group(1) not in _FUNCTION_WORDS | _INSTITUTIONAL:
            return False  # "said Michael Jordan"
    return True


def find_countries(text: str, *, include_cities: bool = False) -> list[CountryMention]:
    """Country mentions in reading order (names and adjectives; cities only when asked)."""
    found = []
    for m in _MENTION_RE.finditer(text):
        iso = ALIAS_TO_ISO.get(m.group())
        if iso and starts_word(text, m.start()) and _is_country(text, m.start(), m.end()):
            found.append(CountryMention(iso, m.start(), m.end(), m.group()))
    if include_cities:
        found += [
            CountryMention(CITY_TO_ISO[m.group()], m.start(), m.end(), m.group())
            for m in _CITY_RE.finditer(text)
        ]
        found.sort(key=lambda c: c.start)
    return found


def most_named(
    mentions: Sequence[CountryMention],
    *,
    among: Collection[str] | None = None,
    excluding: Collection[str] = (),
) -> str | None:
    """The country named most often in `mentions` (only those `among`, none `excluding`);
    ties go to the first named."""
    counts = Counter(
        m.iso3 for m in mentions if m.iso3 not in excluding and (among is None or m.iso3 in among)
    )
    if not counts:
        return None
    best = max(counts.values())
    return next(iso for iso, n in counts.items() if n == best)  # Counter keeps first-seen order


def country_of_place(place: str) -> str | None:
    """ISO3 code for a capital or major city, or a country name ("Minsk" -> "BLR")."""
    cleaned = place.strip()
    titled = cleaned.title() if cleaned.isupper() else cleaned
    return CITY_TO_ISO.get(titled) or ALIAS_TO_ISO.get(titled) or CITY_TO_ISO.get(cleaned)


_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")


def is_possessive(word: str) -> bool:
    """Whether a word ends as a possessive: "Belarus’s", "Kazakhstan's", "the Philippines'"."""
    return bool(_POSSESSIVE_RE.search(word.strip()))


def is_place_name(name: str) -> bool:
    """Whether `name` is a country, nationality or city, possessive or not: never a person."""
    bare = name.strip()
    if is_possessive(bare):
        bare = bare[:-1] if bare[-1] in "'’" else bare[:-2]
    bare = bare.removeprefix("the ").removeprefix("The ")
    return bare in ALIAS_TO_ISO or bare in CITY_TO_ISO


_TO_COUNTRY_RE = re.compile(r"\b(?:to|in|with)\s+(?:the\s+)?$")


def nationality_in(title: str) -> str | None:
    """The country an official or institution belongs to, from its title.

    "Kyrgyzstan Ambassador to Belarus" -> KGZ; "Ambassador to Belarus" -> None (the host country
    is not the ambassador's).
    """
    for mention in find_countries(title):
        if not _TO_COUNTRY_RE.search(title, 0, mention.start):
            return mention.iso3
    return None
