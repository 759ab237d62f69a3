"""The one writer of ingested documents and their proposed facts (saved through review.py).

ingest_document() stores a file as a Source and every fact the extractor finds as a
*proposed* Figure or TargetStatement, in one transaction per file: a file that fails
leaves nothing behind, and a file already stored (same content hash) adds nothing.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from tradewatch.domain.money import values_agree
from tradewatch.ingest.dates import header_end
from tradewatch.ingest.extract import Extraction, Fact, facts_from_text
from tradewatch.ingest.files import DocumentError, read_document
from tradewatch.ingest.names import same_person
from tradewatch.ingest.signals import agencies_named
from tradewatch.models import (
    Country,
    ExtractorRun,
    Figure,
    Proposal,
    ReviewStatus,
    Source,
    StoredFlow,
    Target,
    TargetStatement,
)
from tradewatch.rates import to_usd, usd_rate
from tradewatch.review import save_figure, save_statement

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
# "Over the next five years" from a November session lands on 2029 or 2030 depending on
# how the years are counted; statements one year apart still name the same target.
DEADLINE_SLACK_YEARS = 1
_HEADER_DATE_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")
# "MINSK, 29 September (BelTA) – " or "ASTANA, 12 March 2025 (Kazinform) - "
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'-]+,\s+\d{1,2}\s+[A-Za-z]+(?:\s+\d{4})?\s*(?:\([^)]*\))?\s*[–—-]\s*"
)
_FIRST_SENTENCE_RE = re.compile(r".+?(?:[.!?](?=\s)|$)")


@dataclass(slots=True)
class IngestResult:
    path: str
    status: str  # "added" | "skipped" | "error"
    source: Source | None = None
    reason: str = ""
    figures: int = 0
    statements: int = 0
    linked: int = 0  # facts that matched a stored one and were linked to it
    dropped: list[str] = field(default_factory=list)  # facts that could not be stored, why
    stored: list[Figure | TargetStatement] = field(default_factory=list)  # in the order saved


def document_paths(paths: list[str]) -> list[Path]:
    """Files as given, plus every file found (recursively, sorted) in given folders."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += sorted(p for p in given.rglob("*") if p.is_file())
        else:
            found.append(given)
    return found


