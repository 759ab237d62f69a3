"""Where a pace of growth leads: the projection drawn apart from reported values, and the
reader's what-if. Years are whole years, as targets are ("$500M by 2030" is 2030's trade)."""

import math
from dataclasses import dataclass
from decimal import Decimal

from tradewatch.domain.words import _

HORIZON_YEARS = 60  # "not within 60 years" reads better than a year in the 22nd century
DRAWN_YEARS = 30  # the chart's projection stops here even if the target is further away
MIN_RATE, MAX_RATE = -0.95, 10.0  # a what-if rate outside this is not a pace of trade


@dataclass(frozen=True, slots=True)
class Projection:
    rate: float  # 0.12 for 12% a year
    start_year: int
    years: tuple[int, ...]  # from the latest reported year on, for drawing
    values: tuple[float, ...]  # US dollars, one per year
    reached_in: int | None  # first year at or above the target; None: not within the horizon
    value_at_deadline: float | None  # None without a deadline, or one not after the start

    @property
    def reached_label(self) -> str:
        if self.reached_in is not None:
            return str(self.reached_in)
        if self.rate <= 0:
            return _("never at this pace")
        return _("not within {years} years").format(years=HORIZON_YEARS)


def year_reached(start_value: float, start_year: int, rate: float, target: float) -> int | None:
    """The first whole year whose value at this pace meets the target."""
    if start_value >= target:
        return start_year
    if rate <= 0 or start_value <= 0:
        return None
    years = math.ceil(math.log(target / start_value) / math.log1p(rate) - 1e-9)
    return start_year + years if years <= HORIZON_YEARS else None


def project(
    start_value: Decimal,
    start_year: int,
    rate: float,
    target_value: Decimal | None = None,
    deadline_year: int | None = None,
) -> Projection:
    """Compound growth at `rate` from a reported full-year value."""
    if not MIN_RATE <= rate <= MAX_RATE:
        raise ValueError(
            _("a growth rate of {rate} a year is outside {low}–{high}").format(
                rate=f"{rate:.0%}", low=f"{MIN_RATE:.0%}", high=f"{MAX_RATE:.0%}"
            )
        )
    start = float(start_value)
    reached = year_reached(start, start_year, rate, float(target_value)) if target_value else None
    last = max(y for y in (start_year + 1, reached, deadline_year) if y is not None)
    last = min(last, start_year + DRAWN_YEARS)
    years = tuple(range(start_year, last + 1))
    at_deadline = None
    if deadline_year is not None and deadline_year > start_year:
        at_deadline = start * (1 + rate) ** (deadline_year - start_year)
    return Projection(
        rate=rate,
        start_year=start_year,
        years=years,
        values=tuple(start * (1 + rate) ** (y - start_year) for y in years),
        reached_in=reached,
        value_at_deadline=at_deadline,
    )
