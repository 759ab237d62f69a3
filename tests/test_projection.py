from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.domain.projection import HORIZON_YEARS, project, year_reached

KGZ_2022 = Decimal("160200000")


def test_at_the_required_pace_the_target_is_reached_by_its_deadline():
    # $160.2M in 2022 needs 15.3% a year to reach $500M in 2030.
    p = project(KGZ_2022, 2022, 0.153, Decimal("500000000"), 2030)
    assert p.reached_in == 2030
    assert p.value_at_deadline == pytest.approx(500e6, rel=0.01)
    assert p.years[0] == 2022 and p.years[-1] == 2030 and len(p.values) == len(p.years)


def test_a_slower_pace_reaches_it_later_and_says_the_year():
    p = project(KGZ_2022, 2022, 0.10, Decimal("500000000"), 2030)
    assert p.reached_in == 2034  # 160.2 * 1.1**12 = 502.8
    assert p.value_at_deadline == pytest.approx(160.2e6 * 1.1**8)
    assert p.reached_label == "2034" and p.years[-1] == 2034


@pytest.mark.parametrize(
    ("rate", "label"),
    [
        (0.0, "never at this pace"),
        (-0.05, "never at this pace"),
        (0.001, f"not within {HORIZON_YEARS} years"),
    ],
)
def test_a_pace_that_never_gets_there_says_so(rate, label):
    p = project(KGZ_2022, 2022, rate, Decimal("500000000"), 2030)
    assert p.reached_in is None and p.reached_label == label


def test_a_target_already_met_is_reached_in_the_start_year():
    assert year_reached(600e6, 2024, 0.05, 500e6) == 2024


def test_an_absurd_rate_is_refused_with_a_message():
    with pytest.raises(ValueError, match="outside"):
        project(KGZ_2022, 2022, 25.0, Decimal("500000000"), 2030)


@given(
    start=st.floats(1e5, 1e12),
    rate=st.floats(0.001, 2.0),
    factor=st.floats(1.0001, 50.0),
)
def test_the_year_reached_is_the_first_year_at_or_above_the_target(start, rate, factor):
    target = start * factor
    year = year_reached(start, 2020, rate, target)
    if year is not None:
        n = year - 2020
        assert start * (1 + rate) ** n >= target * (1 - 1e-9)
        assert n == 0 or start * (1 + rate) ** (n - 1) < target * (1 + 1e-9)


@pytest.mark.django_db
def test_a_growth_rate_typed_with_a_decimal_comma_is_read(client, seed):
    html = client.get("/pairs/BLR-KGZ/?growth=12,5", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "12,5% в год" in html
    assert client.get("/pairs/BLR-KGZ/?growth=1,2.5").status_code == 400
