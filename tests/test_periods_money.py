from datetime import date
from decimal import Decimal

import pytest

from tradewatch.domain.money import Qualifier, format_percent, format_usd
from tradewatch.domain.periods import Period


@pytest.mark.parametrize(
    ("start", "end", "label", "full"),
    [
        (date(2022, 1, 1), date(2022, 12, 31), "2022", True),
        (date(2023, 1, 1), date(2023, 8, 31), "Jan–Aug 2023", False),
        (date(2024, 1, 1), date(2024, 6, 30), "Jan–Jun 2024", False),
        (date(2021, 1, 1), date(2023, 12, 31), "2021–2023", False),
        (date(2024, 3, 1), date(2024, 3, 31), "Mar 2024", False),
    ],
)
def test_period_labels(start, end, label, full):
    period = Period(start, end)
    assert period.label == label
    assert period.is_full_year is full


def test_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period(date(2023, 2, 1), date(2023, 1, 1))


def test_months_covered():
    assert Period(date(2023, 1, 1), date(2023, 8, 31)).months == 8


@pytest.mark.parametrize(
    ("amount", "qualifier", "text"),
    [
        ("160200000", Qualifier.EXACT, "$160.2M"),
        ("170000000", Qualifier.ABOUT, "≈ $170M"),
        ("1000000000", Qualifier.MORE_THAN, "> $1B"),
        ("500000000", Qualifier.ABOUT, "≈ $500M"),
        ("950000", Qualifier.EXACT, "$950,000"),
    ],
)
def test_usd_display_keeps_the_qualifier(amount, qualifier, text):
    assert format_usd(Decimal(amount), qualifier) == text


def test_percent_display():
    assert format_percent(0.15289) == "15.3%"
    assert format_percent(None) == "—"
    assert format_percent(float("inf")) == "—"
