"""What TradeWatch showed on a past day, read from the audit history (django-simple-history),
not from a second copy of the data: each fact as its last recorded state at the end of that
day, kept when it was accepted then. Also the public list of changes to a pair's facts.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from tradewatch.models import (
    Country,
    Figure,
    PairSummary,
    ReviewStatus,
    Source,
    Target,
    TargetStatement,
)


def end_of(day: date) -> datetime:
    """The last instant of `day` in the site's time zone: a change that day is included."""
    return timezone.make_aware(datetime.combine(day, time.max))


HISTORIED = (Source, Figure, Target, TargetStatement)


def record_initial_history(
    reason: str = "loaded from the seed fixture", at: datetime | None = None
) -> int:
    """A first history row for facts that have none (fixtures load without signals), so
    past views show them from the moment they were loaded."""
    written = 0
    for model in HISTORIED:
        recorded = model.history.values_list("id", flat=True)
        missing = list(model.objects.exclude(pk__in=recorded))
        if missing:
            model.history.bulk_history_create(
                missing, default_change_reason=reason, default_date=at
            )
            written += len(missing)
    return written


def attach_related(facts: list[Any], known: Mapping[str, Country] | None = None) -> None:
    """Load the facts' sources (as they are now) in one query instead of one per fact, each
    source once: joining them built one more instance per row, a large part of refreshing
    every pair's summary at a million figures."""
    sources = Source.objects.defer("text").in_bulk({f.source_id for f in facts})
    for f in facts:
        f.source = sources.get(f.source_id)
    attach_sides(facts, known)


def attach_sides(facts: list[Any], known: Mapping[str, Country] | None = None) -> None:
    """The facts' sides: from `known` countries (the pairs' own) without a query."""
    known = known or {}
    wanted = {f.side_id for f in facts if f.side_id} - known.keys()
    countries = {**known, **(Country.objects.in_bulk(wanted) if wanted else {})}
    for f in facts:
        f.side = countries.get(f.side_id)


def figures_shown_on(scope: Q, day: date) -> list[Figure]:
    rows = list(Figure.history.as_of(end_of(day)).filter(scope, status=ReviewStatus.ACCEPTED))
    attach_related(rows)
    rows = [f for f in rows if f.source is not None]  # its document was deleted since
    return sorted(rows, key=lambda f: (f.period_end, f.period_start, f.pk))


def targets_shown_on(scope: Q, day: date) -> tuple[dict[int, Target], dict[int, list]]:
    """Targets accepted at the end of `day` (scope on the target's own fields) and their
    statements accepted then, oldest first."""
    at = end_of(day)
    targets = {
        t.pk: t for t in Target.history.as_of(at).filter(scope, status=ReviewStatus.ACCEPTED)
    }
    statements = list(
        TargetStatement.history.as_of(at).filter(
            target_id__in=list(targets), status=ReviewStatus.ACCEPTED
        )
    )
    attach_related(statements)
    by_target: dict[int, list] = defaultdict(list)
    for s in sorted(statements, key=lambda s: (s.stated_on, s.pk)):
        if s.source is not None:
            s.target = targets[s.target_id]
            by_target[s.target_id].append(s)
    return {pk: t for pk, t in targets.items() if by_target[pk]}, by_target


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change to a figure, target or statement of a pair."""

    when: datetime
    kind: str  # "figure" | "target" | "target statement"
    object_id: int
    action: str  # "added" | "changed" | "deleted"
    label: str  # the fact as it reads after the change (before, for a deletion)
    fields: tuple[tuple[str, str, str], ...]  # (field, old, new) for a change
    reason: str
    editor: str

    @property
    def anchor(self) -> str:
        return f"change-{self.kind.replace(' ', '-')}-{self.object_id}-{self.when.timestamp():.0f}"


ACTIONS = {"+": gettext_noop("added"), "~": gettext_noop("changed"), "-": gettext_noop("deleted")}
# Kinds and the fields a change lists, in English (also anchors); translated where shown.
WORDS = (
    gettext_noop("figure"), gettext_noop("target"), gettext_noop("target statement"),
    gettext_noop("value usd"), gettext_noop("amount"), gettext_noop("currency"),
    gettext_noop("qualifier"), gettext_noop("period start"), gettext_noop("period end"),
    gettext_noop("status"), gettext_noop("quote"), gettext_noop("speaker"),
    gettext_noop("side"), gettext_noop("flow"), gettext_noop("deadline"),
    gettext_noop("firmness"), gettext_noop("preferred"), gettext_noop("preferred reason"),
    gettext_noop("change pct"), gettext_noop("description"), gettext_noop("superseded by"),
    gettext_noop("value as stated"), gettext_noop("deadline as stated"), gettext_noop("wording"),
    gettext_noop("duplicate of"), gettext_noop("stated on"),
)  # fmt: skip
QUIET_FIELDS = {"quote_start", "quote_end", "version"}  # not changes a reader would see


def describe(record: Any, kind: str, previous: Any | None) -> Change:
    """One history record in words; `previous` is the object's record before it."""
    fields: tuple[tuple[str, str, str], ...] = ()
    if record.history_type == "~" and previous is not None:
        delta = record.diff_against(previous)
        fields = tuple(
            (c.field.replace("_", " "), display(c.old), display(c.new))
            for c in delta.changes
            if c.field not in QUIET_FIELDS
        )
    user = record.history_user
    return Change(
        when=record.history_date,
        kind=kind,
        object_id=record.id,
        action=ACTIONS.get(record.history_type, record.history_type),
        label=str(record.instance),
        fields=fields,
        reason=record.history_change_reason or "",
        editor=(user.get_full_name() or user.get_username()) if user else "",
    )


