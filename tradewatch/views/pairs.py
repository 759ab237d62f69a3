from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from tradewatch.cache import cached_response
from tradewatch.charts import target_chart
from tradewatch.models import Figure
from tradewatch.queries import Filters, pair_dashboard, pair_or_404, pair_timeline, partners_of
from tradewatch.views.common import parse_filters, today


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


FIGURES_PER_PAGE = 50


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
    context = {
        "d": dashboard,
        "form": form,
        "chart": target_chart(dashboard),
        "figures": latest_page(dashboard.figures, request.GET.get("page")),
        "partners": partners_of(pair.first),  # the switch: the first country's partners
        "timeline": pair_timeline(pair),
    }
    template = "pairs/detail.html"
    if request.htmx and not request.htmx.history_restore_request:
        # The filter form swaps only the results, so a half-typed year is never replaced.
        partial = (
            "dashboard-results" if request.htmx.target == "dashboard-results" else "dashboard-panel"
        )
        template += "#" + partial
    return render(request, template, context, status=400 if filters is None else 200)
