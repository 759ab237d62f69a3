"""Reads for the editors' review desk: which documents still hold proposals, one document's
facts as cards beside its highlighted text, and what a decision changed for readers.

Writes go through tradewatch/review.py (the admin's write path); nothing here saves.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradewatch.domain.agreement import values_conflict
from tradewatch.domain.firmness import LABELS as FIRMNESS_LABELS
from tradewatch.domain.money import Qualifier, format_usd, short_money
from tradewatch.domain.periods import Period
from tradewatch.highlight import Segment, highlighted_segments
from tradewatch.models import (
    Correction,
    Country,
    Figure,
    ReviewStatus,
    Source,
    SourceKind,
    StoredFlow,
    TargetStatement,
)
from tradewatch.review import same_series

KINDS = ("figure", "statement")
OPEN = ReviewStatus.PROPOSED


@dataclass(frozen=True, slots=True)
class QueueEntry:
    source: Source
    open: int  # proposals awaiting a decision
    decided: int


@dataclass(frozen=True, slots=True)
class Queue:
    entries: tuple[QueueEntry, ...]

    @property
    def open(self) -> int:
        return sum(e.open for e in self.entries)

    @property
    def decided(self) -> int:
        return sum(e.decided for e in self.entries)

    @property
    def total(self) -> int:
        return self.open + self.decided


def status_counts(source_ids: list[int] | None = None) -> dict[int, Counter]:
    """Facts per source and review status, figures and target statements together."""
    counts: dict[int, Counter] = {}
    for model in (Figure, TargetStatement):
        rows = model.objects.all()
        if source_ids is not None:
            rows = rows.filter(source_id__in=source_ids)
        for row in rows.values("source_id", "status").annotate(n=Count("pk")).order_by():
            counts.setdefault(row["source_id"], Counter())[row["status"]] += row["n"]
    return counts


def review_queue() -> Queue:
    """Documents with open proposals, newest first (by publication, then by ingest): three
    queries, whatever the number of documents."""
    counts = status_counts()
    with_open = [pk for pk, c in counts.items() if c[OPEN]]
    sources = Source.objects.filter(pk__in=with_open).defer("text")
    ordered = sorted(sources, key=lambda s: (s.published or date.min, s.created), reverse=True)
    entries = []
    for source in ordered:
        c = counts[source.pk]
        entries.append(QueueEntry(source, c[OPEN], c.total() - c[OPEN]))
    return Queue(tuple(entries))


OPEN_CORRECTIONS_SHOWN = 10


def open_corrections() -> tuple[list[Correction], int]:
    """Readers' reports awaiting an editor, oldest first (the first few), and how many."""
    rows = Correction.objects.open()
    shown = list(rows.select_related("figure", "target")[:OPEN_CORRECTIONS_SHOWN])
    return shown, len(shown) if len(shown) < OPEN_CORRECTIONS_SHOWN else rows.count()


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a card: a field the editor reads, and may edit in place."""

    field: str  # the name in EDITABLE, or "" when not editable here
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Card:
    kind: str  # "figure" | "statement"
    fact: Figure | TargetStatement
    first: Country  # the pair as readers see it: the home country first
    second: Country
    editing: str = ""  # the field whose form is open
    form: Any = None
    error: str = ""  # a refusal that is not about one field (someone saved it first)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.fact.pk}"

    @property
    def status(self) -> str:
        return self.fact.status

    @property
    def is_open(self) -> bool:
        return self.fact.status == OPEN

    @property
    def label(self) -> str:
        if self.kind == "statement":
            return _("Target")
        f = self.fact
        if f.value_usd is None and f.amount is None:
            return _("Growth")
        return _("Value")

    @property
    def pair_name(self) -> str:
        return f"{self.first.shown_name}–{self.second.shown_name}"

    @property
    def dashboard_url(self) -> str:
        url = reverse("pair-detail", args=[self.first.iso3, self.second.iso3])
        exporter = self.record.exporter_id
        if exporter:
            url += "?flow=" + ("exports" if exporter == self.first.iso3 else "imports")
        return url

    @property
    def record(self) -> Figure | Any:
        """The row holding pair and flow: the figure itself, or the statement's target."""
        return self.fact if self.kind == "figure" else self.fact.target

    @property
    def rows(self) -> list[Row]:
        return figure_rows(self) if self.kind == "figure" else statement_rows(self)

    @property
    def in_text(self) -> bool:
        """Its quote's span lies in the stored text (so the text highlights it)."""
        start, end = self.fact.quote_start, self.fact.quote_end
        text = self.fact.source.text
        return start is not None and end is not None and 0 <= start < end <= len(text)

    @property
    def proposed_changes(self) -> list[str]:
        """What the extractor proposed, where the editor has changed it since."""
        proposal = getattr(self.fact, "proposal", None)
        return changed_since(self, proposal.fact) if proposal else []

    @property
    def sort_key(self) -> tuple:
        start = self.fact.quote_start
        return (start is None, start or 0, self.kind, self.fact.pk)


