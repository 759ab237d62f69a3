from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.ingest.numbers import (
    find_amounts,
    find_growths,
    find_money,
    parse_money,
    parse_number,
    uses_decimal_comma,
)


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


# --------------------------------------------------------------------------- other currencies


@pytest.mark.parametrize(
    ("text", "currency", "value", "usd"),
    [
        ("exceeded 2.4 trillion rubles ($26.1 bln) in", "RUB", 2_400_000_000_000, 26_100_000_000),
        ("US$41.5 billion (RM190.3 billion), up", "MYR", 190_300_000_000, 41_500_000_000),
        (
            "to 12.7 billion yuan (about 1.76 billion U.S. dollars)",
            "CNY",
            12_700_000_000,
            1_760_000_000,
        ),
        ("Rs 7.3 lakh crore ($88.4 billion)", "INR", 7_300_000_000_000, 88_400_000_000),
        ("almost 91 billion Euros", "EUR", 91_000_000_000, None),
        ("€2.3 billion", "EUR", 2_300_000_000, None),
        ("A$64.2 million", "AUD", 64_200_000, None),
        ("SR12.6 billion", "SAR", 12_600_000_000, None),
        ("GBP 18 billion worth", "GBP", 18_000_000_000, None),
        ("55.3 billion baht", "THB", 55_300_000_000, None),
        ("N420 billion (about $1.2 billion)", "NGN", 420_000_000_000, 1_200_000_000),
        ("about three trillion rubles", "RUB", 3_000_000_000_000, None),
    ],
)
def test_amounts_keep_their_currency(text: str, currency: str, value: int, usd: int | None) -> None:
    (money,) = find_amounts(text)
    assert (money.currency, money.value) == (currency, Decimal(value))
    assert money.value_usd == (None if usd is None else Decimal(usd))


@pytest.mark.parametrize(
    ("text", "mid", "low", "high"),
    [
        ("$3-4 billion", 3_500_000_000, 3_000_000_000, 4_000_000_000),
        ("between 1.2 and 1.5 bln dollars", 1_350_000_000, 1_200_000_000, 1_500_000_000),
        ("around 4.5 and 5 billion dollars", 4_750_000_000, 4_500_000_000, 5_000_000_000),
        ("between $300 million and $400 million", 350_000_000, 300_000_000, 400_000_000),
    ],
)
def test_ranges_are_stored_at_their_midpoint(text: str, mid: int, low: int, high: int) -> None:
    (money,) = find_amounts(text)
    assert (money.mid, money.low, money.value) == (Decimal(mid), Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("reached 2 billion 140 million USD", 2_140_000_000),
        ("a billion and a half dollars", 1_500_000_000),
        ("twenty-five million dollars", 25_000_000),
    ],
)
def test_amounts_in_words(text: str, value: int) -> None:
    (money,) = find_amounts(text)
    assert money.value == Decimal(value)


def test_from_to_without_a_first_currency_is_two_amounts() -> None:
    amounts = find_amounts("grew from 310 million to 455 million US dollars")
    assert [a.value for a in amounts] == [Decimal(310_000_000), Decimal(455_000_000)]


def test_decimal_comma_follows_the_document() -> None:
    text = "Trade reached US$ 2,415 billion, 12,5% lower than a year earlier."
    assert uses_decimal_comma(text)
    (money,) = find_amounts(text, decimal_comma=True)
    assert money.value == Decimal(2_415_000_000)
    assert find_amounts("SR1,207 billion")[0].value == Decimal(1_207_000_000_000)


@pytest.mark.parametrize(
    ("text", "pct", "factor"),
    [
        ("exports fell by 12%", -12.0, None),
        ("imports decreased 5.3 percent", -5.3, None),
        ("a 17-percent rise from", 17.0, None),
        ("with a 22% YOY decline", -22.0, None),
        ("(-4.35 per cent)", -4.35, None),
        ("(up 18%)", 18.0, None),
        ("saw a year-on-year increase of 9.4 percent", 9.4, None),
        ("a decrease in imports by 6.1 percent", -6.1, None),
        ("made up 134.8% of the 2024 level", 34.8, None),
        ("amounted to 80.9% as against last year", -19.1, None),
        ("by between 10% and 14%", None, None),
        ("trade doubled", None, 2.0),
        ("grew 2.5 times", None, 2.5),
        ("tripled", None, 3.0),
        ("which is double the value of 2019", None, 2.0),
    ],
)
def test_growths(text: str, pct: float | None, factor: float | None) -> None:
    growths = find_growths(text)
    if pct is None and factor is None:
        assert growths == [] or growths[0].pct is not None
        return
    (growth,) = growths
    assert (growth.pct, growth.factor) == (pytest.approx(pct) if pct else None, factor)


def test_growth_range_is_its_midpoint() -> None:
    (growth,) = find_growths("plans to increase trade by between 10% and 14% next year")
    assert growth.pct == pytest.approx(12.0)


def test_shares_are_not_growth() -> None:
    assert find_growths("exports to China make up 18 percent of the total") == []
