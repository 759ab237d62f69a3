"""The period or deadline an amount belongs to (dates.py finds them; this decides which).

Decides, for an amount in its clause: its reporting period (its own, an earlier one in the
sentence, or a comparison base's), which deadlines are a trade level's and which are really
past dates, whether a current-year aim is a forecast rather than a target, the earlier period
"the five months" refers back to, and how long "after a year" lasts.
"""

from __future__ import annotations

import re
from datetime import date

from . import dates

Span = tuple[int, int]

ANAPHORIC_PERIOD_RE = re.compile(
    r"\b(?:during|in|over|for|of)\s+the\s+(?:same\s+|said\s+|reporting\s+|above\s+|review\s+"
    r"|aforementioned\s+|mentioned\s+|specified\s+|indicated\s+)?"
    r"(?:period|quarter|half[- ]year|month|year|(?:\w+\s+)?months)\b|\bunder review\b"
    r"|\b(?:in|during|for|of)\s+that\s+(?:year|period)\b",
    re.IGNORECASE,
)
# Periods and deadlines of amounts (dates.py finds them; these decide which belongs to what).
RESULT_BEFORE_RE = re.compile(
    r"\b(?:rose|climbed|increased|grew|jumped|surged|soared|fell|declined|dropped|decreased"
    r"|expanded|went (?:up|down)|gained)\b(?:[^.;]|\.\d){0,60}$",
    re.IGNORECASE,
)
# An amount followed by a horizon ("$10 billion in the medium term") is an aim without a year.
HORIZON_RE = re.compile(
    r"^[^.;]{0,30}\b(?:in|over)\s+the\s+(?:near|foreseeable|medium|long|short)[- ]?(?:term|run"
    r"|future)\b|^[^.;]{0,30}\bin\s+(?:the\s+)?(?:coming|next)\s+(?:few\s+)?years\b",
    re.IGNORECASE,
)
# Plans and agreed goals stay targets even for the current year.
_PLAN_RE = re.compile(
    r"\b(?:aims?|aiming|aimed|plans?|planned|planning|goals?|target of|set (?:a|the) target"
    r"|seeks?|intends?|agreed|wants?|strive|objectives?)\b",
    re.IGNORECASE,
)
# Without a year, only explicit forecast words make an amount this year's forecast.
_FORECAST_NOW_RE = re.compile(
    r"\b(?:likely|expected|forecast|projected|estimated|anticipated)\s+to\b", re.IGNORECASE
)
SET_BEFORE_RE = re.compile(
    r"\b(?:announced|set|adopted|agreed|signed|declared|launched|established|approved|unveiled"
    r"|made)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A deadline right after an agreement is the agreement's ("to sign the FTA by 2025").
AGREEMENT_BEFORE_RE = re.compile(
    r"\b(?:agreements?|FTA|CEPA|deal|treaty|pact|accord|negotiations?|talks)\b[^$\d.;]{0,40}$",
    re.IGNORECASE,
)
_PAST_STATE_RE = re.compile(
    r"\b(?:reached|stood|was|were|amounted|totall?ed|exceeded|hit|rose|grew|remained|had)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK_RE = re.compile(r";|,\s*(?:and|while|but|whereas)\b|\band that\b", re.IGNORECASE)
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|during|for|of|over|from|to|between|through|since|as of)\s*$", re.IGNORECASE
)


