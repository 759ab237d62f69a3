"""Countries and people named in wire reports.

Countries come from a hand-written table (ISO 3166-1 alpha-3 -> names, adjectives, capitals).
People are found by shape (two to four capitalised words that are not titles or places) and
speakers are attributed from reporting verbs, quotation marks and role phrases such as
"the Belarusian President said".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# iso3: (names and aliases, adjectives/demonyms, capitals and major trade cities)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "BLR": (
        ("Belarus", "Republic of Belarus", "Byelorussia"),
        ("Belarusian", "Byelorussian", "Belarussian"),
        ("Minsk",),
    ),
    "KGZ": (
        ("Kyrgyzstan", "Kyrgyz Republic", "Kirghizia", "Kyrgyzia"),
        ("Kyrgyz", "Kirghiz"),
        ("Bishkek",),
    ),
    "KAZ": (
        ("Kazakhstan", "Republic of Kazakhstan"),
        ("Kazakh", "Kazakhstani"),
        ("Astana", "Almaty", "Nur-Sultan"),
    ),
    "RUS": (("Russia", "Russian Federation"), ("Russian",), ("Moscow", "St. Petersburg")),
    "CHN": (("China", "People's Republic of China", "PRC"), ("Chinese",), ("Beijing", "Shanghai")),
    "UZB": (("Uzbekistan", "Republic of Uzbekistan"), ("Uzbek", "Uzbekistani"), ("Tashkent",)),
    "TJK": (("Tajikistan",), ("Tajik", "Tajikistani"), ("Dushanbe",)),
    "TKM": (("Turkmenistan",), ("Turkmen",), ("Ashgabat",)),
    "ARM": (("Armenia",), ("Armenian",), ("Yerevan",)),
    "AZE": (("Azerbaijan",), ("Azerbaijani", "Azeri"), ("Baku",)),
    "GEO": (("Georgia",), ("Georgian",), ("Tbilisi",)),
    "MDA": (("Moldova", "Republic of Moldova"), ("Moldovan",), ("Chisinau", "Chișinău")),
    "UKR": (("Ukraine",), ("Ukrainian",), ("Kyiv", "Kiev")),
    "IND": (("India", "Republic of India"), ("Indian",), ("New Delhi", "Mumbai")),
    "TUR": (
        ("Turkey", "Türkiye", "Turkiye", "Republic of Turkey"),
        ("Turkish",),
        ("Ankara", "Istanbul"),
    ),
    "IRN": (("Iran", "Islamic Republic of Iran"), ("Iranian",), ("Tehran",)),
    "VNM": (("Vietnam", "Viet Nam"), ("Vietnamese",), ("Hanoi", "Ho Chi Minh City")),
    "ARE": (("United Arab Emirates", "UAE", "the Emirates"), ("Emirati",), ("Abu Dhabi", "Dubai")),
    "EGY": (("Egypt", "Arab Republic of Egypt"), ("Egyptian",), ("Cairo",)),
    "SRB": (("Serbia", "Republic of Serbia"), ("Serbian",), ("Belgrade",)),
    "VEN": (("Venezuela",), ("Venezuelan",), ("Caracas",)),
    "CUB": (("Cuba",), ("Cuban",), ("Havana",)),
    "ZWE": (("Zimbabwe",), ("Zimbabwean",), ("Harare",)),
    "PAK": (("Pakistan",), ("Pakistani",), ("Islamabad", "Karachi")),
    "MNG": (("Mongolia",), ("Mongolian",), ("Ulaanbaatar", "Ulan Bator")),
    "DEU": (("Germany", "Federal Republic of Germany"), ("German",), ("Berlin",)),
    "POL": (("Poland",), ("Polish",), ("Warsaw",)),
    "LTU": (("Lithuania",), ("Lithuanian",), ("Vilnius",)),
    "LVA": (("Latvia",), ("Latvian",), ("Riga",)),
    "EST": (("Estonia",), ("Estonian",), ("Tallinn",)),
    "USA": (
        ("United States", "United States of America", "USA", "U.S.", "US", "America"),
        ("American",),
        ("Washington",),
    ),
    "HUN": (("Hungary",), ("Hungarian",), ("Budapest",)),
    "SVK": (("Slovakia",), ("Slovak",), ("Bratislava",)),
    "CZE": (("Czech Republic", "Czechia"), ("Czech",), ("Prague",)),
    "ROU": (("Romania",), ("Romanian",), ("Bucharest",)),
    "BGR": (("Bulgaria",), ("Bulgarian",), ("Sofia",)),
    "GRC": (("Greece",), ("Greek",), ("Athens",)),
    "ITA": (("Italy",), ("Italian",), ("Rome", "Milan")),
    "FRA": (("France",), ("French",), ("Paris",)),
    "GBR": (("United Kingdom", "Britain", "Great Britain", "UK"), ("British",), ("London",)),
    "ESP": (("Spain",), ("Spanish",), ("Madrid",)),
    "NLD": (("Netherlands", "Holland"), ("Dutch",), ("Amsterdam", "The Hague")),
    "BEL": (("Belgium",), ("Belgian",), ("Brussels",)),
    "AUT": (("Austria",), ("Austrian",), ("Vienna",)),
    "CHE": (("Switzerland",), ("Swiss",), ("Bern", "Geneva")),
    "FIN": (("Finland",), ("Finnish",), ("Helsinki",)),
    "SWE": (("Sweden",), ("Swedish",), ("Stockholm",)),
    "NOR": (("Norway",), ("Norwegian",), ("Oslo",)),
    "JPN": (("Japan",), ("Japanese",), ("Tokyo",)),
    "KOR": (("South Korea", "Republic of Korea", "Korea"), ("South Korean", "Korean"), ("Seoul",)),
    "PRK": (("North Korea", "DPRK"), ("North Korean",), ("Pyongyang",)),
    "IDN": (("Indonesia",), ("Indonesian",), ("Jakarta",)),
    "MYS": (("Malaysia",), ("Malaysian",), ("Kuala Lumpur",)),
    "THA": (("Thailand",), ("Thai",), ("Bangkok",)),
    "SGP": (("Singapore",), ("Singaporean",), ()),
    "PHL": (("Philippines",), ("Filipino", "Philippine"), ("Manila",)),
    "LAO": (("Laos", "Lao PDR"), ("Lao", "Laotian"), ("Vientiane",)),
    "KHM": (("Cambodia",), ("Cambodian",), ("Phnom Penh",)),
    "MMR": (("Myanmar",), ("Myanmar",), ("Naypyidaw",)),
    "BGD": (("Bangladesh",), ("Bangladeshi",), ("Dhaka",)),
    "LKA": (("Sri Lanka",), ("Sri Lankan",), ("Colombo",)),
    "AFG": (("Afghanistan",), ("Afghan",), ("Kabul",)),
    "SAU": (("Saudi Arabia",), ("Saudi",), ("Riyadh",)),
    "QAT": (("Qatar",), ("Qatari",), ("Doha",)),
    "OMN": (("Oman",), ("Omani",), ("Muscat",)),
    "KWT": (("Kuwait",), ("Kuwaiti",), ()),
    "IRQ": (("Iraq",), ("Iraqi",), ("Baghdad",)),
    "SYR": (("Syria",), ("Syrian",), ("Damascus",)),
    "ISR": (("Israel",), ("Israeli",), ("Tel Aviv",)),
    "JOR": (("Jordan",), ("Jordanian",), ("Amman",)),
    "DZA": (("Algeria",), ("Algerian",), ("Algiers",)),
    "MAR": (("Morocco",), ("Moroccan",), ("Rabat",)),
    "TUN": (("Tunisia",), ("Tunisian",), ("Tunis",)),
    "LBY": (("Libya",), ("Libyan",), ("Tripoli",)),
    "ETH": (("Ethiopia",), ("Ethiopian",), ("Addis Ababa",)),
    "KEN": (("Kenya",), ("Kenyan",), ("Nairobi",)),
    "NGA": (("Nigeria",), ("Nigerian",), ("Abuja", "Lagos")),
    "ZAF": (("South Africa",), ("South African",), ("Pretoria", "Johannesburg")),
    "MOZ": (("Mozambique",), ("Mozambican",), ("Maputo",)),
    "ZMB": (("Zambia",), ("Zambian",), ("Lusaka",)),
    "TZA": (("Tanzania",), ("Tanzanian",), ("Dodoma",)),
    "UGA": (("Uganda",), ("Ugandan",), ("Kampala",)),
    "BRA": (("Brazil",), ("Brazilian",), ("Brasilia", "Brasília")),
    "ARG": (("Argentina",), ("Argentine", "Argentinian"), ("Buenos Aires",)),
    "MEX": (("Mexico",), ("Mexican",), ("Mexico City",)),
    "NIC": (("Nicaragua",), ("Nicaraguan",), ("Managua",)),
    "BOL": (("Bolivia",), ("Bolivian",), ("La Paz",)),
    "CAN": (("Canada",), ("Canadian",), ("Ottawa",)),
    "AUS": (("Australia",), ("Australian",), ("Canberra",)),
}

# Capitals only count as a country mention in datelines; "in Minsk" must not make Belarus a partner.
_CITY_TO_ISO = {city: iso for iso, (_, _, cities) in _COUNTRIES.items() for city in cities}
_NAME_TO_ISO = {
    alias: iso
    for iso, (names, adjectives, _) in _COUNTRIES.items()
    for alias in (*names, *adjectives)
}
# Keys are matched case-sensitively so that "turkey" (the bird) or "us" (the pronoun) do not count.
_AMBIGUOUS_LOWER = {"US", "UK", "UAE", "PRC", "DPRK", "USA", "U.S."}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NAME_RE = re.compile(rf"(?<![\w.])(?:{_alternation(_NAME_TO_ISO)})(?![\w$])")
_CITY_RE = re.compile(rf"(?<![\w-])(?:{_alternation(_CITY_TO_ISO)})(?![\w])")


@dataclass(frozen=True, slots=True)
class CountryMention:
    iso3: str
    start: int
    end: int
    text: str


def country_names(iso3: str) -> tuple[str, ...]:
    """All names, adjectives and aliases known for an ISO3 code (empty if unknown)."""
    names, adjectives, _ = _COUNTRIES.get(iso3, ((), (), ()))
    return (*names, *adjectives)


def iso3_for_name(name: str) -> str | None:
    """ISO3 code for a country name, adjective or alias ("Kyrgyz" -> "KGZ")."""
    return _NAME_TO_ISO.get(name.strip())


def country_of_place(place: str) -> str | None:
    """ISO3 code for a capital or major city, or a country name ("Minsk" -> "BLR")."""
    cleaned = place.strip()
    titled = cleaned.title() if cleaned.isupper() else cleaned
    return _CITY_TO_ISO.get(titled) or _NAME_TO_ISO.get(titled) or _CITY_TO_ISO.get(cleaned)


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
    return bare in _NAME_TO_ISO or bare in _CITY_TO_ISO


def find_countries(text: str, *, include_cities: bool = False) -> list[CountryMention]:
    """Country mentions in reading order (names and adjectives; cities only when asked)."""
    found = [
        CountryMention(_NAME_TO_ISO[m.group()], m.start(), m.end(), m.group())
        for m in _NAME_RE.finditer(text)
    ]
    if include_cities:
        found += [
            CountryMention(_CITY_TO_ISO[m.group()], m.start(), m.end(), m.group())
            for m in _CITY_RE.finditer(text)
        ]
        found.sort(key=lambda c: c.start)
    return found


def countries_in(text: str) -> list[str]:
    """Distinct ISO3 codes mentioned in a text, in order of first mention."""
    return list(_countries_in(text))


@lru_cache(maxsize=4096)
def _countries_in(text: str) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(m.group() and _NAME_TO_ISO[m.group()] for m in _NAME_RE.finditer(text))
    )


def main_partner(text: str, home: str) -> str | None:
    """The most mentioned country other than home; ties go to the earliest mentioned."""
    counts = Counter(c.iso3 for c in find_countries(text) if c.iso3 != home)
    if not counts:
        return None
    best = max(counts.values())
    return next(iso for iso in countries_in(text) if counts.get(iso) == best)


# --------------------------------------------------------------------------- people

_TITLE_WORDS = frozenset(
    [
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Ministers",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Head",
        "Ambassador",
        "Deputy",
        "Foreign",
        "Affairs",
        "Cabinet",
        "Administration",
        "Presidential",
        "Republic",
        "Parliament",
        "Parliamentary",
        "Speaker",
        "Mazhilis",
        "Majilis",
        "Mäjilis",
        "Senate",
        "Assembly",
        "Council",
        "Union",
        "Organization",
        "Organisation",
        "Treaty",
        "Security",
        "Collective",
        "Economic",
        "Eurasian",
        "Commonwealth",
        "Independent",
        "States",
        "United",
        "Nations",
        "Development",
        "Bank",
        "Ministry",
        "Soviet",
        "Federation",
        "Committee",
        "Commission",
        "Agency",
        "Chamber",
        "Commerce",
        "Industry",
        "National",
        "State",
        "Central",
        "Asian",
        "Asia",
        "Region",
        "Forum",
        "Business",
        "Expo",
        "Photo",
        "Share",
        "Facebook",
        "Twitter",
        "Meeting",
        "Cooperation",
        "Shanghai",
        "Trade",
        "Investment",
        "Industrial",
        "Agricultural",
        "Energy",
        "Secretary",
        "General",
        "Director",
        "Governor",
        "Mayor",
        "Envoy",
        "Special",
        "Representative",
        "Consul",
        "Trade",
        "Office",
        "The",
        "In",
        "As",
        "At",
        "On",
        "For",
        "From",
        "With",
        "By",
        "To",
        "Of",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "During",
        "Since",
        "Today",
        "Yesterday",
        "Tomorrow",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "We",
        "They",
        "I",
        "You",
        "Our",
        "Their",
        "His",
        "Her",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Madam",
        "Mister",
        "Also",
        "Meanwhile",
        "However",
        "Therefore",
        "Indeed",
        "Currently",
        "According",
        "Speaking",
        "Given",
        "Take",
        "Please",
        "Belagro",
        "BelTA",
        "Xinhua",
        "TASS",
        "Kazinform",
        "Reuters",
        "Customs",
        "Service",
        "Statistics",
        "Statistical",
        "Office",
        "Minsk",
        "Moscow",
        "International",
        "Institute",
        "University",
        "Company",
        "Group",
        "Holding",
        "Plant",
        "Factory",
        "Delegation",
        "Intergovernmental",
        "Joint",
        "Working",
        "Global",
        "Annual",
        "Summit",
        "Conference",
        "Week",
        "Day",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Middle",
        "Far",
        "Near",
        "New",
        "Old",
        "Great",
        "Free",
        "Zone",
        "Special",
        "Economic",
        "Customs",
        "Railway",
        "Railways",
        "Airlines",
        "Port",
        "Road",
        "Belt",
        "Economy",
        "Finance",
        "Agriculture",
        "Transport",
        "Defence",
        "Defense",
        "Justice",
        "Health",
        "Education",
        "Culture",
        "Labour",
        "Labor",
        "Digital",
        "Emergency",
        "Emergencies",
        "Natural",
        "Resources",
        "Ecology",
        "Environment",
        "Tourism",
        "Sports",
        "Science",
        "Technology",
        "Technologies",
        "Communications",
        "Information",
        "Interior",
        "Internal",
        "Construction",
        "Housing",
        "Investments",
        "External",
        "Fuel",
    ]
)
_NAME_WORD = r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’]+(?:-[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+)?"
_CAPS_RUN_RE = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,5}}")

# Role phrases map to role classes; a bare "the President" resolves to the latest head of state.
_ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"deputy prime minister|vice[- ]premier|deputy premier", "minister"),
    (
        r"prime minister|premier|head of (?:the )?government|chairman of the cabinet"
        r"|head of the (?:[A-Z][a-z]+ )?cabinet",
        "head_of_government",
    ),
    (r"president|head of state|leader", "head_of_state"),
    (r"ambassador|diplomat|envoy|consul", "diplomat"),
    (r"minister|secretary", "minister"),
    (r"chairman|chairwoman|chairperson|speaker|chair", "chair"),
)
_ROLE_RES = tuple((re.compile(rf"\b(?:{p})\b", re.IGNORECASE), cls) for p, cls in _ROLE_PATTERNS)
_ROLE_WORDS = "|".join(p for p, _ in _ROLE_PATTERNS)
_ADJ_ALT = _alternation(a for _, adjs, _ in _COUNTRIES.values() for a in adjs)
_NAMEISH_ALT = _alternation(n for names, _, _ in _COUNTRIES.values() for n in names)

_VERBS = (
    r"said|says|noted|notes|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|stated|states"
    r"|remarked|assured|affirmed|recalled|explained|asked|told|pointed out|underlined|underscored"
    r"|believes|announced|agreed|proposed|suggested|urged|observed|continued|recounted|mentioned"
    r"|acknowledged|highlighted|informed|reported|commented|confirmed|expressed|thanked"
    r"|advocates|assumed|declared|insisted|replied|answered|recounted|concluded|specified"
    r"|indicated|estimated|revealed|disclosed|said in a statement|wrote|is confident|was confident"
)
# WHO: a run of capitalised words, a role phrase ("the Belarusian leader"), or a pronoun.
_WHO = (
    rf"(?P<who>(?:[Tt]he |[Hh]is |[Hh]er )(?:(?:{_ADJ_ALT}|{_NAMEISH_ALT}|[A-Z][a-z]+)(?:['’]s)? )?"
    rf"(?i:{_ROLE_WORDS})(?: of (?:the )?[A-Z][\w’']*(?: [A-Z][\w’']*)*)?"
    rf"|{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}(?![\w’'-])|[Hh]e|[Ss]he)"
)
_WHO_VERB_RE = re.compile(
    rf"{_WHO}(?:,[^,“”\"]{{1,40}},)?\s+(?:also |further |then |has |had |was )?(?:{_VERBS})\b"
)
_VERB_WHO_RE = re.compile(
    rf"(?:{_VERBS})\s+(?:(?:{_ADJ_ALT}|{_NAMEISH_ALT}|[A-Z][a-z]+)(?:['’]s)? )*{_WHO}"
)
_AS_WHO_RE = re.compile(rf"(?:[Aa]s|[Aa]ccording to) {_WHO}")
_COLON_HEADER_RE = re.compile(rf"^\s*(?:[A-Z][a-z]+ )*{_WHO}(?:,[^:“”\"]{{0,120}})?:\s*$")
_PRONOUNS = frozenset({"he", "she"})


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    start: int
    end: int
    roles: frozenset[str]
    nationality: str | None


def _strip_titles(run: str, offset: int) -> list[tuple[str, int]]:
    """Maximal runs of >= 2 non-title, non-place words inside a capitalised run."""
    pieces: list[tuple[str, int]] = []
    current: list[tuple[str, int]] = []
    pos = 0
    for word in run.split(" "):
        bare = word.rstrip("'’s") if word.endswith(("'s", "’s")) else word
        is_name = bare not in _TITLE_WORDS and bare not in _NAME_TO_ISO and bare not in _CITY_TO_ISO
        if is_name and not word.endswith(("'s", "’s")):
            current.append((word, offset + pos))
        else:
            if len(current) >= 2:
                pieces.append((" ".join(w for w, _ in current), current[0][1]))
            current = []
        pos += len(word) + 1
    if len(current) >= 2:
        pieces.append((" ".join(w for w, _ in current), current[0][1]))
    return pieces


def _roles_of(title: str) -> frozenset[str]:
    roles = set()
    rest = title
    for regex, cls in _ROLE_RES:
        if regex.search(rest):
            roles.add(cls)
            rest = regex.sub(" ", rest)  # "prime minister" must not also count as "minister"
    return frozenset(roles)


# A title is the chain of capitalised words and connectors right before a name:
# "Chairman of the Cabinet of Ministers and Head of the ... of Kyrgyzstan Adylbek Kasymaliev".
_TITLE_BEFORE_RE = re.compile(
    r"(?:(?:[A-Z\u00C0-\u00DE][\w’'-]*,?|of|the|and|to|for|in|on|prime|minister|president|deputy"
    r"|foreign|affairs|ambassador|chairman|head|vice|premier|trade|economy|industry|agriculture)"
    r"\s+)*$"
)


def find_people(text: str) -> list[Person]:
    """Full-name mentions (two or more name words) with the role and nationality around them."""
    people: list[Person] = []
    last_end = 0  # a title never reaches back past the previous name
    for run in _CAPS_RUN_RE.finditer(text):
        for name, start in _strip_titles(run.group(), run.start()):
            end = start + len(name)
            before = text[max(last_end, start - 160) : start]
            last_end = end
            title_match = _TITLE_BEFORE_RE.search(before)
            title = title_match.group() if title_match else ""
            after = re.match(r",\s*([^,.;:“”\"]{3,120})", text[end : end + 130])
            if after and _roles_of(after.group(1)):
                title = f"{title} {after.group(1)}"
            roles = _roles_of(title)
            nationality = nationality_in(title) if roles else None
            people.append(Person(name, start, end, roles, nationality))
    return people


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    word = re.sub(r"[^a-z]", "", word)
    word = re.sub(r"^y(?=[eoau])", "", word)  # Yerlan/Erlan, Yusupov/Usupov
    for old, new in (
        ("dzh", "j"),
        ("dj", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("x", "ks"),
        ("ph", "f"),
        ("w", "v"),
        ("yy", "i"),
        ("iy", "i"),
        ("ij", "i"),
        ("y", "i"),
        ("ou", "u"),
    ):
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)  # Kassym/Kasym


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _similar(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    limit = max(1, min(len(fa), len(fb)) // 4)
    if abs(len(fa) - len(fb)) > limit:  # cheap rejection before the edit distance
        return False
    return fa == fb or _distance(fa, fb) <= limit


@lru_cache(maxsize=8192)
def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person (transliteration variants, missing first name).

    Surnames must be close after folding (Ye->E, zh/dzh->j, kh->h, y->i, double letters) within
    an edit distance of a quarter of their length; first names, when both are given, likewise or
    as an initial.  Middle names (patronymics) are ignored.
    """
    ta, tb = a.replace(".", ". ").split(), b.replace(".", ". ").split()
    if not ta or not tb or not _similar(ta[-1], tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    fa, fb = ta[0].rstrip("."), tb[0].rstrip(".")
    if len(fa) == 1 or len(fb) == 1:
        return _fold(fa)[:1] == _fold(fb)[:1]
    return _similar(fa, fb)


# --------------------------------------------------------------------------- speakers


def quote_regions(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations in a paragraph; an unclosed one runs to its end.

    Curly quotes open/close explicitly; a straight quote toggles (reports mix them).
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(paragraph):
        if ch == "“" or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = i
        elif ch in '”"' and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(paragraph)))
    return regions


