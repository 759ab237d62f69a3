"""Which two countries each fact is about, in which order, and which side states it.

Per fact, not per document: a Tajik report on trade with Russia, Kazakhstan and Uzbekistan gives
each figure its own pair.  The pair comes from the nearest text that names countries: the clause,
then the sentence, then earlier sentences of the paragraph and earlier paragraphs.  A clause that
names one country ("trade with Kazakhstan reached ...") is completed by whoever states it, by
another country in the sentence, or by the document's focal country (the one whose officials,
agency or dateline dominate, else the most named); `default_home` only when nothing in the text
names a second country.

Order: for exports and imports the reporter is the country whose exports or imports the sentence
describes ("Turkish exports to Uzbekistan" -> TUR exports to UZB); otherwise the focal country
comes first.

Side: the country whose official, institution or state agency states the fact, in this order:
the nationality of whoever the sentence itself quotes; an institution cited in the sentence
("according to Belstat"); the speaker carried over from the sentence before; none when the
statement is joint or anonymous ("the ministers said in a joint statement", "officials said");
an official named without a country holds office where the report is filed; a source referred
back to ("the statement said"); for figures, the nearest institution of the pair the report
cites for its numbers; and only then the report's state news agency or government website,
when it belongs to the pair.  Otherwise unknown (None).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from . import signals
from .countries import PREPOSITION_BEFORE_RE, CountryMention, most_named
from .names import SpeakerResolver, Statement

Span = tuple[int, int]

# "between Kazakhstan and Uzbekistan", "Russia-Turkey trade", "Kazakh-Uzbek", "Belarus and
# Kyrgyzstan are capable of ...": two mentions joined into one pair.
_JOINED_RE = re.compile(r"\s*(?:[-–—/]|\band\b|&)\s*(?:the\s+)?")
_LIST_GAP_RE = re.compile(r"\s*,\s*")
_ITEM_GAP_RE = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?")
_BETWEEN_RE = re.compile(r"\b(?:between|of|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "China was the biggest partner ..., followed by Singapore": a ranking of the focal country's
# partners, each paired with the focal country, not with each other.
_RANKING_RE = re.compile(r"\b(?:followed by|ahead of|behind)\b", re.IGNORECASE)
_OBJECT_BEFORE_RE = re.compile(r"\b(?:with|to|from)\s+(?:the\s+)?$", re.IGNORECASE)
# "China with US$17 billion and the US with US$16", "Azerbaijan - 113.7%, Russia - 41.8%": each
# country labels its own number, an item of a list of partners.
_ITEM_AFTER_RE = re.compile(
    r"\s*(?:with|[-–—:])\s+(?:about\s+|some\s+|around\s+|nearly\s+)?(?:[A-Z]{0,3}[$€£¥₹]|\d)"
)
# What may sit between an owner and its flow word: "Turkey's exports", "China's total exports",
# "Ethiopia has exported", "Kazakhstan's non-oil exports".
_OWNER_GAP_RE = re.compile(
    r"(?:['’]s?)?(?:\s+(?:has|have|had|also|total|overall|annual|merchandise|goods|non-oil"
    r"|non-energy|agricultural|industrial|mutual|monthly|[a-z]+-[a-z]+))*\s+$"
)
_FLOW_PREP_RE = re.compile(
    r"\s+(?:of\s+[\w\s,-]{0,30}?\s+)?(?P<prep>from|to|into|of)\s+(?:the\s+)?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Where:
    """Where a fact sits: its clause, sentence, paragraph, the offset of its number, and the
    flow word ("exports") that gave its flow, if any."""

    clause: Span
    sentence: Span
    paragraph: Span
    anchor: int
    flow_word: Span | None = None
    previous: Span | None = None
    item: tuple[int, int] | None = None  # (i, n): the i-th of a list of n amounts


@dataclass(frozen=True, slots=True)
class Assignment:
    reporter: str | None
    partner: str | None
    side: str | None


class PairResolver:
    """Per-document state for pairs and sides; built once, asked once per fact."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[CountryMention],
        sentences: dict[Span, list[Span]],
        speakers: SpeakerResolver,
        evidence: signals.Evidence,
        focal: str,
        default_home: str,
    ) -> None:
        self.text = text
        self.mentions = list(mentions)
        self._starts = [m.start for m in self.mentions]
        self.paragraphs = sorted(sentences)
        self.sentences = sentences
        self.speakers = speakers
        self.focal = focal
        self.default_home = default_home
        self.counts = Counter(m.iso3 for m in self.mentions)
        self.sources = evidence.sources
        # A state agency or government website speaks for its country.
        self.publisher = evidence.publisher
        # Where an official named without a country holds office: the dateline's country,
        # else the state publisher's.
        office = evidence.dateline or self.publisher
        self.home_office = office.iso3 if office else None

    # -- mentions
    def _within(self, start: int, end: int) -> list[CountryMention]:
        i = bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].end <= end:
            found.append(self.mentions[i])
            i += 1
        return found

    def _joined(self, found: list[CountryMention], anchor: int) -> tuple[str, str] | None:
        """Two mentions written as one pair, the one nearest the anchor when several."""
        best: tuple[int, tuple[str, str]] | None = None
        for i, (left, right) in enumerate(zip(found, found[1:], strict=False)):
            if left.iso3 == right.iso3:
                continue
            gap = self.text[left.end : right.start]
            if not _JOINED_RE.fullmatch(gap):
                continue
            if i and _LIST_GAP_RE.fullmatch(self.text, found[i - 1].end, left.start):
                continue  # "Thailand, Laos and Myanmar": a list, not a pair
            hyphen = gap.strip() in "-–—/"
            between = _BETWEEN_RE.search(self.text, max(0, left.start - 20), left.start)
            # "Belarus and Kyrgyzstan are ...", but not "supplies to Venezuela and Cuba", nor
            # "Italy and the Netherlands came next in trade with Iran" (the focal country's list)
            subject = not PREPOSITION_BEFORE_RE.search(
                self.text, max(0, left.start - 12), left.start
            ) and not self._lists_partners(found, {left.iso3, right.iso3})
            if not (hyphen or between or subject):
                continue
            distance = abs(anchor - (left.start + right.end) // 2)
            if best is None or distance < best[0]:
                best = (distance, (left.iso3, right.iso3))
        return best[1] if best else None

    def _pair_in(
        self, found: list[CountryMention], anchor: int, speaker: str | None
    ) -> tuple[str, str | None] | None:
        """The pair the mentions of one span give: two countries, or one still to complete."""
        distinct = list(dict.fromkeys(m.iso3 for m in found))
        if not distinct:
            return None
        if len(distinct) == 1:
            return distinct[0], None
        joined = self._joined(found, anchor)
        if joined:
            return joined
        listed = self._lists_partners(found)
        if len(distinct) == 2 and not listed:
            return distinct[0], distinct[1]
        # A list ("with Azerbaijan - 113.7%, Russia - 41.8%") or a ranking of partners: the hub
        # and the country nearest before the number.
        if listed:
            hub = self.focal
        else:
            hub = next(
                (iso for iso in (self.focal, speaker) if iso in distinct),
                max(distinct, key=lambda iso: self.counts[iso]),
            )
        before = [m for m in found if m.iso3 != hub and m.start <= anchor]
        after = [m for m in found if m.iso3 != hub and m.start > anchor]
        nearest = before[-1] if before else after[0]
        return hub, nearest.iso3

    def _complete(self, one: str, where: Where, speaker: str | None) -> str | None:
        """The other country of a fact whose own text names only `one`."""
        if speaker and speaker != one:
            return speaker
        in_sentence = self._within(*where.sentence)
        if not self._lists_partners(in_sentence, {one}):
            others = [m for m in in_sentence if m.iso3 != one]
            if others:
                before = [m for m in others if m.start <= where.anchor]
                return (before[-1] if before else others[0]).iso3
        for start, end in reversed(self._sentences_before(where)):
            isos = {m.iso3 for m in self._within(start, end)}
            if one in isos and len(isos) == 2:
                return next(iso for iso in isos if iso != one)
        if self.focal != one:
            return self.focal
        return most_named(self.mentions, excluding={one}) or (
            self.default_home if self.default_home != one else None
        )

    def _lists_partners(self, found: list[CountryMention], pair: Collection[str] = ()) -> bool:
        """Whether the mentions (besides the `pair` in question) list partners of the focal
        country rather than naming a pair among themselves: the focal country named besides
        them ("Italy and the Netherlands came next in trade with Iran"), parallel objects
        ("trade with Kazakhstan ..., while trade with Uzbekistan ..."), or a ranking that does
        not name it ("Malaysia was the biggest partner, followed by Laos")."""
        if not found:
            return False
        named = {m.iso3 for m in found}
        if self.focal in named - set(pair):
            return True
        if len({m.iso3 for m in found if self._is_object(m)}) >= 2:
            return True
        if len({m.iso3 for m in found if _ITEM_AFTER_RE.match(self.text, m.end)}) >= 2:
            return True
        return self.focal not in named and bool(
            _RANKING_RE.search(self.text, found[0].start, found[-1].end + 200)
        )

    def _is_object(self, mention: CountryMention) -> bool:
        return bool(_OBJECT_BEFORE_RE.search(self.text, max(0, mention.start - 12), mention.start))

    def _sentences_before(self, where: Where) -> list[Span]:
        return [s for s in self.sentences.get(where.paragraph, []) if s[1] <= where.sentence[0]]

    def _context_pair(self, where: Where, speaker: str | None) -> tuple[str, str | None]:
        """A fact whose sentence names no country ("the two countries", "our trade"): the
        latest earlier sentence of its paragraph that names one; else, in a report about one
        pair, that pair; else the latest such sentence in the three paragraphs before."""
        for start, end in reversed(self._sentences_before(where)):
            found = self._within(start, end)
            if found:
                return self._resolved(found, (start, end), where, speaker)
        partner = most_named(self.mentions, excluding={self.focal})
        if partner and self._bilateral(partner):
            return self.focal, partner
        index = self.paragraphs.index(where.paragraph) if where.paragraph in self.sentences else 0
        for paragraph in reversed(self.paragraphs[max(0, index - 3) : index]):
            for start, end in reversed(self.sentences[paragraph]):
                found = self._within(start, end)
                if found:
                    return self._resolved(found, (start, end), where, speaker)
        return self.focal, partner or self._complete(self.focal, where, speaker)

    def _bilateral(self, partner: str) -> bool:
        """Whether the report is about one pair: its main partner has at least half of the
        mentions of countries other than the focal one."""
        others = sum(n for iso, n in self.counts.items() if iso != self.focal)
        return self.focal in self.counts and self.counts[partner] * 2 >= others

    def _resolved(
        self, found: list[CountryMention], span: Span, where: Where, speaker: str | None
    ) -> tuple[str, str | None]:
        a, b = self._pair_in(found, span[1], speaker) or (self.focal, None)
        context = Where(where.clause, span, where.paragraph, span[1])
        return a, b or self._complete(a, context, speaker)

    def _itemised(self, where: Where) -> str | None:
        """The country at the same place in a list of as many countries before the amounts
        ("Italy and Netherlands came next ... €66 million and €54.9 million respectively")."""
        if where.item is None:
            return None
        index, count = where.item
        found = [m for m in self._within(where.sentence[0], where.anchor) if m.iso3 != self.focal]
        runs: list[list[CountryMention]] = []
        for m in found:
            if runs and _ITEM_GAP_RE.fullmatch(self.text, runs[-1][-1].end, m.start):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            isos = list(dict.fromkeys(m.iso3 for m in run))
            if len(isos) == len(run) == count and not _BETWEEN_RE.search(
                self.text, max(0, run[0].start - 20), run[0].start
            ):
                return isos[index]
        return None

    def pair(self, where: Where, speaker: str | None = None) -> tuple[str, str | None]:
        """The two countries of a fact (unordered), the second None when none can be found."""
        item = self._itemised(where)
        if item:
            return self.focal, item
        for start, end in (where.clause, where.sentence):
            pair = self._pair_in(self._within(start, end), where.anchor, speaker)
            if pair:
                return pair[0], pair[1] or self._complete(pair[0], where, speaker)
        return self._context_pair(where, speaker)

    # -- order
    def direction(self, where: Where, flow: str) -> tuple[str | None, str | None]:
        """(owner, counterpart) of an export or import flow as the sentence puts it: "Turkish
        exports to Uzbekistan" -> (TUR, UZB), "imports from China" -> (None, CHN)."""
        if flow == "turnover" or where.flow_word is None:
            return None, None
        w_start, w_end = where.flow_word
        s_start, s_end = where.sentence
        owner = counterpart = None
        before = self._within(max(s_start, w_start - 60), w_start)
        if before and _OWNER_GAP_RE.fullmatch(self.text, before[-1].end, w_start):
            owner = before[-1].iso3  # "Turkish exports", "China's imports", "Ethiopia exported"
        word = self.text[w_start:w_end].lower()
        for m in self._within(w_end, min(s_end, w_end + 70)):
            if word.endswith((" to", " from")):  # "sales to", "purchases from"
                prep = "to" if word.endswith(" to") else "from"
                if self.text[w_end : m.start].strip(" ").removeprefix("the ").strip():
                    break
            else:
                found = _FLOW_PREP_RE.fullmatch(self.text, w_end, m.start)
                if not found:
                    continue
                prep = found.group("prep").lower()
            # exports from/of X: X's own; exports to Y: Y is the other.  Imports the reverse.
            mine = prep in ("from", "of") if flow == "exports" else prep in ("to", "into", "of")
            if mine:
                owner = owner or m.iso3
            elif m.iso3 != owner:
                counterpart = m.iso3
            break
        return owner, counterpart

    def order(self, a: str, b: str | None, where: Where, flow: str) -> tuple[str, str | None]:
        """(reporter, partner): the flow's owner first, else the focal country first."""
        if b is None:
            return a, b
        owner, counterpart = self.direction(where, flow)
        if owner in (a, b):
            return (a, b) if owner == a else (b, a)
        if counterpart in (a, b):
            return (b, a) if counterpart == a else (a, b)
        return (b, a) if b == self.focal else (a, b)

    # -- side
    def side(
        self, where: Where, pair: tuple[str | None, str | None], said: Statement, kind: str
    ) -> str | None:
        """The country whose official, institution or state agency states the fact."""
        members = {iso for iso in pair if iso}
        if said.own and said.country:
            return said.country
        cited = self._nearest(self._sources_in(where.sentence), where.anchor)
        if cited:
            return cited.iso3
        if said.country:
            return said.country
        if said.speaker is None and signals.unnamed_attribution(self.text, *where.sentence):
            return None  # "officials said": someone states it, of no known country
        if said.speaker:
            # "MOSCOW (Interfax) - Deputy Prime Minister Gordeyev said": an official named
            # without a country holds office where the report is filed.
            home = self.home_office if self.speakers.is_official(said.speaker) else None
            return home if home in members else None
        if signals.anaphors(self.text, *where.sentence):  # "the statement said"
            earlier = [s for s in self.sources if s.start < where.sentence[0] and s.iso3 in members]
            if earlier:
                return earlier[-1].iso3
        # The report's own source for its numbers: the nearest institution of the pair cited
        # before the fact, else after it ("a statement from the Chinese Embassy said" in the next
        # sentence).  Not for targets: statistics offices and customs do not set them.
        ours = [s for s in self.sources if s.iso3 in members and kind != "target"]
        before = [s for s in ours if s.start < where.sentence[0]]
        after = [s for s in ours if s.start >= where.sentence[1]]
        if before or after:
            return (before[-1] if before else after[0]).iso3
        if self.publisher and self.publisher.iso3 in members:
            return self.publisher.iso3
        return None

    def _sources_in(self, span: Span) -> list[signals.Signal]:
        return [s for s in self.sources if span[0] <= s.start < span[1]]

    @staticmethod
    def _nearest(found: list[signals.Signal], anchor: int) -> signals.Signal | None:
        return min(found, key=lambda s: abs(s.start - anchor)) if found else None

    def assign(self, where: Where, kind: str, flow: str, said: Statement) -> Assignment:
        speaker = said.country if said.own else None
        a, b = self.pair(where, speaker)
        reporter, partner = self.order(a, b, where, flow)
        return Assignment(reporter, partner, self.side(where, (reporter, partner), said, kind))
