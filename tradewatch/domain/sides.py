"""Whose number counts: the one written rule for the value the progress numbers use.

Both countries of a pair often report the same period, officials round and restate, and
statistics offices revise. For each period one value is used:

1. an editor's choice, with its reason, wins;
2. official statistics beat an official's statement or a press estimate;
3. among statistics, the page's own country's statistics beat its partner's mirror figures;
4. a stated value beats one derived from a stated growth rate;
5. an exact value beats an approximate one ("some $170 million");
6. the side with the longer series of full-year values wins, so that growth is measured
   within one side's numbers rather than between two sides' disagreement;
7. the newer source wins: a later revision over an earlier one.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tradewatch.domain.money import Qualifier
from tradewatch.domain.words import _

QUALIFIER_RANK = {
    Qualifier.EXACT: 0,
    Qualifier.ABOUT: 1,
    Qualifier.MORE_THAN: 2,
    Qualifier.LESS_THAN: 3,
}


@dataclass(frozen=True, slots=True)
class Claim:
    """One stated value for a period, as the rule sees it."""

    value: Decimal
    qualifier: Qualifier
    derived: bool
    side: str | None  # ISO3, or None when the source does not say
    side_name: str  # "Kyrgyzstan", or "an unnamed side"
    published: date | None
    preferred: bool = False
    preferred_reason: str = ""
    statistics: bool = False  # from official statistics, not a statement
    own: bool = False  # the side is the country the page is written from


@dataclass(frozen=True, slots=True)
class Choice:
    index: int  # of the chosen claim in the list given
    reason: str


def rank(claim: Claim, series_length: dict[str | None, int]) -> tuple:
    return (
        not claim.preferred,
        not claim.statistics,
        claim.statistics and not claim.own,
        claim.derived,
        QUALIFIER_RANK[claim.qualifier],
        -series_length.get(claim.side, 0) if claim.side else 0,
        -(claim.published or date.min).toordinal(),
    )


def choose(claims: Sequence[Claim], series_length: dict[str | None, int]) -> Choice:
    """The claim the rule picks, and the criterion that decided it, in words."""
    if not claims:
        raise ValueError("no claims to choose from")
    order = sorted(range(len(claims)), key=lambda i: rank(claims[i], series_length))
    best = claims[order[0]]
    side = best.side_name
    who = (_("{side}'s statistics") if best.statistics else _("{side}'s figure")).format(side=side)
    if len(claims) == 1:
        return Choice(order[0], _("{who}, the only one for this period").format(who=who))
    first, second = rank(best, series_length), rank(claims[order[1]], series_length)
    decided = next((i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b), None)
    reasons = {
        0: _("{who}: an editor's choice — {reason}"),
        1: _("{who}: official statistics, where the other is a statement"),
        2: _("{who}: {side}'s own statistics, where the other is its partner's mirror"),
        3: _("{who}: stated, where the other is derived"),
        4: _("{who}: exact, where the other is approximate"),
        5: _("{who}: {side} reports the longer series of full years"),
        6: _("{who}: the newest source (a later revision)")
        if best.statistics
        else _("{who}: the newest source"),
    }
    reason = reasons.get(decided, _("{who}: the first on file"))
    return Choice(order[0], reason.format(who=who, side=side, reason=best.preferred_reason))
