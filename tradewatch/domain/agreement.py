"""When two statements of a figure say the same thing, and when they conflict.

One rule for ingest, review, admin and pages, so none of them can disagree.
"""

from decimal import Decimal
from typing import Protocol

from tradewatch.domain.money import values_agree


class Stated(Protocol):
    value_usd: Decimal | None
    change_pct: Decimal | None
    growth_factor: Decimal | None


def same_statement(a: Stated, b: Stated) -> bool:
    """Values within 1%, the same growth factor, and changes in % that agree where both give one
    (a change given by only one of the two does not make them differ)."""
    same_change = None in (a.change_pct, b.change_pct) or values_agree(a.change_pct, b.change_pct)
    return (
        values_agree(a.value_usd, b.value_usd)
        and same_change
        and a.growth_factor == b.growth_factor
    )


def values_conflict(a: Decimal | None, b: Decimal | None) -> bool:
    """Two stated values for one period that differ by more than the tolerance."""
    return a is not None and b is not None and not values_agree(a, b)
