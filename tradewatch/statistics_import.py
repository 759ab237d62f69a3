"""Official statistics files into figures: the one writer behind `manage.py import_stats` and
the admin's upload → preview → confirm.

tradewatch/statistics_files.py reads and checks each file (pandas); here each row becomes a
Figure of the reporting side, from a Source of kind "statistics" (one per file and publisher),
checked by the model's own validation. Nothing is written unless every row of every file is
valid, in one transaction. A file imported again adds nothing: its source is found by the
file's hash, and a row already on file from the same publisher is skipped.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tradewatch.cache import bump_data_version
from tradewatch.domain.periods import Period
from tradewatch.models import (
    Country,
    Figure,
    QualifierChoice,
    ReviewStatus,
    Source,
    SourceKind,
    StoredFlow,
)
from tradewatch.rates import to_usd, usd_rate
from tradewatch.statistics_files import ParsedFile, RowError, StatRow, read_statistics
from tradewatch.summaries import refresh_pairs

CHANGE_REASON = "imported from official statistics"


@dataclass
class FileReport:
    """What importing one file did, or would do (a dry run)."""

    name: str
    kind: str
    rows: int = 0
    added: int = 0
    already_there: int = 0
    errors: list[RowError] = field(default_factory=list)
    preview: list[Figure] = field(default_factory=list)  # the figures it adds, for the preview


class Refused(Exception):
    """Some row is invalid: nothing was written."""


def import_statistics(files: Sequence[tuple[str, bytes]], *, dry_run: bool) -> list[FileReport]:
    """Read, check and (unless `dry_run` or any error) store every file, all or nothing."""
    parsed = [(read_statistics(data, name), data) for name, data in files]
    try:
        with transaction.atomic():
            reports = [stage(p, data) for p, data in parsed]
            if dry_run or any(r.errors for r in reports):
                raise Refused
            figures = [f for r in reports for f in r.preview]
            bulk_create_with_history(
                figures, Figure, batch_size=1000, default_change_reason=CHANGE_REASON
            )
            refresh_pairs({f.pair for f in figures})  # bulk inserts send no signals
            bump_data_version()
    except Refused:
        for r in reports:
            r.added = 0  # nothing was written
        return reports
    for r in reports:
        r.added = len(r.preview)
    return reports


def stage(parsed: ParsedFile, data: bytes) -> FileReport:
    """The figures a file adds, validated, with its sources saved (inside the transaction
    the caller rolls back on a dry run or an error)."""
    report = FileReport(parsed.name, parsed.kind, rows=len(parsed.rows), errors=list(parsed.errors))
    if report.errors:
        return report
    countries = Country.objects.in_bulk({c for r in parsed.rows for c in (r.reporter, r.partner)})
    sources: dict[tuple[str, str], Source] = {}
    on_file = existing_statistics(parsed.rows)
    for row, figure_fields in figures_of(parsed.rows):
        key = (row.publisher, row.url)
        if key not in sources:
            sources[key] = source_for(parsed.name, data, row)
        figure = Figure(
            **figure_fields,
            source=sources[key],
            status=ReviewStatus.ACCEPTED,
            qualifier=QualifierChoice.EXACT,
            quote=quote_for(row, figure_fields, countries),
        )
        figure.order_pair()
        if identity(figure, row.publisher) in on_file:
            report.already_there += 1
            continue
        try:
            figure.full_clean(exclude=["source"])
        except ValidationError as err:
            for column, messages in err.message_dict.items():
                report.errors += [RowError(row.line, column, m) for m in messages]
            continue
        report.preview.append(figure)
    return report


def figures_of(rows: Iterable[StatRow]) -> Iterable[tuple[StatRow, dict]]:
    """Each row as a figure of the reporting side; a reporter's exports and imports of the
    same period also make its turnover with that partner (Comtrade gives no turnover)."""
    flows: dict[tuple, dict[str, StatRow]] = defaultdict(dict)
    for row in rows:
        yield row, fields_of(row, row.flow, row.value)
        flows[(row.reporter, row.partner, row.period_start, row.period_end, row.currency)][
            row.flow
        ] = row
    for both in flows.values():
        if {"exports", "imports"} <= set(both) and "turnover" not in both:
            exports, imports = both["exports"], both["imports"]
            yield exports, fields_of(exports, "turnover", exports.value + imports.value)


def fields_of(row: StatRow, flow: str, value: Decimal) -> dict:
    """Exports of A to B and B's imports from A are one series (Figure.exporter)."""
    if flow == "turnover":
        direction = {"flow": StoredFlow.TURNOVER, "exporter_id": None}
    else:
        exporter = row.reporter if flow == "exports" else row.partner
        direction = {"flow": StoredFlow.EXPORTS, "exporter_id": exporter}
    return {
        "country_a_id": row.reporter,
        "country_b_id": row.partner,
        "side_id": row.reporter,
        "period_start": row.period_start,
        "period_end": row.period_end,
        **direction,
        **money(row, value),
    }


