"""Money amounts in US dollars, with the hedge ("about", "more than", ...) placed before them.

An amount is money only with a currency marker ($, US$, USD, dollars, US dollars): "9 million
people", "4.5 years", "15%" and "2025" are never money.  The one exception is `allow_bare=True`,
used by the extractor for a continuation sentence right after a dollar amount ("we already have a
billion and more"); bare amounts still need a scale word and must not be followed by a noun.

Ranges ("$400-500 million", "between $400 and $500 million") give value = the upper bound and
keep the lower bound in `low`; their qualifier is "about" unless a hedge says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

EXACT, ABOUT, MORE_THAN, LESS_THAN = "exact", "about", "more_than", "less_than"
QUALIFIERS = (EXACT, ABOUT, MORE_THAN, LESS_THAN)

_SCALES = {
    "trillion": 10**12, "trillions": 10**12, "tln": 10**12, "trn": 10**12, "tn": 10**12,
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
    "thousand": 10**3, "k": 10**3,
}  # fmt: skip
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "half a": 0.5,
    "several": 2, "a few": 2, "a couple of": 2,
}  # fmt: skip
# "several billions" is read as "at least two billion": value 2 billion, qualifier more_than.
_VAGUE_WORDS = {"several": MORE_THAN, "a few": MORE_THAN}

_NUM = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LONG_SCALE = r"trillions?|tln|trn|billions?|bln|millions?|mln|thousand"
_SHORT_SCALE = r"tn|bn|mn|[bmk]"
_WORDS = (
    r"half a|a hundred|a couple of|a few|several|twenty|thirty|forty|fifty|fifteen|eleven|twelve"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|an?"
)
_PREFIX = r"(?:US\s?\$|U\.S\.\s?\$|\$|USD\s?)"
_SUFFIX = r"(?:(?:US|U\.S\.|American)\s+dollars?|dollars?|USD\b)"
_DASH = r"\s*(?:-|–|—)\s*"  # "to" ranges are joined later, so "from $4 to $5 million" stays apart

_PREFIXED = (
    rf"(?<![\w$]){_PREFIX}\s?(?P<n1>{_NUM})(?:{_DASH}{_PREFIX}?\s?(?P<n2>{_NUM}))?"
    rf"(?:\s?(?P<s1>{_SHORT_SCALE})\b|\s(?P<s2>{_LONG_SCALE})\b)?(?:\s+{_SUFFIX})?"
)
_SUFFIXED = (
    rf"(?<![\w$.,])(?P<n3>{_NUM}|(?i:{_WORDS}))(?:{_DASH}(?P<n4>{_NUM}))?\s+"
    rf"(?P<s3>{_LONG_SCALE})\s+(?:of\s+)?{_SUFFIX}"
)
_MONEY_RE = re.compile(rf"{_PREFIXED}|{_SUFFIXED}")
_BARE_RE = re.compile(
    rf"(?<![\w$.,])(?P<n5>{_NUM}|(?i:{_WORDS}))\s+(?P<s5>billions?|millions?|trillions?)\b"
    r"(?=(?:\s+(?:and|or)\s+(?:more|over|above))?\s*"
    r"(?:[.,;:!?)—–-]|$|in (?:mutual |bilateral )?trade))"
)
_BETWEEN_RE = re.compile(r"between\s*$", re.IGNORECASE)
_RANGE_GAP_RE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")

_BEFORE = (
    (MORE_THAN, r"more than|over|exceed(?:s|ed|ing)?|above|at least|in excess of|upwards of"
                r"|surpass(?:es|ed|ing)?|topp(?:ed|ing)|tops|beyond|no less than|not less than"),
    (LESS_THAN, r"less than|under|up to|below|no more than|not more than|just under|fewer than"),
    (ABOUT, r"about|approximately|approx\.|some|around|nearly|almost|roughly|close to|circa"
            r"|an estimated|estimated at|in the region of|in the order of|more or less"
            r"|approach(?:es|ed|ing)?"),
)  # fmt: skip
_BEFORE_RES = tuple(
    (q, re.compile(rf"(?<![\w])(?:{p})[\s,-]*(?:(?:that|this|the level of|a level of)\s+)?$", re.I))
    for q, p in _BEFORE
)
_AFTER_MORE_RE = re.compile(r"^\s*(?:(?:and|or)\s+(?:more|over|above)|plus\b|\+)", re.IGNORECASE)
_AFTER_LESS_RE = re.compile(r"^\s*or\s+(?:less|under|below)", re.IGNORECASE)
# A currency amount directly followed by "per ton" or "a barrel" is a price, not a trade value.
_PER_UNIT_RE = re.compile(
    r"^\s*(?:per|a|an|for each|/)\s*(?:metric\s+)?(?:ton|tonne|t|barrel|kg|kilogram|unit|head|"
    r"cubic|square|litre|liter|gallon|piece|hectare|ha|month|day|year|person|capita)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of US dollars found in text; `start`/`end` index the original text."""

    value: Decimal
    qualifier: str
    start: int
    end: int
    text: str
    low: Decimal | None = None  # lower bound of a range
    bare: bool = False  # no currency marker (accepted only for continuations)
    per_unit: bool = False  # "$300 per ton"
    scale: int = (
        1  # the multiplier written ("million" -> 10**6), to complete "$400 to $500 million"
    )


