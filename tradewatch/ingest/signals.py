"""Who publishes a report and which institutions it cites.

The dateline's city, the news agency (and whether the state runs it), a government website as
publisher, and the institutions quoted as sources ("according to the National Statistics Office
of Georgia", "Belarus's National Statistical Committee said", "Chinese customs data showed").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import pycountry

from .countries import (
    INSTITUTION_WORDS,
    CountryMention,
    country_of_place,
    find_countries,
    nationality_in,
    starts_word,
    trie_pattern,
)


@dataclass(frozen=True, slots=True)
class Agency:
    """A news agency from data/agencies.json."""

    name: str
    iso3: str
    state: bool  # state-owned: speaks for its country; private ones only report
    international: bool  # reports on every country: evidence of none
    aliases: tuple[str, ...]  # matched in any case
    exact: tuple[str, ...]  # acronyms and common words ("Trend"): matched only as written


def _load_agencies() -> tuple[Agency, ...]:
    raw = resources.files(__package__).joinpath("data", "agencies.json").read_text("utf-8")
    return tuple(
        Agency(
            row["name"],
            row["country"],
            row["ownership"] == "state",
            row.get("international", False),
            tuple(row["aliases"]),
            tuple(row["exact"]),
        )
        for row in json.loads(raw)["agencies"]
    )


AGENCIES = _load_agencies()
_BY_LOWER = {alias.lower(): a for a in AGENCIES for alias in a.aliases}
_BY_EXACT = {spelling: a for a in AGENCIES for spelling in a.exact}
# One-word agency names, which never belong to a person's name ("Xinhua Liu" is no one).
AGENCY_WORDS = frozenset(
    word for a in AGENCIES for word in (*a.aliases, *a.exact) if " " not in word
)

# Statistics offices and customs services named without their country.
_INSTITUTIONS = {
    "Belstat": "BLR", "Rosstat": "RUS", "TurkStat": "TUR", "TÜİK": "TUR", "TUIK": "TUR",
    "Geostat": "GEO", "Armstat": "ARM", "Azstat": "AZE", "Tajstat": "TJK", "Destatis": "DEU",
    "INSEE": "FRA", "Istat": "ITA", "IBGE": "BRA", "INDEC": "ARG", "INEGI": "MEX",
    "GACC": "CHN", "MOFCOM": "CHN", "General Administration of Customs": "CHN",
    "CAPMAS": "EGY", "KOTRA": "KOR", "JETRO": "JPN", "MATRADE": "MYS", "DOSM": "MYS",
    "Census Bureau": "USA", "DGCIS": "IND", "Statistics Canada": "CAN",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Signal:
    """Evidence that a country is reporting: where it was found and what it was."""

    iso3: str
    kind: str  # "dateline" | "agency" | "source" | "publisher"
    start: int
    end: int
    state: bool = True  # a state agency or body, which speaks for its country


# --------------------------------------------------------------------------- datelines

_DATELINE_CITY_RE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})"
    r"(?P<after>\s*(?:,|\(|/|–|—|-{1,2}\s|:)|\.\s+[A-Z©])"
)
_METADATA_RE = re.compile(r"\s*(?:url|date|source|title|author):", re.IGNORECASE)
_DATELINE_AFTER_RE = re.compile(
    r"\s*(?:\d|[A-Z][a-z]{2,}\.?\s+\d|[(/])"  # "MINSK, 22 April", "Minsk, Oct. 14", "(BelTA)"
)


def dateline_country(text: str, start: int = 0) -> Signal | None:
    """The country of a dateline city at the start of one of the first three lines."""
    lines = 0
    for line in re.finditer(r"[^\n]+", text[start : start + 2000]):
        if not line.group().strip() or _METADATA_RE.match(line.group()):
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
            return Signal(iso, "dateline", at, at + len(city), state=False)
    return None


# --------------------------------------------------------------------------- agencies

# Found by name first (str.find is cheap), then kept only in a reporting context: in the dateline
# "(BelTA)", "/TASS/", "(APP):"; anywhere "BelTA has learned", "reports Kabar", "Photo: BELTA".
_AGENCY_LOWER_RE = re.compile(rf"(?:{trie_pattern(_BY_LOWER)})(?![\w-])")
_AGENCY_EXACT_RE = re.compile(rf"(?:{trie_pattern(_BY_EXACT)})(?![\w-])")
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


def _find_all(text: str, regex: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of the names `regex` matches."""
    return [m.span() for m in regex.finditer(text) if starts_word(text, m.start())]


