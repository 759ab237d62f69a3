"""Precision and recall of the extractor's proposals against the facts editors kept.

The rules are the development set's scorer's ("How it is scored" in the extraction-dev
README), so the number from real use and the number from the hand-made answers mean the
same: a proposal matches a kept fact of the same document when the kind and the pair agree
and — figure: the value within 1% (in the stated currency when the text gives no dollars)
and the period equal to the month; growth: the change within 0.5 points (or the factor
within 0.05) and the period's last year equal; target: the value within 1% (or both none)
and the deadline's year equal. Matching is one to one, a figure that carries its change
also counts as a growth statement, and identical facts count once.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

Month = tuple[int, int]  # (year, month)
VALUE_TOLERANCE = Decimal("0.01")
GROWTH_POINTS = Decimal("0.5")
FACTOR_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True, slots=True)
class Scored:
    kind: str  # "figure" | "growth" | "target"
    pair: frozenset[str | None]
    value_usd: Decimal | None = None
    currency: str = "USD"
    value: Decimal | None = None  # the amount in `currency`, when the text gives no dollars
    period: tuple[Month, Month] | None = None
    growth_pct: Decimal | None = None
    growth_factor: Decimal | None = None
    deadline_year: int | None = None
    label: str = field(default="", compare=False)  # for the lists of misses


def close(a: Decimal | None, b: Decimal | None, tolerance: Decimal = VALUE_TOLERANCE) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(abs(a), abs(b), Decimal("1e-9"))


def same_money(kept: Scored, proposed: Scored) -> bool:
    if kept.currency != "USD" and kept.value_usd is None and kept.value is not None:
        return proposed.currency == kept.currency and close(kept.value, proposed.value)
    return close(kept.value_usd, proposed.value_usd)


def same_growth(kept: Scored, proposed: Scored) -> bool:
    if kept.growth_pct is not None:
        return (
            proposed.growth_pct is not None
            and abs(kept.growth_pct - proposed.growth_pct) <= GROWTH_POINTS
        )
    return (
        kept.growth_factor is not None
        and proposed.growth_factor is not None
        and abs(kept.growth_factor - proposed.growth_factor) <= FACTOR_TOLERANCE
    )


def matches(kept: Scored, proposed: Scored) -> bool:
    if kept.kind != proposed.kind or kept.pair != proposed.pair:
        return False
    if kept.kind == "figure":
        return same_money(kept, proposed) and kept.period == proposed.period
    if kept.kind == "growth":
        last_year = (
            kept.period is None
            or (proposed.period is not None and kept.period[1][0] == proposed.period[1][0])
        )  # fmt: skip
        return same_growth(kept, proposed) and last_year
    return same_money(kept, proposed) and kept.deadline_year == proposed.deadline_year


def atomic(facts: Iterable[Scored]) -> list[Scored]:
    """A figure with its change is a figure and a growth statement; duplicates count once."""
    out: list[Scored] = []
    for fact in facts:
        parts = [fact]
        if fact.kind == "figure" and fact.growth_pct is not None:
            parts = [
                replace(fact, growth_pct=None),
                replace(fact, kind="growth", value_usd=None),
            ]
        out += [p for p in parts if p not in out]
    return out


@dataclass(frozen=True, slots=True)
class DocumentScore:
    name: str
    proposed: int
    kept: int
    matched: int
    missed: tuple[Scored, ...]  # kept facts no proposal matched (the extractor missed them)
    wrong: tuple[Scored, ...]  # proposals that match no kept fact (rejected or corrected)


def score_document(name: str, kept: Iterable[Scored], proposed: Iterable[Scored]) -> DocumentScore:
    kept, proposed = atomic(kept), atomic(proposed)
    used: set[int] = set()
    missed = []
    for fact in kept:
        hit = next((i for i, p in enumerate(proposed) if i not in used and matches(fact, p)), None)
        if hit is None:
            missed.append(fact)
        else:
            used.add(hit)
    wrong = tuple(p for i, p in enumerate(proposed) if i not in used)
    return DocumentScore(name, len(proposed), len(kept), len(used), tuple(missed), wrong)


@dataclass(frozen=True, slots=True)
class Score:
    documents: tuple[DocumentScore, ...]

    @property
    def matched(self) -> int:
        return sum(d.matched for d in self.documents)

    @property
    def proposed(self) -> int:
        return sum(d.proposed for d in self.documents)

    @property
    def kept(self) -> int:
        return sum(d.kept for d in self.documents)

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.kept if self.kept else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
