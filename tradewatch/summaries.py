"""The per-pair summary rows the overview and country pages read (PairSummary).

Every write of a figure, target or statement refreshes its pair's row (signals, so the
admin, ingest, review actions and the shell all count); bulk writers call refresh_pairs()
themselves. A row computed on an earlier day is recomputed when read, because a status
depends on the date (a deadline passes).
"""

from collections import defaultdict
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tradewatch.cache import bump_data_version, pair_scopes
from tradewatch.domain.progress import Status
from tradewatch.history import summaries_shown_on, targets_shown_on, with_facts_shown_on
from tradewatch.models import (
    Country,
    Figure,
    Paired,
    PairSummary,
    StoredFlow,
    Target,
    TargetStatement,
)
from tradewatch.queries import Pair, accepted_figures, accepted_targets, assess_pair

Stored = tuple[str, str]
STATUS_ORDER = {status: i for i, status in enumerate(Status)}
CHUNK = 500  # pairs per query
# Set while a restore loads a whole database: one refresh at the end instead of one per row.
loading_in_bulk: ContextVar[bool] = ContextVar("loading_in_bulk", default=False)


def pairs_filter(pairs: Iterable[Stored], prefix: str = "") -> Q:
    either = Q(pk__in=[])
    for a, b in pairs:
        either |= Q(**{f"{prefix}country_a": a, f"{prefix}country_b": b})
    return either


def summary_for(pair: Pair, figures: list[Figure], targets: list[Target], as_of: date):
    assessment = assess_pair(pair, figures, targets, as_of)
    progress, latest = assessment.progress, assessment.latest
    first, second = assessment.latest_by_side
    return PairSummary(
        country_a=pair.first,
        country_b=pair.second,
        pair_name=f"{pair.first.name} – {pair.second.name}",
        latest=latest,
        latest_reason=assessment.latest_reason,
        latest_a=first,
        latest_b=second,
        target=assessment.target,
        latest_value=latest.value_usd if latest else None,
        latest_year=latest.period_end.year if latest else None,
        target_value=assessment.target.value_usd if assessment.target else None,
        share_of_target=progress.share_of_target,
        required_growth=progress.required_growth,
        status=progress.status.value,
        status_order=STATUS_ORDER[progress.status],
        as_of=as_of,
    )


@transaction.atomic
def refresh_pairs(
    pairs: Iterable[Stored], *, as_of: date | None = None, partners_may_change: bool = True
) -> int:
    """Recompute the rows of these pairs (stored order); a pair without data loses its row.
    Bulk writers come here too, and may change who is whose partner unless they say not."""
    as_of = as_of or timezone.localdate()
    pairs = sorted(set(pairs))
    bump_data_version(pair_scopes(pairs, partners=partners_may_change))  # these pages changed
    written = 0
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        figures, targets = defaultdict(list), defaultdict(list)
        countries = Country.objects.in_bulk({code for pair in chunk for code in pair})
        turnover = pairs_filter(chunk) & Q(flow=StoredFlow.TURNOVER)
        for f in accepted_figures(turnover, countries, many_pairs=True):
            figures[f.pair].append(f)
        turnover_targets = pairs_filter(chunk, "target__") & Q(target__flow=StoredFlow.TURNOVER)
        for t in accepted_targets(turnover_targets):
            targets[t.pair].append(t)
        live = set(figures) | set(targets)
        rows = [
            summary_for(Pair(countries[a], countries[b]), figures[(a, b)], targets[(a, b)], as_of)
            for a, b in sorted(live)
        ]
        written += store_rows(chunk, rows)
    return written


# What a row shows; a row whose only change is the day it was computed gets no history row.
SHOWN = [
    f.attname
    for f in PairSummary._meta.concrete_fields
    if f.attname not in ("id", "country_a_id", "country_b_id", "as_of")
]


