"""The "CSV · JSON" links beside each table and chart, and the dashboard's citation.

The links carry the filters the page was drawn with (validated, the page number left out:
an export holds every page), so a filter a page could not use never breaks its download.
"""

from datetime import date

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tradewatch.downloads import page_url, pair_citation
from tradewatch.exports import iso
from tradewatch.forms import OverviewForm
from tradewatch.models import Country
from tradewatch.queries import Dashboard
from tradewatch.tables import dashboard_query

register = template.Library()

FORMATS = ("csv", "json")
LABELS = {
    "figures": gettext_lazy("Reported figures"),
    "targets": gettext_lazy("Targets"),
    "statements": gettext_lazy("Target statements"),
    "chart": gettext_lazy("The chart's values"),
    "pairs": gettext_lazy("Pairs"),
    "partners": gettext_lazy("Partners"),
}


def links(table: str, urls: list[str]) -> dict:
    return {"label": LABELS[table], "links": list(zip(FORMATS, urls, strict=True))}


@register.inclusion_tag("includes/_export_links.html")
def pair_table_links(d: Dashboard, table: str) -> dict:
    query = dashboard_query(d.filters)
    pair = (d.pair.first.iso3, d.pair.second.iso3)
    urls = [reverse("pair-table", args=[*pair, table, fmt]) for fmt in FORMATS]
    return links(table, [f"{url}?{query}" if query else url for url in urls])


@register.inclusion_tag("includes/_export_links.html")
def overview_table_links(form: OverviewForm) -> dict:
    """The overview shows every pair when its query is malformed: so does the link."""
    chosen = form.cleaned_data if form.is_valid() else {}
    filters = {k: chosen.get(k) for k in ("country", "status", "sort")}
    filters["as_of"] = iso(chosen.get("as_of"))
    return links("pairs", [page_url(reverse("overview-table", args=[f]), filters) for f in FORMATS])


@register.inclusion_tag("includes/_export_links.html")
def country_table_links(country: Country, past: date | None) -> dict:
    urls = [reverse("country-table", args=[country.iso3, fmt]) for fmt in FORMATS]
    return links("partners", [page_url(url, {"as_of": iso(past)}) for url in urls])


@register.simple_tag(takes_context=True)
def citation(context: template.Context, d: Dashboard) -> str:
    site = context["request"].build_absolute_uri("/").removesuffix("/")
    return pair_citation(d, site=site, today=timezone.localdate())


@register.simple_tag
def pair_zip_url(d: Dashboard) -> str:
    url = reverse("pair-zip", args=[d.pair.first.iso3, d.pair.second.iso3])
    query = dashboard_query(d.filters)
    return f"{url}?{query}" if query else url
