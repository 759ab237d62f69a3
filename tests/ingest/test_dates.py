from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.ingest.dates import (
    Clock,
    after_base,
    base_period,
    document_date,
    find_deadlines,
    find_periods,
    header_end,
    infer_year,
)

REFERENCE = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-09-30 Belarusian President met", (date(2025, 9, 30), False, "day")),
        (
            "\nMINSK, 29 September (BelTA) – In 2024 trade grew; in June 2025 a forum was held.",
            (date(2025, 9, 29), True, "day"),
        ),
        ("ASTANA, 20 May 2025 /Kazinform/ – Trade", (date(2025, 5, 20), False, "day")),
        ("HANOI, Aug. 12 (VNA) – in 2024", (date(2024, 8, 12), True, "day")),
        (
            "YEREVAN, October 3. /ARMENPRESS/. In 2023 trade was $1bn. This year it fell.",
            (date(2024, 10, 3), True, "day"),
        ),
        (
            "BAKU, Azerbaijan, February 20. Exports in January 2025",
            (date(2025, 2, 20), True, "day"),
        ),
        ("Title\n12:58, 5 February\nno years here", (date(2026, 2, 5), True, "day")),
        ("Title\n12:58, 5 December\nno years here", (date(2025, 12, 5), True, "day")),
        ("He met him in Minsk on 30 October. No years here.", (None, True, None)),
        (
            "He met him in Minsk on 30 October. $1m in 2022, and last year too.",
            (date(2023, 10, 30), True, "day"),
        ),
        ("Nothing dated at all.", (None, True, None)),
        ("Trade grew in 2021 and in 2022.", (date(2022, 1, 1), True, "year")),
    ],
)
def test_document_date(text: str, expected: tuple) -> None:
    assert tuple(document_date(text, reference=REFERENCE)) == expected


def test_reference_dates_a_yearless_byline_on_or_before_it() -> None:
    text = "Title\n12:58, 5 February\nno years here"
    assert document_date(text, reference=date(2026, 2, 5)).date == date(2026, 2, 5)
    assert document_date(text, reference=date(2026, 2, 4)).date == date(2025, 2, 5)
    leap = document_date("MINSK, 29 February (BelTA) – no years", reference=date(2026, 11, 24))
    assert tuple(leap) == (date(2024, 2, 29), True, "day")


def test_years_in_the_text_and_published_win_over_the_reference() -> None:
    text = "\nMINSK, 29 September (BelTA) – In 2024 trade grew; in June 2025 a forum was held."
    assert document_date(text, reference=date(2030, 1, 1)).date == date(2025, 9, 29)
    byline = "Title\n12:58, 5 February\n"
    found = document_date(byline, published=date(2024, 3, 1), reference=date(2030, 1, 1))
    assert found.date == date(2024, 2, 5)


def test_reference_defaults_to_today() -> None:
    found = document_date("Title\n12:58, 1 January\nno years here")
    assert found.date == date(date.today().year, 1, 1) and found.inferred


def test_published_hint_supplies_the_year() -> None:
    found = document_date("Title\n12:58, 5 February\n", published=date(2026, 2, 6))
    assert tuple(found) == (date(2026, 2, 5), True, "day")
    december = document_date("MINSK, 30 December (BelTA) –", published=date(2026, 1, 2))
    assert december.date == date(2025, 12, 30)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("in 2024; a roadmap until 2027 and goals by 2030; in June 2025", 2025),
        ("$160.2 million in 2022 over 2021, last year", 2023),
        ("The next session will be held in 2025. Trade in 2023.", 2023),
        ("no years", None),
    ],
)
def test_infer_year(text: str, year: int | None) -> None:
    assert infer_year(text) == year


REF = date(2023, 10, 30)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in 2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("last year", date(2022, 1, 1), date(2022, 12, 31)),
        ("this year", date(2023, 1, 1), date(2023, 12, 31)),
        ("January-August", date(2023, 1, 1), date(2023, 8, 31)),
        ("January–August of this year", date(2023, 1, 1), date(2023, 8, 31)),
        ("in the first half of 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("in Q1", date(2023, 1, 1), date(2023, 3, 31)),
        ("in the first quarter", date(2023, 1, 1), date(2023, 3, 31)),
        ("in the third quarter of 2024", date(2024, 7, 1), date(2024, 9, 30)),
        ("the first nine months of 2022", date(2022, 1, 1), date(2022, 9, 30)),
        ("in January 2025", date(2025, 1, 1), date(2025, 1, 31)),
        ("over the past three years", date(2021, 1, 1), date(2023, 12, 31)),
        ("in 2022-2023", date(2022, 1, 1), date(2023, 12, 31)),
    ],
)
def test_find_periods(text: str, start: date, end: date) -> None:
    (period,) = find_periods(text, REF)
    assert (period.start, period.end) == (start, end)
    assert text[period.span_start : period.span_end] == period.text


@pytest.mark.parametrize(
    "text", ["year-on-year", "compared to the same period of last year", "over 2021", "by 2030"]
)
def test_bases_and_deadlines_are_not_periods(text: str) -> None:
    assert find_periods(text, REF) == []


@pytest.mark.parametrize(
    ("text", "reference", "deadline"),
    [
        ("by 2030", REF, date(2030, 12, 31)),
        ("until 2027", REF, date(2027, 12, 31)),
        ("by the end of 2025", REF, date(2025, 12, 31)),
        ("by the end of the year", REF, date(2023, 12, 31)),
        ("over the next five years", date(2024, 11, 20), date(2029, 12, 31)),
        (
            "held in November 2024, plans for the next five years",
            date(2025, 9, 29),
            date(2029, 12, 31),
        ),
        ("within three years", date(2024, 6, 21), date(2027, 12, 31)),
    ],
)
def test_find_deadlines(text: str, reference: date, deadline: date) -> None:
    assert [d.end for d in find_deadlines(text, reference)] == [deadline]


