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
