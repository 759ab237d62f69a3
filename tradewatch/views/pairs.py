from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from tradewatch.cache import cached_response
from tradewatch.charts import chart_rows, chart_summary, target_chart
from tradewatch.forms import WhatIfForm
from tradewatch.models import Figure
from tradewatch.queries import (
    Filters,
    observed_pace,
    pair_dashboard,
    pair_or_404,
    pair_timeline,
    partners_of,
)
from tradewatch.views.common import parse_filters, today


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


FIGURES_PER_PAGE = 50
# Spreads and conflicts: the latest periods only, so the page does not grow with the data;
# the printable report and the JSON list every one.
PERIODS_SHOWN = 10
PARTIALS = ("dashboard-results", "what-if")  # the parts an htmx request may ask for


def latest_page(figures: Sequence[Figure], number: str | None) -> Page:
    """A page of the table: page 1 holds the newest figures, each page reads oldest first.
    The chart shows them all; the table need not render hundreds of quotes at once."""
    page = Paginator(list(reversed(figures)), FIGURES_PER_PAGE).get_page(number)
    page.object_list = list(reversed(page.object_list))
    return page


@require_safe
@vary_on_headers("HX-Request", "HX-Target")
@cached_response
def pair_detail(request: HtmxHttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    dashboard = pair_dashboard(pair, filters or Filters(), as_of=today())
    what_if = WhatIfForm(request.GET)
    valid_what_if = what_if.is_valid()
    rate = what_if.rate() if valid_what_if else None
    context = {
        "d": dashboard,
        "form": form,
        "what_if": what_if,
        "what_if_result": None
        if rate is None
        else observed_pace(dashboard.assessment.progress, rate),
        "chart": target_chart(dashboard),
        "chart_summary": chart_summary(dashboard),
        "chart_rows": chart_rows(dashboard),
        "figures": latest_page(dashboard.figures, form.cleaned_data.get("page") if filters else 1),
        "spreads": dashboard.spreads[-PERIODS_SHOWN:],
        "conflicts": dashboard.conflicts[-PERIODS_SHOWN:],
        "partners": partners_of(pair.first),  # the switch: the first country's partners
        "timeline": pair_timeline(pair),
    }
    template = "pairs/detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        # The filter form swaps only the results, so a half-typed year is never replaced;
        # the what-if form swaps only its answer.
        target = request.htmx.target
        template += "#" + (target if target in PARTIALS else "dashboard-panel")
    status = 400 if filters is None or not valid_what_if else 200
    return render(request, template, context, status=status)