def money(row: StatRow, value: Decimal) -> dict:
    if row.currency == "USD":
        return {"value_usd": value}
    fields = {"currency": row.currency, "amount": value, "value_usd": None}
    rate = usd_rate(row.currency, row.period_start, row.period_end)
    if rate is None:
        return fields | {"usd_rate_basis": f"no ECB reference rate for {row.currency} then"}
    return fields | {
        "value_usd": to_usd(value, rate),
        "usd_rate": rate.rate,
        "usd_rate_basis": rate.basis,
    }


FLOW_WORDS = {"turnover": "trade with", "exports": "exports to", "imports": "imports from"}


def quote_for(row: StatRow, fields: dict, countries: dict[str, Country]) -> str:
    """The row in words: what the statistics say, as the figure's quote."""
    turnover = fields["flow"] == StoredFlow.TURNOVER and row.flow != "turnover"
    words = "trade (exports plus imports) with" if turnover else FLOW_WORDS[row.flow]
    amount = fields.get("amount") or fields["value_usd"]
    label = Period(row.period_start, row.period_end).label
    reporter, partner = countries[row.reporter].name, countries[row.partner].name
    return (
        f"{row.publisher}: {reporter}'s {words} {partner}, {label}: "
        f"{row.currency} {amount:,.0f} (as reported by {reporter})"
    )


def source_for(name: str, data: bytes, row: StatRow) -> Source:
    """One source per file and publisher; the same file again finds the same source."""
    digest = hashlib.sha256(data + f"|{row.publisher}|{row.url}".encode()).hexdigest()
    source, _ = Source.objects.get_or_create(
        content_hash=digest,
        defaults={
            "title": f"{row.publisher}: {name}"[:300],
            "kind": SourceKind.STATISTICS,
            "publisher": row.publisher[:200],
            "url": row.url,
            "file_name": name[:300],
            # The day it was imported: a later import of revised figures is the later revision.
            "published": timezone.localdate(),
        },
    )
    return source


def identity(figure: Figure, publisher: str) -> tuple:
    return (
        figure.country_a_id, figure.country_b_id, figure.flow, figure.exporter_id,
        figure.side_id, figure.period_start, figure.period_end, figure.value_usd,
        figure.amount, publisher,
    )  # fmt: skip


def existing_statistics(rows: Sequence[StatRow]) -> set[tuple]:
    """Statistics already stored for the pairs and periods these rows cover."""
    if not rows:
        return set()
    start = min(r.period_start for r in rows)
    end = max(r.period_end for r in rows)
    countries = {c for r in rows for c in (r.reporter, r.partner)}
    stored = Figure.objects.filter(
        source__kind=SourceKind.STATISTICS,
        country_a__in=countries,
        country_b__in=countries,
        period_start__gte=start,
        period_end__lte=end,
    ).select_related("source")
    return {identity(f, f.source.publisher) for f in stored}
