"""Page reads. Every page, export and report reads through here, so they cannot disagree.

Each read runs a fixed number of queries, whatever the number of figures.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Greatest, Least
from django.http import Http404
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradewatch.domain.agreement import values_conflict
from tradewatch.domain.money import Qualifier
from tradewatch.domain.periods import Period
from tradewatch.domain.progress import (
    GrowthEvidence,
    Progress,
    assess,
    observed_growth_between,
)
from tradewatch.domain.projection import Projection, project
from tradewatch.domain.sides import Claim, choose, rank
from tradewatch.history import (
    attach_related,
    attach_sides,
    figures_shown_on,
    targets_shown_on,
)
from tradewatch.models import (
    Correction,
    Country,
    Event,
    Figure,
    Flow,
    ReviewStatus,
    Source,
    StoredFlow,
    Target,
    TargetStatement,
)

UNKNOWN_SIDE = gettext_lazy("an unnamed side")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two countries in the order a reader wrote them: /pairs/KGZ-BLR/ is Kyrgyzstan first."""

    first: Country
    second: Country

    @property
    def slug(self) -> str:
        return f"{self.first.iso3}-{self.second.iso3}"

    @property
    def name(self) -> str:
        return f"{self.first.shown_name}–{self.second.shown_name}"

    @property
    def stored(self) -> tuple[str, str]:
        """The canonical (alphabetical) order facts are stored in."""
        a, b = sorted((self.first.iso3, self.second.iso3))
        return a, b

    @property
    def countries(self) -> dict[str, Country]:
        return {self.first.iso3: self.first, self.second.iso3: self.second}

    def country(self, iso3: str | None) -> Country | None:
        return self.countries.get(iso3 or "")

    def side_name(self, iso3: str | None) -> str:
        country = self.country(iso3)
        return country.shown_name if country else str(UNKNOWN_SIDE)


@dataclass(frozen=True, slots=True)
class Filters:
    flow: str = Flow.TURNOVER
    year_from: int | None = None
    year_to: int | None = None
    as_of: date | None = None  # a past day: the page as TradeWatch showed it then

    @property
    def flow_label(self) -> str:
        """'turnover' in the reader's language."""
        return str(Flow(self.flow).label).lower()

    def covers(self, period: Period) -> bool:
        if self.year_from is not None and period.end.year < self.year_from:
            return False
        return self.year_to is None or period.start.year <= self.year_to


@dataclass(frozen=True, slots=True)
class Conflict:
    """One side's sources (or unattributed ones) disagreeing about one period."""

    period: Period
    figures: tuple[Figure, ...]


@dataclass(frozen=True, slots=True)
class Spread:
    """The two sides of a pair reporting different values for one period."""

    period: Period
    first: Figure  # the first country's value (as the pair is written)
    second: Figure

    @property
    def percent(self) -> float:
        """How much the higher value exceeds the lower, as a fraction of the lower."""
        low, high = sorted((self.first.value_usd, self.second.value_usd))
        return float((high - low) / low) if low else float("inf")


@dataclass(frozen=True, slots=True)
class StatisticsGap:
    """A statement beside the official statistics for the same period."""

    statement: Figure
    statistics: Figure

    @property
    def percent(self) -> float:
        """Above (+) or below (−) the statistics, as a fraction of them."""
        reference = self.statistics.value_usd
        return float((self.statement.value_usd - reference) / reference) if reference else 0.0


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    day: date
    precision: str
    title: str
    source: Source


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the overview, a country page and the dashboard say about one pair."""

    pair: Pair
    latest: Figure | None
    latest_reason: str  # which side's value the progress numbers use, and why
    # The first country's own latest full-year value and the second's (None where absent).
    latest_by_side: tuple[Figure | None, Figure | None]
    target: Target | None
    progress: Progress


@dataclass(frozen=True, slots=True)
class Dashboard:
    pair: Pair
    filters: Filters
    assessment: Assessment
    figures: tuple[Figure, ...]  # the ones inside the filters, oldest first
    targets: tuple[Target, ...]
    conflicts: tuple[Conflict, ...]
    spreads: tuple[Spread, ...]
    sources: tuple[Source, ...]
    conflicting_ids: frozenset[int]  # figures in any conflict (looked up once per table row)
    statistics_gaps: dict[int, StatisticsGap]  # by statement figure id
    projection: Projection | None  # where the observed pace leads; never a reported value

    def sides(self) -> list[tuple[Country | None, list[Figure]]]:
        """The figures of each side, the first country's first, then unattributed ones."""
        grouped: dict[str | None, list[Figure]] = defaultdict(list)
        for f in self.figures:
            grouped[f.side_id].append(f)
        order = [self.pair.first.iso3, self.pair.second.iso3, None]
        return [(self.pair.country(side), grouped[side]) for side in order if grouped[side]]