def pair_of(record: Figure | Any) -> tuple[Country, Country]:
    """The home country first (Belarus–Kyrgyzstan), else the stored order."""
    a, b = record.country_a, record.country_b
    return (b, a) if b.iso3 == settings.TRADEWATCH_HOME else (a, b)


def flow_text(card: Card) -> str:
    record = card.record
    if record.flow == StoredFlow.TURNOVER:
        return _("turnover")
    importer = card.first if record.exporter_id == card.second.iso3 else card.second
    exporter = card.second if importer is card.first else card.first
    return _("exports %(exporter)s → %(importer)s") % {
        "exporter": exporter.shown_name,
        "importer": importer.shown_name,
    }


def side_text(fact: Figure | TargetStatement) -> str:
    return fact.side.shown_name if fact.side_id else _("not stated")


def amount_text(fact: Figure, *, qualified: bool = False) -> str:
    """'$160.2M', or '€40M as stated (≈ $43.1M)' for an amount in another currency;
    qualified: with the source's qualifier ('≈ $170M'), for messages (cards show it apart)."""
    if fact.currency != "USD" and fact.amount is not None:
        native = short_money(fact.amount, fact.currency)
        if fact.value_usd is None:
            return _("%(amount)s as stated (no dollar rate)") % {"amount": native}
        return _("%(amount)s as stated (%(usd)s)") % {
            "amount": native,
            "usd": format_usd(fact.value_usd, Qualifier.ABOUT),
        }
    if fact.value_usd is None:
        return "—"
    return format_usd(fact.value_usd, Qualifier(fact.qualifier) if qualified else Qualifier.EXACT)


QUALIFIER_WORDS = {
    "exact": gettext_lazy("exact"),
    "about": gettext_lazy("about"),
    "more_than": gettext_lazy("more than"),
    "less_than": gettext_lazy("less than"),
}


def qualifier_text(qualifier: str) -> str:
    return str(QUALIFIER_WORDS.get(qualifier, qualifier))


def change_text(fact: Figure) -> str:
    parts = []
    if fact.change_pct is not None:
        word = "" if fact.change_qualifier == "exact" else qualifier_text(fact.change_qualifier)
        parts.append(f"{word} {fact.change_pct.normalize():+f}%".strip() + " " + _("y/y"))
    if fact.growth_factor is not None:
        parts.append(f"×{fact.growth_factor.normalize():f}")
    return ", ".join(parts) or "—"


def period_text(fact: Figure) -> str:
    try:
        return fact.period.label
    except (TypeError, ValueError):
        return f"{fact.period_start} – {fact.period_end}"


def figure_rows(card: Card) -> list[Row]:
    f = card.fact
    return [
        Row("", _("Pair"), f"{card.pair_name}, {flow_text(card)}"),
        Row("side", _("Side"), side_text(f)),
        Row("value", _("Value"), amount_text(f)),
        Row("qualifier", _("Qualifier"), qualifier_text(f.qualifier)),
        Row("change", _("Change"), change_text(f)),
        Row("period", _("Period"), period_text(f)),
        Row("speaker", _("Speaker"), f.speaker or "—"),
    ]


def statement_rows(card: Card) -> list[Row]:
    s, target = card.fact, card.fact.target
    value = s.value_as_stated if s.value_as_stated is not None else target.value_usd
    deadline = s.deadline_as_stated or target.deadline
    return [
        Row("", _("Pair"), f"{card.pair_name}, {flow_text(card)}"),
        Row("side", _("Side"), side_text(s)),
        Row("value", _("Value"), _("no value stated") if value is None else format_usd(value)),
        Row("", _("Qualifier"), qualifier_text(target.qualifier)),
        Row("deadline", _("Deadline"), str(deadline.year) if deadline else _("none stated")),
        Row("firmness", _("Firmness"), _(FIRMNESS_LABELS.get(s.firmness, s.firmness))),
        Row("speaker", _("Speaker"), s.speaker or "—"),
    ]


