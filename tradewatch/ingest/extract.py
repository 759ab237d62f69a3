"""Trade facts (figures, growth rates, targets) from the text of a news report.

Pipeline: document date -> paragraphs (lines) -> sentences -> per sentence, dollar amounts and
growth phrases -> one Fact each, with the verbatim clause as `quote` and its offsets into the
original text (`text[start:end] == quote`, always).

Choices worth knowing:
  * every fact has its own pair (`reporter`, `partner`) and `side` (whose official, institution
    or state agency states it, or None), decided per fact by `pairs.PairResolver`: a report
    about several pairs gives facts for each.  For exports and imports the reporter is the
    country whose flow the sentence describes; otherwise the document's focal country comes
    first.  The focal country (`_infer_reporter`, also `Extraction.reporter`) is the one whose
    officials speak, else the dateline's and agency's, else the most named; `home` sets it, and
    `default_home` is only the last resort for a fact whose text names one country.
  * a figure without a stated period is taken as the latest full year before the document date
    ("trade, which exceeds a billion dollars" in a February 2026 report -> 2025).
  * a target's deadline may sit in a later sentence of the same paragraph ("... approximately
    $500 million. ... If we achieve it by 2030, ..."); the quote then covers both sentences.
  * past aspirations ("I once dreamed trade would approach $1 billion") are targets without a
    deadline (unless the clause states one): the product shows them as old aspirations.
  * a target without a value needs plan, intent or goal language ("plans to", "intend",
    "agreed to", "set the task", "aim", "will increase"); exhortations ("we need to increase
    trade", "must", "should") are not announced goals.
  * a dateline or byline without a year ("12:58, 5 February") in a text that names no year is
    the latest such day on or before `reference` (default: today), marked inferred.
  * amounts under $1 million and prices per unit are never trade facts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import dates, names, numbers, signals
from .countries import find_countries
from .files import DocumentError, read_document
from .pairs import PairResolver, Where

__all__ = [
    "DocumentError",
    "Extraction",
    "Fact",
    "facts_from_text",
    "read_document",
    "split_sentences",
]

KINDS = ("figure", "growth", "target")
Span = tuple[int, int]
FLOWS = ("turnover", "exports", "imports")
_MIN_TRADE_USD = Decimal(1_000_000)


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure, growth statement or target of one pair of countries.

    `reporter` and `partner` (ISO3) are the two countries the trade is between, found for this
    fact; `partner` is None when the text names no second country.  For exports and imports the
    reporter is the country whose exports or imports they are ("imports" = the reporter's
    imports from the partner); for turnover the document's focal country comes first.  `side`
    is the country whose official, institution or state agency states the fact (usually one of
    the pair), None when the text does not say.  `text[start:end] == quote`.
    """

    kind: str  # "figure" | "growth" | "target"
    reporter: str
    partner: str | None
    flow: str  # "turnover" | "exports" | "imports"
    value_usd: Decimal | None
    qualifier: str  # "exact" | "about" | "more_than" | "less_than"
    period_start: date | None
    period_end: date | None
    growth_pct: float | None
    growth_factor: float | None
    deadline: date | None
    speaker: str | None
    quote: str
    start: int
    end: int
    value_low: Decimal | None = None  # lower bound when the text gave a range
    side: str | None = None  # whose official, institution or state agency states it; None: unknown

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "reporter": self.reporter,
            "partner": self.partner,
            "side": self.side,
            "flow": self.flow,
            "value_usd": _json_number(self.value_usd),
            "qualifier": self.qualifier,
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "growth_pct": self.growth_pct,
            "growth_factor": self.growth_factor,
            "deadline": _iso(self.deadline),
            "speaker": self.speaker,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    document_date: date | None
    date_inferred: bool
    date_precision: str | None
    facts: tuple[Fact, ...]
    # The document's focal country (set by `home` or inferred); each fact has its own pair.
    reporter: str | None = None

    def to_json(self, file: str | Path) -> dict[str, Any]:
        return {
            "file": str(file),
            "document_date": _iso(self.document_date),
            "date_inferred": self.date_inferred,
            "facts": [fact.to_json() for fact in self.facts],
            "reporter": self.reporter,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _json_number(amount: Decimal | None) -> int | float | None:
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "gov",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "prof",
        "approx",
        "est",
        "dept",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "jr",
        "sr",
    ]
)
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[$•A-Z0-9\u00C0-\u00DE])")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace.

    Splits after ., ! or ? (plus closing quotes) when the next word starts a sentence; not after
    abbreviations ("Jan.", "U.S.") or single initials ("A. Lukashenko").  Decimals never split
    because a boundary needs whitespace after it.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        word = _WORD_BEFORE_RE.search(text, max(start, m.start() - 12), m.start())
        before = word.group(1).lower().rstrip(".") if word else ""
        if text[m.start()] == "." and (
            before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())
        ):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        trimmed = _trim(text, m.start(), m.end())
        if trimmed:
            spans.append(trimmed)
    return spans


