"""What a download says about itself: the suggested citation, the description a table's JSON
starts with, and a pair's ZIP (every table as CSV, the JSON, a README with the method in
words, and the citation)."""

import io
import json
import zipfile
from datetime import date
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradewatch.charts import flow_words
from tradewatch.domain.progress import ACCELERATION_RATIO, ON_TRACK_RATIO, STATUS_RULES
from tradewatch.exports import iso, pair_json
from tradewatch.models import Country, Flow
from tradewatch.queries import Dashboard
from tradewatch.tables import PAIR_TABLES, Table, dashboard_query


def long_date(day: date) -> str:
    return date_format(day, "j E Y")


def citation(subject: str, *, day: date, url: str, today: date) -> str:
    """'TradeWatch (2026). Belarus–Kyrgyzstan trade: figures and targets, as of 25 November
    2026. <URL>. Retrieved 25 November 2026.'"""
    return _("TradeWatch (%(year)s). %(subject)s, as of %(day)s. %(url)s. Retrieved %(today)s.") % {
        "year": day.year,
        "subject": subject,
        "day": long_date(day),
        "url": url,
        "today": long_date(today),
    }


def pair_subject(d: Dashboard) -> str:
    """'Belarus–Kyrgyzstan trade: figures and targets', naming the flow and years when chosen."""
    f = d.filters
    if f.flow == Flow.TURNOVER:
        subject = _("%(pair)s trade: figures and targets") % {"pair": d.pair.name}
    else:
        subject = _("%(pair)s trade, %(flow)s: figures and targets") % {
            "pair": d.pair.name,
            "flow": flow_words(d),
        }
    if f.year_from or f.year_to:
        subject += f" ({f.year_from or '…'}–{f.year_to or '…'})"
    return subject


def dashboard_url(d: Dashboard, site: str) -> str:
    url = site + reverse("pair-detail", args=[d.pair.first.iso3, d.pair.second.iso3])
    query = dashboard_query(d.filters)
    return f"{url}?{query}" if query else url


def pair_citation(d: Dashboard, *, site: str, today: date) -> str:
    day = d.filters.as_of or today
    return citation(pair_subject(d), day=day, url=dashboard_url(d, site), today=today)


def pair_about(d: Dashboard, *, site: str, today: date) -> dict:
    """What a table of the dashboard is: the pair, the filters, the day and how to cite it."""
    f = d.filters
    return {
        "pair": {
            "first": {"iso3": d.pair.first.iso3, "name": d.pair.first.shown_name},
            "second": {"iso3": d.pair.second.iso3, "name": d.pair.second.shown_name},
        },
        # Relative to the pair as written: exports are the first country's exports.
        "filters": {"flow": f.flow, "from": f.year_from, "to": f.year_to, "as_of": iso(f.as_of)},
        # The day the data stands for: the past day asked for, or the day of the download.
        "as_of": iso(f.as_of or today),
        "page": dashboard_url(d, site),
        "citation": pair_citation(d, site=site, today=today),
    }


def page_url(base: str, filters: dict) -> str:
    """A page's address with the filters it was shown with (empty ones left out)."""
    query = urlencode({key: value for key, value in filters.items() if value})
    return f"{base}?{query}" if query else base


def pages_about(subject: str, url: str, filters: dict, *, past: date | None, today: date) -> dict:
    """The same for the overview's table or a country page's."""
    day = past or today
    return {
        "filters": filters,
        "as_of": iso(day),
        "page": url,
        "citation": citation(subject, day=day, url=url, today=today),
    }