def _number(token: str) -> Decimal | None:
    cleaned = token.strip().lower()
    if cleaned in _WORD_NUMBERS:
        return Decimal(str(_WORD_NUMBERS[cleaned]))
    cleaned = re.sub(r"[,\u00a0\u202f]", "", cleaned)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _tidy(amount: Decimal) -> Decimal:
    """Whole dollars as an integer Decimal (500000000, not 5E+8)."""
    return Decimal(int(amount)) if amount == amount.to_integral_value() else amount


def _scale(token: str | None) -> int:
    return _SCALES.get(token.lower(), 1) if token else 1


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start]
    for qualifier, regex in _BEFORE_RES:
        if regex.search(window):
            return qualifier
    return None


def _qualifier_after(text: str, end: int) -> str | None:
    window = text[end : end + 20]
    if _AFTER_MORE_RE.match(window):
        return MORE_THAN
    if _AFTER_LESS_RE.match(window):
        return LESS_THAN
    return None


def _from_match(text: str, m: re.Match[str], *, bare: bool) -> Money | None:
    groups = m.groupdict()
    first = groups.get("n1") or groups.get("n3") or groups.get("n5")
    second = groups.get("n2") or groups.get("n4")
    scale_word = groups.get("s1") or groups.get("s2") or groups.get("s3") or groups.get("s5")
    high = _number(first or "")
    if high is None:
        return None
    scale = _scale(scale_word)
    low = None
    if second is not None:
        upper = _number(second)
        if upper is None:
            return None
        low, high = high * scale, upper * scale
    else:
        high = high * scale
    qualifier = _qualifier_before(text, m.start()) or _qualifier_after(text, m.end())
    vague = _VAGUE_WORDS.get((first or "").lower())
    if qualifier is None:
        qualifier = vague or (ABOUT if low is not None else EXACT)
    end = m.end()
    return Money(
        value=_tidy(high),
        qualifier=qualifier,
        start=m.start(),
        end=end,
        text=text[m.start() : end],
        low=None if low is None else _tidy(low),
        bare=bare,
        per_unit=bool(_PER_UNIT_RE.match(text[end : end + 30])),
        scale=scale,
    )


def _merge_ranges(text: str, amounts: list[Money]) -> list[Money]:
    """Join "$400 million to $500 million" and "between $400 and $500 million" into one range."""
    merged: list[Money] = []
    for amount in amounts:
        if merged:
            prev = merged[-1]
            gap = text[prev.end : amount.start]
            before_prev = text[max(0, prev.start - 30) : prev.start]
            joined_by_dash = bool(_RANGE_GAP_RE.match(gap)) and "and" not in gap.lower()
            joined_by_between = gap.strip().lower() == "and" and _BETWEEN_RE.search(before_prev)
            starts_with_from = re.search(r"\bfrom\s*$", before_prev, re.IGNORECASE)
            if (joined_by_dash and not starts_with_from) or joined_by_between:
                low = prev.value
                if prev.scale == 1 and amount.scale > 1:  # "$400 to $500 million"
                    low = _tidy(prev.value * amount.scale)
                qualifier = prev.qualifier if prev.qualifier != EXACT else ABOUT
                merged[-1] = Money(
                    value=amount.value,
                    qualifier=qualifier,
                    start=prev.start,
                    end=amount.end,
                    text=text[prev.start : amount.end],
                    low=low,
                    bare=prev.bare and amount.bare,
                    per_unit=amount.per_unit,
                    scale=amount.scale,
                )
                continue
        merged.append(amount)
    return merged


def find_money(text: str, *, allow_bare: bool = False) -> list[Money]:
    """All dollar amounts in `text`, in order, with ranges merged."""
    found = [a for m in _MONEY_RE.finditer(text) if (a := _from_match(text, m, bare=False))]
    if allow_bare:
        taken = [(a.start, a.end) for a in found]
        for m in _BARE_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            amount = _from_match(text, m, bare=True)
            if amount:
                found.append(amount)
        found.sort(key=lambda a: a.start)
    return _merge_ranges(text, found)


def parse_money(text: str) -> Money | None:
    """The first dollar amount in `text`, or None ("USD 160.2 mln" -> 160200000)."""
    amounts = find_money(text)
    return amounts[0] if amounts else None


def parse_number(token: str) -> Decimal | None:
    """A plain number: "1,200.5" -> 1200.5, "two" -> 2 (None if not a number)."""
    return _number(token)