# --------------------------------------------------------------------------- vocabulary

_TRIGGER_RE = re.compile(
    r"\$|dollar|USD|%|percent|per cent|times|fold|doubl|tripl|billion|million|increase|boost"
    r"|expand|raise|step up|build up|ramp up|grow",
    re.IGNORECASE,
)
_TRADE_RE = re.compile(
    r"\b(?:trade|trading|turnover|commerce|exports?|exported|exporting|imports?|imported|importing"
    r"|supplies|supply|shipments|deliveries|sales)\b",
    re.IGNORECASE,
)
_FLOW_RES = (
    (
        "exports",
        re.compile(
            r"\b(?:exports?|exported|exporting|supplies|supply|shipments|deliveries|sales to)\b",
            re.I,
        ),
    ),
    (
        "imports",
        re.compile(r"\b(?:imports?|imported|importing|purchases from|purchased from)\b", re.I),
    ),
    ("turnover", re.compile(r"\b(?:trade|trading|turnover|commerce)\b", re.I)),
)
_NOT_TRADE_RE = re.compile(
    r"\b(?:invest\w*|loans?|credit(?: lines?)?|GDP|budget|funds?|grants?|aid|capital|projects?"
    r"|contracts?|deals?|agreements?|portfolio|costs?|prices?|salar\w+|revenues?|profits?|debts?"
    r"|reserves|financing|assets|capitali[sz]ation|remittances)\b",
    re.IGNORECASE,
)
_PAST_ASPIRATION_RE = re.compile(
    r"\b(?:dreamed|dreamt|once hoped|had hoped|used to (?:dream|hope)"
    r"|once (?:set|planned|aimed))\b",
    re.IGNORECASE,
)
_INTENT_RE = re.compile(
    r"\b(?:ready|plan(?:s|ned)?|aim(?:s|ed|ing)?|targets?|targeted|goals?|objectives?"
    r"|intend(?:s|ed)?"
    r"|intention|want(?:s)? to|seek(?:s)? to|strive|task|capable of|potential|expected to"
    r"|projected to|forecasts?|envisage[sd]?|will|would|shall|should|must|could|can|need to"
    r"|agreed (?:to|on)|commit(?:ted|ment)? to|ambitious|mark|milestone"
    r"|to (?:reach|bring|increase|raise|boost|double|triple|expand|grow|hit|achieve"
    r"|ramp up|step up))\b",
    re.IGNORECASE,
)
_INTENT_AFTER_RE = re.compile(
    r"^[^.;]{0,40}\b(?:target|goal|objective|is planned|is expected|mark|milestone)\b", re.I
)
# Between an intent word and the amount, these mean the amount describes the present.
_STATE_RE = re.compile(
    r"\b(?:which|that)\s+(?:currently\s+|already\s+)?(?:is|was|exceeds?|exceeded|stands?|stood"
    r"|amounts?|amounted|totals?|totaled|totalled|reached)\b|\b(?:currently|at present|already)\b",
    re.IGNORECASE,
)
_DELTA_BEFORE_RE = re.compile(
    r"\b(?:increased|grew|rose|expanded|decreased|fell|declined|dropped|up|down|added|growth|"
    r"increase|decline|decrease)\b[^.;]{0,40}\bby\s*$",
    re.IGNORECASE,
)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s*$", re.IGNORECASE)