# What each column of a pair's CSV files holds (the README lists them file by file).
COLUMNS = {
    "id": gettext_lazy("TradeWatch's id of the row's figure or target"),
    "reporter": gettext_lazy("the pair's first country as written in the URL (ISO 3166 alpha-3)"),
    "partner": gettext_lazy("the pair's second country as written in the URL"),
    "country_a": gettext_lazy("the pair as stored: the alphabetically first country"),
    "country_b": gettext_lazy("the pair as stored: the alphabetically second country"),
    "flow": gettext_lazy(
        "turnover (both directions) or exports (one direction, stored by exporter)"
    ),
    "exporter": gettext_lazy("for one-way flows, the exporting country"),
    "importer": gettext_lazy("for one-way flows, the importing country"),
    "side": gettext_lazy(
        "the country whose officials, agency or statistics office state the fact (empty: not "
        "stated)"
    ),
    "side_name": gettext_lazy("that country's name"),
    "period_start": gettext_lazy("first day of the period the figure covers"),
    "period_end": gettext_lazy("last day of the period the figure covers"),
    "period_label": gettext_lazy("the period as the page writes it (2022, Jan–Aug 2023)"),
    "value_usd": gettext_lazy("value in US dollars"),
    "value_shown": gettext_lazy("the value exactly as the page's table shows it"),
    "currency": gettext_lazy("currency the source stated the amount in"),
    "amount": gettext_lazy("the amount in that currency, when not US dollars"),
    "usd_rate": gettext_lazy("the rate used to convert the amount to US dollars"),
    "usd_rate_basis": gettext_lazy("where that rate comes from, or why there is none"),
    "qualifier": gettext_lazy(
        "exact, about, more_than or less_than, as the source qualifies the value"
    ),
    "change_pct": gettext_lazy("stated change against the same period a year earlier, in %"),
    "change_qualifier": gettext_lazy("how the source qualifies that change"),
    "growth_factor": gettext_lazy("stated growth as a factor (2.5 for “2.5 times”)"),
    "derived": gettext_lazy(
        "True when TradeWatch computed the value from a stated one (see derivation)"
    ),
    "derivation": gettext_lazy("how a derived value was computed"),
    "used_for_progress_by_editor": gettext_lazy(
        "True when an editor chose this value for its period"
    ),
    "used_for_progress": gettext_lazy("True for the figure or target the progress numbers use"),
    "conflict": gettext_lazy(
        "True when another source of the same side states a different value for the period"
    ),
    "speaker": gettext_lazy("who said it (empty: the report's own words)"),
    "quote": gettext_lazy("the verbatim words of the source"),
    "source_id": gettext_lazy("TradeWatch's id of the source document"),
    "source_title": gettext_lazy("title of the source document"),
    "source_kind": gettext_lazy(
        "statistics (an official statistics release), statement (an official's words) or "
        "press (a press estimate)"
    ),
    "source_publisher": gettext_lazy("who published the document"),
    "source_published": gettext_lazy("publication date of the document"),
    "source_date_inferred": gettext_lazy(
        "True when the document prints no full date and TradeWatch inferred it"
    ),
    "source_url": gettext_lazy("the document's address on the web, where known"),
    "source_page": gettext_lazy("the document on TradeWatch, at the quote"),
    "statistics_gap_figure_id": gettext_lazy("the official statistics figure for the same period"),
    "statistics_gap_spread": gettext_lazy(
        "how far this statement is above (+) or below (−) those statistics, as a fraction"
    ),
    "also_stated_in": gettext_lazy("other documents stating the same figure (their titles)"),
    "deadline": gettext_lazy("the target's deadline"),
    "stated_on": gettext_lazy(
        "when the target was first stated (statements: when this statement was made)"
    ),
    "description": gettext_lazy("the target in words"),
    "superseded_by": gettext_lazy("the target that replaced this one, if any"),
    "firmest": gettext_lazy(
        "the firmest of the target's statements: remark < plan < agreement < law"
    ),
    "statements": gettext_lazy(
        "the documents stating the target (statements.csv has each in full)"
    ),
    "statement_count": gettext_lazy("how many accepted statements state the target"),
    "target_id": gettext_lazy("the target the statement states (targets.csv)"),
    "target_value_usd": gettext_lazy("the target's value in US dollars"),
    "target_qualifier": gettext_lazy("how the target's value is qualified"),
    "target_deadline": gettext_lazy("the target's deadline"),
    "target_description": gettext_lazy("the target in words"),
    "deadline_as_stated": gettext_lazy("the deadline as this statement gives it"),
    "value_as_stated_usd": gettext_lazy("the value as this statement gives it, in US dollars"),
    "firmness": gettext_lazy("remark, plan, agreement or law"),
    "wording": gettext_lazy("the statement's own words for the goal"),
    "series": gettext_lazy("the chart's series (legend entry)"),
    "period": gettext_lazy(
        "the period (figures) or the deadline's year (targets) as the chart's table shows it"
    ),
    "value": gettext_lazy("the value as the chart's table shows it"),
    "kind": gettext_lazy("figure or target"),
}
TARGET_PROVENANCE = gettext_lazy(
    "In targets.csv and for targets in chart.csv, side, speaker, quote and the source columns "
    "are those of the statement that first set the target; statements.csv lists every one."
)


def file_columns(table: Table) -> list[tuple[str, str]]:
    columns, _rows = table.csv_rows()
    return [(column, str(COLUMNS.get(column, ""))) for column in columns]


def readme(d: Dashboard, tables: dict[str, Table], *, site: str, today: date) -> str:
    progress = d.assessment.progress
    context = {
        "d": d,
        "p": progress,
        "subject": pair_subject(d),
        "citation": pair_citation(d, site=site, today=today),
        "page": dashboard_url(d, site),
        "day": long_date(d.filters.as_of or today),
        "past": long_date(d.filters.as_of) if d.filters.as_of else "",
        "files": [(f"{name}.csv", file_columns(table)) for name, table in tables.items()],
        "target_provenance": TARGET_PROVENANCE,
        "basis": "; ".join(progress.basis),
        "rules": [(status.label, _(rule)) for status, rule in STATUS_RULES],
        "on_track": int(ON_TRACK_RATIO * 100),
        "acceleration": int(ACCELERATION_RATIO * 100),
    }
    return render_to_string("exports/README.txt", context)


JSON_NAME = "pair.json"


def pair_zip(d: Dashboard, *, site: str, today: date) -> bytes:
    """figures.csv, targets.csv, statements.csv, chart.csv, pair.json, README.txt and
    CITATION.txt. Entries are dated by the data's day, so the same data gives the same bytes."""
    tables = {name: build(d, site) for name, build in PAIR_TABLES.items()}
    about = pair_about(d, site=site, today=today)
    # The download's own facts last: pair_json's as_of (None for today) must not hide its day.
    data = {**pair_json(d, site=site), **about, "chart": tables["chart"].records}
    files = {f"{name}.csv": table.csv_text() for name, table in tables.items()}
    files[JSON_NAME] = json.dumps(data, ensure_ascii=False, indent=2)
    files["README.txt"] = readme(d, tables, site=site, today=today)
    files["CITATION.txt"] = about["citation"] + "\n"
    day = d.filters.as_of or today
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            entry = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.external_attr = 0o644 << 16  # readable by everyone once unpacked (not 0600)
            archive.writestr(entry, text.encode(), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def overview_subject(country: str, status: str) -> str:
    subject = _("Trade between countries against their announced targets: tracked pairs")
    if country:
        subject += " " + _("with %(country)s") % {"country": country}
    if status:
        subject += " " + _("(status: %(status)s)") % {"status": _(status)}
    return subject


def country_subject(country: Country) -> str:
    return _("%(country)s's trade with its partners") % {"country": country.shown_name}