def agencies_named(text: str, start: int = 0) -> list[tuple[Agency, int, int]]:
    """News agencies named in the dateline ("(BelTA)", "/TASS/") or as the one reporting, with
    where; `start` is where the body begins, after any header."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() keeps offsets for all but a few exotic letters
        lowered = text
    hits = sorted(_find_all(text, _AGENCY_EXACT_RE) + _find_all(lowered, _AGENCY_LOWER_RE))
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
            agency = _BY_EXACT.get(name) or _BY_LOWER.get(name.lower())
            if agency:
                found.append((agency, a, b))
    return found


def agency_signals(text: str, start: int = 0) -> list[Signal]:
    """The national agencies `agencies_named` finds, as evidence of their country."""
    return [
        Signal(agency.iso3, "agency", a, b, state=agency.state)
        for agency, a, b in agencies_named(text, start)
        if not agency.international
    ]


# A government website as publisher: "url: https://china.embassy.gov.au/..." (the header the
# report files carry), the country from the domain's country code.
_GOV_HOST_RE = re.compile(
    r"^\s*(?:url|source):\s*https?://(?:[\w-]+\.)*?(?:gov|gob|gouv|govt|go|gv|mfa)"
    r"\.(?P<cc>[a-z]{2})(?:[/:]|$)|^\s*(?:url|source):\s*https?://(?:[\w-]+\.)+(?P<us>gov)(?:[/:]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def publisher_signal(text: str) -> Signal | None:
    """The country whose government publishes the report, from a `url:` header line."""
    m = _GOV_HOST_RE.search(text, 0, min(len(text), 600))
    if not m:
        return None
    if m.group("us"):
        return Signal("USA", "publisher", m.start(), m.end())
    record = pycountry.countries.get(alpha_2=m.group("cc").upper())
    return Signal(record.alpha_3, "publisher", m.start(), m.end()) if record else None


# --------------------------------------------------------------------------- cited sources

# Institutions quoted as sources: "the State Customs Committee of Azerbaijan said", "according
# to the National Statistics Office of Georgia", "the Uzbek government reported".
_INSTITUTION_RE = re.compile(
    rf"(?:{trie_pattern([*INSTITUTION_WORDS, 'government', 'embassy'])})\b"
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "under"})
_MEDIA_RE = re.compile(r"\b(?:News|Press Agency|Television|Radio|Broadcasting)\b")
_INSTITUTION_AFTER_RE = re.compile(
    # "Agency on Statistics under the President of the Republic of Tajikistan"
    r"(?:\s+(?:of|for|and|the|in|on|under|[A-Z\u00C0-\u00DE][\w’'-]*))*(?:\s*\([^()]{1,30}\))?"
)
# Lower-case bodies: "the customs service of Uzbekistan", "Chinese customs data", "according to
# Australian statistics", "the Russian side said", "Kazakhstan's statistics agency".
_BODY_WORDS = [
    "customs",
    "statistics",
    "side",
    "authorities",
    "official",
    "officials",
    "government",
    "embassy",
    "ministry",
    "data",
    "figures",
] + [f"statistical {body}" for body in ("office", "agency", "committee", "service")]
_BODY_WORD_RE = re.compile(rf"(?:{trie_pattern([*_BODY_WORDS, 'trade office'])})\b")
# Between a country and its body: "Chinese customs", "Kazakhstan's statistics", "Egyptian
# government official"; and after one: "the customs service of Uzbekistan".
_BODY_GAP_RE = re.compile(
    r"(?:['’]s?)?(?:\s+(?:official|government|state|national|foreign|trade|customs))?\s+"
)
# The noun that may end a lower-case body: "statistics bureau", "customs service of ...".
_BODY_HEAD = r"(?:office|agency|bureau|committee|service|authority|department|administration)"
_BODY_TAIL_RE = re.compile(rf"\s+{_BODY_HEAD}\b")
_BODY_OF_RE = re.compile(rf"(?:\s+{_BODY_HEAD})?\s+of\s+(?:the\s+)?")
_INSTITUTION_NAME_RE = re.compile(rf"(?:{trie_pattern(_INSTITUTIONS)})\b")
_SOURCE_BEFORE_RE = re.compile(
    r"\b(?:according to|cited by|quoted by|citing|reported by|published by"
    r"|(?:press service|press office|spokes(?:man|woman|person)) (?:of|for)"
    r"|(?:data|figures|statistics|information|(?:a|the) statement|(?:a|the) report)"
    r" (?:of|from|by)|(?:data|figures|statistics|information) (?:released|published|provided"
    r"|compiled) by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_AFTER_RE = re.compile(
    r"(?:['’]s)?(?:\s+(?:data|figures|statistics|report|statement))?,?\s+(?:has\s+|have\s+)?"
    r"(?:said|says|say|reported|reports|announced|stated|informed|noted|showed|shows|show"
    r"|told|published|released|estimated|indicated|indicate|revealed)\b"
)
# "the statement said", "according to the ministry", "customs data showed": a source named
# earlier in the report, referred back to.
_SOURCE_NOUN = (
    r"(?:statement|ministry|department|agency|office|committee|service|bureau|embassy|report"
    r"|data|figures|statistics)"
)
_ANAPHOR_RE = re.compile(
    rf"\b(?:(?:[Tt]he|[Tt]his|[Ii]ts) {_SOURCE_NOUN}|(?:[Cc]ustoms|[Oo]fficial) data)"
    r"(?:,[^,]{1,40},)?\s+(?:also\s+)?(?:said|says|showed|shows|show|noted|added|reported"
    rf"|indicated|stated)\b|\baccording to (?:the|its) {_SOURCE_NOUN}\b"
)


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


def _cited(text: str, lead: int, end: int) -> bool:
    return bool(
        _SOURCE_BEFORE_RE.search(text, max(0, lead - 70), lead)
        or _SOURCE_AFTER_RE.match(text, end, min(len(text), end + 40))
    )


def _named_institutions(text: str) -> list[Signal]:
    """Capitalised institutions with their country in the name: "the Kazakh Ministry of Trade"."""
    found: list[Signal] = []
    taken_until = 0
    for m in _INSTITUTION_RE.finditer(text):
        if m.start() < taken_until or not starts_word(text, m.start(), "_"):
            continue
        lead = _chain_start(text, m.start())
        after = _INSTITUTION_AFTER_RE.match(text, m.end(), min(len(text), m.end() + 80))
        end = after.end() if after else m.end()
        while text[lead:end].endswith((" of", " and", " the", " for", " in", " on", " under")):
            end = text.rindex(" ", lead, end)
        taken_until = end
        iso = nationality_in(text[lead:end])
        if _MEDIA_RE.search(text, lead, end):
            continue  # "copied to the Ghana News Agency": media relay what others state
        if iso is not None and _cited(text, lead, end):
            found.append(Signal(iso, "source", lead, end))
    return found


def source_signals(text: str, mentions: Sequence[CountryMention] | None = None) -> list[Signal]:
    """Institutions of a country quoted as the source of what is said, in reading order.

    `mentions` are the text's country mentions, when the caller has them already."""
    found = _named_institutions(text)
    mentions = find_countries(text) if mentions is None else mentions
    starts = [m.start for m in mentions]
    for m in _BODY_WORD_RE.finditer(text):
        if not starts_word(text, m.start(), "_"):
            continue
        # found by the body word first (cheap), then the country right before or after it
        i = bisect_left(starts, m.start())
        before = mentions[i - 1] if i else None
        after = mentions[i] if i < len(mentions) else None
        if before and _BODY_GAP_RE.fullmatch(text, before.end, m.start()):
            tail = _BODY_TAIL_RE.match(text, m.end())  # "Uganda's statistics bureau"
            iso, start, end = before.iso3, before.start, tail.end() if tail else m.end()
        elif (
            after
            and m.group().startswith(("customs", "statistic"))
            and _BODY_OF_RE.fullmatch(text, m.end(), after.start)
        ):
            iso, start, end = after.iso3, m.start(), after.end
        else:
            continue
        if _cited(text, start, end):
            found.append(Signal(iso, "source", start, end))
    for m in _INSTITUTION_NAME_RE.finditer(text):
        if not starts_word(text, m.start(), "_"):
            continue
        if _cited(text, _chain_start(text, m.start()), m.end()):
            found.append(Signal(_INSTITUTIONS[m.group()], "source", m.start(), m.end()))
    found.sort(key=lambda s: s.start)
    # One institution found twice ("the State Customs Committee of Azerbaijan" as a chain and as
    # "Customs ... of Azerbaijan") counts once.
    unique: list[Signal] = []
    for signal in found:
        if unique and signal.start < unique[-1].end:
            continue
        unique.append(signal)
    return unique


