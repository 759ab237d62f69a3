"""Document dates and the periods/deadlines that figures and targets refer to.

Document date, in order of trust:
  1. a header line "date YYYY-MM-DD"                          -> exact, not inferred
  2. a dateline "MINSK, 29 September (BelTA)"                 -> day; year inferred if missing
  3. a byline "12:58, 5 February"                             -> day; year inferred if missing
  4. an event date early in the text "in Minsk on 30 October" -> day, always inferred
  5. only years mentioned in the text                         -> year precision, inferred
The missing year comes from the caller's `published` hint when given, else from the years the
text mentions (see `infer_year`).  A dateline or byline with neither ("12:58, 5 February" in a
text naming no year) is the most recent such day on or before `reference` (today by default),
marked inferred.  An event date or a text with no date at all stays None: a guess would be worse.

Periods: "in 2022", "last year", "January-August of this year", "the first half of 2024",
"Q1", "the first nine months", "over the past three years" (N calendar years ending with the
reference year: 2021-01-01..2023-12-31 when said in 2023).
Deadlines: "by 2030"/"until 2027" -> 31 December of that year; "over the next five years" ->
31 December of (statement year + 5), where the statement year is a date in the same sentence
("in November 2024") or else the document year.  Vague horizons ("in years to come") give nothing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1,
}  # fmt: skip

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?<!\d)(?:19[5-9]\d|20\d{2})(?!\d)"
_REL_YEAR = (
    r"this year|last year|the current year|the previous year|the past year|the reporting year"
)
_YEAR_REF = rf"(?P<y>{_YEAR}|{_REL_YEAR})"
_COUNT = r"\d{1,2}|" + "|".join(k for k in _ORDINALS if not k[0].isdigit())

_HEADER_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")
_DATELINE_RE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .'-]{{1,30}},(?:\s+[A-Z][a-z]+,)?\s+"
    rf"(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}))"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?:\.\s|\.?\s*(?:\(|/|–|—|-|,|$))",
    re.MULTILINE,
)
_BYLINE_RE = re.compile(
    rf"^[ \t]*\d{{1,2}}:\d{{2}},?\s+(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?[ \t]*$"
    rf"|^[ \t]*(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?,?"
    rf"\s+\d{{1,2}}:\d{{2}}[ \t]*$",
    re.MULTILINE,
)
_EVENT_DATE_RE = re.compile(
    rf"\bon\s+(?:(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})\b)"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_ANY_YEAR_RE = re.compile(_YEAR)
# Years in these contexts are horizons, not the present: "by 2030", "a roadmap until 2027".
_FUTURE_BEFORE_RE = re.compile(
    r"(?:\b(?:by|until|till|to|through|before|towards?|up to|horizon|extending to|"
    r"through to|for the period until)\s+(?:the\s+(?:end|middle)\s+of\s+)?|[-–—/])$",
    re.IGNORECASE,
)
# "The next session will be held in 2025" speaks of the future, whatever the document's year.
_FUTURE_TENSE_RE = re.compile(
    r"\b(?:will|shall|plans?|planned|expected|next|upcoming|forecast)\b", re.I
)
_MONTH_YEAR_RE = re.compile(rf"{_MONTH}\s+(?:of\s+)?({_YEAR})|({_YEAR})-\d{{2}}-\d{{2}}")
_RELATIVE_NOW_RE = re.compile(r"\b(?:last year|this year|the current year|the past year)\b", re.I)

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """When a document was written; unpacks as (date, inferred, precision)."""

    date: date | None
    inferred: bool
    precision: str | None  # "day" | "month" | "year" | None

    def __iter__(self) -> Iterator[object]:
        return iter((self.date, self.inferred, self.precision))


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time (or, for deadlines, its last day) with the text that said it."""

    start: date
    end: date
    kind: str  # "period" | "deadline"
    span_start: int
    span_end: int
    text: str


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept." -> 9)."""
    return _MONTHS.get(name.lower().rstrip("."))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(text: str) -> int | None:
    """The year a text was most likely written in, from the years it mentions.

    Horizon years ("by 2030", "until 2027") are ignored.  The latest remaining year is taken;
    when it only appears as a whole-year reference ("in 2022") and the text also speaks of "last
    year" or "this year", the text is taken to be from the following year.
    """
    past: list[int] = []
    for m in _ANY_YEAR_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        clause = text[max(0, m.start() - 80) : m.start()].rsplit(".", 1)[-1]
        if not _FUTURE_BEFORE_RE.search(before) and not _FUTURE_TENSE_RE.search(clause):
            past.append(int(m.group()))
    if not past:
        return None
    latest = max(past)
    with_month = {int(a or b) for a, b in _MONTH_YEAR_RE.findall(text)}
    if latest not in with_month and _RELATIVE_NOW_RE.search(text):
        return latest + 1
    return latest


