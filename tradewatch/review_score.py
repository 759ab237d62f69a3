"""The extractor measured against editors' decisions, over every ingested document they have
finished reviewing: its proposals (kept as made, models.Proposal) against the facts editors
accepted — as they corrected them, with the ones they added — under the development set's
scoring rules (domain/scoring.py). `manage.py score_review` (make score) prints it.

A document still holding open proposals is left out until it is finished (the facts an
editor will add are not there yet), as is one ingested with --accept (nobody decided).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q

from tradewatch.domain.money import format_usd
from tradewatch.domain.scoring import Score, Scored, score_document
from tradewatch.models import (
    ExtractorRun,
    Figure,
    Proposal,
    ReviewStatus,
    TargetStatement,
)


def decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def month(day: date | str | None) -> tuple[int, int] | None:
    if not day:
        return None
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return (day.year, day.month)


def label(fact: Scored) -> str:
    pair = "–".join(sorted(c or "?" for c in fact.pair))
    if fact.value_usd is not None:
        amount = format_usd(fact.value_usd)
    elif fact.value is not None:
        amount = f"{fact.currency} {fact.value.normalize():f}"
    else:
        amount = ""
    change = f"{fact.growth_pct.normalize():+f}%" if fact.growth_pct is not None else ""
    if fact.growth_factor is not None:
        change = f"×{fact.growth_factor.normalize():f}"
    if fact.kind == "target":
        when = f"by {fact.deadline_year}" if fact.deadline_year else "no deadline"
    elif fact.period:
        (y1, m1), (y2, m2) = fact.period
        when = f"{y1}-{m1:02}..{y2}-{m2:02}"
    else:
        when = ""
    return " ".join(p for p in (fact.kind, pair, amount, change, when) if p)


def labelled(fact: Scored) -> Scored:
    return Scored(**{**{f: getattr(fact, f) for f in Scored.__slots__}, "label": label(fact)})


def from_proposal(fact: dict) -> Scored:
    """A fact as `manage.py extract --format json` prints it."""
    start, end = fact.get("period_start"), fact.get("period_end")
    period = (month(start or end), month(end or start)) if start or end else None
    deadline = fact.get("deadline")
    return labelled(
        Scored(
            kind=fact["kind"],
            pair=frozenset((fact.get("reporter"), fact.get("partner"))),
            value_usd=decimal(fact.get("value_usd")),
            currency=(fact.get("currency") or "USD").upper(),
            value=decimal(fact.get("value")),
            period=period,
            growth_pct=decimal(fact.get("growth_pct")),
            growth_factor=decimal(fact.get("growth_factor")),
            deadline_year=int(deadline[:4]) if deadline else None,
        )
    )


def money(value_usd: Decimal | None, record: Any) -> dict:
    """An amount the text gives only in another currency compares in that currency: the
    dollars beside it are our conversion (usd_rate set), not the source's words."""
    if record.currency != "USD" and (value_usd is None or record.usd_rate is not None):
        return {"value_usd": None, "currency": record.currency, "value": record.amount}
    return {"value_usd": value_usd}


def from_figure(figure: Figure) -> Scored:
    has_value = figure.value_usd is not None or figure.amount is not None
    return labelled(
        Scored(
            kind="figure" if has_value else "growth",
            pair=frozenset(figure.pair),
            **money(figure.value_usd, figure),
            period=(month(figure.period_start), month(figure.period_end)),
            growth_pct=figure.change_pct,
            growth_factor=figure.growth_factor,
        )
    )


def from_statement(statement: TargetStatement) -> Scored:
    target = statement.target
    own = statement.value_as_stated
    deadline = statement.deadline_as_stated or target.deadline
    return labelled(
        Scored(
            kind="target",
            pair=frozenset(target.pair),
            **({"value_usd": own} if own is not None else money(target.value_usd, target)),
            deadline_year=deadline.year if deadline else None,
        )
    )


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One finished document: the facts editors kept, and the extractor's proposals as made."""

    name: str
    kept: tuple[Scored, ...]
    proposed: tuple[dict, ...]


@dataclass(frozen=True, slots=True)
class ReviewScore:
    score: Score
    open: int  # documents left out: proposals still await a decision
    unreviewed: int  # documents accepted at ingest without review


def document_name(run: ExtractorRun) -> str:
    return f"source-{run.source_id} {run.source.file_name or run.source.title}"


def reviewed_documents() -> tuple[list[Reviewed], int, int]:
    """Finished documents, and how many were left out as open and as unreviewed: five
    queries, whatever the number of documents."""
    runs = list(ExtractorRun.objects.select_related("source").defer("source__text"))
    open_facts = Q(status=ReviewStatus.PROPOSED)
    still_open = set(Figure.objects.filter(open_facts).values_list("source_id", flat=True))
    still_open |= set(
        TargetStatement.objects.filter(open_facts).values_list("source_id", flat=True)
    )
    scored = [r for r in runs if not r.accepted_unreviewed and r.source_id not in still_open]
    ids = [r.source_id for r in scored]
    proposed: dict[int, list[dict]] = defaultdict(list)
    rows = Proposal.objects.filter(run__source_id__in=ids).order_by("pk")
    for source_id, fact in rows.values_list("run__source_id", "fact"):
        proposed[source_id].append(fact)
    kept: dict[int, list[Scored]] = defaultdict(list)
    accepted = Q(source_id__in=ids, status=ReviewStatus.ACCEPTED)
    for figure in Figure.objects.filter(accepted, derived=False).order_by("quote_start", "pk"):
        kept[figure.source_id].append(from_figure(figure))
    statements = TargetStatement.objects.filter(accepted).select_related("target")
    for statement in statements.order_by("quote_start", "pk"):
        kept[statement.source_id].append(from_statement(statement))
    documents = [
        Reviewed(document_name(r), tuple(kept[r.source_id]), tuple(proposed[r.source_id]))
        for r in scored
    ]
    left_open = sum(1 for r in runs if r.source_id in still_open and not r.accepted_unreviewed)
    return documents, left_open, sum(1 for r in runs if r.accepted_unreviewed)


def review_score() -> ReviewScore:
    documents, left_open, unreviewed = reviewed_documents()
    scores = tuple(
        score_document(d.name, d.kept, [from_proposal(f) for f in d.proposed]) for d in documents
    )
    return ReviewScore(Score(scores), left_open, unreviewed)


def shared_scorer_files(documents: list[Reviewed]) -> tuple[list[dict], list[dict]]:
    """The kept facts as answers and the proposals as predictions, in the files the
    development set's score.py reads, so the same decisions can be scored by it too."""
    answers = [answer(d.name, fact) for d in documents for fact in d.kept]
    predictions = [{"file": d.name, "facts": list(d.proposed)} for d in documents]
    return answers, predictions


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def answer(name: str, fact: Scored) -> dict:
    reporter, partner = sorted(fact.pair, key=str) + [None] * (2 - len(fact.pair))
    period = None
    if fact.period:
        (y1, m1), (y2, m2) = fact.period
        period = f"{y1}-{m1:02}..{y2}-{m2:02}"
    return {
        "file": name,
        "kind": fact.kind,
        "reporter": reporter,
        "partner": partner,
        "value_usd": number(fact.value_usd),
        "currency": fact.currency,
        "value": number(fact.value),
        "period": period,
        "growth_pct": number(fact.growth_pct),
        "growth_factor": number(fact.growth_factor),
        "deadline": str(fact.deadline_year) if fact.deadline_year else None,
    }