_HEDGES = (
    r"more than|over|almost|nearly|about|around|approximately|some|roughly|less than|at least"
    r"|just over|just under"
)


def _hedge(group: str) -> str:
    return rf"(?:(?P<{group}>{_HEDGES})\s+)?"


_UP = (
    r"increased|increase|grew|growth|rose|rise|went up|jumped|surged|expanded|climbed|gained|up"
    r"|higher|added"
)
_DOWN = (
    r"decreased|decrease|fell|declined|decline|dropped|drop|went down|contracted|down|lower|less"
    r"|shrank|slumped"
)
_PERCENT = r"\s*(?:%|percent\b|per cent\b)"
_BASE_AHEAD = (
    r"(?=\s+(?:in\s+)?(?:the\s+same\s+period|a\s+year\s+(?:earlier|ago)|last\s+year"
    r"|the\s+previous|(?:in\s+)?(?:19|20)\d\d))"
)
_NUM = r"\d+(?:[.,]\d+)?"
_GROWTH_RE = re.compile(
    rf"\b(?P<verb>{_UP}|{_DOWN})\s+(?:by\s+|of\s+)?{_hedge('q')}(?P<pct>{_NUM}){_PERCENT}"
    rf"|{_hedge('q2')}(?P<pct2>{_NUM}){_PERCENT}\s+(?P<verb2>{_UP}|{_DOWN})\b"
    rf"|\b(?P<verb3>{_UP}|{_DOWN})\s+(?:by\s+)?{_hedge('q3')}"
    rf"(?P<factor>{_NUM}|two|three|four|five|ten)(?:\s*-?\s*fold\b|\s+times\b)"
    rf"|{_hedge('q4')}(?P<pct3>{_NUM}){_PERCENT}\s+(?P<verb4>more|less|higher|lower)\s+than"
    rf"{_BASE_AHEAD}"
    rf"|\b(?P<factor2>{_NUM}|two|three|four|five|ten)-fold\s+(?:increase|growth|rise)\b"
    rf"|\b(?P<mult>doubled|tripled|trebled|quadrupled)\b",
    re.IGNORECASE,
)
_DOWN_RE = re.compile(rf"^(?:{_DOWN})$", re.IGNORECASE)
_FACTOR_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0, "doubled": 2.0,
                 "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}  # fmt: skip
_GROWTH_QUALIFIER = {
    "more than": "more_than", "over": "more_than", "at least": "more_than",
    "just over": "more_than", "less than": "less_than", "just under": "less_than",
}  # fmt: skip

# Plan, intent or goal language only: "we need to / must / should increase trade" is an
# exhortation, not an announced goal.
_NOVALUE_TARGET_RE = re.compile(
    r"\b(?:plan(?:s|ned)?|aim(?:s|ed)?|intend(?:s|ed)?|intention|ready|agreed|will|want|wants"
    r"|seek|seeks|strive|goals?|targets?|targeted|objectives?|task|decided|committed"
    r"|call(?:ed|s)? for|propos\w+)"
    r"\b[^.;:]{0,70}?\b(?:significantly\s+|substantially\s+|further\s+|considerably\s+|sharply\s+)?"
    r"(?P<verb>increase|increasing|boost|boosting|expand|expanding|raise|raising|double|doubling|triple"
    r"|grow|step up|build up|ramp up|scale up)\s+(?:the\s+|our\s+|their\s+|bilateral\s+|mutual\s+"
    r"|current\s+|two-way\s+|annual\s+)*(?:[\w-]+\s+)?(?:volume\s+of\s+|level\s+of\s+)?"
    r"(?P<obj>trade|turnover|exports|imports|supplies|commerce)\b",
    re.IGNORECASE,
)
_SEGMENT_CUTS = (
    re.compile(r";"),
    re.compile(r",\s*(?:while|whereas|but|with|of which|including)\b", re.I),
    re.compile(r"\s(?:and|while|whereas)\s", re.I),
    re.compile(r","),
)
_LEADING_JUNK_RE = re.compile(r"^(?:[\s,;:—–-]|and\b|while\b|whereas\b|but\b|with\b)+", re.I)


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True, slots=True)
class _Growth:
    pct: float | None
    factor: float | None
    qualifier: str
    start: int
    end: int