def test_vague_horizon_is_no_deadline() -> None:
    assert find_deadlines("in years to come", REF) == []


@given(st.text(), st.none() | st.dates())
def test_arbitrary_text_never_raises(text: str, published: date | None) -> None:
    document_date(text, published)
    for period in find_periods(text, published) + find_deadlines(text, published):
        assert period.start <= period.end


# Real reports: fiscal years, partial and yearless periods, relative wording, headers.
AUG = Clock(date(2024, 8, 14))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("exports of $11 billion in 2023-24", date(2023, 4, 1), date(2024, 3, 31)),
        ("during FY2017-18", date(2017, 4, 1), date(2018, 3, 31)),
        ("in fiscal year 2022–23", date(2022, 4, 1), date(2023, 3, 31)),
        ("in the last fiscal", date(2023, 4, 1), date(2024, 3, 31)),
        ("in the year to March", date(2023, 4, 1), date(2024, 3, 31)),
        ("in the 12 months to March 2022", date(2021, 4, 1), date(2022, 3, 31)),
        ("the first five months of the fiscal year 2022-23", date(2022, 4, 1), date(2022, 8, 31)),
        ("first four months of the current fiscal", date(2024, 4, 1), date(2024, 7, 31)),
        ("between the financial years FY2012 and FY2022", date(2011, 4, 1), date(2022, 3, 31)),
        ("between April and July", date(2024, 4, 1), date(2024, 7, 31)),
        ("from January through June", date(2024, 1, 1), date(2024, 6, 30)),
        ("during Jan-Sep 2023", date(2023, 1, 1), date(2023, 9, 30)),
        ("in November-February", date(2023, 11, 1), date(2024, 2, 29)),
        ("in July", date(2024, 7, 1), date(2024, 7, 31)),
        ("in September", date(2023, 9, 1), date(2023, 9, 30)),  # not over yet: last year's
        ("for the month of June", date(2024, 6, 1), date(2024, 6, 30)),
        ("in the fourth quarter", date(2023, 10, 1), date(2023, 12, 31)),
        ("in H1", date(2024, 1, 1), date(2024, 6, 30)),
        ("in the first eight months of 2024", date(2024, 1, 1), date(2024, 8, 31)),
        ("trade in eight months was down", date(2024, 1, 1), date(2024, 8, 31)),
        ("has grown 25 percent a year since 2001", date(2001, 1, 1), date(2024, 12, 31)),
    ],
)
def test_periods_of_real_reports(text: str, start: date, end: date) -> None:
    (period,) = find_periods(text, AUG)
    assert (period.start, period.end) == (start, end)
    assert text[period.span_start : period.span_end] == period.text


def test_four_digit_fiscal_years_only_in_a_fiscal_text() -> None:
    (calendar,) = find_periods("in 2019-2020", AUG)
    (fiscal,) = find_periods("in 2019-2020", Clock(AUG.day, fiscal=True))
    assert (calendar.start, calendar.end) == (date(2019, 1, 1), date(2020, 12, 31))
    assert (fiscal.start, fiscal.end) == (date(2019, 4, 1), date(2020, 3, 31))


def test_a_year_only_guess_does_not_push_months_back() -> None:
    guess = Clock(date(2022, 1, 1), exact=False)
    (period,) = find_periods("between April and October", guess)
    assert period.start == date(2022, 4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "up 9% from the same period last year",
        "a 2.1% increase from the same month in 2023",
        "20% lower than August 2019",
        "surpassed the indicators of 2020",
        "on an annual basis",
    ],
)
def test_more_bases_are_not_periods(text: str) -> None:
    assert find_periods(text, AUG) == []


def test_a_base_amount_takes_the_base_period() -> None:
    text = "compared to the same period in 2023 ($518 million)"
    (main,) = find_periods("in January-February 2024", AUG)
    at = text.index("$")
    found = base_period(text, at, at + len("$518 million"), AUG, main)
    assert found is not None and (found.start, found.end) == (date(2023, 1, 1), date(2023, 2, 28))


def test_a_base_alone_implies_the_period_after_it() -> None:
    found = after_base("trade was $1.3 billion, 20% lower than August 2019", AUG, None)
    assert found is not None and (found.start, found.end) == (date(2020, 8, 1), date(2020, 8, 31))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("$3 billion in three years", [2027]),
        ("in 2-3 years", [2027]),
        ("by the end of the decade", [2030]),
        ("their 2015 bilateral trade target of $15 billion", [2015]),
        ("by 2024-end", [2024]),
        ("by end-2026", [2026]),
        ("in the near future", []),
        ("in the medium term", []),
        ("three years ago", []),
    ],
)
def test_deadlines_of_real_reports(text: str, years: list[int]) -> None:
    assert [d.end.year for d in find_deadlines(text, AUG)] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("url: https://x.example/a\ndate: 2023-05-21\n\nIn 2022 trade", date(2023, 5, 21)),
        ("url: https://x.example/a\ndate: unknown\n\nTrade grew in 2021.", date(2021, 1, 1)),
        ("url: https://x.example/a\ndate: unknown\n\nUp 2% from the same month in 2023.", None),
    ],
)
def test_the_header_date_is_read(text: str, expected: date | None) -> None:
    found = document_date(text)
    if expected is None:  # only a base year: the text is from the year after it
        assert found.date == date(2024, 1, 1) and found.inferred
    else:
        assert found.date == expected
    assert header_end(text) == text.index("\n\n")
