"""CSV rows and JSON dicts for a partner, built from the same Dashboard the page shows."""

from datetime import date
from decimal import Decimal

from tradewatch.models import Figure, Target
from tradewatch.queries import Dashboard


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def figure_dict(f: Figure, conflicting: frozenset[int]) -> dict:
    return {
        "id": f.pk,
        "reporter": f.reporter_id,
        "partner": f.partner_id,
        "flow": f.flow,
        "period_start": iso(f.period_start),
        "period_end": iso(f.period_end),
        "period_label": f.period.label,
        "value_usd": number(f.value_usd),
        "qualifier": f.qualifier,
        "change_pct": number(f.change_pct),
        "change_qualifier": f.change_qualifier,
        "growth_factor": number(f.growth_factor),
        "derived": f.derived,
        "derivation": f.derivation or None,
        "conflict": f.pk in conflicting,
        "speaker": f.speaker or None,
        "quote": f.quote,
        "source": source_dict(f.source),
    }


def source_dict(s) -> dict:
    return {
        "id": s.pk,
        "title": s.title,
        "publisher": s.publisher or None,
        "published": iso(s.published),
        "date_inferred": s.date_inferred,
        "url": s.url or None,
    }


def target_dict(t: Target) -> dict:
    return {
        "id": t.pk,
        "reporter": t.reporter_id,
        "partner": t.partner_id,
        "flow": t.flow,
        "value_usd": number(t.value_usd),
        "qualifier": t.qualifier,
        "deadline": iso(t.deadline),
        "stated_on": iso(t.stated_on),
        "description": t.description,
        "statements": [
            {
                "speaker": s.speaker or None,
                "stated_on": iso(s.stated_on),
                "deadline_as_stated": iso(s.deadline_as_stated),
                "wording": s.wording,
                "quote": s.quote,
                "source": source_dict(s.source),
            }
            for s in t.statements.all()
        ],
    }


def progress_dict(d: Dashboard) -> dict:
    p = d.assessment.progress
    return {
        "latest_value_usd": number(p.latest_value),
        "latest_period_end": iso(p.latest_period.end) if p.latest_period else None,
        "latest_period_label": p.latest_period.label if p.latest_period else None,
        "target_value_usd": number(p.target_value),
        "deadline": iso(p.deadline),
        "share_of_target": p.share_of_target,
        "required_annual_growth": p.required_growth,
        "observed_annual_growth": p.observed_growth,
        "years_left": p.years_left,
        "status": p.status.value,
        "basis": list(p.basis),
    }


def partner_json(d: Dashboard) -> dict:
    conflicting = d.conflicting_ids
    return {
        "partner": {"iso3": d.partner.iso3, "name": d.partner.name},
        "reporter": {"iso3": d.home.iso3, "name": d.home.name},
        "flow": d.filters.flow,
        "figures": [figure_dict(f, conflicting) for f in d.figures],
        "targets": [target_dict(t) for t in d.targets],
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


def csv_rows(d: Dashboard) -> tuple[list[str], list[dict]]:
    """Figures, then one row per target statement: the JSON records, flattened."""
    conflicting = d.conflicting_ids
    rows = [{"kind": "figure"} | flat(figure_dict(f, conflicting)) for f in d.figures]
    for target in d.targets:
        record = target_dict(target)
        for statement in record["statements"]:
            rows.append({"kind": "target"} | flat(record) | flat(statement, "statement_"))
    columns = list(dict.fromkeys(key for row in rows for key in row)) or ["kind"]
    return columns, rows


def spreadsheet_safe(cell: object) -> object:
    """Keep a quote such as '=HYPERLINK(…)' from running as a formula in a spreadsheet."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