def _day_month(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    groups = m.groupdict()
    day = groups.get("d") or groups.get("d2")
    month = groups.get("m") or groups.get("m2")
    year = groups.get("y") or groups.get("y2")
    if not day or not month:
        return None
    number = month_number(month)
    return (int(day), number, int(year) if year else None) if number else None


def _with_year(day: int, month: int, text: str, published: date | None) -> tuple[date | None, bool]:
    if published is not None:
        guess = _safe_date(published.year, month, day)
        if guess is not None and guess > published:
            guess = _safe_date(
                published.year - 1, month, day
            )  # a December dateline read in January
        return guess, True
    year = infer_year(text)
    return (_safe_date(year, month, day) if year else None), True


def _on_or_before(day: int, month: int, reference: date) -> date | None:
    """The most recent `day` `month` on or before `reference` (29 February may go back years)."""
    for year in range(reference.year, max(reference.year - 8, 0), -1):
        found = _safe_date(year, month, day)
        if found is not None and found <= reference:
            return found
    return None


def header_end(text: str) -> int | None:
    """Offset just past a leading "date YYYY-MM-DD" header, or None without one."""
    m = _HEADER_RE.match(text)
    return m.end() if m else None


def document_date(
    text: str, published: date | None = None, reference: date | None = None
) -> DocumentDate:
    """The document's date, whether any part of it was guessed, and its precision.

    `reference` (default: today) only resolves a dateline or byline that prints no year when
    neither `published` nor the text gives one; years in the text always win over it.
    """
    header = _HEADER_RE.match(text)
    if header:
        found = _safe_date(*(int(g) for g in header.groups()))
        if found:
            return DocumentDate(found, False, "day")
    head = text[:600]
    for regex in (_DATELINE_RE, _BYLINE_RE, _EVENT_DATE_RE):
        m = regex.search(head if regex is not _EVENT_DATE_RE else text[:1500])
        parts = _day_month(m) if m else None
        if not parts:
            continue
        day, month, year = parts
        if year is not None:
            found = _safe_date(year, month, day)
            if found:
                return DocumentDate(found, regex is _EVENT_DATE_RE, "day")
        found, inferred = _with_year(day, month, text, published)
        if found:
            return DocumentDate(found, inferred, "day")
        if regex is not _EVENT_DATE_RE:  # a dateline/byline: the latest such day so far
            found = _on_or_before(day, month, reference or datetime.now(UTC).date())
            if found:
                return DocumentDate(found, True, "day")
        break  # a day without any year: fall through to published/None
    if published is not None:
        return DocumentDate(published, False, "day")
    year = infer_year(text)
    if year is not None:
        return DocumentDate(date(year, 1, 1), True, "year")
    return DocumentDate(None, True, None)


# --------------------------------------------------------------------------- periods

_BASE_RE = re.compile(
    rf"(?:\b(?:compared (?:to|with)|as against|against|versus|vs\.?|relative to|from|over)\s+"
    rf"(?:the\s+same\s+period\s+(?:of|in)\s+)?"
    rf"(?:{_YEAR}|last year|the previous year|a year (?:ago|earlier))"
    rf"|\bthe same period (?:of|in) (?:{_YEAR}|last year|the previous year)"
    r"|\byear[- ]on[- ]year\b|\by/y\b|\bannually\b)",
    re.IGNORECASE,
)
_MONTH_RANGE_RE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s*(?:-|–|—|to|through|till|until)\s*(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?:of\s+)?{_YEAR_REF})?",
    re.IGNORECASE,
)
_FIRST_MONTHS_RE = re.compile(
    rf"\b(?:(?:the\s+)?first\s+)?(?P<n>{_COUNT})\s+months\s+(?:of\s+)?{_YEAR_REF}"
    rf"|\b(?:the\s+)?first\s+(?P<n2>{_COUNT})\s+months\b",
    re.IGNORECASE,
)
_HALF_RE = re.compile(
    rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half(?:\s+of\s+{_YEAR_REF})?"
    rf"|\bH(?P<h2>[12])\s*(?P<y2>{_YEAR})?",
    re.IGNORECASE,
)
_QUARTER_RE = re.compile(
    rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+{_YEAR_REF})?"
    rf"|\bQ(?P<q2>[1-4])(?:\s+|/)?(?P<y2>{_YEAR})?\b"
    rf"|\b(?:the\s+)?first\s+(?P<qs>two|three)\s+quarters(?:\s+of\s+(?P<y3>{_YEAR}|{_REL_YEAR}))?",
    re.IGNORECASE,
)
_MONTH_YEAR_PERIOD_RE = re.compile(
    rf"\b(?:in|for|during|throughout)\s+(?P<m>{_MONTH})(?:\s+(?:of\s+)?{_YEAR_REF})?(?!\s*\d)",
    re.IGNORECASE,
)
_YEAR_SPAN_RE = re.compile(
    rf"\b(?:in|for|during|throughout|of|over|between)\s+(?:the\s+(?:whole\s+|entire\s+)?(?:year\s+)?)?"
    rf"(?P<y1>{_YEAR})(?:\s*(?:-|–|—|and|to)\s*(?P<y2>{_YEAR}))?"
    rf"|^(?P<y3>{_YEAR})\b(?=,)",
    re.IGNORECASE,
)
_REL_PERIOD_RE = re.compile(rf"\b(?P<rel>{_REL_YEAR})\b", re.IGNORECASE)
_PAST_YEARS_RE = re.compile(
    rf"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>{_COUNT})\s+years\b",
    re.IGNORECASE,
)

