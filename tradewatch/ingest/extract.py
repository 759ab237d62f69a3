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
  * a figure without a stated period takes the one it refers back to ("during the period", a
    follow-up sentence), else the one its comparison base implies ("20% lower than August
    2019" -> August 2020); a present-tense level ("trade is about $20 billion") has none; a
    past one is taken as the latest full year before the document date ("trade exceeded a
    billion dollars" in a February 2026 report -> 2025).
  * a forecast for the current year ("is expected to reach $9 billion this year") is a figure
    for that year; a deadline already past ("by 2024-end trade reached") dates a figure.
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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import dates, names, numbers, signals
from .countries import CountryMention, find_countries, most_named
from .exclusions import (
    BALANCE_RE,
    CAUSE_BEFORE_RE,
    FROM_BEFORE_RE,
    TRADE_RE,
    bloc_party,
    commodity_before,
    excluded,
)
from .files import DocumentError, read_document
from .firmness import firmness_of
from .pairs import PairResolver, Where
from .periods import (
    AGREEMENT_BEFORE_RE,
    ANAPHORIC_PERIOD_RE,
    HORIZON_RE,
    RESULT_BEFORE_RE,
    SEQUENCE_RE,
    SET_BEFORE_RE,
    amount_period,
    elapsed_months,
    is_forecast,
    sized_period,
    trade_deadlines,
)
from .sentences import paragraph_spans, split_sentences, trim

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
    value_low: Decimal | None = None  # lower bound when the text gave a range (in `currency`)
    side: str | None = None  # whose official, institution or state agency states it; None: unknown
    # The amount as printed, in `currency` (ISO 4217); `value_usd` is only a dollar amount the
    # text itself gives (never converted here), so it is None for an amount in euros alone.
    currency: str = "USD"
    value: Decimal | None = None
    value_high: Decimal | None = None  # upper bound of a range; `value` is then the midpoint
    # How binding a target's wording is (firmness.FIRMNESS_ORDER), read from its sentence;
    # other kinds keep "remark".
    firmness: str = "remark"

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
            "currency": self.currency,
            "value": _json_number(self.value),
            "value_low": _json_number(self.value_low),
            "value_high": _json_number(self.value_high),
            "firmness": self.firmness,
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


# --------------------------------------------------------------------------- vocabulary

_TRIGGER_RE = re.compile(
    r"\$|dollar|USD|%|percent|per cent|times|fold|doubl|tripl|billion|million|increase|boost"
    r"|trillion|bln|mln|bn\b|crore|lakh|twice|double"
    r"|expand|raise|step up|build up|ramp up|grow",
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


def _for_lowered(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same words, matched case-sensitively in text already lower-cased: Python's re runs
    a long IGNORECASE alternation several times slower, and the per-sentence gate below is
    the hot path."""
    if re.search(r"\\[A-Z]", rx.pattern):  # \S, \W, \B... would change meaning
        raise ValueError(f"cannot lower-case {rx.pattern!r}")
    return re.compile(rx.pattern.lower())


_TRIGGER_LOWER = _for_lowered(_TRIGGER_RE)
_TRADE_LOWER = _for_lowered(TRADE_RE)
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


# Growth phrases ("rose 31%", "a 29% YOY decline", "134.8% of the 2024 level", "doubled") are
# parsed in `numbers`, next to the amounts they often sit beside.
_growths = numbers.find_growths


_CLAUSE_CUT_RE = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\s(?:while|whereas)\s", re.I)
_OTHER_SUBJECT_RE = re.compile(
    r"\b(?:GDP|economy|inflation|output|production|investments?|prices?|population|budget"
    r"|wages?|profits?|revenues?)\b",
    re.IGNORECASE,
)


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding position `at` starts (after ";", ", while", ...)."""
    return max((c.end() for c in _CLAUSE_CUT_RE.finditer(sentence, 0, at)), default=0)


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
    return bool(TRADE_RE.search(clause)) and not _OTHER_SUBJECT_RE.search(lead)


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
            if CAUSE_BEFORE_RE.search(text, max(clause[0], m.start() - 40), m.start()):
                continue  # "due to lower gas imports" names a cause, not the flow measured
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


_FISCAL_TEXT_RE = re.compile(r"\b(?:India|Indian|fiscal|financial year|FY\s?\d|rupees?|Rs\.?)\b")


class _Document:
    """Per-document state shared by all sentences."""

    def __init__(self, text: str, published: date | None, reference: date | None = None):
        self.text = text
        self.decimal_comma = numbers.uses_decimal_comma(text)  # "20,5%": "1,345 billion" is 1.3
        self.when = dates.document_date(text, published, reference)
        # relative wording is resolved against the document date; "2019-2020" is a fiscal year
        # only in a text that counts April-March fiscal years
        self.clock = dates.Clock(
            self.when.date,
            self.when.precision == "day",
            bool(_FISCAL_TEXT_RE.search(text)),
            "Iranian" in text and bool(dates.IRANIAN_YEAR_RE.search(text)),
        )
        self.mentions = find_countries(text)
        self.paragraphs = paragraph_spans(text)
        header = dates.header_end(text)
        self.body_start = header or 0
        if header:
            # the "url: ..." / "date: ..." header is metadata, never part of a quote
            kept = [p for p in self.paragraphs if p[0] >= header]
            cut = [p for p in self.paragraphs if p[0] < header < p[1]]
            rest = trim(text, header, cut[0][1]) if cut else None
            self.paragraphs = ([rest] if rest else []) + kept
        self.sentences: dict[Span, list[Span]] = {}
        self.evidence = signals.evidence(text, self.body_start, self.mentions)
        self._speakers: names.SpeakerResolver | None = None
        # The last explicit reporting period: (start, end, paragraph, sentence index).
        self.last_period: tuple[date, date, tuple[int, int], int] | None = None
        self.periods_seen: list[tuple[date, date]] = []  # for "the five months" to look back
        # the period of the last figure, for a verbless fragment that continues its list
        self.last_figure: tuple[date | None, date | None] | None = None
        self.total_end = -1  # where the last sentence about one country's total trade ended
        # the sentence before gave a figure or target: "This is 18.4% more" may refer to it
        self.money_kept = False

    def remember(self, start: date, end: date, paragraph: Span, index: int) -> None:
        self.last_period = (start, end, paragraph, index)
        self.periods_seen.append((start, end))

    @property
    def speakers(self) -> names.SpeakerResolver:
        if self._speakers is None:  # people and quotes are only parsed if a fact needs them
            self._speakers = names.SpeakerResolver(self.text, self.paragraphs, self.when.date)
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
    trimmed = trim(text, start, end) or (start, end)
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
    carried = False  # the previous paragraph ended with a trade amount
    for paragraph in doc.paragraphs:
        sentences = split_sentences(text, *paragraph)
        doc.sentences[paragraph] = sentences
        previous_trade = previous_money = False
        for index, sentence in enumerate(sentences):
            s_start, s_end = sentence
            body = text[s_start:s_end]
            lowered = body.lower()
            is_trade = bool(_TRADE_LOWER.search(lowered))
            if _TRIGGER_LOWER.search(lowered):
                if (
                    index == 0
                    and carried
                    and not is_trade
                    and (not _VERB_RE.search(body) or _PRONOUN_START_RE.match(body))
                ):
                    # "China with US$17 billion and the US with US$16.": a verbless fragment
                    # continues the list the paragraph before ended with
                    previous_trade = previous_money = True
                clock = doc.clock
                if clock.day and "year (" in lowered and (now := _STATED_NOW_RE.search(lowered)):
                    # "last year ..., and this year (2019), ...": the speaker's own year
                    day = clock.day.replace(year=int(now.group(1)), day=min(clock.day.day, 28))
                    doc.clock = replace(clock, day=day)
                new = _sentence_facts(
                    doc, paragraph, sentences, index, previous_trade, previous_money
                )
                doc.clock = clock
                facts.extend(new)
                previous_money = bool(numbers.find_amounts(body)) or any(d.fact.value for d in new)
                doc.money_kept = any(d.fact.kind != "growth" for d in new)
            else:
                previous_money = doc.money_kept = False
            previous_trade = is_trade
            carried = is_trade and previous_money
    drafts = _dedupe(facts)
    focal = home or _infer_reporter(doc, drafts, default_home)
    finished: tuple[Fact, ...] = ()
    if drafts:
        resolver = PairResolver(
            text, doc.mentions, doc.sentences, doc.speakers, doc.evidence, focal, default_home
        )
        finished = _once(draft.finish(doc, resolver) for draft in drafts)
        finished = _without_restatements(finished, _headline(doc))
    return Extraction(doc.when.date, doc.when.inferred, doc.when.precision, finished, focal)


def _once(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per (kind, pair, amount, period or deadline, growth): a headline or a quote
    repeating the body's figure is the same fact, stated once (where it says who said it).
    Two officials each stating it are two statements."""
    seen: dict[tuple[object, ...], list[int]] = {}
    unique: list[Fact] = []
    for f in facts:
        # "N360 billion (about $1 billion)" and "one billion US dollars": one dollar amount
        amount = (f.value_usd,) if f.value_usd is not None else (f.currency, f.value)
        key = (f.kind, frozenset((f.reporter, f.partner)), f.flow, amount)
        key += (f.period_start, f.period_end, f.deadline, f.growth_pct, f.growth_factor)
        kept = seen.setdefault(key, [])
        speakers = [unique[i].speaker for i in kept]
        if kept and (f.speaker is None or f.speaker in speakers):
            first = kept[speakers.index(f.speaker) if f.speaker in speakers else 0]
            if unique[first].currency == "USD" != f.currency:
                unique[first] = f  # the amount as printed in its own currency says more
            continue
        if None in speakers:
            unique[kept[speakers.index(None)]] = f
        else:
            kept.append(len(unique))
            unique.append(f)
    return tuple(unique)


_TITLE_END_RE = re.compile(r"[.!?…][\"”’)\]]*\s*$")


def _headline(doc: _Document) -> Span | None:
    """The report's title: its first line, when short and not ended like a sentence."""
    if not doc.paragraphs:
        return None
    start, end = doc.paragraphs[0]
    title = doc.text[start:end]
    return None if len(title) > 200 or _TITLE_END_RE.search(title) else (start, end)


def _amount_key(f: Fact) -> tuple[object, ...] | None:
    if f.value_usd is not None:
        return ("USD", f.value_usd)
    return (f.currency, f.value) if f.value is not None else None


def _restates(f: Fact, other: Fact, in_title: bool) -> bool:
    """Whether `f` says again, with less, what `other` (of the same pair) states: a title
    repeating a body figure or rate under another period or kind ("exceeded $1 billion" over
    "in January-August 2021 exceeded one billion"), or a target without a deadline, or without
    an amount, repeating a fuller one from the same mouth; or a rate a figure already carries."""
    if f.kind == "target" and other.kind == "target" and f.speaker in (None, other.speaker):
        no_deadline = f.deadline is None and other.deadline is not None
        amount, full = _amount_key(f), _amount_key(other)
        if amount == full and no_deadline:
            return True  # "the target of $15 billion" after "$15 billion by 2022"
        if amount is None and full is not None and (no_deadline or f.deadline == other.deadline):
            return in_title  # "aim to double trade" over "double their trade to $60 billion"
    if (
        f.kind == "growth"
        and other.kind == "figure"
        and f.growth_pct is not None
        and f.growth_pct == other.growth_pct
        and (f.period_start, f.period_end) == (other.period_start, other.period_end)
        and (None in (f.speaker, other.speaker) or f.speaker == other.speaker)
    ):
        return True  # "... €2.1 billion, up 61%. This represents an increase of 61%": one rate
    if (
        f.kind == "target"
        and other.kind == "figure"
        and f.deadline is None
        and other.start < f.start
        and not _PAST_ASPIRATION_RE.search(f.quote)
        and _amount_key(f) is not None
        and _amount_key(f) == _amount_key(other)
    ):
        # "trade has been $12 billion" ... "it can reach $12 billion": a level already stated
        # is no new goal (an old dream of that level, now reached, is a fact of its own)
        return True
    if not in_title:
        return False
    amount = _amount_key(f)
    if amount is not None:
        return amount == _amount_key(other)
    growth = (f.growth_pct, f.growth_factor)
    return growth != (None, None) and growth == (other.growth_pct, other.growth_factor)


def _without_restatements(facts: tuple[Fact, ...], headline: Span | None) -> tuple[Fact, ...]:
    """Facts less one that only restates another (one fact per distinct statement)."""
    kept = []
    for f in facts:
        in_title = headline is not None and headline[0] <= f.start < headline[1]
        pair = {f.reporter, f.partner}
        if not any(
            o is not f
            and {o.reporter, o.partner} == pair
            and not (headline and headline[0] <= o.start < headline[1])
            and _restates(f, o, in_title)
            for o in facts
        ):
            kept.append(f)
    return tuple(kept)


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    seen: set[tuple[object, ...]] = set()
    unique = []
    for draft in drafts:
        f = draft.fact
        key = (f.kind, f.start, f.end, f.value_usd, f.value, f.growth_pct, f.growth_factor)
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
_W_RANKS = 1.5  # "Germany's fifth largest trading partner": the report ranks its partners
_RANKS_PARTNERS_RE = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:trading|trade|commercial)\s+partners?\b", re.IGNORECASE
)


_IS_AFTER_RE = re.compile(r"\s+(?:is|was|remains|remained|became|has become)\b", re.IGNORECASE)


def _ranking_owners(doc: _Document) -> set[str]:
    """Countries whose partners the text ranks ("it emerges as the Philippine's largest trading
    partner"); not when another country is the subject ("Romania is Moldova's main partner":
    either side may say that)."""
    owners = set()
    for i, m in enumerate(doc.mentions):
        if not _RANKS_PARTNERS_RE.match(doc.text, m.end):
            continue
        subjects = [
            o
            for o in doc.mentions[max(0, i - 3) : i]
            if m.start - o.end < 60 and _IS_AFTER_RE.match(doc.text, o.end)
        ]
        if not subjects:
            owners.add(m.iso3)
    return owners


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
    for iso in _ranking_owners(doc):
        scores[iso] += _W_RANKS
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
    if default_home in tied and mentioned[default_home] == by_mentions:
        return default_home  # a true tie: the home country goes first, as the dashboard reads
    return most_named(doc.mentions, among=tied) or min(tied)


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
    trade_here = bool(TRADE_RE.search(body))
    if not (trade_here or previous_trade):
        return []
    previous = sentences[index - 1] if index else None
    amounts = [
        a
        for a in numbers.find_amounts(
            body, allow_bare=previous_money, decimal_comma=doc.decimal_comma
        )
        if not a.per_unit and a.value >= _MIN_TRADE_USD  # a million units of any currency
    ]
    facts: list[_Draft] = []
    used_growth: set[int] = set()
    has_target = False
    aspiration = bool(_PAST_ASPIRATION_RE.search(body))
    # "This compares with Rs 6.05 lakh crore": a follow-up to a sentence about a balance
    previous_balance = previous is not None and bool(
        BALANCE_RE.search(text, previous[0], previous[1])
    )
    for amount, (seg_start, seg_end) in zip(amounts, _segments(body, amounts), strict=False):
        segment = body[seg_start:seg_end]
        rel = amount.start - seg_start
        if (
            excluded(body, segment, rel, amount, trade_here)
            or (not trade_here and previous_balance)
            or bloc_party(doc.text, doc.mentions, s_start + seg_start, s_start + amount.start)
        ):
            # "the surplus rose 20% to $5 billion": the change is the excluded amount's too
            used_growth.update(seg_start + g.start for g in _growths(segment))
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
            planned = _planned_growth(fact, segment)
            if planned:
                facts.append(planned)
    if len(facts) == len(amounts) > 1 and _amount_list(body, amounts):
        # "Spain, France and Belgium ... €163 million, €147 million and €131 million": item i
        # of a list of amounts belongs to item i of a list of countries, if there is one
        facts = [
            replace(d, where=replace(d.where, item=(i, len(facts)))) for i, d in enumerate(facts)
        ]
    # Growths no figure took ("$2.3 billion, double the 2006 value"; a second rate) stand alone.
    # "It rises 53.9 percent compared to ...", right after a trade figure: "it" is that trade
    # (not when that figure was set aside: a bloc's total, a balance, an investment)
    anaphoric = (
        not trade_here and previous_money and doc.money_kept and bool(_PRONOUN_START_RE.match(body))
    )
    facts.extend(
        _growth_facts(
            doc,
            paragraph,
            sentences[index],
            previous,
            used_growth,
            trade_here or anaphoric,
            anaphoric=anaphoric,
        )
    )
    if not has_target and not aspiration:
        target = _novalue_target(doc, paragraph, sentences[index], previous)
        if target:
            facts.append(target)
    stated = dates.find_periods(body, doc.clock) if trade_here else []
    last = doc.last_period
    if stated and (last or (0, 0, None, None))[2:] != (paragraph, index):
        # "in the first seven months of 2020, Germany had 41%": later figures refer to it
        doc.remember(stated[-1].start, stated[-1].end, paragraph, index)
    elif last and trade_here and ANAPHORIC_PERIOD_RE.search(body):
        doc.last_period = (last[0], last[1], paragraph, index)  # "during the period": still it
    # after the periods above are remembered: the partners that follow a total still need them
    kept = [d for d in facts if not _country_total(doc, d.where.clause, (s_start, s_end))]
    if facts and not kept:
        doc.total_end = s_end
    return kept


# One country's trade with the whole world (or all its neighbours) has no partner: "Thailand's
# border trade", "Brazil's total exports", "Brazilian exports rose 52%" when no other country
# is named.  Pairing it with a country of the report would invent a bilateral figure.
_TOTAL_TRADE_RE = re.compile(
    r"\b(?:border|transit|foreign|external|overseas|global|world|international)\s+trade\b"
    r"|\b(?:total|overall|global|worldwide)\s+(?:exports?|imports?|shipments)\b"
    r"|\bwith\s+(?:the\s+)?(?:world|rest\s+of\s+the\s+world|all\s+(?:its\s+)?(?:partners"
    r"|countries))\b",
    re.IGNORECASE,
)
# A partner spoken of without its name: the trade is bilateral after all.
_PARTNER_WORDS_RE = re.compile(
    r"\b(?:bilateral|two-way|mutual|between|both\s+countries|two\s+countries|each\s+other"
    r"|(?:trade|turnover|exports?|imports?|supplies|shipments)\s+(?:with|to|from|into)"
    # "Regarding border trade, Malaysia was the biggest trading partner": the one country
    # named is the other party of the total, ranked among its partners
    r"|(?:trading|trade|commercial)\s+partners?)\b",
    re.IGNORECASE,
)
_OWN_FLOW_RE = re.compile(
    r"(?:['’]s?)?(?:\s+(?:total|overall|annual|merchandise|goods|non-oil|foreign))*\s+"
    r"(?:exports?|imports?)\b",
    re.IGNORECASE,
)


def _country_total(doc: _Document, clause: Span, sentence: Span) -> bool:
    """Whether a fact gives one country's total trade rather than a pair's: its clause names at
    most one country and a total ("border trade", "total exports") without a partner; or its
    sentence does so with a country's own flow ("Brazilian exports rose"; not per clause, as
    in "China's exports to Kazakhstan ..., while Kazakh exports ..."); or its sentence names
    no country and follows a total directly ("The value consisted of exports worth ...")."""
    text = doc.text

    def one_country(start: int, end: int) -> list[CountryMention] | None:
        found = [m for m in doc.mentions if start <= m.start < end]
        alone = len({m.iso3 for m in found}) <= 1 and not _PARTNER_WORDS_RE.search(text, start, end)
        return found if alone else None

    if one_country(*clause) is not None and _TOTAL_TRADE_RE.search(text, *clause):
        return True
    found = one_country(*sentence)
    if found is None:
        return False
    if found:
        return any(_OWN_FLOW_RE.match(text, m.end, sentence[1]) for m in found)
    return doc.total_end >= 0 and not text[doc.total_end : sentence[0]].strip()


_LIST_GAP_RE = re.compile(r"(?:\s*\([^()]*\))?\s*(?:,|and|,\s*and)\s*")


def _amount_list(body: str, amounts: list[numbers.Money]) -> bool:
    """Whether the amounts are one list ("€163 million, €147 million and €131 million") or
    say "respectively"."""
    if "respectively" in body:
        return True
    return all(
        _LIST_GAP_RE.fullmatch(body, a.end, b.start)
        for a, b in zip(amounts, amounts[1:], strict=False)
    )


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
    rel_end = rel + amount.end - amount.start

    intent = None
    for m in _INTENT_RE.finditer(segment, 0, rel):
        intent = m
    if (
        intent
        and intent.group().lower().startswith("to ")
        and RESULT_BEFORE_RE.search(segment, 0, intent.start())
    ):
        intent = None  # "climbed 11.9 percent to reach $2.2 billion" is a result, not an aim
    if intent and _STATE_RE.search(segment, intent.end(), rel):
        intent = None
    period, is_base = amount_period(body, seg, rel, rel_end, doc.clock)
    deadlines, past = trade_deadlines(segment, doc.clock, planned=bool(intent or aspiration))
    if period is None and past:
        period = past[0]  # "by 2024-end trade reached $X": a figure for 2024
    is_target = bool(deadlines or intent or aspiration)
    if _INTENT_AFTER_RE.match(segment[rel_end:]) or HORIZON_RE.match(segment[rel_end:]):
        is_target = True
    if is_target and not aspiration and is_forecast(segment, deadlines, period, reference):
        # "is expected to reach $16 billion this year": a forecast for the current year
        is_target, deadlines = False, []
        if period is None or period.end.year != reference.year:
            period = dates.Period(
                date(reference.year, 1, 1), date(reference.year, 12, 31), "period", 0, 0, ""
            )

    # A figure carries the rate of its own clause; a multiple ("doubled") is a growth fact of
    # its own, since a figure's `growth_factor` would hide it.
    growth = None
    from_base = bool(FROM_BEFORE_RE.search(segment, 0, rel))
    for g in _growths(segment):
        if from_base:  # "a 75% jump from $86.7 billion in 2024": the rate is not the base's
            used_growth.add(seg_start + g.start)
        elif seg_start + g.start not in used_growth and g.pct is not None:
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
            and not SET_BEFORE_RE.search(segment, 0, max(0, period.span_start))
        ):
            deadline = period.end  # "to reach $1 billion this year", not "set in 2020"
        period_start = period_end = None
    elif period:
        period_start, period_end = period.start, period.end
        if not is_base:  # "the same period" after a base still means the reporting period
            doc.remember(period.start, period.end, paragraph, index)
    else:
        lead = body[_clause_start(body, amount.start) : amount.start]
        period_start, period_end = _implied_period(doc, paragraph, index, body, lead)

    anchor = s_start + amount.start
    flow, flow_word = _flow(text, (q_start, s_start + seg_end), anchor, sentences[index])
    quote, start, end = _quote(text, q_start, q_end)
    fact = Fact(
        kind="target" if is_target else "figure",
        reporter="",
        partner=None,
        flow=flow,
        value_usd=amount.value_usd,
        qualifier=amount.qualifier,
        period_start=period_start,
        period_end=period_end,
        growth_pct=growth.pct if growth and not is_target else None,
        growth_factor=None,
        deadline=deadline if is_target else None,
        speaker=doc.speakers.speaker_at(anchor, sentences[index], previous),
        quote=quote,
        start=start,
        end=end,
        value_low=amount.low,
        currency=amount.currency,
        value=amount.mid,
        value_high=amount.value if amount.low is not None else None,
        firmness=firmness_of(body) if is_target else "remark",
    )
    if not is_target:
        doc.last_figure = (period_start, period_end)
    where = Where((q_start, q_end), sentences[index], paragraph, anchor, flow_word, previous)
    return _Draft(fact, where)


def _planned_growth(target: _Draft, segment: str) -> _Draft | None:
    """The rate a dated target plans ("increase trade by between 20% and 25% to reach about
    $8 billion during 2025"): a growth statement of its own, over the deadline's year."""
    f = target.fact
    if f.kind != "target" or f.deadline is None:
        return None
    growth = next((g for g in _growths(segment) if g.pct is not None), None)
    if growth is None:
        return None
    planned = replace(
        f,
        kind="growth",
        value_usd=None,
        value=None,
        value_low=None,
        value_high=None,
        currency="USD",
        qualifier=growth.qualifier,
        growth_pct=growth.pct,
        period_start=date(f.deadline.year, 1, 1),
        period_end=f.deadline,
        deadline=None,
    )
    return replace(target, fact=planned)


def _implied_period(
    doc: _Document, paragraph: tuple[int, int], index: int, body: str, lead: str = ""
) -> tuple[date, date] | tuple[None, None]:
    """A figure without its own period: "during the five months" reuses the last period that
    long; "during the period" or a follow-up sentence (the next one, or the first of the next
    paragraph) the last period; a comparison base alone ("20% lower than August 2019") implies
    the period after it; otherwise the latest full year before the document date.  An amount
    whose clause (`lead`) says "later" has no period the text states."""
    if SEQUENCE_RE.search(lead):
        return None, None  # "..., but later reached $40 billion": some other, unstated time
    last = doc.last_period
    anaphor = ANAPHORIC_PERIOD_RE.search(body)
    if anaphor and (sized := sized_period(doc.periods_seen, anaphor.group())):
        return sized
    order = {p: i for i, p in enumerate(doc.paragraphs)}
    if last and (
        anaphor
        or (last[2] == paragraph and last[3] in (index, index - 1))
        or (index == 0 and order.get(last[2], -2) == order.get(paragraph, -9) - 1)
    ):
        doc.last_period = (last[0], last[1], paragraph, index)  # a chain of follow-ups
        return last[0], last[1]
    prior = dates.Period(last[0], last[1], "period", 0, 0, "") if last else None
    implied = dates.after_base(body, doc.clock, prior)
    if implied:
        return implied.start, implied.end
    if doc.last_figure is not None and not _VERB_RE.search(body):
        return doc.last_figure  # "China with US$17 billion": the list's period, even none
    if _PRESENT_RE.search(body) and not _PAST_RE.search(body):
        return None, None  # "UK trade is about GBP 20 billion": a level with no period stated
    return doc.latest_full_year()


_PRONOUN_START_RE = re.compile(
    r"[\"“‘']?(?:It|This|That)\s+(?:\w+\s+)?(?:rose|rises|grew|grows|increased|increases|is"
    r"|was|fell|falls|declined|decreased|jumped|represents)\b"
)
_STATED_NOW_RE = re.compile(r"\b(?:this|the current) year\s*\(\s*((?:19|20)\d\d)\s*\)")
# Any finite verb: a sentence without one is a fragment continuing the one before.
_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|shall|should"
    r"|must|does|did|\w{3,}ed|reaches|amounts|stands|totals|exceeds|rises|grows|falls)\b",
    re.IGNORECASE,
)
_PRESENT_RE = re.compile(
    r"\b(?:is|are|stands|amounts to|totals|exceeds|reaches|doing|currently|now|at present)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(?:was|were|had|reached|stood|amounted|totall?ed|exceeded|rose|fell|grew|increased"
    r"|decreased|declined|dropped|jumped|hit|recorded|registered|made up|came to|last)\b",
    re.IGNORECASE,
)


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
        found = dates.find_deadlines(body, doc.clock)
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
    *,
    anaphoric: bool = False,
) -> list[_Draft]:
    if not trade_here:
        return []
    text = doc.text
    s_start, s_end = sentence
    body = text[s_start:s_end]
    index = doc.sentences[paragraph].index(sentence)
    periods = dates.find_periods(body, doc.clock)
    facts = []
    for g in _growths(body):
        if g.start in used or not (anaphoric or _about_trade(body, g.start)):
            continue
        if bloc_party(doc.text, doc.mentions, s_start, s_start + g.start):
            continue  # "trade between Iran and 27 EU states declined by 19.58%"
        if commodity_before(body, _clause_start(body, g.start), g.start):
            continue  # "coal exports to China grew by 1000 per cent"
        # the period nearest the growth phrase; none in the sentence: the one it refers back to
        period = min(periods, key=lambda p: abs(p.span_start - g.start), default=None)
        if period is not None:
            doc.remember(period.start, period.end, paragraph, index)
            span: tuple[date | None, date | None] = (period.start, period.end)
            if months := elapsed_months(body, g.end):
                # "Since the FTA came into force in October 2016, trade rose 31% after a
                # year": the change runs from that month over the time stated
                last = period.start.year * 12 + period.start.month - 1 + months
                span = (period.start, date(last // 12, last % 12 + 1, 1) - timedelta(days=1))
        else:
            span = _implied_period(doc, paragraph, index, body)
        flow, flow_word = _flow(text, sentence, s_start + g.start, sentence)
        quote, start, end = _quote(text, s_start, s_end)
        fact = Fact(
            kind="growth",
            reporter="",
            partner=None,
            flow=flow,
            value_usd=None,
            qualifier=g.qualifier,
            period_start=span[0],
            period_end=span[1],
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
    if " - " in body or " – " in body:
        facts.extend(_item_growths(doc, paragraph, sentence, previous, used, periods))
    return facts


# "trade relations with Azerbaijan - 113.7%, Russia - 41.8%": a list of partners, each labelled
# with its change; after a reduction is spoken of, "Armenia - 51%" is an index (51% of the
# year-earlier level, so -49).
_ITEM_PCT_RE = re.compile(r"\s[-–—]\s+(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent|percent)")
_DECLINE_RE = re.compile(
    r"\b(?:reduc\w*|declin\w*|decreas\w*|fell|falls?|drop\w*|shr[ai]nk\w*|contract\w*)\b",
    re.IGNORECASE,
)


def _item_growths(
    doc: _Document,
    paragraph: Span,
    sentence: Span,
    previous: Span | None,
    used: set[int],
    periods: list[dates.Period],
) -> list[_Draft]:
    text = doc.text
    s_start, s_end = sentence
    body = text[s_start:s_end]
    ends = {m.end: m for m in doc.mentions if s_start <= m.start < s_end}
    items = [m for m in _ITEM_PCT_RE.finditer(body) if s_start + m.start() in ends]
    if len(items) < 2:
        return []
    before = max(text.rfind(".", 0, max(0, s_start - 2)), text.rfind("\n", 0, max(0, s_start - 1)))
    declining = bool(_DECLINE_RE.search(text, max(0, before), s_end))
    index = doc.sentences[paragraph].index(sentence)
    span: tuple[date | None, date | None] = (
        (periods[0].start, periods[0].end)
        if periods
        else _implied_period(doc, paragraph, index, body)
    )
    if span[1] is None and doc.last_period:  # a change is always over some period: the last one
        span = doc.last_period[:2]
    facts = []
    for m in items:
        if m.start(1) in used:
            continue
        pct = float(m.group(1))
        if declining:
            if pct >= 100:
                continue
            pct = round(pct - 100, 2)
        country = ends[s_start + m.start()]
        quote, start, end = _quote(text, country.start, s_start + m.end())
        fact = Fact(
            kind="growth",
            reporter="",
            partner=None,
            flow="turnover",
            value_usd=None,
            qualifier="exact",
            period_start=span[0],
            period_end=span[1],
            growth_pct=pct,
            growth_factor=None,
            deadline=None,
            speaker=doc.speakers.speaker_at(country.start, sentence, previous),
            quote=quote,
            start=start,
            end=end,
        )
        where = Where((start, end), sentence, paragraph, country.start, None, previous)
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
    anchor = s_start + m.start("obj")
    deadlines = [
        d
        for d in dates.find_deadlines(body, doc.clock)
        if not AGREEMENT_BEFORE_RE.search(body, 0, d.span_start)
    ]
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
        # one anchor for speaker and side: the object ("... to double trade")
        speaker=doc.speakers.speaker_at(anchor, sentence, previous),
        quote=quote,
        start=start,
        end=end,
        firmness=firmness_of(body),
    )
    flow_word = (anchor, s_start + m.end("obj")) if flow != "turnover" else None
    return _Draft(fact, Where(sentence, sentence, paragraph, anchor, flow_word, previous))
