from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.forms import PastDayForm
from tradewatch.history import summaries_shown_on, with_facts_shown_on
from tradewatch.queries import country_or_404
from tradewatch.summaries import as_rows, summaries_by_id, summary_order
from tradewatch.views.common import today


@require_safe
@cached_response
def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_or_404(iso3)
    form = PastDayForm(request.GET)
    if not form.is_valid():
        return render(request, "bad_query.html", {"form": form}, status=400)
    past = form.cleaned_data["as_of"]
    if past:
        summaries = with_facts_shown_on(list(summaries_shown_on(past, country=iso3.upper())), past)
    else:
        summaries = summaries_by_id(summary_order(as_of=today(), country=country.iso3))
    context = {"country": country, "past": past, "rows": as_rows(summaries, first=country.iso3)}
    return render(request, "countries/detail.html", context)
