"""Progress towards a trade target, following Open SDG's progress methodology.

Open SDG (the platform national statistics offices use for SDG reporting) compares the
observed compound annual growth rate (CAGR) with the CAGR required to meet the target
by its deadline, and classifies the ratio observed / required:

    ratio >= 0.95           on track
    0.60 <= ratio < 0.95    acceleration needed
    0 <= ratio < 0.60       limited progress
    ratio < 0               moving away

We add "target reached" (the latest value already meets the target), "deadline passed"
(missed and the deadline is behind us) and "insufficient data" (no full-year value, no
target value, no deadline, or no observed growth).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tradewatch.domain.periods import Period, years_between
from tradewatch.domain.words import N_, _

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.60


class Status(StrEnum):
    # The English words are also the stored values; pages translate them when shown.
    TARGET_REACHED = N_("target reached")
    ON_TRACK = N_("on track")
    ACCELERATION_NEEDED = N_("acceleration needed")
    LIMITED_PROGRESS = N_("limited progress")
    MOVING_AWAY = N_("moving away")
    DEADLINE_PASSED = N_("deadline passed")
    INSUFFICIENT_DATA = N_("insufficient data")

    @property
    def label(self) -> str:
        """The status in the reader's language."""
        return _(self.value)


STATUS_RULES = (
    # xgettext:no-python-format
    (Status.ON_TRACK, N_("observed growth is at least 95% of the growth required")),
    # xgettext:no-python-format
    (Status.ACCELERATION_NEEDED, N_("observed growth is 60–95% of the growth required")),
    # xgettext:no-python-format
    (Status.LIMITED_PROGRESS, N_("observed growth is 0–60% of the growth required")),
    (Status.MOVING_AWAY, N_("trade is shrinking while the target needs growth")),
    (Status.TARGET_REACHED, N_("the latest full-year value already meets the target")),
    (Status.DEADLINE_PASSED, N_("the deadline has passed without the target being met")),
    (Status.INSUFFICIENT_DATA, N_("no full-year value, no target value or deadline, or no growth")),
)


@dataclass(frozen=True, slots=True)
class GrowthEvidence:
    """One way of knowing the observed annual growth, with the year it describes."""

    rate: float  # 0.15 for +15% a year
    year: int
    label: str  # what the dashboard prints as the basis
    stated: bool  # a stated year-on-year change rather than computed from two values


@dataclass(frozen=True, slots=True)
class Progress:
    status: Status
    latest_value: Decimal | None
    latest_period: Period | None
    target_value: Decimal | None
    deadline: date | None
    share_of_target: float | None
    years_left: float | None
    required_growth: float | None
    observed_growth: float | None
    ratio: float | None
    observed_basis: str | None  # e.g. "more than 15% in 2024 as stated"
    basis: tuple[str, ...]


def share_of_target(latest: Decimal, target: Decimal) -> float:
    return float(latest / target)


def compound_growth(start_value: Decimal, end_value: Decimal, years: float) -> float:
    """Compound annual growth rate turning start_value into end_value over `years`."""
    if start_value <= 0 or years <= 0:
        raise ValueError("CAGR needs a positive start value and a positive span.")
    return (float(end_value) / float(start_value)) ** (1 / years) - 1


def required_growth(latest: Decimal, latest_year: int, target: Decimal, deadline: date) -> float:
    """Annual growth needed from the latest full year's value to the target by the deadline.

    A target is an annual value for its deadline's year ("$500M by 2030" is 2030's trade),
    so the span is counted in whole years; a deadline in the latest year itself is no span.
    """
    return compound_growth(latest, target, deadline.year - latest_year)


def observed_growth_between(
    first: Decimal, first_year: int, last: Decimal, last_year: int
) -> GrowthEvidence:
    rate = compound_growth(first, last, last_year - first_year)
    label = _("CAGR {first}–{last} from reported full-year values").format(
        first=first_year, last=last_year
    )
    return GrowthEvidence(rate=rate, year=last_year, label=label, stated=False)


def pick_observed_growth(evidence: list[GrowthEvidence]) -> GrowthEvidence | None:
    """The most recent evidence wins; for the same year a stated change beats a computed one."""
    if not evidence:
        return None
    return max(evidence, key=lambda e: (e.year, e.stated))


def classify(ratio: float) -> Status:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Status.ACCELERATION_NEEDED
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.MOVING_AWAY


def missing_for_status(
    latest_value: Decimal | None, target_value: Decimal | None, deadline: date | None
) -> str:
    """Which of the three things a status needs is missing, said as exactly as we can."""
    if latest_value is None or latest_value <= 0:
        return _("no full-year value to compare")
    if not target_value:
        return _("the target has no value to compare with")
    if deadline is None:
        return _("the target has no deadline, so no growth is required by a date")
    return _("no full-year value, target value or deadline to compare")


def assess(
    *,
    latest_value: Decimal | None,
    latest_period: Period | None,
    target_value: Decimal | None,
    deadline: date | None,
    growth: list[GrowthEvidence],
    as_of: date,
) -> Progress:
    """Everything the overview and dashboard say about one target, with its basis."""
    basis: list[str] = []
    share = years_left = required = observed = ratio = None
    status = Status.INSUFFICIENT_DATA

    if latest_value is not None and latest_period is not None:
        basis.append(_("latest full-year value: {period}").format(period=latest_period.label))
    if latest_value is not None and target_value:
        share = share_of_target(latest_value, target_value)
    if deadline is not None:
        years_left = max(years_between(as_of, deadline), 0.0)

    picked = pick_observed_growth(growth)
    if picked is not None:
        observed = picked.rate
        basis.append(_("observed growth: {basis}").format(basis=picked.label))

    if share is not None and share >= 1:
        status = Status.TARGET_REACHED
    elif share is None or deadline is None or latest_period is None or latest_value <= 0:
        basis.append(missing_for_status(latest_value, target_value, deadline))
    elif deadline <= as_of or deadline.year <= latest_period.end.year:
        status = Status.DEADLINE_PASSED
    else:
        required = required_growth(latest_value, latest_period.end.year, target_value, deadline)
        basis.append(
            _("required growth: {year} value to target by {deadline}").format(
                year=latest_period.end.year, deadline=deadline.year
            )
        )
        if observed is not None:
            ratio = observed / required
            status = classify(ratio)

    return Progress(
        status=status,
        latest_value=latest_value,
        latest_period=latest_period,
        target_value=target_value,
        deadline=deadline,
        share_of_target=share,
        years_left=years_left,
        required_growth=required,
        observed_growth=observed,
        ratio=ratio,
        observed_basis=picked.label if picked else None,
        basis=tuple(basis),
    )
