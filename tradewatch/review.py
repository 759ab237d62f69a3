"""The one write path for review decisions and edits of facts.

Ingest, the admin's change forms and its list actions all save figures and target
statements through here, so the same duplicate, conflict and visibility rules hold
whichever screen made the change.
"""

from django.db import transaction
from django.db.models import Q, QuerySet

from tradewatch.domain.agreement import same_statement
from tradewatch.models import Figure, ReviewStatus, SourceKind, TargetStatement


def same_series(figure: Figure) -> dict:
    """One side's series of one flow of one pair: a restatement must come from the same side
    (the other side agreeing is a second series, shown beside it, not folded into it)."""
    return {
        "country_a_id": figure.country_a_id,
        "country_b_id": figure.country_b_id,
        "flow": figure.flow,
        "exporter_id": figure.exporter_id,
        "side_id": figure.side_id,
    }


def same_kind(figure: Figure) -> Q:
    """Statistics restate only statistics: a statement that agrees with them is a claim
    checked against them, not a copy to fold under them."""
    statistics = Q(source__kind=SourceKind.STATISTICS)
    return statistics if figure.is_statistics else ~statistics


def matching_figure(figure: Figure) -> Figure | None:
    """The accepted figure this one restates (same series, kind and period; same statement)."""
    candidates = (
        Figure.objects.filter(
            same_kind(figure),
            **same_series(figure),
            period_start=figure.period_start,
            period_end=figure.period_end,
            status=ReviewStatus.ACCEPTED,
            duplicate_of__isnull=True,
        )
        .exclude(pk=figure.pk)
        .order_by("pk")
    )
    return next((c for c in candidates if same_statement(c, figure)), None)


def is_valid_primary(figure: Figure, primary: Figure) -> bool:
    return (
        primary.pk != figure.pk
        and primary.status == ReviewStatus.ACCEPTED
        and primary.duplicate_of_id is None
        and all(getattr(primary, k) == v for k, v in same_series(figure).items())
        and primary.period == figure.period
        and primary.is_statistics == figure.is_statistics
        and same_statement(primary, figure)
    )


def link_duplicate(figure: Figure) -> None:
    """Point duplicate_of at the accepted figure this one restates, or at nothing.

    A rejected figure corroborates nothing; a live one keeps a link only while it still
    holds (its primary may have been edited, rejected or itself linked elsewhere).
    """
    if figure.status == ReviewStatus.REJECTED:
        figure.duplicate_of = None
    elif figure.duplicate_of is None or not is_valid_primary(figure, figure.duplicate_of):
        figure.duplicate_of = matching_figure(figure)


@transaction.atomic
def save_figure(figure: Figure) -> Figure:
    """Validate, link to the figure it restates, save, and settle its own corroborations."""
    link_duplicate(figure)
    figure.full_clean()
    figure.save()
    for corroboration in Figure.objects.filter(duplicate_of=figure).select_for_update():
        before = corroboration.duplicate_of_id
        corroboration.duplicate_of = figure
        link_duplicate(corroboration)
        if corroboration.duplicate_of_id != before:
            corroboration.save(update_fields=["duplicate_of"])
    return figure


@transaction.atomic
def review_figures(figures: QuerySet[Figure], status: str, reason: str | None = None) -> int:
    """Accept or reject figures, oldest first; each is saved so its history is kept (with
    `reason`, when given, as the change reason)."""
    changed = 0
    # A fresh, join-free query: PostgreSQL cannot lock the nullable side of an outer join.
    locked = Figure.objects.filter(pk__in=figures.values("pk")).order_by("pk").select_for_update()
    for figure in locked:
        if figure.status != status:
            figure.status = status
            figure._change_reason = reason  # read by simple-history
            save_figure(figure)
            changed += 1
    return changed


@transaction.atomic
def save_statement(statement: TargetStatement) -> TargetStatement:
    statement.full_clean()
    statement.save()  # the model keeps its target's status in step
    return statement


@transaction.atomic
def review_statements(
    statements: QuerySet[TargetStatement], status: str, reason: str | None = None
) -> int:
    """Accept or reject statements; a target is shown exactly while one is accepted."""
    changed = 0
    locked = TargetStatement.objects.filter(pk__in=statements.values("pk")).select_for_update()
    for statement in locked.order_by("pk"):
        if statement.status != status:
            statement.status = status
            statement._change_reason = reason
            save_statement(statement)
            changed += 1
    return changed