def country_or_404(iso3: str) -> Country:
    country = Country.objects.filter(pk=iso3.upper()).first()
    if country is None:
        raise Http404(f"No country with the ISO 3166 code “{iso3.upper()}”.")
    return country


def pair_or_404(first: str, second: str) -> Pair:
    codes = [first.upper(), second.upper()]
    if codes[0] == codes[1]:
        raise Http404("A pair needs two different countries.")
    found = Country.objects.in_bulk(codes)
    if len(found) != 2:
        missing = next(c for c in codes if c not in found)
        raise Http404(f"No country with the ISO 3166 code “{missing}”.")
    return Pair(found[codes[0]], found[codes[1]])


def home_pair_or_404(iso3: str) -> Pair:
    """The pair an old /partners/<ISO3>/ URL meant: the home country and that partner."""
    return pair_or_404(settings.TRADEWATCH_HOME, iso3)


def flow_filter(pair: Pair, flow: str, prefix: str = "") -> Q:
    """?flow=exports means the first country's exports to the second, stored by exporter."""
    if flow == Flow.TURNOVER:
        return Q(**{f"{prefix}flow": StoredFlow.TURNOVER})
    exporter = pair.first if flow == Flow.EXPORTS else pair.second
    return Q(**{f"{prefix}flow": StoredFlow.EXPORTS, f"{prefix}exporter": exporter})


def pair_filter(pair: Pair, prefix: str = "") -> Q:
    a, b = pair.stored
    return Q(**{f"{prefix}country_a": a, f"{prefix}country_b": b})


def accepted_figures(
    scope: Q, countries: Mapping[str, Country], *, many_pairs: bool = False
) -> list[Figure]:
    """Accepted figures with their sources and sides (`countries`: the pairs' own); one
    stated by several sources comes once, carrying the others as `corroborated_by`. For one
    pair the sources come joined (one query); for `many_pairs` in a second query, each
    source built once instead of once per figure."""
    rows = Figure.objects.filter(scope, status=ReviewStatus.ACCEPTED)
    if many_pairs:
        figures = list(rows)
        attach_related(figures, countries)
    else:
        # A document's full text, once per figure: never shown here.
        figures = list(rows.select_related("source").defer("source__text"))
        attach_sides(figures, countries)
    return with_corroborations(figures)


def with_corroborations(rows: Iterable[Figure]) -> list[Figure]:
    """Figures stated again by another source come once, carrying the others."""
    primaries, corroborations = [], defaultdict(list)
    for f in rows:
        if f.duplicate_of_id:
            corroborations[f.duplicate_of_id].append(f)
        else:
            primaries.append(f)
    for f in primaries:
        f.corroborated_by = corroborations[f.pk]
    return primaries


def accepted_targets(target_scope: Q) -> list[Target]:
    """Targets shown (those with an accepted statement; a target is shown exactly while one
    states it) in one query, each carrying its accepted statements as `accepted_statements`.
    target_scope filters statements by their target ("target__country_a"...)."""
    rows = (
        TargetStatement.objects.filter(
            target_scope, status=ReviewStatus.ACCEPTED, target__status=ReviewStatus.ACCEPTED
        )
        .select_related("target", "source", "side")
        .defer("source__text")
        .order_by("stated_on", "pk")
    )
    targets: dict[int, Target] = {}
    statements = defaultdict(list)
    for statement in rows:
        targets.setdefault(statement.target_id, statement.target)
        statements[statement.target_id].append(statement)
    return with_statements(targets, statements)


def with_statements(targets: dict[int, Target], statements: dict[int, list]) -> list[Target]:
    for pk, target in targets.items():
        target.accepted_statements = statements[pk]
        # The live target that replaced this one, when it is among those read.
        target.successor = targets.get(target.superseded_by_id)
    return sorted(targets.values(), key=lambda t: (t.deadline or date.max, t.pk))


def claim(figure: Figure, pair: Pair) -> Claim:
    return Claim(
        value=figure.value_usd,
        qualifier=Qualifier(figure.qualifier),
        derived=figure.derived,
        side=figure.side_id,
        side_name=pair.side_name(figure.side_id),
        published=figure.source.published,
        preferred=figure.preferred,
        preferred_reason=figure.preferred_reason,
        statistics=figure.is_statistics,
        own=figure.side_id == pair.first.iso3,
    )


def full_year_values(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.value_usd is not None and f.period.is_full_year]


def series_lengths(figures: list[Figure]) -> dict[str | None, int]:
    """Full years each side states a value for (derived values are not a side's series)."""
    years = {(f.side_id, f.period_end.year) for f in full_year_values(figures) if not f.derived}
    return dict(Counter(side for side, _ in years))


