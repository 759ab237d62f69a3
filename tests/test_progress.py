from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.domain.periods import Period
from tradewatch.domain.progress import (
    GrowthEvidence,
    Status,
    assess,
    classify,
    compound_growth,
    pick_observed_growth,
    required_growth,
)

AS_OF = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("latest", "year", "target", "deadline", "expected"),
    [
        ("160.2", 2022, "500", date(2030, 12, 31), 0.1529),  # Kyrgyzstan seed case
        ("100", 2025, "200", date(2026, 12, 31), 1.0),
        ("100", 2020, "121", date(2022, 12, 31), 0.10),
    ],
)
def test_required_growth_matches_hand_calculation(latest, year, target, deadline, expected):
    got = required_growth(Decimal(latest), year, Decimal(target), deadline)
    assert got == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (1.2, Status.ON_TRACK),
        (0.95, Status.ON_TRACK),
        (0.949, Status.ACCELERATION_NEEDED),
        (0.60, Status.ACCELERATION_NEEDED),
        (0.59, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-0.1, Status.MOVING_AWAY),
    ],
)
def test_status_follows_open_sdg_thresholds(ratio, status):
    assert classify(ratio) == status


def kgz(growth: list[GrowthEvidence], **overrides):
    args = {
        "latest_value": Decimal("160200000"),
        "latest_period": Period.year(2022),
        "target_value": Decimal("500000000"),
        "deadline": date(2030, 12, 31),
        "growth": growth,
        "as_of": AS_OF,
    }
    return assess(**(args | overrides))


def test_kyrgyzstan_needs_about_15_3_percent_a_year():
    progress = kgz([GrowthEvidence(0.15, 2024, "more than 15% in 2024", stated=True)])
    assert progress.required_growth == pytest.approx(0.153, abs=5e-4)
    assert progress.share_of_target == pytest.approx(0.3204, abs=1e-4)
    assert progress.status == Status.ON_TRACK  # 15 / 15.3 = 98%


def test_slow_growth_needs_acceleration():
    progress = kgz([GrowthEvidence(0.10, 2024, "10%", stated=True)])
    assert progress.status == Status.ACCELERATION_NEEDED


def test_shrinking_trade_is_moving_away():
    progress = kgz([GrowthEvidence(-0.05, 2024, "-5%", stated=True)])
    assert progress.status == Status.MOVING_AWAY


def test_reached_target_says_so():
    assert kgz([], latest_value=Decimal("600000000")).status == Status.TARGET_REACHED


def test_no_growth_evidence_is_insufficient_data():
    assert kgz([]).status == Status.INSUFFICIENT_DATA


def test_target_without_value_is_insufficient_data():
    assert kgz([], target_value=None).status == Status.INSUFFICIENT_DATA


def test_passed_deadline_is_reported():
    progress = kgz([], deadline=date(2025, 12, 31))
    assert progress.status == Status.DEADLINE_PASSED


def test_most_recent_evidence_wins_and_stated_beats_computed_for_same_year():
    computed = GrowthEvidence(0.3, 2024, "computed", stated=False)
    stated = GrowthEvidence(0.2, 2024, "stated", stated=True)
    old = GrowthEvidence(0.65, 2022, "old", stated=True)
    assert pick_observed_growth([old, computed, stated]) is stated


def test_compound_growth_refuses_zero_start():
    with pytest.raises(ValueError):
        compound_growth(Decimal(0), Decimal(10), 2)


money = st.decimals(min_value=Decimal("1e6"), max_value=Decimal("1e10"), places=0)


@given(
    latest=money,
    factor=st.decimals(min_value=Decimal("1.01"), max_value=10, places=2),
    year=st.integers(2000, 2030),
    span=st.integers(2, 15),
)
def test_required_growth_rises_as_the_deadline_nears(latest, factor, year, span):
    target = latest * factor
    far = required_growth(latest, year, target, date(year + span, 12, 31))
    near = required_growth(latest, year, target, date(year + span - 1, 12, 31))
    assert near > far > 0


@given(latest=money, years=st.integers(1, 20), rate=st.floats(-0.5, 2.0))
def test_growing_at_the_required_rate_reaches_the_target(latest, years, rate):
    target = Decimal(float(latest) * (1 + rate) ** years)
    got = required_growth(latest, 2020, target, date(2020 + years, 12, 31))
    assert got == pytest.approx(rate, abs=1e-6)


def test_value_reported_after_the_deadline_is_deadline_passed():
    progress = kgz([], latest_period=Period.year(2031), as_of=date(2025, 1, 1))
    assert progress.status == Status.DEADLINE_PASSED


def test_zero_latest_value_is_insufficient_data():
    assert kgz([], latest_value=Decimal(0)).status == Status.INSUFFICIENT_DATA


def test_deadline_early_in_the_next_year_counts_one_whole_year():
    # An editor's $1M in 2025 against $1B by 1 Jan 2026: absurd but must not crash.
    progress = kgz(
        [GrowthEvidence(0.1, 2025, "10%", stated=True)],
        latest_value=Decimal(1_000_000),
        latest_period=Period.year(2025),
        target_value=Decimal(1_000_000_000),
        deadline=date(2026, 1, 1),
        as_of=date(2025, 6, 1),
    )
    assert progress.required_growth == pytest.approx(999.0)
    assert progress.status == Status.LIMITED_PROGRESS


def test_observed_basis_names_the_evidence():
    progress = kgz([GrowthEvidence(0.15, 2024, "more than 15% in 2024 as stated", stated=True)])
    assert progress.observed_basis == "more than 15% in 2024 as stated"


@pytest.mark.parametrize(
    ("latest", "target", "deadline", "said"),
    [
        (None, Decimal(500), date(2030, 12, 31), "no full-year value to compare"),
        (Decimal(160), None, date(2030, 12, 31), "the target has no value to compare with"),
        (Decimal(160), Decimal(500), None, "the target has no deadline"),
    ],
)
def test_insufficient_data_says_which_thing_is_missing(latest, target, deadline, said):
    progress = assess(
        latest_value=latest,
        latest_period=Period.year(2022) if latest else None,
        target_value=target,
        deadline=deadline,
        growth=[],
        as_of=AS_OF,
    )
    assert progress.status == Status.INSUFFICIENT_DATA
    assert any(line.startswith(said) for line in progress.basis), progress.basis