def number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def changed_since(card: Card, proposed: dict) -> list[str]:
    """Each field the editor changed, as the extractor had it ('value $180.5M')."""
    fact, record = card.fact, card.record
    names = {c.iso3: c.shown_name for c in (card.first, card.second)}
    pair = (proposed.get("reporter"), proposed.get("partner"))
    changes = []
    if frozenset(pair) != frozenset(record.pair):
        changes.append(_("pair %(pair)s") % {"pair": "–".join(str(c) for c in pair)})
    if (proposed.get("side") or None) != fact.side_id:
        side = names.get(proposed.get("side"), proposed.get("side")) or _("not stated")
        changes.append(_("side %(side)s") % {"side": side})
    if card.kind == "statement":
        stored = fact.value_as_stated if fact.value_as_stated is not None else record.value_usd
        deadline = fact.deadline_as_stated or record.deadline
        year = int(proposed["deadline"][:4]) if proposed.get("deadline") else None
        if year != (deadline.year if deadline else None):
            changes.append(_("deadline %(year)s") % {"year": year or _("none")})
    else:
        stored = fact.value_usd
        start, end = proposed.get("period_start"), proposed.get("period_end")
        if start and end and (start, end) != (str(fact.period_start), str(fact.period_end)):
            period = Period(date.fromisoformat(start), date.fromisoformat(end))
            changes.append(_("period %(period)s") % {"period": period.label})
        pct = number(proposed.get("growth_pct"))
        if pct != fact.change_pct:
            change = "—" if pct is None else f"{pct.normalize():+f}%"
            changes.append(_("change %(change)s") % {"change": change})
    # An amount in another currency was converted at ingest: its dollars were never proposed.
    value = number(proposed.get("value_usd"))
    if (value is not None or record.currency == "USD") and value != stored:
        changes.append(_("value %(value)s") % {"value": format_usd(value)})
    return changes


@dataclass(frozen=True, slots=True)
class Desk:
    source: Source
    cards: tuple[Card, ...]
    segments: tuple[Segment, ...]
    statuses: dict[str, str] = field(default_factory=dict)  # anchor -> review status

    @property
    def open(self) -> int:
        return sum(c.is_open for c in self.cards)

    @property
    def decided(self) -> int:
        return len(self.cards) - self.open

    @property
    def next_open(self) -> Card | None:
        return next((c for c in self.cards if c.is_open), None)

    def with_card(self, card: Card) -> "Desk":
        """The same desk with one card replaced (an open edit form, say)."""
        cards = tuple(card if c.anchor == card.anchor else c for c in self.cards)
        return replace(self, cards=cards)


def source_or_404(pk: int, *, with_text: bool = True) -> Source:
    rows = Source.objects.filter(pk=pk)
    source = (rows if with_text else rows.defer("text")).first()
    if source is None:
        raise Http404(_("No such document."))
    return source


def figure_rows_for(source: Source, scope: Q | None = None) -> list[Figure]:
    figures = list(
        Figure.objects.filter(scope or Q(), source=source).select_related(
            "country_a", "country_b", "side", "proposal"
        )
    )
    for f in figures:
        f.source = source  # the desk's own source: no query per card
    return figures


def statement_rows_for(source: Source, scope: Q | None = None) -> list[TargetStatement]:
    statements = list(
        TargetStatement.objects.filter(scope or Q(), source=source).select_related(
            "target__country_a", "target__country_b", "side", "proposal"
        )
    )
    for s in statements:
        s.source = source
    return statements


def card_of(kind: str, fact: Figure | TargetStatement) -> Card:
    first, second = pair_of(fact if kind == "figure" else fact.target)
    return Card(kind, fact, first, second)


def review_desk(pk: int) -> Desk:
    """One document: every fact taken from it (decided ones too, so a decision can be
    undone), in the order of their words in the text; four queries."""
    source = source_or_404(pk)
    cards = [card_of("figure", f) for f in figure_rows_for(source)]
    cards += [card_of("statement", s) for s in statement_rows_for(source)]
    cards.sort(key=lambda c: c.sort_key)
    spans = [(c.fact.quote_start, c.fact.quote_end, c.anchor) for c in cards]
    return Desk(
        source=source,
        cards=tuple(cards),
        segments=tuple(highlighted_segments(source.text, spans)),
        statuses={c.anchor: c.status for c in cards},
    )


def card_or_404(source: Source, kind: str, pk: int) -> Card:
    if kind not in KINDS:
        raise Http404(_("No such fact."))
    rows = figure_rows_for if kind == "figure" else statement_rows_for
    found = rows(source, Q(pk=pk))
    if not found:
        raise Http404(_("No such fact in this document."))
    return card_of(kind, found[0])


def next_open_after(source: Source, card: Card) -> str:
    """The anchor of the next card still open after this one (wrapping round), or ""."""
    desk = review_desk(source.pk)
    anchors = [c.anchor for c in desk.cards]
    at = anchors.index(card.anchor) if card.anchor in anchors else -1
    ordered = desk.cards[at + 1 :] + desk.cards[: at + 1]
    return next((c.anchor for c in ordered if c.is_open), "")


