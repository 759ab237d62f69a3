"""False proposals the extractor must not make (one test per class of error)."""

from __future__ import annotations

from decimal import Decimal

from tradewatch.ingest.extract import facts_from_text
from tradewatch.ingest.numbers import find_money


def test_an_annual_level_is_not_a_price() -> None:
    (level,) = find_money("a target of $5 billion per year")
    (price,) = find_money("wheat at $220 a year")
    assert (level.per_unit, price.per_unit) == (False, True)


def test_one_countrys_total_trade_has_no_partner() -> None:
    text = (
        "HANOI, June 3 (Wire) – Vietnam's total exports rose 9 percent to $160 billion in "
        "January-May, while trade between Vietnam and Laos reached $700 million.\n\n"
        "Vietnamese exports grew to $35 billion in May."
    )
    facts = facts_from_text(text, home="VNM").facts
    assert [(f.partner, f.value_usd) for f in facts] == [("LAO", Decimal(700_000_000))]


def test_a_title_repeating_the_body_counts_once() -> None:
    text = (
        "Georgia-Armenia trade up 8% to $1.1 billion\n\n"
        "TBILISI, March 2 (Wire) – Trade between Georgia and Armenia reached $1.1 billion in "
        "2023, up 8 percent, Geostat said."
    )
    (fact,) = facts_from_text(text).facts
    assert (fact.value_usd, fact.growth_pct, fact.period_end.year) == (Decimal(1.1e9), 8.0, 2023)


def test_a_target_restated_without_its_deadline_counts_once() -> None:
    text = (
        "MANILA, Jan 9 (Wire) – The Philippines and Japan agreed to raise bilateral trade to "
        "$50 billion by 2028.\n\nBoth sides consider the $50 billion trade target realistic."
    )
    (target,) = facts_from_text(text).facts
    assert (target.kind, target.deadline and target.deadline.year) == ("target", 2028)


def test_a_rate_a_figure_carries_is_not_restated_as_a_growth() -> None:
    text = (
        "RIGA, May 4 (Wire) – Latvia's exports to Lithuania reached €2.3 billion in 2022, up 40% "
        "on 2021. This represents an increase of 40% compared to the year before, the bank said."
    )
    (figure,) = facts_from_text(text).facts
    assert (figure.kind, figure.growth_pct) == ("figure", 40.0)


def test_a_rate_after_a_blocs_total_is_the_blocs() -> None:
    text = (
        "DUSHANBE, Nov 28 (Wire) – Trade between Tajikistan and the CIS countries reached "
        "$2 billion in January-October.\nThis is 18.4% more than a year earlier, the agency said."
    )
    assert facts_from_text(text).facts == ()


def test_the_worth_of_a_quantity_of_goods_is_not_the_pairs_trade() -> None:
    text = (
        "CANBERRA, March 1 (Wire) – Australia's exports to China in 2009 included 266,000 tonnes "
        "worth $1.2 billion."
    )
    assert facts_from_text(text).facts == ()


def test_a_level_already_stated_is_not_a_new_target() -> None:
    text = (
        "TEHRAN, March 3 (Wire) – Trade between Iran and Iraq has been $12 billion in the last "
        '11 months.\n\n"If services are counted, it can reach $12 billion," the attache said.'
    )
    (figure,) = facts_from_text(text).facts
    assert (figure.kind, figure.value_usd) == ("figure", Decimal(12_000_000_000))