def latest_full_year(figures: list[Figure], pair: Pair) -> tuple[Figure | None, str]:
    full = full_year_values(figures)
    if not full:
        return None, ""
    last_year = max(f.period_end.year for f in full)
    candidates = [f for f in full if f.period_end.year == last_year]
    choice = choose([claim(f, pair) for f in candidates], series_lengths(figures))
    return candidates[choice.index], choice.reason


def latest_by_side(figures: list[Figure], pair: Pair) -> tuple[Figure | None, Figure | None]:
    first, second = (
        latest_full_year([f for f in figures if f.side_id == side], pair)[0]
        for side in (pair.first.iso3, pair.second.iso3)
    )
    return first, second


def growth_evidence(figures: list[Figure], side: str | None) -> list[GrowthEvidence]:
    """Stated growth rates of any side (a rate compares a side with itself), and the
    compound growth between two full-year values of one side only."""
    evidence = []
    for f in figures:
        if f.change_pct is not None and f.period.is_full_year:
            qualifier = Qualifier(f.change_qualifier)
            template = (
                # xgettext:no-python-format
                _("more than {pct}% in {period} as stated")
                if qualifier == Qualifier.MORE_THAN
                # xgettext:no-python-format
                else _("{pct}% in {period} as stated")
            )
            pct = number_format(f.change_pct.normalize())
            label = template.format(pct=pct, period=f.period.label)
            rate = float(f.change_pct) / 100
            evidence.append(GrowthEvidence(rate, f.period_end.year, label, stated=True))
    own = [f for f in full_year_values(figures) if f.side_id == side]
    by_year: dict[int, Figure] = {}
    for f in sorted(own, key=lambda f: (not f.derived, f.pk)):
        by_year[f.period_end.year] = f  # stated values overwrite derived ones
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

    live = [t for t in targets if t.superseded_by_id is None]
    return min(live, key=key, default=None)


def assess_pair(
    pair: Pair, figures: list[Figure], targets: list[Target], as_of: date
) -> Assessment:
    latest, reason = latest_full_year(figures, pair)
    target = primary_target(targets, as_of)
    progress = assess(
        latest_value=latest.value_usd if latest else None,
        latest_period=latest.period if latest else None,
        target_value=target.value_usd if target else None,
        deadline=target.deadline if target else None,
        growth=growth_evidence(figures, latest.side_id if latest else None),
        as_of=as_of,
    )
    return Assessment(
        pair=pair,
        latest=latest,
        latest_reason=reason,
        latest_by_side=latest_by_side(figures, pair),
        target=target,
        progress=progress,
    )


