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
"Q1", "the first nine months", "in July", "Jan-Sep", "November-February" (across the new year),
"over the past three years" (N years ending with the document's year, or with the year before
when said in its first half: 2021-01-01..2023-12-31 when said in October 2023).
A period without a year is the latest one that has ended by the document date ("in December",
said in January, is last December).  Fiscal years run April-March, as India's: "FY2023-24",
"2023-24", "fiscal 2024" (ends March 2024), "the last fiscal", "the year to March 2022"; a text
that counts fiscal years (`Clock.fiscal`) also reads "2019-2020" as one.  Comparison bases
("compared to the same period last year", "than August 2019") are not periods.
Deadlines: "by 2030"/"until 2027"/"by 2024-end"/"the 2015 target" -> 31 December of that year;
"over the next five years"/"in 2-3 years" -> 31 December of (statement year + 5 / + 3), where
the statement year is a date in the same sentence ("in November 2024") or else the document
year; "by the end of the decade" -> the decade's last year.  Vague horizons ("in years to come",
"in the near future", "in the medium term") give nothing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

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

# Metadata lines before the text: "url: ..." (or source/title) then "date: YYYY-MM-DD" or
# "date: unknown"; the older one-line form "date YYYY-MM-DD" has no colon.
_HEADER_RE = re.compile(
    r"\A(?:[ \t]*(?:url|source|title)[ \t]*:[^\n]*\n)*"
    r"[ \t]*date[ \t]*:?[ \t]+(?:(\d{4})-(\d{2})-(\d{2})\b|unknown\b)",
    re.IGNORECASE,
)
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
# A year named with part of it ("July 2024", "the first half of 2024") is one the text is
# written in or just after, never a year already closed by "last year" wording.
_MONTH_YEAR_RE = re.compile(
    rf"(?:{_MONTH}|months|half|quarters?|\bQ[1-4]|\bH[12])\s+(?:of\s+)?({_YEAR})"
    rf"|({_YEAR})-\d{{2}}-\d{{2}}",
    re.IGNORECASE,
)
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

    Horizon years ("by 2030", "until 2027") are ignored; a comparison base ("from the same month
    in 2023") counts as the year after it.  The latest remaining year is taken; when it only
    appears as a whole-year reference ("in 2022") and the text also speaks of "last year" or
    "this year", the text is taken to be from the following year.
    """
    past: list[int] = []
    named: set[int] = set()
    with_month: set[int] = set()
    for m in _ANY_YEAR_RE.finditer(text):
        year = int(m.group())
        named.add(year)
        before = text[max(0, m.start() - 40) : m.start()]
        clause = text[max(0, m.start() - 80) : m.start()].rsplit(".", 1)[-1]
        if _MONTH_YEAR_RE.search(text, max(0, m.start() - 16), m.end() + 6):
            with_month.add(year)
        # only a window around the year: the whole text would be slow to scan for bases
        base = _BASE_RE.search(text, max(0, m.start() - 60), m.end())
        if base and base.start() <= m.start() < base.end():
            past.append(year + 1)  # "up 2% from the same month in 2023": now is later
        elif not _FUTURE_BEFORE_RE.search(before) and not _FUTURE_TENSE_RE.search(clause):
            past.append(year)
    if not past:
        return None
    latest = max(past)
    with_month |= {y for y in past if y not in named}  # only known as the year after a base
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
    """Offset just past a leading "url:"/"date:" header, or None without one."""
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
    body = header.end() if header else 0
    if header and header.group(1):
        found = _safe_date(*(int(g) for g in header.groups()))
        if found:
            return DocumentDate(found, False, "day")
    head = text[body : body + 600]
    for regex in (_DATELINE_RE, _BYLINE_RE, _EVENT_DATE_RE):
        m = regex.search(head if regex is not _EVENT_DATE_RE else text[body : body + 1500])
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


@dataclass(frozen=True, slots=True)
class Clock:
    """What relative wording ("last year", "in July", "the last fiscal") is resolved against.

    `exact`: the month of `day` is known (a year-only guess must not push "in July" back a year).
    `fiscal`: the text counts April-March fiscal years, so "2019-2020" is one fiscal year.
    """

    day: date | None
    exact: bool = True
    fiscal: bool = False
    iranian: bool = False  # the text counts Iranian years (from 21 March): see `_IRANIAN_RE`


def _clock(reference: date | Clock | None) -> Clock:
    return reference if isinstance(reference, Clock) else Clock(reference)


_SAME = r"(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?:period|months?|quarter|half|time)"
_BASE_YEAR = (
    rf"(?:(?:{_MONTH}\s+(?:of\s+)?)?{_YEAR}|last year|(?:the\s+)?(?:previous|prior|preceding) year"
    r"|a year (?:ago|earlier|before))"
)
# A comparison base: its years are not the period of the figure beside it.  "from 2019 to 2022"
# is a span, not a base.
_BASE_RE = re.compile(
    rf"\b(?:compared (?:to|with)|as against|against|versus|vs\.?|relative to|from|over|than)\s+"
    rf"(?:in\s+)?(?:(?P<same>{_SAME})\s+(?:(?:of|in)\s+)?)?{_BASE_YEAR}"
    rf"(?!\s*(?:-|–|—|to|until|till|through)\s*(?:{_YEAR}|{_MONTH}))"
    rf"|(?P<same2>{_SAME})\s+(?:(?:of|in)\s+)?{_BASE_YEAR}"
    rf"|\b(?:compared (?:to|with)|than)\s+(?:the\s+)?(?:previous|prior|preceding)\s+period"
    rf"|\b(?:surpass\w*|exceed\w*|above|below|than)\s+(?:the\s+)?(?:indicators?|levels?|figures?"
    rf"|volumes?)\s+(?:of|in|for)\s+{_BASE_YEAR}"
    r"|\byear[- ](?:on|over)[- ]year\b|\by-?o-?y\b|\by/y\b|\bannually\b|\bon an annual basis\b",
    re.IGNORECASE,
)
_FY = r"(?:FY\s?'?|(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+(?:of\s+)?)"
# "FY2023-24", "FY23/24", "FY2012" (the year it ends), "fiscal year 2022–23", "2023-24" (a
# two-digit second year is fiscal notation), "2019-2020 fiscal"; "2019-2020" alone only in a
# text that counts fiscal years (`Clock.fiscal`).
_FY_RE = re.compile(
    rf"\b{_FY}(?P<a>{_YEAR}|\d{{2}})(?:\s*[-–/]\s*'?(?P<b>{_YEAR}|\d{{2}})(?!\d))?"
    rf"|(?<![\d-])(?P<c>{_YEAR})\s*[-–/]\s*(?P<d>\d{{2}}|{_YEAR})(?![\d-])"
    r"(?P<lab>\s+(?:fiscal|financial)(?:\s+year)?\b)?",
    re.IGNORECASE,
)
_REL_FY_RE = re.compile(
    r"\b(?:the\s+)?(?P<rel>last|previous|past|preceding|current|this|present|next)\s+"
    r"(?:fiscal|financial)(?:\s+year)?\b(?!\s*(?:FY|\d))",
    re.IGNORECASE,
)
# "the year to March", "12 months to March 2022", "fiscal year ending March 2024".
_YEAR_TO_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year|(?:12|twelve)\s+months)\s+"
    rf"(?:to|through|ending|ended)\s+(?:in\s+)?(?:\d{{1,2}}(?:st|th)?\s+)?(?P<m>{_MONTH})"
    rf"(?:\s+\d{{1,2}}(?:st|th)?(?!\d))?,?(?:\s+(?P<y>{_YEAR}))?",
    re.IGNORECASE,
)
_FY_MONTHS_RE = re.compile(
    rf"\b(?:the\s+)?first\s+(?P<n>{_COUNT})\s+months\s+of\s+(?:the\s+)?"
    rf"(?:(?P<fy>{_FY_RE.pattern})|(?P<rfy>{_REL_FY_RE.pattern}))",
    re.IGNORECASE,
)
_MONTH_RANGE_RE = re.compile(
    rf"\b(?:(?P<pre>from|between)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*"
    rf"(?P<to>-|–|—|to|through|till|until|and)\s*(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?:of\s+)?{_YEAR_REF})?",
    re.IGNORECASE,
)
_FIRST_MONTHS_RE = re.compile(
    rf"\b(?:(?:the\s+)?first\s+)?(?P<n>{_COUNT})\s+months\s+(?:of\s+)?{_YEAR_REF}"
    rf"|\b(?:the\s+)?first\s+(?P<n2>{_COUNT})\s+months\b(?:\s+of\s+the\s+year\b)?",
    re.IGNORECASE,
)
_HALF_RE = re.compile(
    rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half(?:\s+of\s+{_YEAR_REF})?"
    rf"(?:\s+of\s+the\s+year\b)?|\bH(?P<h2>[12])\s*(?P<y2>{_YEAR})?",
    re.IGNORECASE,
)
_QUARTER_RE = re.compile(
    rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:\s+of\s+{_YEAR_REF})?"
    rf"|\bQ(?P<q2>[1-4])(?:\s+|/)?(?P<y2>{_YEAR})?\b"
    rf"|\b(?:the\s+)?first\s+(?P<qs>two|three)\s+quarters(?:\s+of\s+(?P<y3>{_YEAR}|{_REL_YEAR}))?",
    re.IGNORECASE,
)
_MONTH_YEAR_PERIOD_RE = re.compile(
    rf"\b(?:in|for|during|throughout)\s+(?:the\s+month\s+of\s+)?(?P<m>{_MONTH})"
    rf"(?:\s+(?:of\s+)?{_YEAR_REF})?(?!\s*\d)"
    rf"|\b(?:the\s+)?month\s+of\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?(?!\s*\d)",
    re.IGNORECASE,
)
# "June 2024 figures": a capitalised month and a year, unless a day precedes it (a date).
_BARE_MONTH_YEAR_RE = re.compile(rf"(?<!\d )(?<!\d\d )\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})")
_YEAR_SPAN_RE = re.compile(
    rf"\b(?:in|for|during|throughout|of|over|between|as of|by the end of|at the end of)\s+"
    rf"(?:the\s+(?:whole\s+|entire\s+|calendar\s+)?(?:year\s+)?)?"
    rf"(?P<y1>{_YEAR})(?:\s*(?:-|–|—|and|to)\s*(?P<y2>{_YEAR}))?"
    rf"|^(?P<y3>{_YEAR})\b(?=,)|\b(?P<y4>{_YEAR})\b(?=\s+(?:trade|exports|imports|figures?)\b)",
    re.IGNORECASE,
)
_REL_PERIOD_RE = re.compile(rf"\b(?P<rel>{_REL_YEAR})\b", re.IGNORECASE)
IRANIAN_YEAR_RE = re.compile(r"\bIranian\s+(?:calendar\s+|solar\s+)?year\b")
# "the first 11 months of the current Iranian calendar year (of 1396)": Iranian years start on
# 21 March, so month N of the year ends in Gregorian month N + 3 and year 1396 starts in 2017.
_IRANIAN_RE = re.compile(
    rf"\b(?:(?:the\s+)?(?:first|past|last)\s+(?P<n>{_COUNT})\s+months\s+of\s+)?(?:the\s+)?"
    r"(?P<cur>current\s+|this\s+)?Iranian\s+(?:calendar\s+|solar\s+|fiscal\s+)?year"
    r"(?:\s*\(?\s*(?:of\s+)?(?P<y>1[34]\d\d)\b)?",
    re.IGNORECASE,
)
# "trade in eight months was down": the first N months of the year; "in the last 11 months":
# the N months up to the document's month.
_IN_MONTHS_RE = re.compile(
    rf"\b(?:in|for|during|over)\s+(?P<last>(?:the\s+)?(?:past|last|previous)\s+)?"
    rf"(?P<n>{_COUNT})\s+months\b(?!\s*(?:time|ago|'|’))",
    re.IGNORECASE,
)
# "has grown 25 percent a year since 2001": from that year to the document's.
_SINCE_RE = re.compile(
    rf"\bsince\s+(?P<y>{_YEAR})\b|\bas of\s+(?P<y2>{_YEAR})\b(?=[^.;]{{0,40}}\b(?:has|have)\b)",
    re.IGNORECASE,
)
_PAST_YEARS_RE = re.compile(
    rf"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>{_COUNT})\s+years\b",
    re.IGNORECASE,
)
# "between FY2012 and FY2022", "from 2018 to 2021": two periods joined into one span.
_JOIN_RE = re.compile(r"^\s*(?:and|to|through|until|-|–|—)\s*$", re.IGNORECASE)
_QUALIFYING_YEAR_GAP_RE = re.compile(r"[\s.,]*(?:of\s+)?")
_JOIN_BEFORE_RE = re.compile(
    r"\b(?:between|from)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:years?\s+)?$", re.I
)

_DEADLINE_YEAR_RE = re.compile(
    rf"\b(?:by|until|till|through|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:the\s+year\s+)?(?:end[- ])?(?P<y>{_YEAR})(?:[- ]end)?\b"
    rf"|\b(?P<y2>{_YEAR})\s+(?:\w+\s+){{0,4}}?(?:target|goal|objective)\b"
    rf"|\b(?:target|goal|objective)\s+(?:\w+\s+){{0,3}}?for\s+(?:the\s+year\s+)?(?P<y3>{_YEAR})\b",
    re.IGNORECASE,
)
_DEADLINE_YEAR_END_RE = re.compile(
    r"\bby\s+(?:the\s+)?(?:end\s+of\s+(?:the|this|the current)\s+year|year[- ]end)\b", re.I
)
_DEADLINE_DECADE_RE = re.compile(
    r"\bby\s+the\s+(?:end|close)\s+of\s+(?:the|this)\s+decade\b", re.IGNORECASE
)
_DEADLINE_RELATIVE_RE = re.compile(
    rf"\b(?:over|in|within|during|for)\s+the\s+(?:next|coming|following|upcoming)\s+"
    rf"(?P<n>{_COUNT})\s+years\b|\bwithin\s+(?:the\s+)?(?P<n2>{_COUNT})\s+years\b"
    rf"|\bin\s+(?:(?:{_COUNT})\s*(?:-|–|to|or)\s*)?(?P<n3>{_COUNT})\s+years\b(?!\s+(?:ago|since))",
    re.IGNORECASE,
)
_STATEMENT_DATE_RE = re.compile(
    rf"\b(?:in|on)\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},\s+)?({_YEAR})"
)


def count_word(token: str) -> int | None:
    """3 for "3", "three" or "third"."""
    token = token.lower()
    return int(token) if token.isdigit() else _ORDINALS.get(token)


_count = count_word


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


def _year_of(token: str | None, clock: Clock, last_month: int) -> int | None:
    """The year of a period ending in `last_month`; without a stated year, the latest one that
    has ended by the document date ("in December", said in January, is last December)."""
    day = clock.day
    year = _resolve_year(token, day.year if day else None)
    if token is None and day is not None and clock.exact and last_month > day.month:
        return year - 1 if year else None
    return year


def _full_year(token: str) -> int:
    return int(token) if len(token) == 4 else 2000 + int(token)


def _fiscal(end_year: int) -> tuple[date, date]:
    """The April-March fiscal year ending in March of `end_year`."""
    return date(end_year - 1, 4, 1), date(end_year, 3, 31)


def _fy_end(m: re.Match[str], clock: Clock) -> int | None:
    """The year a fiscal-year match ends in, or None when it is not one."""
    if m.group("a"):
        first = _full_year(m.group("a"))
        if not m.group("b"):
            return first  # "FY2012": the year ending in March 2012
        last = _full_year(m.group("b")) if len(m.group("b")) == 4 else 100 * (first // 100)
        last += 0 if len(m.group("b")) == 4 else int(m.group("b"))
        return last if last == first + 1 else None
    first, second = int(m.group("c")), m.group("d")
    if len(second) == 4 and not (m.group("lab") or clock.fiscal):
        return None  # "2019-2020" in a text without fiscal years is two calendar years
    last = int(second) if len(second) == 4 else 100 * (first // 100) + int(second)
    return last if last == first + 1 else None


_FY_SHIFT = {"last": -1, "previous": -1, "past": -1, "preceding": -1, "next": 1}


def _current_fy_end(day: date) -> int:
    return day.year + 1 if day.month >= 4 else day.year


def mask_base_periods(text: str) -> str:
    """Blank out comparison bases ("over 2021", "year-on-year") keeping offsets intact."""
    return _BASE_RE.sub(lambda m: " " * len(m.group()), text)


def base_period(
    text: str, start: int, end: int, reference: date | Clock | None, main: Period | None
) -> Period | None:
    """The period of an amount at text[start:end] that is itself a comparison base:
    "compared to the same period in 2022 ($518.1 million)" -> `main`'s months in 2022."""
    clock = _clock(reference)
    for m in _BASE_RE.finditer(text):
        before = 0 <= start - m.end() <= 3 and not text[m.end() : start].strip(" (")
        after = 0 <= m.start() - end <= 4 and text[end : m.start()].strip() in ("", "in")
        if not (before or after):
            continue
        years = [int(y) for y in _ANY_YEAR_RE.findall(m.group())]
        rel = re.search(r"last year|previous|prior|preceding|a year", m.group(), re.I)
        if years:
            year = years[-1]
        elif rel and main is not None:
            year = main.end.year - 1
        elif rel and clock.day:
            year = clock.day.year - 1
        else:
            continue
        month = re.search(_MONTH, m.group())
        if month and (number := month_number(month.group().rstrip("."))):
            first, last = date(year, number, 1), _last_day(year, number)
        elif (m.group("same") or m.group("same2")) and main is not None:
            shift = main.end.year - year
            first = date(main.start.year - shift, main.start.month, 1)
            last = _last_day(year, main.end.month)
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
        return Period(first, last, "period", m.start(), m.end(), m.group())
    return None


def after_base(text: str, reference: date | Clock | None, last: Period | None) -> Period | None:
    """The period a text without one speaks of, from its comparison base: "20% lower than
    August 2019" -> August 2020; "compared to the same period of 2018" -> `last` when it is in
    2019, else 2019; "up 5% on last year" -> the document year."""
    clock = _clock(reference)
    for m in _BASE_RE.finditer(text):
        years = [int(y) for y in _ANY_YEAR_RE.findall(m.group())]
        if years:
            year = years[-1] + 1
        elif clock.day and re.search(r"last year|previous|prior|preceding|a year", m.group(), re.I):
            year = clock.day.year
        else:
            continue
        month = re.search(_MONTH, m.group())
        if month and (number := month_number(month.group())):
            first, end = date(year, number, 1), _last_day(year, number)
        elif last is not None and last.end.year == year:
            first, end = last.start, last.end
        else:
            first, end = date(year, 1, 1), date(year, 12, 31)
        return Period(first, end, "period", m.start(), m.end(), m.group())
    return None


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def find_periods(text: str, reference: date | Clock | None) -> list[Period]:
    """Reporting periods mentioned in `text` (bases of comparison excluded), in reading order.

    `reference` is the document date (or a `Clock`); relative expressions need it and are
    dropped without it.
    """
    # a sentence is searched once per amount and once for growth: remember the answer
    return list(_periods(text, _clock(reference)))


@lru_cache(maxsize=2048)
def _periods(text: str, clock: Clock) -> tuple[Period, ...]:
    day = clock.day
    ref_year = day.year if day else None
    masked = mask_base_periods(text)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(start: date | None, end: date | None, m: re.Match[str]) -> None:
        if start is None or end is None or _overlaps(taken, m.start(), m.end()):
            return
        taken.append((m.start(), m.end()))
        found.append(Period(start, end, "period", m.start(), m.end(), m.group()))

    if clock.iranian:
        for m in _IRANIAN_RE.finditer(masked):
            if m.group("y"):
                first_year = int(m.group("y")) + 621
            elif m.group("cur") and day:
                first_year = day.year if (day.month, day.day) >= (3, 21) else day.year - 1
            else:
                continue
            months = _count(m.group("n")) if m.group("n") else 12
            if months and 1 <= months <= 12:
                last = 3 + months - 1  # months since January of `first_year`, 0-based
                add(date(first_year, 3, 1), _last_day(first_year + last // 12, last % 12 + 1), m)
    for m in _FY_MONTHS_RE.finditer(masked):
        fy = _FY_RE.fullmatch(m.group("fy") or "")
        n, last = _count(m.group("n")), _fy_end(fy, clock) if fy else None
        if m.group("rfy") and day:  # "the first four months of the current fiscal"
            last = _current_fy_end(day) + _FY_SHIFT.get(m.group("rel").lower(), 0)
        if n and last and 1 <= n <= 12:
            first = date(last - 1, 4, 1)
            end_month = (3 + n - 1) % 12 + 1
            add(first, _last_day(last - 1 + (3 + n - 1) // 12, end_month), m)
    for m in _FY_RE.finditer(masked):
        last = _fy_end(m, clock)
        if last:
            add(*_fiscal(last), m)
    for m in _REL_FY_RE.finditer(masked):
        if day:
            add(*_fiscal(_current_fy_end(day) + _FY_SHIFT.get(m.group("rel").lower(), 0)), m)
    for m in _YEAR_TO_RE.finditer(masked):
        month = month_number(m.group("m"))
        year = _year_of(m.group("y"), clock, month or 12)
        if year and month:  # the twelve months ending with `month`
            start = date(year, 1, 1) if month == 12 else date(year - 1, month + 1, 1)
            add(start, _last_day(year, month), m)
    for m in _MONTH_RANGE_RE.finditer(masked):
        first, last = month_number(m.group("m1")), month_number(m.group("m2"))
        if m.group("to").lower() == "and" and not m.group("pre"):
            continue  # "in May and June" lists months; only "between May and June" spans them
        if not first or not last:
            continue
        year = _year_of(m.group("y"), clock, last) if not m.group("y1") else None
        if m.group("y1"):
            y1 = int(m.group("y1"))
            year = _resolve_year(m.group("y"), y1 + (first > last))
        if year:
            add(date(year - (first > last), first, 1), _last_day(year, last), m)
    for m in _FIRST_MONTHS_RE.finditer(masked):
        n = _count(m.group("n") or m.group("n2") or "")
        if n and 1 <= n <= 12:
            year = _year_of(m.group("y"), clock, n)
            if year:
                add(date(year, 1, 1), _last_day(year, n), m)
    for m in _QUARTER_RE.finditer(masked):
        token = m.group("y") or m.group("y2") or m.group("y3")
        if m.group("qs"):
            months = 3 * (_count(m.group("qs")) or 1)
            year = _year_of(token, clock, months)
            if year:
                add(date(year, 1, 1), _last_day(year, months), m)
            continue
        q = _count(m.group("q") or "") or int(m.group("q2") or 0)
        year = _year_of(token, clock, 3 * q)
        if year and 1 <= q <= 4:
            add(date(year, 3 * q - 2, 1), _last_day(year, 3 * q), m)
    for m in _HALF_RE.finditer(masked):
        half = _count(m.group("h") or "") or int(m.group("h2") or 0)
        year = _year_of(m.group("y") or m.group("y2"), clock, 6 * half)
        if year and half in (1, 2):
            add(date(year, 6 * half - 5, 1), _last_day(year, 6 * half), m)
    for m in _PAST_YEARS_RE.finditer(masked):
        n = _count(m.group("n"))
        if day and n:  # said in the first half of a year, that year is too young to count
            last = ref_year - 1 if clock.exact and day.month <= 6 else ref_year
            add(date(last - n + 1, 1, 1), date(last, 12, 31), m)
    for m in _IN_MONTHS_RE.finditer(masked):
        n = _count(m.group("n"))
        if not (day and n and 1 <= n <= 12):
            continue
        if not m.group("last"):
            year = _year_of(None, clock, n)
            if year:
                add(date(year, 1, 1), _last_day(year, n), m)
        elif clock.exact:  # the N full months before the document's month
            end = _last_day(day.year - (day.month == 1), (day.month - 2) % 12 + 1)
            # an Iranian month starts on the 21st, in the Gregorian month before its end
            first = end.year * 12 + end.month - n - clock.iranian
            add(date(first // 12, first % 12 + 1, 1), end, m)
    for m in _SINCE_RE.finditer(masked):
        if ref_year:
            add(date(int(m.group("y") or m.group("y2")), 1, 1), date(ref_year, 12, 31), m)
    for regex in (_MONTH_YEAR_PERIOD_RE, _BARE_MONTH_YEAR_RE):
        for m in regex.finditer(masked):
            month = month_number(m.group("m") or m.group("m2"))
            token = m.group("y") or (m.groupdict().get("y2"))
            year = _year_of(token, clock, month or 12)
            if year and month:
                add(date(year, month, 1), _last_day(year, month), m)
    deadline_spans = [(d.span_start, d.span_end) for d in find_deadlines(text, clock)]
    for m in _YEAR_SPAN_RE.finditer(masked):
        if _overlaps(deadline_spans, m.start(), m.end()):
            continue
        first = int(m.group("y1") or m.group("y3") or m.group("y4"))
        last = int(m.group("y2") or first)
        if first <= last:
            add(date(first, 1, 1), date(last, 12, 31), m)
    for m in _REL_PERIOD_RE.finditer(masked):
        year = _resolve_year(m.group("rel"), ref_year)
        if year:
            add(date(year, 1, 1), date(year, 12, 31), m)
    return tuple(_join(text, sorted(found, key=lambda p: p.span_start)))


def _join(text: str, periods: list[Period]) -> list[Period]:
    """Merge "between FY2012 and FY2022" / "from 2018 to 2021" into one span."""
    joined: list[Period] = []
    for period in periods:
        last = joined[-1] if joined else None
        if (
            last is not None
            and _JOIN_RE.match(text[last.span_end : period.span_start])
            and _JOIN_BEFORE_RE.search(text[max(0, last.span_start - 40) : last.span_start])
            and last.end < period.end
        ):
            start, end = last.span_start, period.span_end
            joined[-1] = Period(last.start, period.end, "period", start, end, text[start:end])
        elif (
            last is not None
            and _QUALIFYING_YEAR_GAP_RE.fullmatch(text, last.span_end, period.span_start)
            and (period.start.month, period.start.day, period.end.month) == (1, 1, 12)
            and period.start.year == last.start.year == last.end.year
        ):
            # "for 10 months. this year", "January-July, 2023": the year only qualifies the part
            start, end = last.span_start, period.span_end
            joined[-1] = Period(last.start, last.end, "period", start, end, text[start:end])
        else:
            joined.append(period)
    return joined


def statement_year(text: str, reference: date | None) -> int | None:
    """The year a plan was stated in: a dated event in the sentence, else the document year."""
    m = _STATEMENT_DATE_RE.search(text)
    if m:
        return int(m.group(1))
    return reference.year if reference else None


def _deadline(year: int, m: re.Match[str]) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "deadline", m.start(), m.end(), m.group())


def find_deadlines(text: str, reference: date | Clock | None) -> list[Period]:
    """Deadlines ("by 2030", "the 2015 target", "over the next five years", "in 2-3 years",
    "by the end of the decade") as Periods ending on 31 December.  Vague horizons ("in the near
    future", "in the medium term") are none."""
    day = _clock(reference).day
    found = [
        _deadline(int(m.group("y") or m.group("y2") or m.group("y3")), m)
        for m in _DEADLINE_YEAR_RE.finditer(text)
    ]
    if day is not None:
        found += [_deadline(day.year, m) for m in _DEADLINE_YEAR_END_RE.finditer(text)]
        found += [
            _deadline(day.year // 10 * 10 + 10, m) for m in _DEADLINE_DECADE_RE.finditer(text)
        ]
    for m in _DEADLINE_RELATIVE_RE.finditer(text):
        n = _count(m.group("n") or m.group("n2") or m.group("n3") or "")
        base = statement_year(text, day)
        if n and base and n <= 30:
            found.append(_deadline(base + n, m))
    return sorted(found, key=lambda p: p.span_start)
