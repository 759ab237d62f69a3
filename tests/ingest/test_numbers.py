from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.ingest.numbers import find_money, parse_money, parse_number


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("$500 million", 500_000_000, "exact"),
        ("$1 billion", 1_000_000_000, "exact"),
        ("USD 160.2 mln", 160_200_000, "exact"),
        ("170 million dollars", 170_000_000, "exact"),
        ("160.2 million US dollars", 160_200_000, "exact"),
        ("a billion dollars", 1_000_000_000, "exact"),
        ("$1.2bn", 1_200_000_000, "exact"),
        ("US$ 2.5 billion", 2_500_000_000, "exact"),
        ("$1,200,000,000", 1_200_000_000, "exact"),
        ("approximately $500 million", 500_000_000, "about"),
        ("-approximately $500 million", 500_000_000, "about"),
        ("some $170 million", 170_000_000, "about"),
        ("close to $2 billion", 2_000_000_000, "about"),
        ("nearly $3bn", 3_000_000_000, "about"),
        ("more than $2 billion", 2_000_000_000, "more_than"),
        ("exceeds a billion dollars", 1_000_000_000, "more_than"),
        ("in excess of $4 billion", 4_000_000_000, "more_than"),
        ("at least $1 billion", 1_000_000_000, "more_than"),
        ("less than $300 million", 300_000_000, "less_than"),
        ("up to $5 billion", 5_000_000_000, "less_than"),
        ("several billion dollars", 2_000_000_000, "more_than"),
        ("a few billion dollars", 2_000_000_000, "more_than"),
        ("approach a billion dollars", 1_000_000_000, "about"),
        ("approaching $2 billion", 2_000_000_000, "about"),
    ],
)
def test_parse_money(text: str, value: int, qualifier: str) -> None:
    money = parse_money(text)
    assert money is not None
    assert money.value == Decimal(value)
    assert money.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("$400–500 million", 400_000_000, 500_000_000),
        ("$400-500 million", 400_000_000, 500_000_000),
        ("$10-12 billion", 10_000_000_000, 12_000_000_000),
        ("between $400 and $500 million", 400_000_000, 500_000_000),
        ("$400 million to $500 million", 400_000_000, 500_000_000),
    ],
)
def test_ranges_keep_both_bounds(text: str, low: int, high: int) -> None:
    money = parse_money(text)
    assert money is not None
    assert (money.low, money.value, money.qualifier) == (Decimal(low), Decimal(high), "about")


@pytest.mark.parametrize(
    "text",
    [
        "9 million people",
        "4.5 years",
        "15%",
        "in 2025",
        "10",
        "5:33",
        "14 hectares",
        "1.4 billion people",
        "16 billion cubic meters",
        "1.2 billion euros",
        "2 million tonnes",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []
    assert find_money(text, allow_bare=True) == [] or "billion" in text or "million" in text


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("we already have a billion and more.", 1_000_000_000, "more_than"),
        ("by several billions—but", 2_000_000_000, "more_than"),
        ("it reached two billion.", 2_000_000_000, "exact"),
    ],
)
def test_bare_amounts_only_when_allowed(text: str, value: int, qualifier: str) -> None:
    assert find_money(text) == []
    (money,) = find_money(text, allow_bare=True)
    assert (money.value, money.qualifier, money.bare) == (Decimal(value), qualifier, True)


def test_bare_amount_followed_by_noun_is_not_money() -> None:
    assert find_money("9 million people live there.", allow_bare=True) == []


def test_price_per_unit_is_flagged() -> None:
    (money,) = find_money("wheat at $220 per ton")
    assert money.per_unit


def test_from_to_is_two_amounts() -> None:
    assert len(find_money("rose from $400 million to $500 million")) == 2


@pytest.mark.parametrize(("token", "value"), [("1,200.5", "1200.5"), ("two", "2"), ("x", None)])
def test_parse_number(token: str, value: str | None) -> None:
    assert parse_number(token) == (Decimal(value) if value else None)


@given(st.integers(min_value=1, max_value=999_999))
def test_million_round_trip(n: int) -> None:
    money = parse_money(f"${n} million")
    assert money is not None and money.value == Decimal(n) * 10**6


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1))
def test_billion_round_trip(n: Decimal) -> None:
    money = parse_money(f"USD {n} bln")
    assert money is not None and money.value == n * 10**9


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for money in find_money(text, allow_bare=True):
        assert text[money.start : money.end] == money.text