def _growths(text: str) -> list[_Growth]:
    found = []
    for m in _GROWTH_RE.finditer(text):
        q = m.group("q") or m.group("q2") or m.group("q3") or m.group("q4")
        qualifier = _GROWTH_QUALIFIER.get(q.lower(), "about") if q else "exact"
        verb = m.group("verb") or m.group("verb2") or m.group("verb3") or m.group("verb4") or ""
        sign = -1.0 if _DOWN_RE.match(verb) else 1.0
        pct_text = m.group("pct") or m.group("pct2") or m.group("pct3")
        if pct_text:
            found.append(
                _Growth(
                    sign * float(pct_text.replace(",", ".")), None, qualifier, m.start(), m.end()
                )
            )
            continue
        factor_text = (m.group("factor") or m.group("factor2") or m.group("mult") or "").lower()
        factor = _FACTOR_WORDS.get(factor_text) or float(factor_text.replace(",", "."))
        found.append(_Growth(None, factor, qualifier, m.start(), m.end()))
    return found


_CLAUSE_CUT_RE = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\s(?:while|whereas)\s", re.I)
_OTHER_SUBJECT_RE = re.compile(
    r"\b(?:GDP|economy|inflation|output|production|investments?|prices?|population|budget"
    r"|wages?|profits?|revenues?)\b",
    re.IGNORECASE,
)


def _about_trade(sentence: str, at: int) -> bool:
    """Whether the clause holding a growth phrase is about trade ("our trade has increased")."""
    start, end = 0, len(sentence)
    for cut in _CLAUSE_CUT_RE.finditer(sentence):
        if cut.end() <= at:
            start = cut.end()
        elif cut.start() > at:
            end = cut.start()
            break
    clause = sentence[start:end]
    lead = sentence[start:at]
    return bool(_TRADE_RE.search(clause)) and not _OTHER_SUBJECT_RE.search(lead)


def _segments(sentence: str, amounts: list[numbers.Money]) -> list[tuple[int, int]]:
    """One clause per amount: cut between consecutive amounts at the strongest connector."""
    cuts = [0]
    for left, right in zip(amounts, amounts[1:], strict=False):
        gap = sentence[left.end : right.start]
        depth, outside = 0, []
        for ch in gap:
            depth += (ch == "(") - (ch == ")")
            outside.append(depth <= 0 and ch != ")")
        cut = None
        for regex in _SEGMENT_CUTS:
            hits = [h for h in regex.finditer(gap) if outside[h.start()]]
            if hits:
                cut = left.end + hits[-1].start()
                break
        cuts.append(cut if cut is not None else right.start)
    cuts.append(len(sentence))
    return list(zip(cuts, cuts[1:], strict=False))


def _flow(text: str, clause: Span, at: int, sentence: Span) -> tuple[str, Span | None]:
    """The flow nearest before the number in its clause (else the first in the sentence), and
    the span of the word that says it."""
    best: tuple[int, str, Span] | None = None
    for flow, regex in _FLOW_RES:
        for m in regex.finditer(text, *clause):
            distance = at - m.end() if m.end() <= at else (m.start() - at) + 1000
            if best is None or distance < best[0]:
                best = (distance, flow, m.span())
    if best:
        return best[1], best[2]
    for flow, regex in _FLOW_RES:
        m = regex.search(text, *sentence)
        if m:
            return flow, m.span()
    return "turnover", None


# --------------------------------------------------------------------------- extraction