def stated_values_by_period(figures: list[Figure]) -> dict[Period, list[Figure]]:
    groups: dict[Period, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.value_usd is not None and not f.derived:
            groups[f.period].append(f)
    return groups


def find_conflicts(figures: list[Figure], pair: Pair) -> list[Conflict]:
    """Stated values of one side (or of unnamed sides) for one period that disagree."""
    conflicts = []
    series = series_lengths(figures)
    for period, group in sorted(stated_values_by_period(figures).items()):
        by_side: dict[str | None, list[Figure]] = defaultdict(list)
        for f in group:
            if not f.is_statistics:  # statistics differ by revision, not by conflict
                by_side[f.side_id].append(f)
        for same_side in by_side.values():
            values = [f.value_usd for f in same_side]
            if values_conflict(min(values), max(values)):
                ranked = sorted(same_side, key=lambda f: rank(claim(f, pair), series))
                conflicts.append(Conflict(period, tuple(ranked)))
    return conflicts


def find_spreads(figures: list[Figure], pair: Pair) -> list[Spread]:
    """Periods where the two sides' values differ by more than the tolerance."""
    spreads = []
    series = series_lengths(figures)
    for period, group in sorted(stated_values_by_period(figures).items()):
        picks = []
        for side in (pair.first.iso3, pair.second.iso3):
            own = [f for f in group if f.side_id == side]
            if own:
                picks.append(own[choose([claim(f, pair) for f in own], series).index])
        if len(picks) == 2 and values_conflict(picks[0].value_usd, picks[1].value_usd):
            spreads.append(Spread(period, picks[0], picks[1]))
    return spreads


def find_statistics_gaps(figures: list[Figure], pair: Pair) -> dict[int, StatisticsGap]:
    """Each statement's distance from the statistics for its period (by figure id)."""
    gaps = {}
    series = series_lengths(figures)
    for group in stated_values_by_period(figures).values():
        statistics = [f for f in group if f.is_statistics]
        if not statistics:
            continue
        reference = statistics[choose([claim(f, pair) for f in statistics], series).index]
        for f in group:
            if not f.is_statistics:
                gaps[f.pk] = StatisticsGap(f, reference)
    return gaps


def partners_of(country: Country) -> QuerySet[Country]:
    """Countries sharing accepted facts with `country` (either order of the pair): one index
    probe per country for its pair, so the cost does not grow with the facts stored (reading
    the country's facts instead took 16 ms at a million figures)."""
    this = Value(country.pk, output_field=CharField())

    def published(model: type[Figure] | type[Target]) -> QuerySet:
        other = OuterRef("pk")
        pair = {"country_a": Least(other, this), "country_b": Greatest(other, this)}
        return model.objects.filter(status=ReviewStatus.ACCEPTED, **pair)

    others = Country.objects.exclude(pk=country.pk)
    return others.filter(Exists(published(Figure)) | Exists(published(Target)))


def pair_timeline(pair: Pair) -> list[TimelineEntry]:
    events = Event.objects.filter(pair_filter(pair)).select_related("source")
    timeline = [TimelineEntry(e.happened_on, e.date_precision, e.title, e.source) for e in events]
    return sorted(timeline, key=lambda e: e.day)


def observed_pace(progress: Progress, rate: float | None = None) -> Projection | None:
    """The latest full-year value carried forward at the observed growth (or `rate`)."""
    rate = progress.observed_growth if rate is None else rate
    if rate is None or progress.latest_value is None or progress.latest_period is None:
        return None
    return project(
        progress.latest_value,
        progress.latest_period.end.year,
        rate,
        progress.target_value,
        progress.deadline.year if progress.deadline else None,
    )


def pair_dashboard(pair: Pair, filters: Filters, *, as_of: date) -> Dashboard:
    """The pair's figures and targets for one flow, assessed: two queries after the pair
    (a few more for a past day, read from the audit history)."""
    if filters.as_of is not None:
        as_of = filters.as_of
        scope = pair_filter(pair) & flow_filter(pair, filters.flow)
        figures = with_corroborations(figures_shown_on(scope, as_of))
        targets = with_statements(*targets_shown_on(scope, as_of))
    else:
        figures = accepted_figures(
            pair_filter(pair) & flow_filter(pair, filters.flow), pair.countries
        )
        targets = accepted_targets(
            pair_filter(pair, "target__") & flow_filter(pair, filters.flow, "target__")
        )
    sources = {f.source.pk: f.source for f in figures}
    for t in targets:
        for s in t.accepted_statements:
            sources[s.source.pk] = s.source
    conflicts = find_conflicts(figures, pair)
    assessment = assess_pair(pair, figures, targets, as_of)
    return Dashboard(
        pair=pair,
        filters=filters,
        assessment=assessment,
        figures=tuple(f for f in figures if filters.covers(f.period)),
        targets=tuple(targets),
        conflicts=tuple(conflicts),
        spreads=tuple(find_spreads(figures, pair)),
        conflicting_ids=frozenset(f.pk for c in conflicts for f in c.figures),
        statistics_gaps=find_statistics_gaps(figures, pair),
        projection=observed_pace(assessment.progress),
        sources=tuple(sorted(sources.values(), key=lambda s: s.published or date.min)),
    )


def source_with_facts(pk: int) -> tuple[Source, list[Figure], list[TargetStatement]]:
    source = Source.objects.filter(pk=pk).first()
    if source is None:
        raise Http404("No such source.")
    figures = list(
        Figure.objects.filter(source=source)
        .exclude(status=ReviewStatus.REJECTED)
        .select_related("country_a", "country_b", "side")
    )
    for figure in figures:
        figure.source = source  # the page's own source: no query per row
    statements = list(
        TargetStatement.objects.filter(source=source)
        .exclude(status=ReviewStatus.REJECTED)
        .select_related("target__country_a", "target__country_b", "side")
    )
    return source, figures, statements


def published_fact_or_404(pair: Pair, kind: str, pk: int) -> Figure | Target:
    """A figure or target this pair's dashboard shows (accepted), with what the correction
    form quotes; readers can report only what is published, so any other is a 404."""
    if kind == "figure":
        fact = (
            Figure.objects.filter(pair_filter(pair), pk=pk, status=ReviewStatus.ACCEPTED)
            .select_related("source", "side")
            .defer("source__text")
            .first()
        )
    else:
        fact = Target.objects.filter(pair_filter(pair), pk=pk, status=ReviewStatus.ACCEPTED).first()
        if fact is not None:
            statements = fact.statements.filter(status=ReviewStatus.ACCEPTED)
            fact.accepted_statements = list(
                statements.select_related("source", "side")
                .defer("source__text")
                .order_by("stated_on", "pk")
            )
    if fact is None:
        raise Http404(_("This pair's page shows no such figure or target."))
    return fact


def open_corrections() -> QuerySet[Correction]:
    """Readers' corrections awaiting an editor, oldest first, each with its fact."""
    return Correction.objects.open().select_related("figure", "target")
