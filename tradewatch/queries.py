"""Page reads. Every page, export and report reads through here, so they cannot disagree.

Each read runs a fixed number of queries, whatever the number of figures.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from tradewatch.domain.money import Qualifier, values_agree
from tradewatch.domain.periods import Period
from tradewatch.domain.progress import (
    GrowthEvidence,
    Progress,
    assess,
    observed_growth_between,
)
from tradewatch.models import (
    Country,
    Event,
    Figure,
    Flow,
    ReviewStatus,
    Source,
    Target,
    TargetStatement,
)

# A value more precise than another wins as "the" value for a period.
QUALIFIER_RANK = {
    Qualifier.EXACT: 0,
    Qualifier.ABOUT: 1,
    Qualifier.MORE_THAN: 2,
    Qualifier.LESS_THAN: 3,
}


@dataclass(frozen=True, slots=True)
class Filters:
    flow: str = Flow.TURNOVER
    year_from: int | None = None
    year_to: int | None = None

    def covers(self, period: Period) -> bool:
        if self.year_from is not None and period.end.year < self.year_from:
            return False
        return self.year_to is None or period.start.year <= self.year_to


@dataclass(frozen=True, slots=True)
class Conflict:
    period: Period
    figures: tuple[Figure, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    day: date
    precision: str
    title: str
    source: Source


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the overview and the dashboard say about one partner."""

    partner: Country
    latest: Figure | None
    target: Target | None
    progress: Progress