_DEADLINE_YEAR_RE = re.compile(
    rf"\b(?:by|until|till|through|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:the\s+year\s+)?(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
_DEADLINE_YEAR_END_RE = re.compile(
    r"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the|this|the current)\s+year|year[- ]end)\b", re.I
)
_DEADLINE_RELATIVE_RE = re.compile(
    rf"\b(?:over|in|within|during|for)\s+the\s+(?:next|coming|following|upcoming)\s+"
    rf"(?P<n>{_COUNT})\s+years\b|\bwithin\s+(?P<n2>{_COUNT})\s+years\b"
    rf"|\bin\s+(?P<n3>{_COUNT})\s+years['’]?\s+time\b",
    re.IGNORECASE,
)
_STATEMENT_DATE_RE = re.compile(
    rf"\b(?:in|on)\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},\s+)?({_YEAR})"
)


def _count(token: str) -> int | None:
    token = token.lower()
    return int(token) if token.isdigit() else _ORDINALS.get(token)


def _resolve_year(token: str | None, reference: int | None) -> int | None:
    if token is None:
        return reference
    token = token.lower()
    if token.isdigit():
        return int(token)
    if reference is None:
        return None
    if token in ("last year", "the previous year", "the past year"):
        return reference - 1
    return reference  # this year, the current year, the reporting year


def mask_base_periods(text: str) -> str:
    """Blank out comparison bases ("over 2021", "year-on-year") keeping offsets intact."""
    return _BASE_RE.sub(lambda m: " " * len(m.group()), text)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def find_periods(text: str, reference: date | None) -> list[Period]:
    """Reporting periods mentioned in `text` (bases of comparison excluded), in reading order.

    `reference` is the document date; relative expressions need it and are dropped without it.
    """
    ref_year = reference.year if reference else None
    masked = mask_base_periods(text)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(start: date | None, end: date | None, m: re.Match[str]) -> None:
        if start is None or end is None or _overlaps(taken, m.start(), m.end()):
            return
        taken.append((m.start(), m.end()))
        found.append(Period(start, end, "period", m.start(), m.end(), m.group()))

    for m in _MONTH_RANGE_RE.finditer(masked):
        year = _resolve_year(m.group("y"), ref_year)
        first, last = month_number(m.group("m1")), month_number(m.group("m2"))
        if year and first and last and first <= last:
            add(date(year, first, 1), _last_day(year, last), m)
    for m in _FIRST_MONTHS_RE.finditer(masked):
        n = _count(m.group("n") or m.group("n2") or "")
        year = _resolve_year(m.group("y"), ref_year)
        if year and n and 1 <= n <= 12:
            add(date(year, 1, 1), _last_day(year, n), m)
    for m in _QUARTER_RE.finditer(masked):
        year = _resolve_year(m.group("y") or m.group("y2") or m.group("y3"), ref_year)
        if not year:
            continue
        if m.group("qs"):
            add(date(year, 1, 1), _last_day(year, 3 * (_count(m.group("qs")) or 1)), m)
            continue
        q = _count(m.group("q") or "") or int(m.group("q2") or 0)
        if 1 <= q <= 4:
            add(date(year, 3 * q - 2, 1), _last_day(year, 3 * q), m)
    for m in _HALF_RE.finditer(masked):
        year = _resolve_year(m.group("y") or m.group("y2"), ref_year)
        half = _count(m.group("h") or "") or int(m.group("h2") or 0)
        if year and half in (1, 2):
            add(date(year, 6 * half - 5, 1), _last_day(year, 6 * half), m)
    for m in _PAST_YEARS_RE.finditer(masked):
        n = _count(m.group("n"))
        if ref_year and n:
            add(date(ref_year - n + 1, 1, 1), date(ref_year, 12, 31), m)
    for m in _MONTH_YEAR_PERIOD_RE.finditer(masked):
        year = _resolve_year(m.group("y"), ref_year)
        month = month_number(m.group("m"))
        if year and month:
            add(date(year, month, 1), _last_day(year, month), m)
    deadline_spans = [(d.span_start, d.span_end) for d in find_deadlines(text, reference)]
    for m in _YEAR_SPAN_RE.finditer(masked):
        if _overlaps(deadline_spans, m.start(), m.end()):
            continue
        first = int(m.group("y1") or m.group("y3"))
        last = int(m.group("y2") or first)
        if first <= last:
            add(date(first, 1, 1), date(last, 12, 31), m)
    for m in _REL_PERIOD_RE.finditer(masked):
        year = _resolve_year(m.group("rel"), ref_year)
        if year:
            add(date(year, 1, 1), date(year, 12, 31), m)
    return sorted(found, key=lambda p: p.span_start)


def statement_year(text: str, reference: date | None) -> int | None:
    """The year a plan was stated in: a dated event in the sentence, else the document year."""
    m = _STATEMENT_DATE_RE.search(text)
    if m:
        return int(m.group(1))
    return reference.year if reference else None


def find_deadlines(text: str, reference: date | None) -> list[Period]:
    """Deadlines ("by 2030", "over the next five years") as Periods ending on 31 December."""
    found: list[Period] = []
    for m in _DEADLINE_YEAR_RE.finditer(text):
        year = int(m.group("y"))
        found.append(
            Period(date(year, 1, 1), date(year, 12, 31), "deadline", m.start(), m.end(), m.group())
        )
    if reference is not None:
        for m in _DEADLINE_YEAR_END_RE.finditer(text):
            year = reference.year
            found.append(
                Period(
                    date(year, 1, 1), date(year, 12, 31), "deadline", m.start(), m.end(), m.group()
                )
            )
    for m in _DEADLINE_RELATIVE_RE.finditer(text):
        n = _count(m.group("n") or m.group("n2") or m.group("n3") or "")
        base = statement_year(text, reference)
        if n and base:
            year = base + n
            found.append(
                Period(
                    date(year, 1, 1), date(year, 12, 31), "deadline", m.start(), m.end(), m.group()
                )
            )
    return sorted(found, key=lambda p: p.span_start)
