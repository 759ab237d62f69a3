"""Downloads of what the pages show: each table and the chart as CSV and JSON, a pair's ZIP,
and the older figures.csv and API. Each honours its page's filters and ?as_of=."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from tradewatch import downloads
from tradewatch.cache import cached_response
from tradewatch.exports import csv_rows, iso, pair_json, write_csv
from tradewatch.forms import OverviewForm, PastDayForm
from tradewatch.queries import country_or_404, pair_dashboard, pair_or_404
from tradewatch.summaries import as_rows, every_summary, first_statements
from tradewatch.tables import PAIR_TABLES, Table, envelope, pair_file_name, pairs_table
from tradewatch.views.common import api_json, bad_query, parse_filters, today


def site_of(request: HttpRequest) -> str:
    """'https://host': links in a download are absolute, so they work away from the site."""
    return request.build_absolute_uri("/").removesuffix("/")


def download(table: Table, fmt: str, name: str, about: dict) -> HttpResponse:
    if fmt == "json":
        response = api_json(envelope(table, **about))
        disposition = "inline"  # readable in the browser, saved under its name
    else:
        response = HttpResponse(table.csv_text(), content_type="text/csv; charset=utf-8")
        disposition = "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{fmt}"'
    return response


@require_safe
@cached_response
def pair_csv(request: HttpRequest, a: str, b: str) -> HttpResponse:
    """The first export: figures, then target statements, in one file (kept for its users)."""
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return bad_query(form, "csv")
    dashboard = pair_dashboard(pair, filters, as_of=today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = pair_file_name(pair, filters, "figures", today())
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    write_csv(response, *csv_rows(dashboard, site=site_of(request)))
    return response


@require_safe
@cached_response
def pair_api(request: HttpRequest, a: str, b: str) -> JsonResponse:
    """JSON, errors included: a client of the API never has to parse an HTML page."""
    try:
        pair = pair_or_404(a, b)
    except Http404 as missing:
        return api_json({"error": str(missing)}, status=404)
    form, filters = parse_filters(request)
    if filters is None:
        return api_json({"errors": form.errors.get_json_data()}, status=400)
    dashboard = pair_dashboard(pair, filters, as_of=today())
    return api_json(pair_json(dashboard, site=site_of(request)))


@require_safe
@cached_response
def pair_table(request: HttpRequest, a: str, b: str, table: str, fmt: str) -> HttpResponse:
    """One table of the dashboard (figures, targets, statements) or its chart's series."""
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return bad_query(form, fmt)
    dashboard = pair_dashboard(pair, filters, as_of=today())
    site = site_of(request)
    about = downloads.pair_about(dashboard, site=site, today=today())
    name = pair_file_name(pair, filters, table, today())
    return download(PAIR_TABLES[table](dashboard, site), fmt, name, about)


@require_safe
@cached_response
def pair_zip(request: HttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return bad_query(form, "zip")
    dashboard = pair_dashboard(pair, filters, as_of=today())
    body = downloads.pair_zip(dashboard, site=site_of(request), today=today())
    response = HttpResponse(body, content_type="application/zip")
    name = pair_file_name(pair, filters, "tables", today())
    response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
    return response


@require_safe
@cached_response
def overview_table(request: HttpRequest, fmt: str) -> HttpResponse:
    """The overview's table: every pair its filters select (all pages), in its sort order."""
    form = OverviewForm(request.GET)
    if not form.is_valid():
        return bad_query(form, fmt)
    query = form.cleaned_data
    past, chosen = query["as_of"], {k: query[k] for k in ("country", "status", "sort")}
    summaries = every_summary(as_of=today(), past=past, **chosen)
    rows = as_rows(summaries, first=chosen["country"] or settings.TRADEWATCH_HOME)
    site, filters = site_of(request), {**chosen, "as_of": iso(past)}
    table = pairs_table("pairs", rows, first_statements([s.target for s in summaries], past), site)
    subject = downloads.overview_subject(chosen["country"], chosen["status"])
    page = downloads.page_url(site + reverse("overview"), filters)
    about = downloads.pages_about(subject, page, filters, past=past, today=today())
    return download(table, fmt, f"tradewatch-pairs-{past or today()}", about)


@require_safe
@cached_response
def country_table(request: HttpRequest, iso3: str, fmt: str) -> HttpResponse:
    """A country page's table of partners, that country's side first."""
    country = country_or_404(iso3)
    form = PastDayForm(request.GET)
    if not form.is_valid():
        return bad_query(form, fmt)
    past = form.cleaned_data["as_of"]
    summaries = every_summary(as_of=today(), past=past, country=country.iso3)
    firsts = first_statements([s.target for s in summaries], past)
    site, filters = site_of(request), {"as_of": iso(past)}
    rows = as_rows(summaries, first=country.iso3)
    table = pairs_table("partners", rows, firsts, site)
    page = downloads.page_url(site + country.get_absolute_url(), filters)
    subject = downloads.country_subject(country)
    about = downloads.pages_about(subject, page, filters, past=past, today=today())
    return download(table, fmt, f"tradewatch-{country.iso3}-partners-{past or today()}", about)
