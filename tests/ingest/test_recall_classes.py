"""Recall rules: wordings that used to yield no fact, or one with the wrong pair or period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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


def test_the_one_country_of_a_total_ranked_as_a_partner_is_its_partner() -> None:
    text = (
        "BANGKOK, Aug 17 (Wire) – Thailand's border trade fell 9% to $20 billion in the first "
        "half of this year.\n\nRegarding border trade, Malaysia was the biggest trading partner "
        "with the trade value of $3.5 billion, down by 26.8 per cent."
    )
    (fact,) = facts_from_text(text).facts
    assert (fact.partner, fact.value_usd, fact.growth_pct) == ("MYS", Decimal(3.5e9), -26.8)


def test_a_change_after_a_stated_time_runs_from_its_start() -> None:
    text = (
        "HANOI, Nov 19 (Wire) – Since the free trade agreement between Vietnam and Russia came "
        "into force in October 2016, two-way trade rose 31% after a year."
    )
    (growth,) = facts_from_text(text).facts
    assert (growth.growth_pct, growth.period_start, growth.period_end) == (
        31.0,
        date(2016, 10, 1),
        date(2017, 9, 30),
    )


def test_a_growth_given_with_its_rate_after_a_comma() -> None:
    (growth,) = numbers.find_growths("the highest growth in trade with Iran in 2020, with 15%")
    assert growth.pct == 15.0


def test_a_dated_target_with_a_rate_is_also_a_planned_growth() -> None:
    text = (
        "CAIRO, Jan 5 (Wire) – Egypt aims to increase trade with Turkey by between 20% and 25% "
        "to reach about $8 billion during 2025, an official said."
    )
    target, growth = sorted(facts_from_text(text).facts, key=lambda f: f.kind, reverse=True)
    assert (target.kind, target.deadline) == ("target", date(2025, 12, 31))
    assert (growth.kind, growth.growth_pct, growth.period_end) == (
        "growth",
        22.5,
        date(2025, 12, 31),
    )


def test_a_level_reached_later_has_no_stated_period() -> None:
    text = (
        "ANKARA, June 30 (Wire) – In 2004 trade between Turkey and Russia was below $5 billion, "
        "but later reached $40 billion, the minister said."
    )
    early, later = facts_from_text(text).facts
    assert early.period_end == date(2004, 12, 31)
    assert (later.value_usd, later.period_start, later.period_end) == (Decimal(4e10), None, None)