class SpeakerResolver:
    """Attributes positions in a document to speakers.

    Built once per document; `speaker_at(pos, sentence_span)` answers for any offset.
    """

    __slots__ = (
        "text",
        "people",
        "_canonical",
        "_roles",
        "_nationality",
        "_paragraphs",
        "_quotes",
        "_memo",
        "_speaking",
        "_said",
    )

    def __init__(self, text: str, paragraphs: Sequence[tuple[int, int]]):
        self.text = text
        self.people = find_people(text)
        self._canonical: list[str] = []
        self._roles: dict[str, frozenset[str]] = {}
        self._nationality: dict[str, str | None] = {}
        for person in self.people:
            known = self.canonical(person.name)
            if known is None:
                known = person.name
                self._canonical.append(known)
            # Later mentions drop the title, so roles accumulate per person.
            self._roles[known] = self._roles.get(known, frozenset()) | person.roles
            self._nationality[known] = self._nationality.get(known) or person.nationality
        self._speaking: list[tuple[int, str]] = []
        self._said: list[tuple[int, str]] = []  # every "WHO said" but pronouns
        for m in _WHO_VERB_RE.finditer(text):
            if m.group("who").lower() not in _PRONOUNS:
                self._said.append((m.start("who"), m.group("who")))
            pieces = _strip_titles(m.group("who"), 0)
            known = self.canonical(pieces[-1][0]) if pieces else None
            if known:
                self._speaking.append((m.start("who"), known))
        self._paragraphs = list(paragraphs)
        self._quotes: list[list[tuple[int, int]]] = [
            [(s + a, s + b) for a, b in quote_regions(text[s:e])] for s, e in self._paragraphs
        ]
        self._memo: dict[tuple[int, int], str | None] = {}

    def nationality(self, name: str | None) -> str | None:
        """The country of a speaker: from a title seen with the name, else a known leader."""
        if not name:
            return None
        known = self.canonical(name) or name
        return self._nationality.get(known) or leader_country(known)

    def attributions(self) -> list[tuple[int, str | None, str | None]]:
        """(offset, speaker, country) for each "WHO said" in the document, pronouns aside.

        The country of a role phrase ("the Belarusian leader said") is its adjective even when
        no name resolves.
        """
        found = []
        for at, who in self._said:
            name = self._resolve(who, at)
            country = self.nationality(name)
            if country is None and who.lower().startswith(("the ", "his ", "her ")):
                country = nationality_in(who) if _roles_of(who) else None
            found.append((at, name, country))
        return found

    # -- resolution of a WHO match to a canonical name
    def canonical(self, name: str) -> str | None:
        return next((known for known in self._canonical if same_person(name, known)), None)

    def _resolve(self, who: str, at: int) -> str | None:
        lowered = who.lower()
        if lowered in _PRONOUNS:
            return self._last_speaker_before(at)
        roles = _roles_of(who) if lowered.startswith(("the ", "his ", "her ")) else frozenset()
        if roles:
            nationality = next(iter(countries_in(who)), None)

            def fits(name: str) -> bool:
                origin = self._nationality.get(name)
                return bool(roles & self._roles.get(name, frozenset())) and (
                    nationality is None or origin in (None, nationality)
                )

            # Someone already quoted beats someone merely mentioned: "According to the minister".
            for pos, name in reversed(self._speaking):
                if pos < at and fits(name):
                    return name
            for person in reversed(self.people):
                name = self.canonical(person.name) or person.name
                if person.start < at and fits(name):
                    return name
            return None
        if is_possessive(who) or is_place_name(who):
            return None  # "ranks as Belarus’s ...", "acknowledged Kazakhstan’s ...": no speaker
        names = _strip_titles(who, 0)
        if names:
            return self.canonical(names[-1][0]) or names[-1][0]
        last = who.split()[-1]
        if last in _TITLE_WORDS or is_place_name(last) or len(last) < 3:
            return None
        return self.canonical(last) or last  # "Jaishankar said": a surname alone still names

    def _last_speaker_before(self, at: int) -> str | None:
        for start, _ in reversed(self._paragraphs):
            if start >= at:
                continue
            found = self._attribution_in(start, at)
            if found:
                return found
        return None

    def _attribution_in(self, start: int, end: int) -> str | None:
        """The last non-pronoun attribution in text[start:end]."""
        span = self.text[start:end]
        hits = [m for r in (_WHO_VERB_RE, _VERB_WHO_RE, _AS_WHO_RE) for m in r.finditer(span)]
        for m in sorted(hits, key=lambda m: m.start(), reverse=True):
            if m.group("who").lower() not in _PRONOUNS:
                name = self._resolve(m.group("who"), start + m.start("who"))
                if name:
                    return name
        return None

    def _paragraph_index(self, pos: int) -> int | None:
        for i, (s, e) in enumerate(self._paragraphs):
            if s <= pos < e:
                return i
        return None

    def _quote_speaker(self, pi: int, q: int) -> str | None:
        p_start, p_end = self._paragraphs[pi]
        quotes = self._quotes[pi]
        q_open, q_close = quotes[q]
        next_open = quotes[q + 1][0] if q + 1 < len(quotes) else p_end
        after = self.text[q_close:next_open]
        m = re.match(r"[\s,.;—–-]*", after)
        tail = after[m.end() if m else 0 :]
        for regex in (_WHO_VERB_RE, _VERB_WHO_RE):
            hit = regex.match(tail)
            if hit and hit.group("who").lower() not in _PRONOUNS:
                name = self._resolve(hit.group("who"), q_close)
                if name:
                    return name
        prev_close = quotes[q - 1][1] if q > 0 else p_start
        before = self._attribution_in(prev_close, q_open)
        if before:
            return before
        if q > 0:  # "“...,” the head of state said. “..." continues the same speaker
            earlier = self._quote_speaker(pi, q - 1)
            if earlier:
                return earlier
        if pi > 0:
            s, e = self._paragraphs[pi - 1]
            header = self.text[s:e]
            if header.rstrip().endswith(":"):
                hit = _COLON_HEADER_RE.match(header)
                name = self._resolve(hit.group("who"), s) if hit else None
                return name or self._attribution_in(s, e)
        return self._last_speaker_before(q_open)

    def speaker_at(
        self, pos: int, sentence: tuple[int, int], previous: tuple[int, int] | None = None
    ) -> str | None:
        """Who is speaking at offset `pos`, given the sentence around it (and the one before)."""
        key = (pos, sentence[0])
        if key in self._memo:
            return self._memo[key]
        result = self._speaker_at(pos, sentence, previous)
        if result is not None and is_place_name(result):
            result = None  # a country is never a speaker
        self._memo[key] = result
        return result

    def _speaker_at(
        self, pos: int, sentence: tuple[int, int], previous: tuple[int, int] | None
    ) -> str | None:
        pi = self._paragraph_index(pos)
        if pi is None:
            return None
        for q, (q_open, q_close) in enumerate(self._quotes[pi]):
            if q_open <= pos < q_close:
                return self._quote_speaker(pi, q)
        own = self._attribution_in(*sentence)
        if own:
            return own
        m = _WHO_VERB_RE.search(self.text, sentence[0], sentence[1])
        if m and m.group("who").lower() in _PRONOUNS:
            return self._last_speaker_before(sentence[0])
        if previous and self._paragraph_index(previous[0]) == pi:
            return self._attribution_in(
                *previous
            )  # "The diplomat noted that ... Indeed, $160M ..."
        return None


