"""Facts to and from spreadsheets: every figure, target statement and timeline event with its
source and quote, one row each, as CSV or XLSX (pandas), and back again.

Reading shares the statistics import's machinery (statistics_files.read_table: size,
encoding, CSV or XLSX, rows numbered as a spreadsheet shows them). Each row is checked by the
models' own validation; nothing is written unless every row is valid, in one transaction;
a row already on file is skipped, so the same file twice adds nothing. Exporting a database
and importing the file into an empty one gives back the same export.
"""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
from django.core.exceptions import ValidationError
from django.db import transaction

from tradewatch.exports import spreadsheet_safe
from tradewatch.models import Event, Figure, Source, Target, TargetStatement
from tradewatch.review import save_figure, save_statement
from tradewatch.statistics_files import RowError, read_table

SOURCE = ["title", "kind", "publisher", "url", "published", "date_precision", "date_inferred",
          "date_note", "file_name"]  # fmt: skip
PAIR = ["country_a", "country_b", "flow", "exporter", "status"]
FIGURE = ["side", "period_start", "period_end", "value_usd", "qualifier", "currency", "amount",
          "usd_rate", "usd_rate_basis", "change_pct", "change_qualifier", "growth_factor",
          "derived", "derivation", "preferred", "preferred_reason"]  # fmt: skip
QUOTED = ["speaker", "quote", "quote_start", "quote_end"]
TARGET = ["value_usd", "qualifier", "currency", "amount", "usd_rate", "usd_rate_basis",
          "deadline", "stated_on", "description"]  # fmt: skip
STATEMENT = ["side", "stated_on", "deadline_as_stated", "value_as_stated", "wording",
             "firmness", "status"]  # fmt: skip
EVENT = ["happened_on", "date_precision", "title"]
COLUMNS = (
    ["record"]
    + PAIR
    + FIGURE
    + [f"target_{f}" for f in TARGET]
    + [f"statement_{f}" for f in STATEMENT]
    + [f"event_{f}" for f in EVENT]
    + QUOTED
    + [f"source_{f}" for f in SOURCE]
)


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def values(obj: object, fields: Iterable[str], prefix: str = "") -> dict[str, str]:
    out = {}
    for name in fields:
        attname = f"{name}_id" if name in ("country_a", "country_b", "exporter", "side") else name
        out[prefix + name] = cell(getattr(obj, attname))
    return out


def export_rows() -> list[dict[str, str]]:
    """Every figure, then every target statement (its target's fields repeated), oldest
    first, so an import re-links duplicates as they were."""
    rows = []
    for f in Figure.objects.select_related("source").order_by("pk"):
        rows.append(
            {"record": "figure"}
            | values(f, PAIR + FIGURE + QUOTED)
            | values(f.source, SOURCE, "source_")
        )
    statements = TargetStatement.objects.select_related("target", "source").order_by("pk")
    for s in statements:
        rows.append(
            {"record": "statement"}
            | values(s.target, PAIR[:4])
            | {"status": ""}
            | values(s.target, TARGET, "target_")
            | values(s, STATEMENT, "statement_")
            | values(s, QUOTED)
            | values(s.source, SOURCE, "source_")
        )
    for e in Event.objects.select_related("source").order_by("pk"):
        rows.append(
            {"record": "event"}
            | values(e, PAIR[:2])
            | values(e, EVENT, "event_")
            | {"quote": e.quote}
            | values(e.source, SOURCE, "source_")
        )
    return [{column: row.get(column, "") for column in COLUMNS} for row in rows]


def export_facts(path_or_buffer: Path | io.BytesIO, *, excel: bool) -> int:
    """Write the export as XLSX or CSV; cells that a spreadsheet would run as formulas are
    neutralised as in the CSV download."""
    rows = export_rows()
    safe = [{k: spreadsheet_safe(v) for k, v in row.items()} for row in rows]
    frame = pd.DataFrame(safe, columns=COLUMNS, dtype=str)
    if excel:
        frame.to_excel(path_or_buffer, index=False)
    else:
        frame.to_csv(path_or_buffer, index=False)
    return len(rows)


# --- Import -------------------------------------------------------------------------------


@dataclass
class FactsReport:
    name: str
    rows: int = 0
    added: int = 0
    already_there: int = 0
    errors: list[RowError] = field(default_factory=list)


class Refused(Exception):
    pass


def parse(value: str, kind: str) -> object:
    """Text from a cell to the field's type; an empty cell is no value."""
    value = value.strip()
    if kind == "text":
        return value
    if value == "":
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "decimal":
        return Decimal(value.replace(",", ""))
    if kind == "int":
        return int(value)
    if kind == "bool":
        if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"'{value}' is not true or false")
        return value.lower() in ("true", "1", "yes")
    raise AssertionError(kind)


KINDS: dict[str, str] = {
    "published": "date", "period_start": "date", "period_end": "date", "deadline": "date",
    "stated_on": "date", "deadline_as_stated": "date", "happened_on": "date",
    "value_usd": "decimal", "amount": "decimal", "usd_rate": "decimal", "change_pct": "decimal",
    "growth_factor": "decimal", "value_as_stated": "decimal",
    "quote_start": "int", "quote_end": "int",
    "derived": "bool", "preferred": "bool", "date_inferred": "bool",
}  # fmt: skip
FOREIGN = {"country_a", "country_b", "exporter", "side"}


