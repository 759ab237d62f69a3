"""Facts keep the amount and currency the text gives; balances and bloc totals are not facts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tradewatch.ingest.extract import facts_from_text

DOC = Path(__file__).with_name("docs") / "40_money_currencies_growth.txt"


def test_currency_value_and_stated_dollars() -> None:
    facts = facts_from_text(DOC.read_text(encoding="utf-8")).facts
    got = [(f.currency, f.value, f.value_usd, f.growth_pct) for f in facts]
    assert got == [
        ("THB", Decimal(412_500_000_000), Decimal(12_100_000_000), 6.4),
        ("THB", Decimal(230_200_000_000), None, None),
        ("THB", Decimal(182_300_000_000), None, -3.2),
        ("USD", Decimal(1_300_000_000), Decimal(1_300_000_000), 31.5),
    ]
    vietnam = facts[-1]
    assert (vietnam.value_low, vietnam.value_high) == (
        Decimal(1_200_000_000),
        Decimal(1_400_000_000),
    )
    payload = vietnam.to_json()
    assert (payload["currency"], payload["value"], payload["value_usd"]) == (
        "USD",
        1_300_000_000,
        1_300_000_000,
    )