# --------------------------------------------------------------------------- reporter signals
# Who is reporting: the dateline's city, the news agency, the institutions quoted as sources and
# a few heads of state/government well known enough to be named without a nationality.

# Agencies whose names are distinctive enough to be matched case-insensitively.
_AGENCIES_DISTINCT = {
    "BelTA": "BLR", "Kazinform": "KAZ", "Xinhua": "CHN", "Armenpress": "ARM", "AKIpress": "KGZ",
    "Kabar": "KGZ", "AZERTAC": "AZE", "Anadolu": "TUR", "Montsame": "MNG", "Tanjug": "SRB",
    "Bernama": "MYS", "Antara": "IDN", "Yonhap": "KOR", "Kyodo": "JPN", "Ukrinform": "UKR",
    "Agerpres": "ROU", "Dunyo": "UZB", "Khovar": "TJK", "Tengrinews": "KAZ", "Daryo": "UZB",
    "Prensa Latina": "CUB", "Agencia Brasil": "BRA", "Agência Brasil": "BRA", "Vietnam News Agency":
    "VNM", "Novosti": "RUS", "Interfax": "RUS", "Sputnik": "RUS", "Report.az": "AZE",
    "24.kg": "KGZ", "Kun.uz": "UZB", "Belarus Today": "BLR", "Akorda": "KAZ",
}  # fmt: skip
# Acronyms and common words: only matched as written.
_AGENCIES_EXACT = {
    "UzA": "UZB", "TASS": "RUS", "RIA": "RUS", "Trend": "AZE", "APA": "AZE", "VNA": "VNM",
    "PTI": "IND", "APP": "PAK", "MTI": "HUN", "MENA": "EGY", "WAM": "ARE", "IRNA": "IRN",
    "BTA": "BGR", "PAP": "POL", "CTK": "CZE", "TASR": "SVK", "SPA": "SAU", "QNA": "QAT",
    "KUNA": "KWT", "ONA": "OMN", "APS": "DZA", "MAP": "MAR", "TAP": "TUN", "ENA": "ETH",
    "KCNA": "PRK", "TREND": "AZE", "AA": "TUR",
}  # fmt: skip
_AGENCY_TO_ISO = {
    **{name.lower(): iso for name, iso in _AGENCIES_DISTINCT.items()},
    **_AGENCIES_EXACT,
}


