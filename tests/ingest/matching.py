"""Comparing extracted facts with hand-written expectations (shared by the quality tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Fact = dict[str, Any]


def _close(expected: float | None, found: float | None, tolerance: float = 0.01) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    return abs(found - expected) <= abs(expected) * tolerance


def _date_key(fact: Fact) -> str | None:
    return fact.get("deadline") if fact["kind"] == "target" else fact.get("period_end")


def loose_match(expected: Fact, found: Fact) -> bool:
    """The seed criterion: kind, partner, value within 1%, period end (or deadline), qualifier,
    and the reporter when the expectation names one."""
    return (
        expected["kind"] == found["kind"]
        and expected.get("reporter", found.get("reporter")) == found.get("reporter")
        and expected["partner"] == found["partner"]
        and _close(expected["value_usd"], found["value_usd"])
        and _date_key(expected) == _date_key(found)
        and expected["qualifier"] == found["qualifier"]
    )


def strict_match(expected: Fact, found: Fact) -> bool:
    """The corpus criterion: the loose one plus flow, period start and growth figures."""
    return (
        loose_match(expected, found)
        and expected["flow"] == found["flow"]
        and expected.get("period_start") == found.get("period_start")
        and _close(expected.get("growth_pct"), found.get("growth_pct"))
        and _close(expected.get("growth_factor"), found.get("growth_factor"))
    )


def pair(
    expected: Sequence[Fact], found: Sequence[Fact], matches: Callable[[Fact, Fact], bool]
) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Greedy one-to-one pairing: (pairs, missed expected, extra found)."""
    remaining = list(found)
    pairs, missed = [], []
    for want in expected:
        hit = next((got for got in remaining if matches(want, got)), None)
        if hit is None:
            missed.append(want)
        else:
            remaining.remove(hit)
            pairs.append((want, hit))
    return pairs, missed, remaining


def with_reporter(facts: Sequence[Fact], reporter: str) -> list[Fact]:
    """Expected facts of a document whose every fact is reported by `reporter`."""
    return [{"reporter": reporter, **fact} for fact in facts]