def amount_period(
    body: str, seg: Span, rel: int, rel_end: int, clock: dates.Clock
) -> tuple[dates.Period | None, bool]:
    """The period of the amount at segment[rel:rel_end] and whether it is a comparison base's.

    Its clause's own period (one right after it in the same clause first, else the last before
    it); else the nearest earlier one in the sentence ("In 2015, it fell to $23 billion" cut
    from "In 2014, ... $31 billion"); else the sentence's only one.  An amount that is itself a
    comparison base ("compared to the same period in 2022 ($518.1 million)") takes the base's.
    """
    segment = body[seg[0] : seg[1]]
    own = [
        p
        for p in dates.find_periods(segment, clock)
        # "FY2017-18 $15.71 billion FY2018-19 $17.63 billion": a bare period closing the clause
        # after the amount labels the next amount
        if not (
            p.span_start >= rel_end
            and not segment[p.span_end :].strip(" ,;:")
            and re.match(r"FY|\d", p.text, re.IGNORECASE)
            and not _PREPOSITION_BEFORE_RE.search(segment, 0, p.span_start)
        )
    ]
    after = [
        p
        for p in own
        if p.span_start >= rel_end
        and not _CLAUSE_BREAK_RE.search(segment, rel_end, p.span_start)
        and not p.text[:1].isupper()  # "$31 billion In 2015, it fell": a missed full stop
    ]
    before = [p for p in own if p.span_end <= rel]
    period = after[:1] or before[-1:] or own[:1]
    if not period and not SEQUENCE_RE.search(segment, 0, rel):
        # (not "In 2005 it was $300 million, but later reached $2.4 billion": another time)
        whole = dates.find_periods(body, clock)
        earlier = [p for p in whole if p.span_end <= seg[0]]
        period = earlier[-1:] or (whole if len(whole) == 1 else [])
    main = period[0] if period else None
    base = dates.base_period(segment, rel, rel_end, clock, main)
    return (base, True) if base else (main, False)


def trade_deadlines(
    segment: str, clock: dates.Clock, *, planned: bool
) -> tuple[list[dates.Period], list[dates.Period]]:
    """(deadlines of trade levels, deadlines that are really past dates) in a clause.

    Agreement deadlines are neither.  A year already past, or the current one with a past
    verb ("by 2024-end trade reached"), is when a figure was reached, unless a plan is spoken of.
    """
    year = clock.day.year if clock.day else None
    kept, past = [], []
    for d in dates.find_deadlines(segment, clock):
        if AGREEMENT_BEFORE_RE.search(segment, 0, d.span_start):
            continue
        if (
            year
            and not planned
            and (d.end.year < year or (d.end.year == year and _PAST_STATE_RE.search(segment)))
        ):
            past.append(dates.Period(d.start, d.end, "period", d.span_start, d.span_end, d.text))
        else:
            kept.append(d)
    return kept, past


def is_forecast(
    segment: str, deadlines: list[dates.Period], period: dates.Period | None, today: date | None
) -> bool:
    """A current-year forecast ("likely to reach $16 billion this year", "trade at $40 billion
    by 2010" said in 2010) rather than a goal: plans and agreed goals stay targets."""
    if today is None or _PLAN_RE.search(segment):
        return False
    years = {d.end.year for d in deadlines} or ({period.end.year} if period else set())
    if years:
        return years == {today.year}
    return bool(_FORECAST_NOW_RE.search(segment))


# Wording that places a past level after another time, not at the latest year.
SEQUENCE_RE = re.compile(r"\b(?:later|afterwards|subsequently|eventually)\b", re.IGNORECASE)


_SIZES = {"quarter": 3, "half-year": 6, "half year": 6, "month": 1}


def sized_period(seen: list[tuple[date, date]], anaphor: str) -> tuple[date, date] | None:
    """The latest period as long as "the five months" / "the quarter" says, if it says."""
    words = anaphor.lower().split()
    size = _SIZES.get(words[-1]) or _SIZES.get(" ".join(words[-2:]))
    if words[-1] == "months" and len(words) >= 2:
        size = dates.count_word(words[-2])
    if not size:
        return None
    for start, end in reversed(seen):
        if (end.year - start.year) * 12 + end.month - start.month + 1 == size:
            return start, end
    return None


# "rose 31% after a year", "a year later", "within two years": the time a change took.
_ELAPSED_RE = re.compile(
    r"[^.;]{0,20}?\b(?:(?:after|within|in)\s+(?P<n>a|one|two|three|\d)\s+(?P<u>years?|months?)"
    r"|(?P<n2>a|one|two|three|\d)\s+(?P<u2>years?|months?)\s+later)\b",
    re.IGNORECASE,
)


def elapsed_months(body: str, at: int) -> int | None:
    m = _ELAPSED_RE.match(body, at)
    if not m:
        return None
    count = (m.group("n") or m.group("n2")).lower()
    n = 1 if count in ("a", "one") else dates.count_word(count)
    unit = (m.group("u") or m.group("u2")).lower()
    return n * (12 if unit.startswith("year") else 1) if n else None