def display(value: object) -> str:
    return "—" if value in (None, "") else str(value)


def pair_changes(stored: tuple[str, str], limit: int = 200) -> list[Change]:
    """Every recorded change to the pair's figures, targets and statements, newest first."""
    a, b = stored
    pair = Q(country_a=a, country_b=b)
    figures = Figure.history.filter(pair).select_related("history_user")
    targets = Target.history.filter(pair).select_related("history_user")
    target_ids = set(Target.history.filter(pair).values_list("id", flat=True))
    statements = TargetStatement.history.filter(target_id__in=target_ids).select_related(
        "history_user"
    )
    changes = newest(figures, "figure", limit) + newest(targets, "target", limit)
    changes += newest(statements, "target statement", limit)
    return sorted(changes, key=lambda c: c.when, reverse=True)[:limit]


def newest(records: QuerySet, kind: str, limit: int) -> list[Change]:
    """The newest `limit` records in words, each compared with the one before it: those are
    read in one query for all (prev_record would be one per record)."""
    latest = list(records.order_by("-history_date", "-history_id")[:limit])
    before: dict[int, Any] = {}
    previous = None
    every = records.model._default_manager.filter(id__in={r.id for r in latest})
    for record in every.order_by("id", "history_date", "history_id"):
        if previous is not None and previous.id == record.id:
            before[record.history_id] = previous
        previous = record
    return [describe(r, kind, before.get(r.history_id)) for r in latest]


def summaries_shown_on(day: date, *, country: str = "", status: str = "", sort: str = ""):
    """The overview's rows as they stood at the end of `day`, filtered and sorted as today's
    (summaries.summary_order); a QuerySet of PairSummary's history records (its fields)."""
    from tradewatch.summaries import ordering  # summaries imports this module's neighbours

    # The records themselves, not history.as_of()'s instances: making an instance reads the
    # fields the history leaves out (`as_of`) back with queries for every row.
    at = end_of(day)
    rows = PairSummary.history.filter(history_date__lte=at).latest_of_each()
    rows = rows.exclude(history_type="-")  # deleted by then
    if country:
        rows = rows.filter(Q(country_a=country) | Q(country_b=country))
    if status:
        rows = rows.filter(status=status)
    return rows.order_by(*ordering(sort))


def with_facts_shown_on(summaries: list[PairSummary], day: date) -> list[PairSummary]:
    """Each row's countries, and its figures and target as they were at the end of `day`
    (a figure corrected since shows its old value, as the overview did then)."""
    at = end_of(day)
    countries = Country.objects.in_bulk(
        {c for s in summaries for c in (s.country_a_id, s.country_b_id)}
    )
    figure_ids = {pk for s in summaries for pk in (s.latest_id, s.latest_a_id, s.latest_b_id) if pk}
    figures = {f.pk: f for f in Figure.history.as_of(at).filter(id__in=figure_ids)}
    attach_related(list(figures.values()))
    target_ids = {s.target_id for s in summaries if s.target_id}
    targets = {t.pk: t for t in Target.history.as_of(at).filter(id__in=target_ids)}
    for s in summaries:
        s.country_a, s.country_b = countries[s.country_a_id], countries[s.country_b_id]
        s.latest, s.latest_a, s.latest_b = (
            figures.get(pk) for pk in (s.latest_id, s.latest_a_id, s.latest_b_id)
        )
        s.target = targets.get(s.target_id)
    return summaries