def fields_of(cells: dict[str, str], names: Iterable[str], prefix: str = "") -> dict:
    """Model field values from a row's cells, for `names` (column = prefix + name)."""
    out = {}
    for name in names:
        column = prefix + name
        try:
            value = parse(cells.get(column, ""), KINDS.get(name, "text"))
        except (ValueError, InvalidOperation) as err:
            message = f"'{cells.get(column)}' cannot be read: {err}"
            raise ValidationError({column: [message]}) from None
        if name in FOREIGN:
            out[f"{name}_id"] = value.upper() if value else None
        elif value is not None or KINDS.get(name, "text") == "text":
            out[name] = value
    return out


def source_for(cells: dict[str, str], made: dict[tuple, Source]) -> Source:
    fields = fields_of(cells, SOURCE, "source_")
    key = tuple(sorted((k, str(v)) for k, v in fields.items()))
    if key not in made:
        found = Source.objects.filter(**{k: v for k, v in fields.items() if k != "date_note"})
        made[key] = found.first() or Source(**fields)
        made[key].full_clean(exclude=["content_hash"])
        if made[key].pk is None:
            made[key].save()
    return made[key]


def figure_row(cells: dict[str, str], made: dict) -> tuple[Figure | None, Callable[[], None]]:
    source = source_for(cells, made)
    figure = Figure(**fields_of(cells, PAIR + FIGURE + QUOTED), source=source)
    figure.order_pair()
    same = {k: getattr(figure, k) for k in ("country_a_id", "country_b_id", "flow",
            "exporter_id", "side_id", "period_start", "period_end", "value_usd", "amount",
            "quote")}  # fmt: skip
    if Figure.objects.filter(**same, source=source).exists():
        return None, lambda: None
    figure.full_clean()
    return figure, lambda: save_figure(figure)


def statement_row(cells: dict[str, str], made: dict) -> tuple[object | None, Callable[[], None]]:
    source = source_for(cells, made)
    target_fields = fields_of(cells, PAIR[:4]) | fields_of(cells, TARGET, "target_")
    target = Target(**target_fields)
    target.order_pair()
    identity = {k: getattr(target, k) for k in ("country_a_id", "country_b_id", "flow",
                "exporter_id", "value_usd", "deadline", "stated_on", "description")}  # fmt: skip
    stored = Target.objects.filter(**identity).first() or made.get(("target", *identity.values()))
    if stored is None:
        target.full_clean()
        target.save()
        made[("target", *identity.values())] = stored = target
    statement = TargetStatement(
        **fields_of(cells, STATEMENT, "statement_"), **fields_of(cells, QUOTED), source=source,
        target=stored,
    )  # fmt: skip
    if TargetStatement.objects.filter(
        target=stored, source=source, quote=statement.quote, stated_on=statement.stated_on
    ).exists():
        return None, lambda: None
    statement.full_clean()
    return statement, lambda: save_statement(statement)


def event_row(cells: dict[str, str], made: dict) -> tuple[Event | None, Callable[[], None]]:
    source = source_for(cells, made)
    event = Event(
        **fields_of(cells, PAIR[:2]), **fields_of(cells, EVENT, "event_"),
        quote=cells.get("quote", "").strip(), source=source,
    )  # fmt: skip
    event.order_pair()
    same = {k: getattr(event, k) for k in ("country_a_id", "country_b_id", "happened_on", "title")}
    if Event.objects.filter(**same, source=source).exists():
        return None, lambda: None
    event.full_clean()
    return event, event.save


ROWS = {"figure": figure_row, "statement": statement_row, "event": event_row}


def import_facts(name: str, data: bytes, *, dry_run: bool) -> FactsReport:
    """Check every row, then write them all (or, on a dry run or any error, none)."""
    header, rows, errors = read_table(data, name)
    report = FactsReport(name, rows=len(rows), errors=list(errors))
    missing = [c for c in ("record", "country_a", "country_b", "quote") if c not in header]
    if header and missing:
        report.errors.append(RowError(0, "", f"missing columns: {', '.join(missing)}"))
    if report.errors:
        return report
    try:
        with transaction.atomic():
            made: dict = {}
            for line, raw in rows:
                cells = dict(zip(header, raw, strict=False))
                kind = cells.get("record", "").strip()
                if kind not in ROWS:
                    report.errors.append(
                        RowError(line, "record", "record must be figure or statement")
                    )
                    continue
                try:
                    fact, write = ROWS[kind](cells, made)
                except ValidationError as err:
                    for column, messages in err.message_dict.items():
                        report.errors += [RowError(line, column, m) for m in messages]
                    continue
                if fact is None:
                    report.already_there += 1
                    continue
                write()
                report.added += 1
            if dry_run or report.errors:
                raise Refused
    except Refused:
        if report.errors:
            report.added = 0
    return report