def store_rows(chunk: list[Stored], rows: list[PairSummary]) -> int:
    """Write the recomputed rows of these pairs, recording in the history only rows that
    show something new (so ?as_of= can rebuild the overview of any past day)."""
    stored = {s.pair: s for s in PairSummary.objects.filter(pairs_filter(chunk))}
    created, changed, touched = [], [], []
    for row in rows:
        old = stored.pop(row.pair, None)
        if old is None:
            created.append(row)
            continue
        row.pk = old.pk
        if any(getattr(old, f) != getattr(row, f) for f in SHOWN):
            changed.append(row)
        elif old.as_of != row.as_of:
            touched.append(row)
    for gone in stored.values():
        gone.delete()  # a pair without data any more (its history keeps a deletion)
    if loading_in_bulk.get():  # a restore: the history it loaded already tells these rows
        PairSummary.objects.bulk_create(created, batch_size=CHUNK)
        PairSummary.objects.bulk_update(changed, [*SHOWN, "as_of"], batch_size=CHUNK)
    else:
        bulk_create_with_history(created, PairSummary, batch_size=CHUNK)
        bulk_update_with_history(changed, PairSummary, [*SHOWN, "as_of"], batch_size=CHUNK)
    if touched:
        PairSummary.objects.bulk_update(touched, ["as_of"], batch_size=CHUNK)
    return len(rows)


def refresh_all(*, as_of: date | None = None) -> int:
    every = set(Figure.objects.values_list("country_a", "country_b").distinct())
    every |= set(Target.objects.values_list("country_a", "country_b").distinct())
    every |= set(PairSummary.objects.values_list("country_a", "country_b"))
    return refresh_pairs(every, as_of=as_of)


def refresh_stale(as_of: date) -> None:
    """Rows computed on an earlier day: recompute them before a page reads them."""
    stale = PairSummary.objects.filter(as_of__lt=as_of).values_list("country_a", "country_b")
    if stale.exists():  # a new day changes statuses, not partners
        refresh_pairs(list(stale), as_of=as_of, partners_may_change=False)


def pairs_of(instance: Paired | TargetStatement) -> set[Stored]:
    """The pair of a fact, and the one it was read with when a save moved it."""
    if isinstance(instance, TargetStatement):
        pairs = {instance.target.pair}
        target_as_read = instance.as_read.get("target_id")
        if target_as_read not in (None, instance.target_id):
            moved_from = Target.objects.filter(pk=target_as_read)
            pairs |= set(moved_from.values_list("country_a", "country_b"))
        return pairs
    return {instance.pair, instance.loaded_pair} - {None}


def refresh_after_write(sender, instance, created: bool | None = None, **kwargs) -> None:
    """post_save / post_delete (no `created`) of a figure, target or statement."""
    if not loading_in_bulk.get():
        refresh_pairs(
            pairs_of(instance), partners_may_change=may_change_partners(instance, created)
        )


def may_change_partners(instance: Paired | TargetStatement, created: bool | None) -> bool:
    """Whether a write can make two countries partners or end it (queries.partners_of:
    countries sharing an accepted figure or target): a new or deleted figure or target, or one
    whose pair or status changed. An edit of its value, quote or source cannot, and leaves
    the partner switch of every other dashboard of its countries cached."""
    if isinstance(instance, TargetStatement):
        return False  # partners_of reads figures and targets, not their statements
    if created is not False:
        return True
    as_read = instance.as_read
    return instance.loaded_pair != instance.pair or as_read.get("status") != instance.status


def refresh_after_rename(sender, instance: Country, **kwargs) -> None:
    """post_save of a country: its pairs' rows hold its name (the overview sorts on it)."""
    if loading_in_bulk.get():
        return
    pairs = PairSummary.objects.filter(Q(country_a=instance) | Q(country_b=instance))
    if pairs.exclude(pair_name__contains=instance.name).exists():
        refresh_pairs(pairs.values_list("country_a", "country_b"))


@dataclass(frozen=True, slots=True)
class RowProgress:
    share_of_target: float | None
    required_growth: float | None
    status: Status


