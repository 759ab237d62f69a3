"""Recall rules: wordings that used to yield no fact, or one with the wrong pair or period."""

from __future__ import annotations

from datetime import date

from tradewatch.ingest import dates, numbers
from tradewatch.ingest.extract import facts_from_text


def _periods(text: str, day: date, **clock: bool) -> list[tuple[date, date]]:
    return [(p.start, p.end) for p in dates.find_periods(text, dates.Clock(day, **clock))]


def test_a_year_right_after_a_part_of_it_only_qualifies_it() -> None:
    day = date(2014, 11, 28)
    assert _periods("For 10 months. this year, trade", day) == [
        (date(2014, 1, 1), date(2014, 10, 31))
    ]


def test_iranian_years_start_in_march() -> None:
    day = date(2018, 3, 3)
    text = "in the past 11 months of the current Iranian calendar year of 1396"
    assert _periods(text, day, iranian=True) == [(date(2017, 3, 1), date(2018, 2, 28))]
    # "the last 11 months" of an Iranian report: Iranian months start on the 21st
    assert _periods("in the last 11 months", day, iranian=True) == [
        (date(2017, 3, 1), date(2018, 2, 28))
    ]
    assert _periods("in the last 11 months", day) == [(date(2017, 4, 1), date(2018, 2, 28))]


def test_a_list_item_may_drop_the_scale_word() -> None:
    found = numbers.find_amounts("China with US$17 billion and the US with US$16. Then")
    assert [a.value for a in found] == [17_000_000_000, 16_000_000_000]
    assert numbers.find_amounts("$5 billion and $16 per ton.")[1].value == 16


def test_the_speakers_own_year_resolves_last_year() -> None:
    text = (
        "HAVANA, January 4 (Wire) – Cuba's ambassador spoke about trade with Russia.\n\n"
        "“We concluded last year with a commercial exchange of 450 million dollars, and this "
        "year (2019) we are already going to exceed 500 million dollars,” he said."
    )
    facts = facts_from_text(text, published=date(2020, 1, 4)).facts
    years = {f.value_usd: f.period_end.year for f in facts if f.period_end}
    assert years == {450_000_000: 2018, 500_000_000: 2019}


def test_a_cause_is_not_the_flow_measured() -> None:
    text = (
        "BERLIN, March 2 (Wire) – Trade with Russia shrank by 6.6 percent last year due to "
        "lower gas imports and amounted to 57.8 billion euros, Germany's statistics office said."
    )
    (fact,) = facts_from_text(text, published=date(2020, 3, 2)).facts
    assert (fact.flow, fact.value, fact.growth_pct) == ("turnover", 57_800_000_000, -6.6)


def test_the_country_whose_partners_are_ranked_reports() -> None:
    text = (
        "Japan is currently our largest trading partner involving some US$21 billion.\n\n"
        "China's case is interesting: it emerges as the Philippines' largest trading partner "
        "if informal trade is counted."
    )
    result = facts_from_text(text, published=date(2016, 10, 28), default_home="ATA")
    assert result.reporter == "PHL"
    assert {f.partner for f in result.facts} == {"JPN"}