# Found by name first (str.find is cheap), then kept only in a reporting context: in the dateline
# "(BelTA)", "/TASS/", "(APP):"; anywhere "BelTA has learned", "reports Kabar", "Photo: BELTA".
_AGENCY_LOWER = tuple(name.lower() for name in _AGENCIES_DISTINCT)
# "ASTANA. KAZINFORM – ", "BAKU, Azerbaijan, Feb. 20. ©TREND:": the line up to its first dash.
_DATELINE_HEAD_RE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,30}[.,][^\n–—:]*?(?=\s*(?:–|—|--|:| - ))")
_AGENCY_OPEN_RE = re.compile(r"[(/]\s*$")
_AGENCY_CLOSE_RE = re.compile(r"\s*[)/]")
_AGENCY_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:has learned|has been told|learned|reports|reported|correspondent"
    r"|news agency|reporter|informs)\b"
)
_AGENCY_BEFORE_RE = re.compile(
    r"\b(?:reports|reported by|told|according to|photo:|source:|via|said to)\s+$", re.IGNORECASE
)


_DATELINE_CITY_RE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})"
    r"(?P<after>\s*(?:,|\(|/|–|—|-{1,2}\s|:)|\.\s+[A-Z©])"
)
_DATELINE_AFTER_RE = re.compile(
    r"\s*(?:\d|[A-Z][a-z]{2,}\.?\s+\d|[(/])"  # "MINSK, 22 April", "Minsk, Oct. 14", "(BelTA)"
)