class _Document:
    """Per-document state shared by all sentences."""

    def __init__(self, text: str, published: date | None, reference: date | None = None):
        self.text = text
        self.when = dates.document_date(text, published, reference)
        self.mentions = find_countries(text)
        self.paragraphs = _paragraphs(text)
        header = dates.header_end(text)
        self.body_start = header or 0
        if header and self.paragraphs and self.paragraphs[0][0] < header:
            # the "date YYYY-MM-DD" header is metadata, never part of a quote
            rest = _trim(text, header, self.paragraphs[0][1])
            self.paragraphs = ([rest] if rest else []) + self.paragraphs[1:]
        self.sentences: dict[Span, list[Span]] = {}
        self.evidence = signals.evidence(text, self.body_start, self.mentions)
        self._speakers: names.SpeakerResolver | None = None
        # The last explicit reporting period: (start, end, paragraph, sentence index).
        self.last_period: tuple[date, date, tuple[int, int], int] | None = None

    @property
    def speakers(self) -> names.SpeakerResolver:
        if self._speakers is None:  # people and quotes are only parsed if a fact needs them
            self._speakers = names.SpeakerResolver(self.text, self.paragraphs)
        return self._speakers

    def latest_full_year(self) -> tuple[date, date] | tuple[None, None]:
        if self.when.date is None:
            return None, None
        year = self.when.date.year - 1
        return date(year, 1, 1), date(year, 12, 31)


def _quote(text: str, start: int, end: int) -> tuple[str, int, int]:
    m = _LEADING_JUNK_RE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    trimmed = _trim(text, start, end) or (start, end)
    return text[trimmed[0] : trimmed[1]], trimmed[0], trimmed[1]


@dataclass(frozen=True, slots=True)
class _Draft:
    """A fact before its countries are known; `finish` fills in pair, order and side."""

    fact: Fact
    where: Where

    @property
    def sentence(self) -> Span:
        return self.where.sentence

    def finish(self, doc: _Document, resolver: PairResolver) -> Fact:
        where = self.where
        said = doc.speakers.statement_at(where.anchor, where.sentence, where.previous)
        found = resolver.assign(where, self.fact.kind, self.fact.flow, said)
        return replace(
            self.fact, reporter=found.reporter or "", partner=found.partner, side=found.side
        )


def facts_from_text(
    text: str,
    *,
    published: date | None = None,
    home: str | None = None,
    default_home: str = "BLR",
    reference: date | None = None,
) -> Extraction:
    """Extract trade figures, growth rates and targets from a report's text.

    Each fact gets its own pair and side (see `pairs`).  `home` names the document's focal
    country (first in a pair, and the other party of a fact that names one country); without it
    the focal country is inferred from the text (`_infer_reporter`).  `default_home` is the last
    resort for a fact whose text names a single country and nothing else decides.  `reference`
    (default: today) dates a yearless dateline or byline when neither `published` nor the text
    gives a year: the latest such day on or before it.
    """
    doc = _Document(text, published, reference or datetime.now(UTC).date())
    facts: list[_Draft] = []
    for paragraph in doc.paragraphs:
        sentences = split_sentences(text, *paragraph)
        doc.sentences[paragraph] = sentences
        previous_trade = previous_money = False
        for index, sentence in enumerate(sentences):
            s_start, s_end = sentence
            body = text[s_start:s_end]
            is_trade = bool(_TRADE_RE.search(body))
            if _TRIGGER_RE.search(body):
                new = _sentence_facts(
                    doc, paragraph, sentences, index, previous_trade, previous_money
                )
                facts.extend(new)
                previous_money = bool(numbers.find_money(body)) or any(
                    d.fact.value_usd for d in new
                )
            else:
                previous_money = False
            previous_trade = is_trade
    drafts = _dedupe(facts)
    focal = home or _infer_reporter(doc, drafts, default_home)
    finished: tuple[Fact, ...] = ()
    if drafts:
        resolver = PairResolver(
            text, doc.mentions, doc.sentences, doc.speakers, doc.evidence, focal, default_home
        )
        finished = tuple(draft.finish(doc, resolver) for draft in drafts)
    return Extraction(doc.when.date, doc.when.inferred, doc.when.precision, finished, focal)


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    seen: set[tuple[object, ...]] = set()
    unique = []
    for draft in drafts:
        f = draft.fact
        key = (f.kind, f.start, f.end, f.value_usd, f.growth_pct, f.growth_factor)
        if key not in seen:
            seen.add(key)
            unique.append(draft)
    return unique


# --------------------------------------------------------------------------- reporter

