from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.queries import country_or_404
from tradewatch.summaries import as_rows, summaries_by_id, summary_order
from tradewatch.views.common import today


@require_safe
@cached_response
def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_or_404(iso3)
    ids = summary_order(as_of=today(), country=country.iso3)
    rows = as_rows(summaries_by_id(ids), first=country.iso3)
    return render(request, "countries/detail.html", {"country": country, "rows": rows})