def anaphors(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of references back to an earlier source: "the statement said", "customs data"."""
    return [m.start() for m in _ANAPHOR_RE.finditer(text, start, len(text) if end is None else end)]


# "officials said", "sources told": attributed, but to no one whose country is known; "the
# ministers said in a joint statement", "the leaders agreed": to both sides at once.
_UNNAMED_RE = re.compile(
    r"\b(?:officials?|sources?|experts?|analysts?|observers|diplomats?)\s+(?:have\s+)?"
    r"(?:said|say|says|told|noted|added|estimated)\b"
    r"|\bjoint (?:statement|declaration|communiqu[eé])"
    r"|\b(?:[Tt]he|[Bb]oth) (?:two )?(?:sides|ministers|leaders|presidents|parties|heads of state)"
    r"(?: of (?:the|both) (?:two )?countries)?\s+(?:have\s+|had\s+)?(?:said|agreed|noted|stated"
    r"|set|signed|pledged|decided)\b"
)


def unnamed_attribution(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] attributes what it says to no single, known side."""
    return _UNNAMED_RE.search(text, start, end) is not None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything a report says about who publishes it and whom it cites, found once."""

    dateline: Signal | None
    agencies: tuple[Signal, ...]
    publisher: Signal | None  # a state agency or government website; the first found
    sources: tuple[Signal, ...]


def evidence(
    text: str, body_start: int = 0, mentions: Sequence[CountryMention] | None = None
) -> Evidence:
    agencies = tuple(agency_signals(text, body_start))
    state = next((a for a in agencies if a.state), None)
    return Evidence(
        dateline_country(text, body_start),
        agencies,
        state or publisher_signal(text),
        tuple(source_signals(text, mentions)),
    )