# Weights of the evidence that a country is the one reporting.  Officials speaking for the facts
# outweigh everything else; a dateline plus an agency (4.5) loses to one official of the other
# side quoted for a fact (4 + 1 for the "X said"), as the spec wants ("the reporter is the
# country whose officials speak").
_W_FACT_SPEAKER = 4.0  # the speaker of a fact is an official of that country
_W_FACT_SOURCE = 2.0  # a fact without speaker is sourced to that country's institution
_W_SAID = 1.0  # any "X said" by that country's official
_W_SOURCE = 1.0  # any institution of that country cited
_W_DATELINE = 2.5  # the dateline city, when its country is one of the pair
_W_AGENCY = 2.0  # the news agency, when its country is one of the pair


def _infer_reporter(doc: _Document, drafts: list[_Draft], default_home: str) -> str:
    """The document's focal country: whose officials speak, else the dateline's and agency's,
    else the most named; `default_home` only when the text names fewer than two countries."""
    scores: Counter[str] = Counter()
    mentioned = Counter(m.iso3 for m in doc.mentions)
    pair = {iso for iso, _ in mentioned.most_common(3)}
    if len(mentioned) < 2:  # "MOSCOW – Trade with Kazakhstan ...": the dateline names the other
        pair |= {s.iso3 for s in (doc.evidence.dateline, *doc.evidence.agencies) if s}
    dateline = doc.evidence.dateline
    if dateline and dateline.iso3 in pair:
        scores[dateline.iso3] += _W_DATELINE
    for iso in {a.iso3 for a in doc.evidence.agencies} & pair:
        scores[iso] += _W_AGENCY
    sources = doc.evidence.sources
    for source in sources:
        scores[source.iso3] += _W_SOURCE
    speakers = doc.speakers
    for _, _, iso in speakers.attributions():
        if iso:
            scores[iso] += _W_SAID
    for draft in drafts:
        iso = speakers.nationality(draft.fact.speaker)
        if iso:
            scores[iso] += _W_FACT_SPEAKER
            continue
        s_start, s_end = draft.sentence
        cited = next((src for src in sources if s_start <= src.start < s_end), None)
        if cited:
            scores[cited.iso3] += _W_FACT_SOURCE
    if len(mentioned) < 2 and not scores:
        return default_home  # "Trade with China ...": the one other party is the home country
    if not scores:
        scores = Counter({iso: n / 100 for iso, n in mentioned.items()})  # the most named
    best = max(scores.values())
    tied = [iso for iso, score in scores.items() if score == best]
    if len(tied) == 1:
        return tied[0]
    if dateline and dateline.iso3 in tied:
        return dateline.iso3
    by_mentions = max(mentioned[iso] for iso in tied)
    tied = [iso for iso in tied if mentioned[iso] == by_mentions]
    if default_home in tied:  # a true tie: the home country goes first, as the dashboard reads
        return default_home
    return next((m.iso3 for m in doc.mentions if m.iso3 in tied), min(tied))


def _sentence_facts(
    doc: _Document,
    paragraph: tuple[int, int],
    sentences: list[tuple[int, int]],
    index: int,
    previous_trade: bool,
    previous_money: bool,
) -> list[_Draft]:
    text = doc.text
    s_start, s_end = sentences[index]
    body = text[s_start:s_end]
    trade_here = bool(_TRADE_RE.search(body))
    if not (trade_here or previous_trade):
        return []
    previous = sentences[index - 1] if index else None
    amounts = [
        a
        for a in numbers.find_money(body, allow_bare=previous_money)
        if not a.per_unit and a.value >= _MIN_TRADE_USD
    ]
    facts: list[_Draft] = []
    used_growth: set[int] = set()
    has_target = False
    aspiration = bool(_PAST_ASPIRATION_RE.search(body))
    for amount, (seg_start, seg_end) in zip(amounts, _segments(body, amounts), strict=False):
        segment = body[seg_start:seg_end]
        rel = amount.start - seg_start
        if _excluded(body, segment, rel, amount, trade_here):
            continue
        fact = _money_fact(
            doc,
            paragraph,
            sentences,
            index,
            previous,
            amount,
            (seg_start, seg_end),
            used_growth,
            aspiration=aspiration,
        )
        if fact:
            has_target = has_target or fact.fact.kind == "target"
            facts.append(fact)
    if not amounts or not facts:
        facts.extend(
            _growth_facts(doc, paragraph, sentences[index], previous, used_growth, trade_here)
        )
    if not has_target and not aspiration:
        target = _novalue_target(doc, paragraph, sentences[index], previous)
        if target:
            facts.append(target)
    return facts