def is_report_file(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def title_of(text: str, fallback: str) -> str:
    """The headline: the first real line after any "url:"/"date:" header, without a date
    header or a wire dateline, cut to its first sentence."""
    for line in text[header_end(text) or 0 :].splitlines():
        line = _DATELINE_RE.sub("", _HEADER_DATE_RE.sub("", line)).strip(" \t•-")
        if len(line) > 15:
            line = _FIRST_SENTENCE_RE.match(line).group(0).strip()
            return line if len(line) <= 150 else line[:149].rsplit(" ", 1)[0] + "…"
    return fallback


def publisher_of(text: str) -> str:
    """The news agency reporting `text` (data/agencies.json, found as the extractor finds it),
    by its own name; "" when none is named."""
    found = agencies_named(text, header_end(text) or 0)
    return found[0][0].name if found else ""


def ingest_document(
    path: str | Path, *, accept: bool = False, in_folder: bool = False
) -> IngestResult:
    """Store one file and its proposed facts (accepted at once with accept=True).

    in_folder: the file was found in a folder rather than named, so a file that is not a
    report (.txt, .html, .htm) is skipped with that reason instead of being read.
    """
    path = Path(path)
    if in_folder and not is_report_file(path):
        return IngestResult(str(path), "skipped", reason="not a .txt, .html or .htm file")
    try:
        text = read_document(path)
    except DocumentError as err:
        return IngestResult(str(path), "error", reason=err.reason)
    digest = content_hash(text)
    try:
        with transaction.atomic():
            existing = Source.objects.select_for_update().filter(content_hash=digest).first()
            if existing:
                return attach_text(existing, text, path)
            extraction = facts_from_text(text, default_home=settings.TRADEWATCH_HOME)
            return store_extraction(path, text, digest, extraction, accept)
    except (ValidationError, ValueError, DatabaseError) as err:
        return IngestResult(str(path), "error", reason=f"not stored: {err}")


def attach_text(source: Source, text: str, path: Path) -> IngestResult:
    """A curated source (seed fixture) gets its full text once, so its quotes highlight."""
    if source.text:
        return IngestResult(str(path), "skipped", source, reason="already ingested")
    source.text = text
    source.save(update_fields=["text"])
    return IngestResult(str(path), "skipped", source, reason="already stored; full text attached")


def store_extraction(
    path: Path, text: str, digest: str, extraction: Extraction, accept: bool
) -> IngestResult:
    source = Source(
        title=title_of(text, path.name),
        publisher=publisher_of(text),
        file_name=path.name,
        published=extraction.document_date,
        date_precision=extraction.date_precision or "day",
        date_inferred=extraction.date_inferred,
        date_note="Date inferred from the text." if extraction.date_inferred else "",
        text=text,
        content_hash=digest,
    )
    source.full_clean()
    source.save()
    result = IngestResult(str(path), "added", source)
    status = ReviewStatus.ACCEPTED if accept else ReviewStatus.PROPOSED
    speakers = known_speakers()
    proposals = []
    for fact in extraction.facts:
        problem = store_fact(fact, source, status, result, speakers)
        if problem:
            result.dropped.append(f"{fact.quote[:60]!r}: {problem}")
        stored = None if problem else result.stored[-1]
        proposals.append(
            Proposal(
                fact=fact.to_json(),
                figure=stored if isinstance(stored, Figure) else None,
                statement=stored if isinstance(stored, TargetStatement) else None,
                not_stored=problem[:300],
            )
        )
    # The proposals as made, kept beside the facts editors will decide (make score).
    run = ExtractorRun.objects.create(source=source, accepted_unreviewed=accept)
    for proposal in proposals:
        proposal.run = run
    Proposal.objects.bulk_create(proposals)
    return result


def country(iso3: str | None) -> Country | None:
    """Every ISO 3166 country is on file (the migrations load them); None for anything else."""
    return Country.objects.filter(pk=iso3).first() if iso3 else None


def store_fact(
    fact: Fact, source: Source, status: str, result: IngestResult, speakers: set[str]
) -> str:
    """Store one fact; returns why it could not be stored, or '' when it was."""
    reporter = country(fact.reporter or settings.TRADEWATCH_HOME)
    partner = country(fact.partner)
    if reporter is None or partner is None or reporter == partner:
        return "no partner country identified"
    where = stored_pair(reporter, partner, fact.flow)
    common = {
        "source": source,
        "speaker": known_spelling(fact.speaker or "", speakers),
        "quote": fact.quote,
        "quote_start": fact.start,
        "quote_end": fact.end,
        "status": status,
    }
    side = fact.side if fact.side in (reporter.iso3, partner.iso3) else None  # one of the pair
    if fact.kind == "target":
        return store_target(fact, where, common | {"side_id": side}, result)
    if fact.period_start is None or fact.period_end is None:
        return "no period identified"
    figure = Figure(
        **where,
        side_id=side,
        period_start=fact.period_start,
        period_end=fact.period_end,
        **money_fields(fact, fact.period_start, fact.period_end),
        qualifier=fact.qualifier,
        change_pct=decimal_or_none(fact.growth_pct),
        growth_factor=decimal_or_none(fact.growth_factor),
        change_qualifier=fact.qualifier if fact.kind == "growth" else "exact",
        **common,
    )
    save_figure(figure)
    result.stored.append(figure)
    result.figures += 1
    result.linked += figure.duplicate_of is not None
    return ""


def known_speakers() -> set[str]:
    """Every speaker spelling on file, read once per document."""
    figures = Figure.objects.exclude(speaker="").values_list("speaker", flat=True).distinct()
    statements = TargetStatement.objects.exclude(speaker="").values_list("speaker", flat=True)
    return set(figures) | set(statements.distinct())


def known_spelling(speaker: str, known: set[str]) -> str:
    """The spelling already on file for this person ("Yerlan Koshanov" -> "Erlan Koshonov"),
    so one person is not shown as two. A new person joins `known`."""
    if not speaker or speaker in known:
        return speaker
    spelling = next((name for name in sorted(known) if same_person(name, speaker)), speaker)
    known.add(spelling)
    return spelling


def decimal_or_none(number: float | None) -> Decimal | None:
    return None if number is None else Decimal(str(round(number, 3)))


def stored_pair(reporter: Country, partner: Country, flow: str) -> dict:
    """The extractor's (reporter, partner, flow) as stored: the pair in alphabetical order and
    one-way flows as the exports of their exporter ("imports" are the partner's exports)."""
    a, b = sorted((reporter.iso3, partner.iso3))
    exporter = {"exports": reporter.iso3, "imports": partner.iso3}.get(flow)
    return {
        "country_a_id": a,
        "country_b_id": b,
        "flow": StoredFlow.EXPORTS if exporter else StoredFlow.TURNOVER,
        "exporter_id": exporter,
    }


def money_fields(fact: Fact, first: date, last: date) -> dict:
    """value_usd as stated; for an amount stated only in another currency, that amount and its
    conversion at the ECB's mean rate over first..last, or no USD value where none exists."""
    if fact.currency == "USD" or fact.value is None:
        return {"value_usd": fact.value_usd}
    fields = {"currency": fact.currency, "amount": fact.value, "value_usd": fact.value_usd}
    if fact.value_usd is not None:
        return fields | {"usd_rate_basis": "US dollars as stated in the source"}
    rate = usd_rate(fact.currency, first, last)
    if rate is None:
        return fields | {"usd_rate_basis": f"no ECB reference rate for {fact.currency} then"}
    return fields | {
        "value_usd": to_usd(fact.value, rate),
        "usd_rate": rate.rate,
        "usd_rate_basis": rate.basis,
    }


def same_money(target: Target, money: dict) -> bool:
    if target.value_usd is not None or money["value_usd"] is not None:
        return values_agree(target.value_usd, money["value_usd"])
    return target.currency == money.get("currency", "USD") and values_agree(
        target.amount, money.get("amount")
    )


def matching_target(where: dict, fact: Fact, money: dict) -> Target | None:
    """A stored target with the same value and deadline (accepted ones first)."""
    candidates = Target.objects.filter(**where).exclude(status=ReviewStatus.REJECTED)
    for target in sorted(candidates, key=lambda t: (t.status != ReviewStatus.ACCEPTED, t.pk)):
        if not same_money(target, money):
            continue
        if target.deadline is None or fact.deadline is None:
            if target.deadline is fact.deadline:
                return target
        elif abs(target.deadline.year - fact.deadline.year) <= DEADLINE_SLACK_YEARS:
            return target
    return None


def store_target(fact: Fact, where: dict, common: dict, result: IngestResult) -> str:
    stated_on = common["source"].published or timezone.localdate()
    if fact.deadline is not None and fact.deadline < stated_on:
        return f"deadline {fact.deadline} is before the statement ({stated_on})"
    # A target in another currency is converted at the rates of the year it was stated.
    money = money_fields(fact, date(stated_on.year, 1, 1), stated_on)
    target = matching_target(where, fact, money)
    if target is None:
        target = Target(
            **where,
            **money,
            qualifier=fact.qualifier,
            deadline=fact.deadline,
            stated_on=stated_on,
            description=fact.quote[:300],
            status=common["status"],
        )
        target.full_clean()
        target.save()
    else:
        result.linked += 1
    # A statement linked to a target within 1% of its value keeps its own value; one that
    # gives the target's value exactly (or made the target) leaves it empty.
    stated_usd = money["value_usd"]
    statement = TargetStatement(
        target=target,
        stated_on=stated_on,
        deadline_as_stated=fact.deadline,
        wording=fact.quote[:200],
        value_as_stated=stated_usd if stated_usd != target.value_usd else None,
        firmness=fact.firmness,
        **common,
    )
    save_statement(statement)
    result.stored.append(statement)
    result.statements += 1
    return ""
