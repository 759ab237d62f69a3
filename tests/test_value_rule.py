"""The value the progress numbers use for a period (domain/sides.py), as a table: each row
gives two claims for one period, the one that must win, and the words the page shows."""

from datetime import date
from decimal import Decimal

import pytest

from tradewatch.domain.money import Qualifier
from tradewatch.domain.sides import Claim, choose

NAMES = {"BLR": "Belarus", "KGZ": "Kyrgyzstan", None: "an unnamed side"}


def claim(side: str | None = "BLR", **kw) -> Claim:
    fields = {
        "value": Decimal("160000000"),
        "qualifier": Qualifier.EXACT,
        "derived": False,
        "side": side,
        "side_name": NAMES[side],
        "published": date(2024, 1, 1),
        "own": side == "BLR",  # the page is /pairs/BLR-KGZ/
    }
    return Claim(**{**fields, **kw})


STATS = {"statistics": True}
RULES = [
    # (why, winner, loser, reason shown)
    ("editor's choice beats statistics",
     claim(preferred=True, preferred_reason="the ministry's corrected figure"), claim(**STATS),
     "an editor's choice — the ministry's corrected figure"),
    ("statistics beat a statement",
     claim("KGZ", **STATS), claim(),
     "official statistics, where the other is a statement"),
    ("statistics beat an exact statement even when approximate",
     claim(qualifier=Qualifier.ABOUT, **STATS), claim(qualifier=Qualifier.EXACT),
     "official statistics"),
    ("own statistics beat the partner's mirror",
     claim("BLR", **STATS), claim("KGZ", published=date(2025, 6, 1), **STATS),
     "Belarus's own statistics, where the other is its partner's mirror"),
    ("a later revision beats an earlier one",
     claim(published=date(2025, 3, 1), **STATS), claim(published=date(2024, 3, 1), **STATS),
     "the newest source (a later revision)"),
    ("a stated value beats a derived one",
     claim(), claim(derived=True, published=date(2025, 1, 1)),
     "stated, where the other is derived"),
    ("exact beats approximate",
     claim(), claim(qualifier=Qualifier.ABOUT, published=date(2025, 1, 1)),
     "exact, where the other is approximate"),
    ("the newer of two equal statements",
     claim(published=date(2025, 1, 1)), claim(published=date(2024, 1, 1)),
     "the newest source"),
]  # fmt: skip


@pytest.mark.parametrize(("why", "winner", "loser", "reason"), RULES, ids=[r[0] for r in RULES])
@pytest.mark.parametrize("order", ["winner first", "loser first"])
def test_the_rule_picks_and_says_why(why, winner, loser, reason, order):
    claims = [winner, loser] if order == "winner first" else [loser, winner]
    choice = choose(claims, series_length={})
    assert claims[choice.index] is winner, why
    assert reason in choice.reason


def test_a_longer_series_beats_a_shorter_one_among_equal_statements():
    kgz, blr = claim("KGZ", own=False), claim("BLR")
    choice = choose([blr, kgz], series_length={"KGZ": 5, "BLR": 2})
    assert choice.index == 1 and "Kyrgyzstan reports the longer series" in choice.reason


def test_a_lone_claim_says_so():
    assert "the only one for this period" in choose([claim(**STATS)], {}).reason
    assert choose([claim(**STATS)], {}).reason.startswith("Belarus's statistics")