def _excluded(body: str, segment: str, rel: int, amount: numbers.Money, trade_here: bool) -> bool:
    """Amounts that are not trade values: investments, deltas ("grew by $20 million"), bases."""
    before = segment[max(0, rel - 60) : rel]
    after = segment[rel + (amount.end - amount.start) : rel + (amount.end - amount.start) + 30]
    not_trade = _NOT_TRADE_RE.search(before) or _NOT_TRADE_RE.search(after)
    if not_trade and not _TRADE_RE.search(before[-25:]):
        return True
    if _DELTA_BEFORE_RE.search(before) or _FROM_BEFORE_RE.search(before):
        return True
    if not trade_here and not amount.bare and not _TRADE_RE.search(segment):
        return _NOT_TRADE_RE.search(body) is not None
    return False


def _money_fact(
    doc: _Document,
    paragraph: tuple[int, int],
    sentences: list[tuple[int, int]],
    index: int,
    previous: tuple[int, int] | None,
    amount: numbers.Money,
    seg: tuple[int, int],
    used_growth: set[int],
    *,
    aspiration: bool = False,
) -> _Draft | None:
    """A figure or target for one amount; a past aspiration ("I once dreamed ...") is a target
    whose deadline is only one stated in its own clause."""
    text = doc.text
    seg_start, seg_end = seg
    s_start, s_end = sentences[index]
    body = text[s_start:s_end]
    segment = body[seg_start:seg_end]
    rel = amount.start - seg_start
    reference = doc.when.date

    deadlines = dates.find_deadlines(segment, reference) or []
    intent = None
    for m in _INTENT_RE.finditer(segment, 0, rel):
        intent = m
    is_target = bool(deadlines) or aspiration
    if intent and not _STATE_RE.search(segment, intent.end(), rel):
        is_target = True
    if _INTENT_AFTER_RE.match(segment[rel + len(amount.text) :]):
        is_target = True

    periods = dates.find_periods(segment, reference)
    if not periods and len(dates.find_periods(body, reference)) == 1:
        periods = dates.find_periods(body, reference)
    period = periods[0] if periods else None
    if period and len(periods) > 1:  # prefer the period right after the amount
        after = [p for p in periods if p.span_start >= rel]
        period = after[0] if after else periods[-1]

    growth = None
    for g in _growths(segment):
        if seg_start + g.start not in used_growth:
            growth = g
            used_growth.add(seg_start + g.start)
            break

    q_start, q_end = s_start + seg_start, s_start + seg_end
    deadline = deadlines[0].end if deadlines else None
    if is_target:
        if deadline is None and not aspiration:
            deadline, q_end = _deadline_nearby(doc, paragraph, sentences, index, q_end)
        if (
            deadline is None
            and not aspiration
            and period
            and reference
            and period.end.year >= reference.year
        ):
            deadline = period.end  # "to reach $1 billion this year"
        period_start = period_end = None
    elif period:
        period_start, period_end = period.start, period.end
        doc.last_period = (period.start, period.end, paragraph, index)
    else:
        period_start, period_end = _implied_period(doc, paragraph, index, body)

    anchor = s_start + amount.start
    flow, flow_word = _flow(text, (q_start, s_start + seg_end), anchor, sentences[index])
    quote, start, end = _quote(text, q_start, q_end)
    fact = Fact(
        kind="target" if is_target else "figure",
        reporter="",
        partner=None,
        flow=flow,
        value_usd=amount.value,
        qualifier=amount.qualifier,
        period_start=period_start,
        period_end=period_end,
        growth_pct=growth.pct if growth and not is_target else None,
        growth_factor=growth.factor if growth and not is_target else None,
        deadline=deadline if is_target else None,
        speaker=doc.speakers.speaker_at(anchor, sentences[index], previous),
        quote=quote,
        start=start,
        end=end,
        value_low=amount.low,
    )
    where = Where((q_start, q_end), sentences[index], paragraph, anchor, flow_word, previous)
    return _Draft(fact, where)


