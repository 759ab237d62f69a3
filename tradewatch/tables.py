"""Each table and chart a reader sees, as the rows its CSV and JSON exports hold.

The rows are the page's own, in the page's order and under the same filters (every page of
a paginated table), built with exports.py's dict builders; every fact in a row carries its
provenance (side, speaker, quote, source title, kind, publisher, date, URL and the
TradeWatch page of the quote). A JSON row nests the source; its CSV row is the same record
flattened (source_title, …).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from tradewatch.charts import chart_points, point_cells
from tradewatch.domain.progress import Status
from tradewatch.exports import (
    columns_of,
    figure_dict,
    flat,
    iso,
    number,
    provenance,
    target_dict,
    write_csv,
)
from tradewatch.models import (
    Country,
    Figure,
    Flow,
    PairSummary,
    Source,
    Target,
    TargetStatement,
)
from tradewatch.queries import Dashboard, Filters, Pair
from tradewatch.summaries import PairRow


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # figures, targets, statements, chart, pairs, partners: also in file names
    records: list[dict]  # the JSON rows
    blank: Callable[[], dict]  # a row of the same shape: the CSV header of an empty table

    def csv_rows(self) -> tuple[list[str], list[dict]]:
        rows = [csv_row(r) for r in self.records]
        return columns_of(rows or [csv_row(self.blank())]), rows

    def csv_text(self) -> str:
        stream = io.StringIO()
        write_csv(stream, *self.csv_rows())
        return stream.getvalue()


def csv_row(record: dict) -> dict:
    """The record flattened; a list of facts (a target's statements, a figure's other
    sources) becomes the titles of their documents in one cell."""
    row = flat(record)
    for key, value in record.items():
        if isinstance(value, list):
            row[key] = "; ".join(item["source"]["title"] for item in value)
    return row


# Unsaved instances with every field a builder reads: the shape of a row when there is none.
def blank_source() -> Source:
    return Source(pk=0, title="")


def blank_figure() -> Figure:
    day = date(2000, 1, 1)
    return Figure(pk=0, period_start=day, period_end=day, source=blank_source(), quote="")


def blank_target() -> Target:
    target = Target(pk=0, stated_on=date(2000, 1, 1))
    target.accepted_statements = [blank_statement(target)]
    return target


def blank_pair_row() -> PairRow:
    first, second = Country(iso3="AAA", name=""), Country(iso3="BBB", name="")
    return PairRow(Pair(first, second), PairSummary(status=Status.INSUFFICIENT_DATA))


def blank_statement(target: Target) -> TargetStatement:
    return TargetStatement(
        pk=0, target=target, source=blank_source(), quote="", stated_on=target.stated_on
    )


def figure_record(f: Figure, d: Dashboard, site: str) -> dict:
    latest = d.assessment.latest
    return figure_dict(f, d.pair, d.conflicting_ids, d.statistics_gaps, site=site) | {
        # The value the progress numbers use (domain/sides.py chooses it).
        "used_for_progress": latest is not None and latest.pk == f.pk,
    }


def figures_table(d: Dashboard, site: str = "") -> Table:
    """The figures table: every figure the filters select (all its pages), oldest first."""
    return Table(
        "figures",
        [figure_record(f, d, site) for f in d.figures],
        lambda: figure_record(blank_figure(), d, site),
    )


def target_record(t: Target, d: Dashboard, site: str) -> dict:
    statements, measured = t.accepted_statements, d.assessment.target
    return (
        target_dict(t, d.pair, site=site)
        | {
            "statement_count": len(statements),
            # The target the progress numbers measure against.
            "used_for_progress": measured is not None and measured.pk == t.pk,
        }
        # Where the target comes from: the statement that first set it.
        | provenance(statements[0] if statements else None, site)
    )


def targets_table(d: Dashboard, site: str = "") -> Table:
    return Table(
        "targets",
        [target_record(t, d, site) for t in d.targets],
        lambda: target_record(blank_target(), d, site),
    )


def statement_records(t: Target, d: Dashboard, site: str) -> list[dict]:
    """Each statement of a target (its lineage, oldest first), beside the target it states."""
    target = {
        "target_id": t.pk,
        "target_value_usd": number(t.value_usd),
        "target_qualifier": t.qualifier,
        "target_deadline": iso(t.deadline),
        "target_description": t.description,
    }
    return [target | s for s in target_dict(t, d.pair, site=site)["statements"]]


def statements_table(d: Dashboard, site: str = "") -> Table:
    return Table(
        "statements",
        [row for t in d.targets for row in statement_records(t, d, site)],
        lambda: statement_records(blank_target(), d, site)[0],
    )


def chart_record(series: str, fact: Figure | Target, site: str) -> dict:
    period, value = point_cells(fact)
    record = {"series": series, "period": period, "value": value}
    if isinstance(fact, Figure):
        return record | {
            "kind": "figure",
            "id": fact.pk,
            "value_usd": number(fact.value_usd),
            "qualifier": fact.qualifier,
            "period_start": iso(fact.period_start),
            "period_end": iso(fact.period_end),
            "deadline": None,
            **provenance(fact, site),
        }
    first = fact.accepted_statements[0] if fact.accepted_statements else None
    return record | {
        "kind": "target",
        "id": fact.pk,
        "value_usd": number(fact.value_usd),
        "qualifier": fact.qualifier,
        "period_start": None,
        "period_end": None,
        "deadline": iso(fact.deadline),
        **provenance(first, site),
    }


def chart_table(d: Dashboard, site: str = "") -> Table:
    """The chart's series: the rows of its data table (charts.chart_rows), with their facts."""
    return Table(
        "chart",
        [chart_record(series, fact, site) for series, fact in chart_points(d)],
        lambda: chart_record("", blank_figure(), site),
    )