# Heads of state and government named without a title or nationality ("President Lukashenko").
_LEADERS = {
    "Lukashenko": "BLR", "Tokayev": "KAZ", "Mirziyoyev": "UZB", "Japarov": "KGZ",
    "Zhaparov": "KGZ", "Rahmon": "TJK", "Putin": "RUS", "Mishustin": "RUS", "Erdogan": "TUR",
    "Erdoğan": "TUR", "Pashinyan": "ARM", "Modi": "IND", "Vucic": "SRB", "Vučić": "SRB",
    "Orban": "HUN", "Orbán": "HUN", "Maduro": "VEN", "Berdimuhamedov": "TKM",
    "Xi Jinping": "CHN", "Li Qiang": "CHN", "Ilham Aliyev": "AZE", "Shehbaz Sharif": "PAK",
    "Lula": "BRA", "Abdel Fattah al-Sisi": "EGY", "Pezeshkian": "IRN", "Kobakhidze": "GEO",
}  # fmt: skip

# Institutions quoted as sources: "the State Customs Committee of Azerbaijan said", "according
# to the National Statistics Office of Georgia", "the Uzbek government reported".
_INSTITUTION_RE = re.compile(
    r"\b(?:Ministry|Committee|Office|Service|Agency|Department|Administration|Bureau|Customs"
    r"|[Gg]overnment|[Ee]mbassy|Cabinet|Statistics|Inspectorate|Chamber)\b"
)
_CONNECTORS = frozenset({"of", "for", "and", "the"})
_INSTITUTION_AFTER_RE = re.compile(
    r"(?:\s+(?:of|for|and|the|in|[A-Z\u00C0-\u00DE][\w’'-]*))*(?:\s*\([^()]{1,30}\))?"
)
_SOURCE_BEFORE_RE = re.compile(
    r"\b(?:according to|cited by|quoted by|data (?:of|from)|figures (?:of|from)|statistics (?:of"
    r"|from)|(?:data|figures|statistics|information) (?:released|published|provided|compiled)"
    r" by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_AFTER_RE = re.compile(
    r",?\s+(?:has\s+|have\s+)?(?:said|says|reported|reports|announced|stated|informed|noted"
    r"|showed|shows|told|published|released|estimated)\b"
)
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


