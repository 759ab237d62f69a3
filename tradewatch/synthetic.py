"""Deterministic synthetic data of realistic shape, for benchmarks (never a real database).

Each pair gets a growth path of full years reported by both sides (the second side's numbers
off by up to a quarter, as mirror statistics are), some part-year figures, the odd conflicting
restatement, proposed and rejected facts beside accepted ones, and one or two targets stated
several times. Rows are written with bulk inserts (no history): the figures with COPY on
PostgreSQL, as plain tuples, since building a million model instances and their INSERTs took
longer than the whole seed may.
"""

import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import combinations

from django.db import connection, models, transaction

from tradewatch.models import Country, Figure, ReviewStatus, Source, Target, TargetStatement
from tradewatch.summaries import refresh_pairs

PUBLISHER = "TradeWatch synthetic data"
CHUNK = 10_000
LAST_YEAR = 2025
FIGURE_COLUMNS = (
    "country_a_id", "country_b_id", "side_id", "period_start", "period_end", "value_usd",
    "qualifier", "change_pct", "source_id", "speaker", "quote", "status",
)  # fmt: skip
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
) -> Iterator[tuple]:
    """`count` figures of one pair (tuples of FIGURE_COLUMNS): both sides' full years back
    from LAST_YEAR, with a part-year figure and a conflicting restatement now and then."""
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
            yield (
                a,
                b,
                side,
                start,
                end,
                money(value * skew),
                rng.choice(("exact", "exact", "exact", "about", "more_than")),
                Decimal(f"{growth * 100:.1f}") if rng.random() < 0.2 else None,
                rng.choice(sources),
                "Synthetic Speaker",
                f"trade reached {value * skew:,.0f} dollars in {year}",
                rng.choice(STATUSES),
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


def insert_rows(model: type[models.Model], columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    """Insert tuples of `columns` (attnames); every other column gets the model's default,
    as bulk_create gives it. No signals, no history."""
    if connection.vendor != "postgresql":
        for batch in chunks(model(**dict(zip(columns, row, strict=True))) for row in rows):
            model.objects.bulk_create(batch)
        return
    blank = model()
    fields = {f.attname: f for f in model._meta.concrete_fields if not f.primary_key}
    rest = [f for name, f in fields.items() if name not in columns]
    defaults = tuple(f.get_db_prep_save(f.pre_save(blank, add=True), connection) for f in rest)
    names = [fields[name].column for name in columns] + [f.column for f in rest]
    quoted = ", ".join(connection.ops.quote_name(name) for name in names)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        keys_and_indexes_built_once(cursor, table),
        cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row + defaults)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")  # the planner's row counts, for the reads that follow


@contextmanager
def keys_and_indexes_built_once(cursor, table: str) -> Iterator[None]:
    """PostgreSQL's advice for bulk loads: drop the table's foreign keys and plain indexes
    and add them back after, which checks every row in one join and builds each index in one
    sort instead of a lookup and thirteen index insertions per row (at a million figures:
    424 s → 163 s with the keys alone). Pending checks of rows written earlier in the
    transaction run first, as ALTER TABLE requires. Other connections wait for the table
    until the seed commits: a benchmark database's loader, not a live site's."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")  # index builds sort in memory
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    )
    keys = [(connection.ops.quote_name(name), definition) for name, definition in cursor]
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        [table],
    )
    indexes = [(connection.ops.quote_name(name), definition) for name, definition in cursor]
    for name, _ in keys:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    yield
    for _, definition in indexes:
        cursor.execute(definition)
    for name, definition in keys:  # fails, rolling back the seed, if any row breaks a key
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


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

    def all_figures() -> Iterator[tuple]:
        for index, pair in enumerate(chosen):
            yield from pair_figures(rng, pair, per_pair + (index < extra), source_ids)

    insert_rows(Figure, FIGURE_COLUMNS, all_figures())
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