_ANAPHORIC_PERIOD_RE = re.compile(
    r"\b(?:during|in|over|for)\s+the\s+(?:same\s+)?"
    r"(?:period|quarter|half[- ]year|(?:\w+\s+)?months)\b",
    re.IGNORECASE,
)


def _implied_period(
    doc: _Document, paragraph: tuple[int, int], index: int, body: str
) -> tuple[date, date] | tuple[None, None]:
    """A figure without its own period: "during the quarter" or a follow-up sentence reuses the
    last period; otherwise the latest full year before the document date."""
    last = doc.last_period
    if last and (
        _ANAPHORIC_PERIOD_RE.search(body)
        or (last[2] == paragraph and last[3] in (index, index - 1))
    ):
        return last[0], last[1]
    return doc.latest_full_year()


def _deadline_nearby(
    doc: _Document,
    paragraph: tuple[int, int],
    sentences: list[tuple[int, int]],
    index: int,
    q_end: int,
) -> tuple[date | None, int]:
    """A deadline in one of the next two sentences that carry no amount of their own."""
    for later in sentences[index + 1 : index + 3]:
        body = doc.text[later[0] : later[1]]
        if numbers.find_money(body):
            break
        found = dates.find_deadlines(body, doc.when.date)
        if found:
            return found[0].end, later[1]
    return None, q_end


def _growth_facts(
    doc: _Document,
    paragraph: Span,
    sentence: tuple[int, int],
    previous: tuple[int, int] | None,
    used: set[int],
    trade_here: bool,
) -> list[_Draft]:
    if not trade_here:
        return []
    text = doc.text
    s_start, s_end = sentence
    body = text[s_start:s_end]
    facts = []
    for g in _growths(body):
        if g.start in used or not _about_trade(body, g.start):
            continue
        periods = dates.find_periods(body, doc.when.date)
        period = periods[0] if periods else None
        flow, flow_word = _flow(text, sentence, s_start + g.start, sentence)
        quote, start, end = _quote(text, s_start, s_end)
        fact = Fact(
            kind="growth",
            reporter="",
            partner=None,
            flow=flow,
            value_usd=None,
            qualifier=g.qualifier,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            growth_pct=g.pct,
            growth_factor=g.factor,
            deadline=None,
            speaker=doc.speakers.speaker_at(s_start + g.start, sentence, previous),
            quote=quote,
            start=start,
            end=end,
        )
        where = Where(sentence, sentence, paragraph, s_start + g.start, flow_word, previous)
        facts.append(_Draft(fact, where))
    return facts


def _novalue_target(
    doc: _Document, paragraph: Span, sentence: Span, previous: Span | None
) -> _Draft | None:
    text = doc.text
    s_start, s_end = sentence
    body = text[s_start:s_end]
    m = _NOVALUE_TARGET_RE.search(body)
    if not m:
        return None
    obj = m.group("obj").lower()
    flow = (
        "exports"
        if obj in ("exports", "supplies")
        else "imports"
        if obj == "imports"
        else "turnover"
    )
    verb = m.group("verb").lower()
    factor = 2.0 if verb.startswith("doubl") else 3.0 if verb.startswith("tripl") else None
    deadlines = dates.find_deadlines(body, doc.when.date)
    quote, start, end = _quote(text, s_start, s_end)
    fact = Fact(
        kind="target",
        reporter="",
        partner=None,
        flow=flow,
        value_usd=None,
        qualifier="exact",
        period_start=None,
        period_end=None,
        growth_pct=None,
        growth_factor=factor,
        deadline=deadlines[0].end if deadlines else None,
        speaker=doc.speakers.speaker_at(s_start + m.start("verb"), sentence, previous),
        quote=quote,
        start=start,
        end=end,
    )
    anchor = s_start + m.start("obj")
    flow_word = (anchor, s_start + m.end("obj")) if flow != "turnover" else None
    return _Draft(fact, Where(sentence, sentence, paragraph, anchor, flow_word, previous))
