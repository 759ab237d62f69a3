"""CSV rows and JSON dicts for a pair, built from the same Dashboard the page shows.

Every fact a record holds carries its provenance: side, speaker, quote and source (title,
kind, publisher, date, URL), and the TradeWatch page that shows the quote in its document.
`site` ("https://tradewatch.example") makes those page links absolute; "" leaves them
relative to the site.
"""

import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import IO

from django.urls import reverse

from tradewatch.domain.firmness import strongest
from tradewatch.models import Country, Figure, Source, Target, TargetStatement
from tradewatch.queries import Dashboard, Pair, Spread, StatisticsGap

# Columns added after the first release, kept at the end of figures.csv so a client that
# reads its columns by position still finds the old ones where they were.
LATER_COLUMNS = (
    "value_shown",
    "side_name",
    "source_page",
    "statement_side_name",
    "statement_source_page",
)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def flow_dict(fact: Figure | Target, pair: Pair) -> dict:
    """The pair as written (reporter, partner: kept for older clients) and as stored
    (alphabetical), the flow and, for exports, who exports to whom."""
    a, b = fact.pair
    return {
        "reporter": pair.first.iso3,
        "partner": pair.second.iso3,
        "country_a": a,
        "country_b": b,
        "flow": fact.flow,
        "exporter": fact.exporter_id,
        "importer": fact.importer_id,
    }


def currency_dict(fact: Figure | Target) -> dict:
    """The amount as the source stated it, when not in US dollars, and how it was converted."""
    return {
        "currency": fact.currency,
        "amount": number(fact.amount),
        "usd_rate": number(fact.usd_rate),
        "usd_rate_basis": fact.usd_rate_basis or None,
    }


def side_name(country: Country | None) -> str | None:
    """The side as the page names it (in the reader's language); None where not stated."""
    return country.shown_name if country else None


def source_page(fact: Figure | TargetStatement, site: str = "") -> str:
    """The TradeWatch page of the fact's document, at the fact's quote."""
    return f"{site}{reverse('source-detail', args=[fact.source_id])}#{fact.anchor}"


def provenance(fact: Figure | TargetStatement | None, site: str = "") -> dict:
    """Who states a fact and where: the columns every exported fact carries (the same keys,
    empty, where a row has no such fact)."""
    if fact is None:
        keys = ("side", "side_name", "speaker", "quote", "source", "source_page")
        return dict.fromkeys(keys) | {"source": source_dict(None)}
    return {
        "side": fact.side_id,
        "side_name": side_name(fact.side),
        "speaker": fact.speaker or None,
        "quote": fact.quote,
        "source": source_dict(fact.source),
        "source_page": source_page(fact, site),
    }


def figure_dict(
    f: Figure,
    pair: Pair,
    conflicting: frozenset[int],
    gaps: dict[int, StatisticsGap],
    *,
    site: str = "",
) -> dict:
    return {
        "id": f.pk,
        **flow_dict(f, pair),
        "side": f.side_id,
        "period_start": iso(f.period_start),
        "period_end": iso(f.period_end),
        "period_label": f.period.label,
        "value_usd": number(f.value_usd),
        **currency_dict(f),
        "qualifier": f.qualifier,
        "change_pct": number(f.change_pct),
        "change_qualifier": f.change_qualifier,
        "growth_factor": number(f.growth_factor),
        "derived": f.derived,
        "derivation": f.derivation or None,
        "used_for_progress_by_editor": f.preferred,
        "conflict": f.pk in conflicting,
        "speaker": f.speaker or None,
        "quote": f.quote,
        "source": source_dict(f.source),
        "statistics_gap": gap_dict(gaps.get(f.pk)),
        # Added later: the value as the page's table shows it, and more provenance.
        "value_shown": f.value_shown,
        "side_name": side_name(f.side),
        "source_page": source_page(f, site),
        # The same figure in other documents (the page's "Also stated in").
        "also_stated_in": [
            {
                "speaker": c.speaker or None,
                "quote": c.quote,
                "source": source_dict(c.source),
                "source_page": source_page(c, site),
            }
            for c in getattr(f, "corroborated_by", ())
        ],
    }


def gap_dict(gap: StatisticsGap | None) -> dict:
    """A statement's distance from the official statistics for its period (+ above)."""
    return {
        "figure_id": gap.statistics.pk if gap else None,
        "spread": round(gap.percent, 4) if gap else None,
    }


SOURCE_KEYS = ("id", "title", "kind", "publisher", "published", "date_inferred", "url")


def source_dict(s: Source | None) -> dict:
    """The document behind a fact; the same keys, empty, where a row has no fact."""
    if s is None:
        return dict.fromkeys(SOURCE_KEYS)
    return {
        "id": s.pk,
        "title": s.title,
        "kind": s.kind,
        "publisher": s.publisher or None,
        "published": iso(s.published),
        "date_inferred": s.date_inferred,
        "url": s.url or None,
    }