@dataclass(frozen=True, slots=True)
class PairRow:
    """One summary row, written with `pair.first` first (the page's country, or home)."""

    pair: Pair
    summary: PairSummary

    @property
    def latest(self) -> Figure | None:
        return self.summary.latest

    @property
    def target(self) -> Target | None:
        return self.summary.target

    @property
    def latest_by_side(self) -> tuple[Figure | None, Figure | None]:
        a, b = self.summary.latest_a, self.summary.latest_b
        return (a, b) if self.pair.first.pk == self.summary.country_a_id else (b, a)

    @property
    def progress(self) -> RowProgress:
        s = self.summary
        return RowProgress(s.share_of_target, s.required_growth, Status(s.status))


SORT_FIELDS = {
    "pair": ("pair_name",),
    "latest": ("latest_value",),
    "year": ("latest_year",),
    "target": ("target_value",),
    "share": ("share_of_target",),
    "required": ("required_growth",),
    "status": ("status_order",),
}


def ordering(sort: str) -> list[OrderBy]:
    """A column, either way; rows without a value for it always come last."""
    fields = SORT_FIELDS[sort.lstrip("-") or "pair"]
    descending = sort.startswith("-")
    return [
        F(f).desc(nulls_last=True) if descending else F(f).asc(nulls_last=True) for f in fields
    ] + [F("id").asc()]  # "id", not "pk": also orders the rows' history


def summary_order(
    *, as_of: date, country: str = "", status: str = "", sort: str = ""
) -> QuerySet[PairSummary, int]:
    """The ids of the overview's rows, filtered and sorted in SQL on the summary table alone
    (each filter and order is indexed); summaries_by_id() then reads one page of them."""
    refresh_stale(as_of)
    rows = PairSummary.objects.all()
    if country:
        rows = rows.filter(Q(country_a=country) | Q(country_b=country))
    if status:
        rows = rows.filter(status=status)
    return rows.order_by(*ordering(sort)).values_list("pk", flat=True)


def summaries_by_id(ids: Iterable[int]) -> list[PairSummary]:
    """These rows with what a page shows of them, in the order given. Joining only the rows
    of one page keeps the query fast (sorting 5,000 joined rows took 60 ms on PostgreSQL)."""
    ids = list(ids)
    rows = PairSummary.objects.select_related(
        "country_a", "country_b", "latest__side", "latest_a", "latest_b", "target"
    ).in_bulk(ids)
    return [rows[pk] for pk in ids]


def every_summary(
    *, as_of: date, past: date | None = None, country: str = "", status: str = "", sort: str = ""
) -> list[PairSummary]:
    """Every row the filters select in their order, not one page (what an export of the
    overview or a country page lists), with each figure's side and source: one query after
    summary_order's, however many rows. `past`: the rows as shown at the end of that day."""
    if past is not None:
        shown = summaries_shown_on(past, country=country, status=status, sort=sort)
        return with_facts_shown_on(list(shown), past)
    ids = summary_order(as_of=as_of, country=country, status=status, sort=sort)
    facts = ("latest", "latest_a", "latest_b")
    return list(
        PairSummary.objects.filter(pk__in=ids)
        .order_by(*ordering(sort))
        .select_related(
            "country_a",
            "country_b",
            "target",
            *(f"{f}__side" for f in facts),
            *(f"{f}__source" for f in facts),
        )
        .defer(*(f"{f}__source__text" for f in facts))  # documents' full texts: not exported
    )


def first_statements(
    targets: Iterable[Target | None], day: date | None = None
) -> dict[int, TargetStatement]:
    """The accepted statement that first set each target (as shown at the end of `day`, for
    a past view): where a summary row's target comes from. One query (three for a day)."""
    ids = [t.pk for t in targets if t is not None]
    if day is None:
        return {t.pk: t.accepted_statements[0] for t in accepted_targets(Q(target_id__in=ids))}
    _, statements = targets_shown_on(Q(pk__in=ids), day)
    return {pk: shown[0] for pk, shown in statements.items() if shown}


def as_rows(summaries: Iterable[PairSummary], first: str) -> list[PairRow]:
    """Each summary written with `first` first when it is one of the pair."""
    rows = []
    for s in summaries:
        a, b = s.country_a, s.country_b
        rows.append(PairRow(Pair(b, a) if b.pk == first else Pair(a, b), s))
    return rows