def leader_country(name: str) -> str | None:
    """ISO3 code for a well-known head of state or government ("Alexander Lukashenko" -> BLR)."""
    for known, iso in _LEADERS.items():
        if " " in known:
            if same_person(name, known):
                return iso
        elif name.split()[-1:] and _fold(name.split()[-1]) == _fold(known):
            return iso
    return None


@dataclass(frozen=True, slots=True)
class Signal:
    """Evidence that a country is reporting: where it was found and what it was."""

    iso3: str
    kind: str  # "dateline" | "agency" | "source"
    start: int
    end: int


def dateline_country(text: str, start: int = 0) -> Signal | None:
    """The country of a dateline city at the start of one of the first three lines."""
    lines = 0
    for line in re.finditer(r"[^\n]+", text[start : start + 2000]):
        if not line.group().strip():
            continue
        lines += 1
        if lines > 3:
            break
        m = _DATELINE_CITY_RE.match(line.group())
        if not m:
            continue
        city, iso = m.group("city"), None
        while city and iso is None:  # "ASTANA. KAZINFORM" -> "ASTANA"
            iso = country_of_place(city.rstrip("."))
            if iso is None:
                city = city.rpartition(" ")[0]
        if iso is None:
            continue
        city = city.rstrip(".")
        rest = line.group()[m.start("city") + len(city) :]
        if city.isupper() or _DATELINE_AFTER_RE.match(rest[1:] if rest[:1] == "," else rest):
            at = start + line.start() + m.start("city")
            return Signal(iso, "dateline", at, at + len(city))
    return None