def target_dict(t: Target, pair: Pair, *, site: str = "") -> dict:
    return {
        "id": t.pk,
        **flow_dict(t, pair),
        "value_usd": number(t.value_usd),
        **currency_dict(t),
        "qualifier": t.qualifier,
        "deadline": iso(t.deadline),
        "stated_on": iso(t.stated_on),
        "description": t.description,
        "superseded_by": t.superseded_by_id,
        "firmest": strongest(s.firmness for s in t.accepted_statements),
        "statements": [
            {
                "side": s.side_id,
                "speaker": s.speaker or None,
                "stated_on": iso(s.stated_on),
                "deadline_as_stated": iso(s.deadline_as_stated),
                "value_as_stated_usd": number(s.value_as_stated),
                "firmness": s.firmness,
                "wording": s.wording,
                "quote": s.quote,
                "source": source_dict(s.source),
                "side_name": side_name(s.side),
                "source_page": source_page(s, site),
            }
            for s in t.accepted_statements
        ],
    }


def progress_dict(d: Dashboard) -> dict:
    p = d.assessment.progress
    latest = d.assessment.latest
    return {
        "latest_value_usd": number(p.latest_value),
        "latest_value_side": latest.side_id if latest else None,
        "latest_value_reason": d.assessment.latest_reason or None,
        "latest_period_end": iso(p.latest_period.end) if p.latest_period else None,
        "latest_period_label": p.latest_period.label if p.latest_period else None,
        "target_value_usd": number(p.target_value),
        "deadline": iso(p.deadline),
        "share_of_target": p.share_of_target,
        "required_annual_growth": p.required_growth,
        "observed_annual_growth": p.observed_growth,
        # Where the observed pace leads: a projection, never a reported value.
        "projected_year_target_reached": d.projection.reached_in if d.projection else None,
        "years_left": p.years_left,
        "status": p.status.value,
        "basis": list(p.basis),
    }


def spread_dict(s: Spread) -> dict:
    return {
        "period_start": iso(s.period.start),
        "period_end": iso(s.period.end),
        "period_label": s.period.label,
        "first_value_usd": number(s.first.value_usd),
        "first_figure_id": s.first.pk,
        "second_value_usd": number(s.second.value_usd),
        "second_figure_id": s.second.pk,
        "spread": round(s.percent, 4),
    }


def pair_json(d: Dashboard, *, site: str = "") -> dict:
    conflicting = d.conflicting_ids
    return {
        "reporter": {"iso3": d.pair.first.iso3, "name": d.pair.first.name},
        "partner": {"iso3": d.pair.second.iso3, "name": d.pair.second.name},
        # Relative to the pair as written: exports are the first country's exports.
        "flow": d.filters.flow,
        # A past day: the data as TradeWatch showed it at the end of that day.
        "as_of": iso(d.filters.as_of),
        "figures": [
            figure_dict(f, d.pair, conflicting, d.statistics_gaps, site=site) for f in d.figures
        ],
        "targets": [target_dict(t, d.pair, site=site) for t in d.targets],
        "spreads": [spread_dict(s) for s in d.spreads],
        "progress": progress_dict(d),
    }


def flat(record: dict, prefix: str = "") -> dict:
    """{'source': {'id': 3}} -> {'source_id': 3}; nested lists are left out."""
    out = {}
    for key, value in record.items():
        if isinstance(value, dict):
            out |= flat(value, f"{prefix}{key}_")
        elif not isinstance(value, list):
            out[prefix + key] = value
    return out


def columns_of(rows: Iterable[dict]) -> list[str]:
    """Every key of the rows, in the order they first appear."""
    return list(dict.fromkeys(key for row in rows for key in row))


def csv_rows(d: Dashboard, *, site: str = "") -> tuple[list[str], list[dict]]:
    """Figures, then one row per target statement: the JSON records, flattened."""
    conflicting = d.conflicting_ids
    rows = [
        {"kind": "figure"} | flat(figure_dict(f, d.pair, conflicting, d.statistics_gaps, site=site))
        for f in d.figures
    ]
    for target in d.targets:
        record = target_dict(target, d.pair, site=site)
        for statement in record["statements"]:
            rows.append({"kind": "target"} | flat(record) | flat(statement, "statement_"))
    columns = columns_of(rows) or ["kind"]
    later = [c for c in columns if c in LATER_COLUMNS]
    return [c for c in columns if c not in LATER_COLUMNS] + later, rows


def write_csv(stream: IO[str], columns: list[str], rows: Iterable[dict]) -> None:
    """A header and the rows, every cell safe to open in a spreadsheet."""
    writer = csv.DictWriter(stream, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})


def spreadsheet_safe(cell: object) -> object:
    """Keep a quote such as '=HYPERLINK(…)' from running as a formula in a spreadsheet."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
