"""Deterministic synthetic data of realistic shape, for benchmarks (never a real database).

Each pair gets a growth path of full years reported by both sides (the second side's numbers
off by up to a quarter, as mirror statistics are), some part-year figures, the odd conflicting
restatement, proposed and rejected facts beside accepted ones, and one or two targets stated
several times. Rows are written with bulk inserts (no history), in chunks.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import combinations

from django.db import transaction

from tradewatch.models import Country, Figure, ReviewStatus, Source, Target, TargetStatement
from tradewatch.summaries import refresh_pairs

PUBLISHER = "TradeWatch synthetic data"
CHUNK = 10_000
LAST_YEAR = 2025
STATUSES = [ReviewStatus.ACCEPTED] * 90 + [ReviewStatus.PROPOSED] * 7 + [ReviewStatus.REJECTED] * 3


@dataclass(frozen=True, slots=True)
class Summary:
    pairs: int
    sources: int
    figures: int
    targets: int
    statements: int


def real_data_present() -> bool:
    return Source.objects.exclude(publisher=PUBLISHER).exists()


def choose_pairs(rng: random.Random, count: int) -> list[tuple[str, str]]:
    codes = sorted(Country.objects.values_list("pk", flat=True))
    every = list(combinations(codes, 2))  # already in stored (alphabetical) order
    if count > len(every):
        raise ValueError(f"at most {len(every)} pairs exist")
    return rng.sample(every, count)


def money(value: float) -> Decimal:
    return Decimal(f"{max(value, 1_000_000):.2f}")


def pair_figures(
    rng: random.Random, pair: tuple[str, str], count: int, sources: list[int]
) -> Iterator[Figure]:
    """`count` figures of one pair: both sides' full years back from LAST_YEAR, with a
    part-year figure and a conflicting restatement now and then."""
    a, b = pair
    value, growth = 10 ** rng.uniform(7, 10), rng.uniform(-0.05, 0.15)
    year, made = LAST_YEAR, 0
    while made < count:
        for side, skew in ((a, 1.0), (b, rng.uniform(0.75, 1.25))):
            if made == count:
                break
            start, end = date(year, 1, 1), date(year, 12, 31)
            if rng.random() < 0.15:  # January-June
                start, end, skew = date(year, 1, 1), date(year, 6, 30), skew / 2
            elif rng.random() < 0.05:  # another source of the same side disagreeing
                skew *= rng.choice((0.9, 1.1))
            yield Figure(
                country_a_id=a,
                country_b_id=b,
                side_id=side,
                period_start=start,
                period_end=end,
                value_usd=money(value * skew),
                qualifier=rng.choice(("exact", "exact", "exact", "about", "more_than")),
                change_pct=Decimal(f"{growth * 100:.1f}") if rng.random() < 0.2 else None,
                source_id=rng.choice(sources),
                speaker="Synthetic Speaker",
                quote=f"trade reached {value * skew:,.0f} dollars in {year}",
                status=rng.choice(STATUSES),
            )
            made += 1
        year -= 1
        value /= 1 + growth
        if year < 1950:  # more figures than years: start again from the top, restated
            year = LAST_YEAR


def pair_targets(
    rng: random.Random, pair: tuple[str, str], sources: list[int]
) -> Iterator[tuple[Target, list[TargetStatement]]]:
    a, b = pair
    for _ in range(rng.choice((1, 1, 2))):
        stated = date(rng.randint(2015, LAST_YEAR), rng.randint(1, 12), 1)
        deadline = date(stated.year + rng.randint(3, 10), 12, 31)
        target = Target(
            country_a_id=a,
            country_b_id=b,
            value_usd=money(10 ** rng.uniform(8, 10.5)),
            deadline=deadline,
            stated_on=stated,
            description="Synthetic target",
            status=ReviewStatus.ACCEPTED,
        )
        statements = [
            TargetStatement(
                stated_on=stated,
                deadline_as_stated=deadline,
                side_id=rng.choice((a, b, None)),
                source_id=rng.choice(sources),
                quote="the sides aim to raise trade",
                status=rng.choice(STATUSES[:97]),  # accepted or proposed
            )
            for _ in range(rng.randint(1, 3))
        ]
        statements[0].status = ReviewStatus.ACCEPTED  # so the target is shown
        yield target, statements


def chunks(items: Iterator, size: int = CHUNK) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def seed_synthetic(*, figures: int, pairs: int, sources: int, seed: int = 1) -> Summary:
    rng = random.Random(seed)
    chosen = choose_pairs(rng, pairs)
    made_sources = Source.objects.bulk_create(
        Source(
            title=f"Synthetic report {i}",
            publisher=PUBLISHER,
            published=date(2000 + i % 26, 1 + i % 12, 1 + i % 28),
        )
        for i in range(sources)
    )
    source_ids = [s.pk for s in made_sources]
    per_pair, extra = divmod(figures, pairs)

    def all_figures() -> Iterator[Figure]:
        for index, pair in enumerate(chosen):
            yield from pair_figures(rng, pair, per_pair + (index < extra), source_ids)

    for batch in chunks(all_figures()):
        Figure.objects.bulk_create(batch)
    stated = [item for pair in chosen for item in pair_targets(rng, pair, source_ids)]
    Target.objects.bulk_create([target for target, _ in stated], batch_size=CHUNK)
    statements = []
    for target, said in stated:
        for statement in said:
            statement.target = target  # now that the target has its primary key
            statements.append(statement)
    TargetStatement.objects.bulk_create(statements, batch_size=CHUNK)
    refresh_pairs(chosen)  # bulk inserts send no signals
    return Summary(pairs, sources, figures, len(stated), len(statements))
