from functools import partial

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from tradewatch.queries import country_or_404
from tradewatch.summaries import as_rows, summaries_by_id, summary_order
from tradewatch.views.common import Body, cached_page, today


def country_body(request: HttpRequest, iso3: str) -> Body:
    country = country_or_404(iso3)
    ids = summary_order(as_of=today(), country=country.iso3)
    context = {"country": country, "rows": as_rows(summaries_by_id(ids), first=country.iso3)}
    html = render_to_string("countries/_detail.html", context, request)
    return html, f"{country.name}'s trade partners — TradeWatch", 200


@require_safe
def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    return cached_page(request, "country", partial(country_body, request, iso3), iso3.upper())
