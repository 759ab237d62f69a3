"""People named in wire reports and who is speaking where.

People are found by shape (two to four capitalised words that are not titles or places) and
speakers are attributed from reporting verbs, quotation marks and role phrases such as
"the Belarusian President said".  Countries are in `countries`, news agencies, datelines and
cited institutions in `signals`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from .countries import (
    ADJECTIVE_PATTERN,
    ALIAS_TO_ISO,
    CALENDAR_WORDS,
    CITY_TO_ISO,
    NAME_PATTERN,
    fold_accents,
    is_place_name,
    is_possessive,
    nationality_in,
)
from .signals import AGENCY_WORDS

# --------------------------------------------------------------------------- people

# Capitalised words that are never part of a person's name: titles, bodies, function words,
# places' parts; months, weekdays and news agencies come from their own lists.
_TITLE_WORDS = frozenset({
    "President", "Premier", "Vice", "Prime", "Minister", "Ministers", "Chairman", "Chairwoman",
    "Chairperson", "Head", "Ambassador", "Deputy", "Foreign", "Affairs", "Cabinet",
    "Administration", "Presidential", "Republic", "Parliament", "Parliamentary", "Speaker",
    "Mazhilis", "Majilis", "Mäjilis", "Senate", "Assembly", "Council", "Union", "Organization",
    "Organisation", "Treaty", "Security", "Collective", "Economic", "Eurasian", "Commonwealth",
    "Independent", "States", "United", "Nations", "Development", "Bank", "Ministry", "Soviet",
    "Federation", "Committee", "Commission", "Agency", "Chamber", "Commerce", "Industry",
    "National", "State", "Central", "Asian", "Asia", "Region", "Forum", "Business", "Expo",
    "Photo", "Share", "Facebook", "Twitter", "Meeting", "Cooperation", "Shanghai", "Trade",
    "Investment", "Industrial", "Agricultural", "Energy", "Secretary", "General", "Director",
    "Governor", "Mayor", "Envoy", "Special", "Representative", "Consul", "Office", "The", "In",
    "As", "At", "On", "For", "From", "With", "By", "To", "Of", "And", "But", "Or", "If", "When",
    "While", "After", "Before", "During", "Since", "Today", "Yesterday", "Tomorrow", "This",
    "That", "These", "Those", "It", "He", "She", "We", "They", "I", "You", "Our", "Their", "His",
    "Her", "Mr", "Mrs", "Ms", "Dr", "Sir", "Madam", "Mister", "Also", "Meanwhile", "However",
    "Therefore", "Indeed", "Currently", "According", "Speaking", "Given", "Take", "Please",
    "Belagro", "Customs", "Service", "Statistics", "Statistical", "Minsk", "Moscow",
    "International", "Institute", "University", "Company", "Group", "Holding", "Plant", "Factory",
    "Delegation", "Intergovernmental", "Joint", "Working", "Global", "Annual", "Summit",
    "Conference", "Week", "Day", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Middle", "Far", "Near", "New", "Old", "Great", "Free", "Zone",
    "Railway", "Railways", "Airlines", "Port", "Road", "Belt", "Economy", "Finance", "Agriculture",
    "Transport", "Defence", "Defense", "Justice", "Health", "Education", "Culture", "Labour",
    "Labor", "Digital", "Emergency", "Emergencies", "Natural", "Resources", "Ecology",
    "Environment", "Tourism", "Sports", "Science", "Technology", "Technologies", "Communications",
    "Information", "Interior", "Internal", "Construction", "Housing", "Investments", "External",
    "Fuel"
}) | CALENDAR_WORDS | AGENCY_WORDS  # fmt: skip
_NAME_WORD = r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’]+(?:-[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+)?"
_INITIAL = r"(?:[A-Z]\.? )?"  # "Suresh K Reddy", "George W. Bush"
_CAPS_RUN_RE = re.compile(rf"{_NAME_WORD}(?: {_INITIAL}{_NAME_WORD}){{0,5}}")

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
_ADJ_ALT = ADJECTIVE_PATTERN
_NAMEISH_ALT = NAME_PATTERN

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
    rf"|{_NAME_WORD}(?: {_INITIAL}{_NAME_WORD}){{0,3}}(?![\w’'-])|[Hh]e|[Ss]he)"
)
_WHO_VERB_RE = re.compile(
    rf"{_WHO}(?:,[^,“”\"]{{1,40}},|\s*\([^()]{{1,30}}\))?\s+"  # "Tan Kok Wai (picture) said"
    rf"(?:also |further |then |has |had |was )?(?:{_VERBS})\b"
)
_VERB_WHO_RE = re.compile(
    rf"(?:{_VERBS})\s+(?:(?:{_ADJ_ALT}|{_NAMEISH_ALT}|[A-Z][a-z]+)(?:['’]s)? )*"
    # "said Russia’s Ambassador in Ankara, Andrey Karlov": a title, a comma, then the name
    rf"(?:(?:[A-Z][^,.;“”\"]{{0,40}}?\s)?(?i:{_ROLE_WORDS})\b[^,.;“”\"]{{0,40}}, )?{_WHO}"
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
        is_name = bare not in _TITLE_WORDS and bare not in ALIAS_TO_ISO and bare not in CITY_TO_ISO
        initial = len(word.rstrip(".")) == 1
        if is_name and not word.endswith(("'s", "’s")) and not (initial and not current):
            current.append((word, offset + pos))  # an initial never starts a name
        else:
            if len(current) >= 2:
                pieces.append((" ".join(w for w, _ in current), current[0][1]))
            current = []
        pos += len(word) + 1
    if len(current) >= 2:
        pieces.append((" ".join(w for w, _ in current), current[0][1]))
    return pieces


_ROLE_OPENINGS = ("the ", "his ", "her ")


def _role_nationality(who: str) -> str | None:
    """The country of a role phrase: "the Belarusian leader" -> BLR; None for a name."""
    if who.lower().startswith(_ROLE_OPENINGS) and _roles_of(who):
        return nationality_in(who)
    return None


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
    r"|foreign|affairs|ambassador|chairman|head|vice|premier|trade|economy|industry|agriculture"
    r"|special|envoy|representative|consul|general|secretary|commerce|finance|spokes\w+)"
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
            last = title.rstrip().rstrip(",").rpartition(",")[2]
            # "in Sao Paulo, Brazil, Ambassador of India to Brazil": the title is the last part
            titles = [last if _roles_of(last) else title]
            after = re.match(r",\s*([^,.;:“”\"]{3,120})", text[end : end + 130])
            if after and _roles_of(after.group(1)):
                titles.append(after.group(1))  # "Nevine Gamea, Egypt’s Minister of Trade"
            roles = _roles_of(" ".join(titles))
            # each title on its own: "according to" before the name is no "Ambassador to"
            nationality = next(filter(None, map(nationality_in, titles)), None) if roles else None
            people.append(Person(name, start, end, roles, nationality))
    return people


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    word = re.sub(r"[^a-z]", "", fold_accents(word.lower()))
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


def _similar(a: str, b: str) -> bool:
    """Folded spellings within an edit distance of a quarter of the shorter one (at least 1)."""
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb:
        return False
    limit = max(1, min(len(fa), len(fb)) // 4)
    # score_cutoff lets rapidfuzz stop early; past it the distance is reported as limit + 1
    return Levenshtein.distance(fa, fb, score_cutoff=limit) <= limit


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


# --------------------------------------------------------------------------- leaders


@dataclass(frozen=True, slots=True)
class Leader:
    """One term of office of a leader from data/leaders.json."""

    name: str
    iso3: str
    office: str
    start: date
    end: date | None  # None: still in office
    full_names: tuple[str, ...]  # matched only by a full name ("Li Qiang", not "Li")
    surnames: tuple[str, ...]  # folded; distinctive enough alone ("lukashenko")

    def in_office(self, on: date | None) -> bool:
        return on is None or (self.start <= on and (self.end is None or on <= self.end))


def _load_leaders() -> tuple[Leader, ...]:
    raw = resources.files(__package__).joinpath("data", "leaders.json").read_text("utf-8")
    leaders = []
    for row in json.loads(raw)["leaders"]:
        spellings = [row["name"], *row["aliases"]]
        leaders.append(
            Leader(
                row["name"],
                row["country"],
                row["office"],
                date.fromisoformat(row["from"]),
                date.fromisoformat(row["to"]) if row["to"] else None,
                tuple(s for s in spellings if " " in s),
                tuple(_fold(s) for s in spellings if " " not in s),
            )
        )
    return tuple(leaders)


LEADERS = _load_leaders()


@lru_cache(maxsize=4096)
def leader_country(name: str, on: date | None = None) -> str | None:
    """ISO3 code of a head of state or government (or a few ministers) in office on `on`, any
    time when `on` is None: "Alexander Lukashenko" -> BLR."""
    words = name.split()
    if not words:
        return None
    surname = _fold(words[-1])
    for leader in LEADERS:
        if not leader.in_office(on):
            continue
        if surname in leader.surnames:
            return leader.iso3
        # a full name needs a full name: a lone "Li" or "Abiy" is no one
        if len(words) > 1 and any(same_person(name, full) for full in leader.full_names):
            return leader.iso3
    return None


# --------------------------------------------------------------------------- speakers


@dataclass(frozen=True, slots=True)
class Statement:
    """Who states a fact: the speaker (if named), their country, and whether the sentence itself
    attributes it (a quote or "X said") rather than an earlier sentence."""

    speaker: str | None
    country: str | None
    own: bool


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

    Built once per document; `speaker_at(pos, sentence_span)` answers for any offset.  `when`
    is the document's date, if known: a leader speaks as one only during a term.
    """

    __slots__ = (
        "text",
        "when",
        "people",
        "_canonical",
        "_roles",
        "_nationality",
        "_paragraphs",
        "_quotes",
        "_memo",
        "_hits",
        "_speaking",
        "_said",
    )

    def __init__(
        self, text: str, paragraphs: Sequence[tuple[int, int]], when: date | None = None
    ) -> None:
        self.text = text
        self.when = when  # the document's date: which leaders were in office
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
        self._hits: dict[tuple[int, int], list[re.Match[str]]] = {}

    def is_official(self, name: str | None) -> bool:
        """Whether a speaker holds a home office (head of state or government, minister, chair);
        diplomats serve abroad."""
        known = (self.canonical(name) or name) if name else None
        roles = self._roles.get(known, frozenset()) if known else frozenset()
        return bool(roles - {"diplomat"}) or (
            known is not None and leader_country(known, self.when) is not None
        )

    def nationality(self, name: str | None) -> str | None:
        """The country of a speaker: from a title seen with the name, else a known leader."""
        if not name:
            return None
        known = self.canonical(name) or name
        return self._nationality.get(known) or leader_country(known, self.when)

    def attributions(self) -> list[tuple[int, str | None, str | None]]:
        """(offset, speaker, country) for each "WHO said" in the document, pronouns aside.

        The country of a role phrase ("the Belarusian leader said") is its adjective even when
        no name resolves.
        """
        found = []
        for at, who in self._said:
            name = self._resolve(who, at)
            found.append((at, name, self.nationality(name) or _role_nationality(who)))
        return found

    # -- resolution of a WHO match to a canonical name
    def canonical(self, name: str) -> str | None:
        return next((known for known in self._canonical if same_person(name, known)), None)

    def _resolve(self, who: str, at: int) -> str | None:
        lowered = who.lower()
        if lowered in _PRONOUNS:
            return self._last_speaker_before(at)
        roles = _roles_of(who) if lowered.startswith(_ROLE_OPENINGS) else frozenset()
        if roles:
            nationality = nationality_in(who)

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

    def _attributions(self, start: int, end: int) -> list[re.Match[str]]:
        """Every "WHO said", "said WHO" and "according to WHO" in text[start:end], in reading
        order; memoised, as a fact's speaker and its side both ask for its sentence."""
        key = (start, end)
        hits = self._hits.get(key)
        if hits is None:
            found = [
                m
                for r in (_WHO_VERB_RE, _VERB_WHO_RE, _AS_WHO_RE)
                for m in r.finditer(self.text, start, end)
            ]
            hits = self._hits[key] = sorted(found, key=lambda m: m.start())
        return hits

    def _attribution_in(self, start: int, end: int) -> str | None:
        """The last non-pronoun attribution in text[start:end]."""
        for m in reversed(self._attributions(start, end)):
            if m.group("who").lower() not in _PRONOUNS:
                name = self._resolve(m.group("who"), m.start("who"))
                if name:
                    return name
        return None

    def _paragraph_index(self, pos: int) -> int | None:
        for i, (s, e) in enumerate(self._paragraphs):
            if s <= pos < e:
                return i
        return None

    def _quote_at(self, pos: int) -> tuple[int, int] | None:
        """(paragraph index, quote index) of the quotation around `pos`, if any."""
        pi = self._paragraph_index(pos)
        if pi is None:
            return None
        for q, (q_open, q_close) in enumerate(self._quotes[pi]):
            if q_open <= pos < q_close:
                return pi, q
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

    def statement_at(
        self, pos: int, sentence: tuple[int, int], previous: tuple[int, int] | None = None
    ) -> Statement:
        """Who states what is at `pos`, their country, and whether the attribution is the
        sentence's own (a quote, "X said", "according to X") or borrowed from context."""
        name = self.speaker_at(pos, sentence, previous)
        at = self._quote_at(pos)
        own = at is not None or bool(self._attributions(*sentence))
        country = self.nationality(name)
        if country is None:  # "the Belarusian leader said" that resolves to no person
            country = self._role_country(*sentence)
            if country is None and at is not None:
                close = self._quotes[at[0]][at[1]][1]
                country = self._role_country(close, min(len(self.text), close + 150))
            own = own or country is not None
        return Statement(name, country, own)

    def _role_country(self, start: int, end: int) -> str | None:
        found = (_role_nationality(m.group("who")) for m in self._attributions(start, end))
        return next(filter(None, found), None)

    def _speaker_at(
        self, pos: int, sentence: tuple[int, int], previous: tuple[int, int] | None
    ) -> str | None:
        at = self._quote_at(pos)
        if at is not None:
            return self._quote_speaker(*at)
        pi = self._paragraph_index(pos)
        if pi is None:
            return None
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