def _find_all(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of any of `words` in text."""
    spans = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "._") and not (after.isalnum() or after in "-_"):
                spans.append((at, end))
            at = text.find(word, end)
    return spans


def agency_signals(text: str, start: int = 0) -> list[Signal]:
    """News agencies named in the dateline ("(BelTA)", "/TASS/") or as the one reporting."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() keeps offsets for all but a few exotic letters
        lowered = text
    hits = sorted(_find_all(text, _AGENCIES_EXACT) + _find_all(lowered, _AGENCY_LOWER))
    found = []
    head_end = start + 400
    dateline = _DATELINE_HEAD_RE.match(text, start, min(len(text), start + 160))
    dateline_end = dateline.end() if dateline else start
    for a, b in hits:
        in_dateline = (start <= a and b <= dateline_end) or (
            start <= a < head_end
            and _AGENCY_OPEN_RE.search(text, max(0, a - 3), a)
            and _AGENCY_CLOSE_RE.match(text, b)
        )
        if (
            in_dateline
            or _AGENCY_AFTER_RE.match(text, b)
            or _AGENCY_BEFORE_RE.search(text, max(0, a - 16), a)
        ):
            name = text[a:b]
            iso = _AGENCY_TO_ISO.get(name) or _AGENCY_TO_ISO.get(name.lower())
            if iso:
                found.append(Signal(iso, "agency", a, b))
    return found


def _chain_start(text: str, at: int, reach: int = 80) -> int:
    """Start of the capitalised chain ending at `at` ("State Customs " before "Committee").

    Connectors (of, for, and, the) may sit inside the chain but never start it.
    """
    limit = max(0, at - reach)
    lead = pos = at
    while pos > limit:
        gap = pos
        while gap > limit and text[gap - 1] == " ":
            gap -= 1
        if gap == pos:
            break
        word = gap
        while word > limit and (text[word - 1].isalnum() or text[word - 1] in "’'-"):
            word -= 1
        token = text[word:gap]
        if not token or not (token[0].isupper() or token in _CONNECTORS):
            break
        pos = word
        if token[0].isupper():
            lead = pos
    return lead


def source_signals(text: str) -> list[Signal]:
    """Institutions of a country quoted as the source of what is said."""
    found: list[Signal] = []
    taken_until = 0
    for m in _INSTITUTION_RE.finditer(text):
        if m.start() < taken_until:
            continue
        lead = _chain_start(text, m.start())
        after = _INSTITUTION_AFTER_RE.match(text, m.end(), min(len(text), m.end() + 80))
        end = after.end() if after else m.end()
        while text[lead:end].endswith((" of", " and", " the", " for", " in")):
            end = text.rindex(" ", lead, end)
        taken_until = end
        iso = nationality_in(text[lead:end])
        if iso is None:
            continue
        cited = _SOURCE_BEFORE_RE.search(text, max(0, lead - 70), lead) or _SOURCE_AFTER_RE.match(
            text, end, min(len(text), end + 30)
        )
        if cited:
            found.append(Signal(iso, "source", lead, end))
    return found