PAIR_TABLES: dict[str, Callable[[Dashboard, str], Table]] = {
    "figures": figures_table,
    "targets": targets_table,
    "statements": statements_table,
    "chart": chart_table,
}


FACT_KEYS = ("id", "value_usd", "value_shown", "qualifier", "period_start", "period_end")


def summary_fact(f: Figure | None, site: str) -> dict:
    """A figure a summary row shows (its latest value), or the same keys empty."""
    if f is None:
        return dict.fromkeys((*FACT_KEYS, "period_label")) | provenance(None)
    return {
        "id": f.pk,
        "value_usd": number(f.value_usd),
        "value_shown": f.value_shown,
        "qualifier": f.qualifier,
        "period_start": iso(f.period_start),
        "period_end": iso(f.period_end),
        "period_label": f.period.label,
        **provenance(f, site),
    }


def summary_target(t: Target | None, first: TargetStatement | None, site: str) -> dict:
    """The target a summary row measures against, with the statement that first set it."""
    return {
        "id": t.pk if t else None,
        "value_usd": number(t.value_usd) if t else None,
        "qualifier": t.qualifier if t else None,
        "deadline": iso(t.deadline) if t else None,
        "description": t.description if t else None,
        **provenance(first, site),
    }


def pair_row_record(row: PairRow, firsts: dict[int, TargetStatement], site: str) -> dict:
    pair, target = row.pair, row.target
    first, second = row.latest_by_side
    return {
        "pair": pair.slug,
        "first": pair.first.iso3,
        "first_name": pair.first.shown_name,
        "second": pair.second.iso3,
        "second_name": pair.second.shown_name,
        "dashboard": site + reverse("pair-detail", args=[pair.first.iso3, pair.second.iso3]),
        # The value the progress numbers use, and why (domain/sides.py).
        "latest": summary_fact(row.latest, site),
        "latest_reason": row.summary.latest_reason or None,
        "first_latest": summary_fact(first, site),
        "second_latest": summary_fact(second, site),
        "target": summary_target(target, firsts.get(target.pk) if target else None, site),
        "share_of_target": row.progress.share_of_target,
        "required_annual_growth": row.progress.required_growth,
        "status": row.progress.status.value,
    }


def pairs_table(
    name: str, rows: list[PairRow], firsts: dict[int, TargetStatement], site: str = ""
) -> Table:
    """The overview's table ("pairs") or a country page's ("partners"): every row the
    filters select, in the page's order."""
    return Table(
        name,
        [pair_row_record(row, firsts, site) for row in rows],
        lambda: pair_row_record(blank_pair_row(), {}, site),
    )


def dashboard_query(filters: Filters) -> str:
    """The dashboard's filters as the query string of its links (page left out: an export
    holds every page)."""
    params = {
        "flow": filters.flow if filters.flow != Flow.TURNOVER else None,
        "from": filters.year_from,
        "to": filters.year_to,
        "as_of": iso(filters.as_of),
    }
    return urlencode({key: value for key, value in params.items() if value is not None})


def pair_file_name(pair: Pair, filters: Filters, table: str, today: date) -> str:
    """tradewatch-BLR-KGZ-exports-figures-2026-11-25: pair, flow, table and the data's day."""
    flow = "" if filters.flow == Flow.TURNOVER else f"-{filters.flow}"
    return f"tradewatch-{pair.slug}{flow}-{table}-{filters.as_of or today}"


def envelope(table: Table, **about: object) -> dict:
    """A table's JSON: what it is (filters, day, citation) and its rows."""
    return {"table": table.name, **about, "count": len(table.records), "rows": table.records}