@dataclass(frozen=True, slots=True)
class Dashboard:
    partner: Country
    home: Country
    filters: Filters
    assessment: Assessment
    figures: tuple[Figure, ...]  # the ones inside the filters, oldest first
    targets: tuple[Target, ...]
    conflicts: tuple[Conflict, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[Source, ...]
    partners: tuple[Country, ...]  # every partner with data, for the partner switch
    conflicting_ids: frozenset[int]  # figures in any conflict (looked up once per table row)


def home_country() -> Country:
    return Country.objects.get(pk=settings.TRADEWATCH_HOME)


def accepted_figures() -> QuerySet[Figure]:
    """Accepted figures; one stated by several sources comes once, with its corroborations."""
    accepted = Q(reporter_id=settings.TRADEWATCH_HOME, status=ReviewStatus.ACCEPTED)
    corroborations = Figure.objects.filter(accepted).select_related("source")
    return (
        Figure.objects.filter(accepted, duplicate_of__isnull=True)
        .select_related("source")
        .prefetch_related(Prefetch("corroborations", queryset=corroborations))
    )


def accepted_targets() -> QuerySet[Target]:
    statements = TargetStatement.objects.filter(status=ReviewStatus.ACCEPTED).select_related(
        "source"
    )
    # A target is shown exactly while an accepted statement states it.
    stated = Exists(statements.filter(target=OuterRef("pk")))
    return Target.objects.filter(
        stated, reporter_id=settings.TRADEWATCH_HOME, status=ReviewStatus.ACCEPTED
    ).prefetch_related(Prefetch("statements", queryset=statements))


def preference(figure: Figure) -> tuple:
    """Sort key: stated before derived, exact before approximate, newer source first."""
    published = figure.source.published or date.min
    return (figure.derived, QUALIFIER_RANK[Qualifier(figure.qualifier)], -published.toordinal())


def latest_full_year(figures: list[Figure]) -> Figure | None:
    full = [f for f in figures if f.value_usd is not None and f.period.is_full_year]
    if not full:
        return None
    last_year = max(f.period_end.year for f in full)
    return min((f for f in full if f.period_end.year == last_year), key=preference)


def growth_evidence(figures: list[Figure]) -> list[GrowthEvidence]:
    evidence = []
    for f in figures:
        if f.change_pct is not None and f.period.is_full_year:
            qualifier = Qualifier(f.change_qualifier)
            label = f"{'more than ' if qualifier == Qualifier.MORE_THAN else ''}"
            label += f"{f.change_pct.normalize():f}% in {f.period.label} as stated"
            rate = float(f.change_pct) / 100
            evidence.append(GrowthEvidence(rate, f.period_end.year, label, stated=True))
    by_year: dict[int, Figure] = {}
    for f in sorted((f for f in figures if f.value_usd), key=preference, reverse=True):
        if f.period.is_full_year:
            by_year[f.period_end.year] = f
    if len(by_year) >= 2:
        first, last = min(by_year), max(by_year)
        evidence.append(
            observed_growth_between(by_year[first].value_usd, first, by_year[last].value_usd, last)
        )
    return evidence


def primary_target(targets: list[Target], as_of: date) -> Target | None:
    """The goal the overview measures: a valued target with the nearest open deadline."""

    def key(t: Target) -> tuple:
        open_deadline = t.deadline is not None and t.deadline >= as_of
        return (
            t.value_usd is None,
            not open_deadline,
            t.deadline or date.max,
        )

    return min(targets, key=key, default=None)


def assess_partner(
    partner: Country, figures: list[Figure], targets: list[Target], as_of: date
) -> Assessment:
    latest = latest_full_year(figures)
    target = primary_target(targets, as_of)
    progress = assess(
        latest_value=latest.value_usd if latest else None,
        latest_period=latest.period if latest else None,
        target_value=target.value_usd if target else None,
        deadline=target.deadline if target else None,
        growth=growth_evidence(figures),
        as_of=as_of,
    )
    return Assessment(partner=partner, latest=latest, target=target, progress=progress)


def find_conflicts(figures: list[Figure]) -> list[Conflict]:
    """Stated values for the same period that differ by more than the tolerance."""
    groups: dict[Period, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.value_usd is not None and not f.derived:
            groups[f.period].append(f)
    conflicts = []
    for period, group in sorted(groups.items()):
        values = [f.value_usd for f in group]
        if not values_agree(min(values), max(values)):
            conflicts.append(Conflict(period, tuple(sorted(group, key=preference))))
    return conflicts


def overview_rows(*, as_of: date) -> list[Assessment]:
    """One assessment per partner with data, in three queries."""
    figures = defaultdict(list)
    for f in accepted_figures().filter(flow=Flow.TURNOVER):
        figures[f.partner_id].append(f)
    targets = defaultdict(list)
    for t in accepted_targets().filter(flow=Flow.TURNOVER):
        targets[t.partner_id].append(t)
    partners = Country.objects.filter(pk__in=set(figures) | set(targets))
    return [assess_partner(p, figures[p.pk], targets[p.pk], as_of) for p in partners]


def partners_with_data() -> QuerySet[Country]:
    live = {"reporter_id": settings.TRADEWATCH_HOME, "status": ReviewStatus.ACCEPTED}
    return Country.objects.filter(
        Q(pk__in=Figure.objects.filter(**live).values("partner"))
        | Q(pk__in=Target.objects.filter(**live).values("partner"))
    )


def partner_or_404(iso3: str) -> Country:
    return get_object_or_404(Country.objects.exclude(pk=settings.TRADEWATCH_HOME), pk=iso3.upper())


def partner_dashboard(partner: Country, filters: Filters, *, as_of: date) -> Dashboard:
    figures = list(accepted_figures().filter(partner=partner, flow=filters.flow))
    targets = list(accepted_targets().filter(partner=partner, flow=filters.flow))
    events = list(Event.objects.filter(partner=partner).select_related("source"))
    timeline = [TimelineEntry(e.happened_on, e.date_precision, e.title, e.source) for e in events]
    sources = {f.source.pk: f.source for f in figures}
    for t in targets:
        for s in t.statements.all():
            sources[s.source.pk] = s.source
    conflicts = find_conflicts(figures)
    return Dashboard(
        partner=partner,
        home=home_country(),
        filters=filters,
        assessment=assess_partner(partner, figures, targets, as_of),
        figures=tuple(f for f in figures if filters.covers(f.period)),
        targets=tuple(targets),
        conflicts=tuple(conflicts),
        conflicting_ids=frozenset(f.pk for c in conflicts for f in c.figures),
        timeline=tuple(sorted(timeline, key=lambda e: e.day)),
        sources=tuple(sorted(sources.values(), key=lambda s: s.published or date.min)),
        partners=tuple(partners_with_data()),
    )


def source_with_facts(pk: int) -> tuple[Source, list[Figure], list[TargetStatement]]:
    source = get_object_or_404(Source, pk=pk)
    figures = list(
        Figure.objects.filter(source=source)
        .exclude(status=ReviewStatus.REJECTED)
        .select_related("partner")
    )
    statements = list(
        TargetStatement.objects.filter(source=source)
        .exclude(status=ReviewStatus.REJECTED)
        .select_related("target__partner")
    )
    return source, figures, statements