# What a decision changed for readers, said at once.


def conflicting_figures(figure: Figure) -> list[Figure]:
    """The figures the dashboard would flag as conflicting with this one (queries.
    find_conflicts): published, stated statements of the same side, series and period;
    statistics differ by revision, not by conflict."""
    if figure.is_statistics:
        return []
    same = Figure.objects.filter(
        **same_series(figure),
        period_start=figure.period_start,
        period_end=figure.period_end,
        status=ReviewStatus.ACCEPTED,
        duplicate_of__isnull=True,
        derived=False,
    ).exclude(Q(pk=figure.pk) | Q(source__kind=SourceKind.STATISTICS))
    rows = same.select_related("source")
    return [f for f in rows.defer("source__text") if values_conflict(f.value_usd, figure.value_usd)]


def other_side_figures(figure: Figure) -> list[Figure]:
    """The other side's published figures for this series and period that differ from this
    one: the dashboard shows them as a spread between the two sides, not as a conflict."""
    if figure.side_id is None:
        return []
    series = {key: value for key, value in same_series(figure).items() if key != "side_id"}
    rows = (
        Figure.objects.filter(
            **series,
            period_start=figure.period_start,
            period_end=figure.period_end,
            status=ReviewStatus.ACCEPTED,
            duplicate_of__isnull=True,
            derived=False,
        )
        .exclude(side_id__isnull=True)
        .exclude(side_id=figure.side_id)
        .select_related("source", "side")
        .defer("source__text")
    )
    return [f for f in rows if values_conflict(f.value_usd, figure.value_usd)]


def effect_of(card: Card) -> str:
    """What readers now see, after a decision or an edit of this card's fact."""
    fact = card.fact
    fact.refresh_from_db()
    where = card.pair_name
    if card.kind == "statement":
        return statement_effect(fact, where)
    if fact.status == ReviewStatus.REJECTED:
        return _("Rejected: readers do not see it.")
    if fact.status == OPEN:
        return _("Back to proposed: readers do not see it until it is accepted.")
    if fact.duplicate_of_id:
        primary = fact.duplicate_of
        return _(
            "Accepted: now on the %(pair)s dashboard as a second source for %(value)s "
            "(%(period)s) from “%(title)s”."
        ) % {
            "pair": where,
            "value": amount_text(primary, qualified=True),
            "period": period_text(primary),
            "title": primary.source.title,
        }
    message = _("Accepted: now on the %(pair)s dashboard.") % {"pair": where}
    conflicts = conflicting_figures(fact)
    if conflicts:
        other = conflicts[0]
        message += " " + _(
            "It disagrees with %(value)s for %(period)s from “%(title)s”: the dashboard flags "
            "the conflict."
        ) % {
            "value": amount_text(other, qualified=True),
            "period": period_text(other),
            "title": other.source.title,
        }
    elif spreads := other_side_figures(fact):
        other = spreads[0]
        message += " " + _(
            "%(side)s reports %(value)s for %(period)s: the dashboard shows where the two "
            "sides differ."
        ) % {
            "side": other.side.shown_name,
            "value": amount_text(other, qualified=True),
            "period": period_text(other),
        }
    return message


def statement_effect(statement: TargetStatement, where: str) -> str:
    target = statement.target
    target.refresh_from_db()
    others = target.statements.filter(status=ReviewStatus.ACCEPTED).exclude(pk=statement.pk)
    if statement.status == ReviewStatus.ACCEPTED:
        if others.exists():
            return _(
                "Accepted: the target on the %(pair)s dashboard now cites this source too."
            ) % {"pair": where}
        return _("Accepted: the target is now on the %(pair)s dashboard.") % {"pair": where}
    if target.status == ReviewStatus.ACCEPTED:
        return _(
            "Not accepted: the target stays on the %(pair)s dashboard, stated by another source."
        ) % {"pair": where}
    if statement.status == ReviewStatus.REJECTED:
        return _("Rejected: readers do not see this target.")
    return _("Back to proposed: readers do not see it until it is accepted.")


def edit_effect(card: Card) -> str:
    if card.fact.status == ReviewStatus.ACCEPTED:
        return _("Saved: the %(pair)s dashboard shows the change.") % {"pair": card.pair_name}
    return _("Saved. It still awaits your decision.")


def accept_all_effect(cards: list[Card]) -> str:
    if not cards:
        return _("Nothing was left to accept.")
    pairs = sorted({c.pair_name for c in cards})
    return _("Accepted %(count)s: now on the %(pairs)s dashboard.") % {
        "count": len(cards),
        "pairs": ", ".join(pairs),
    }
