from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from tradewatch.charts import target_chart
from tradewatch.queries import Filters, pair_dashboard, pair_or_404, pair_timeline, partners_of
from tradewatch.views.common import parse_filters, today


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_safe
@vary_on_headers("HX-Request", "HX-Target")
def pair_detail(request: HtmxHttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    dashboard = pair_dashboard(pair, filters or Filters(), as_of=today())
    context = {
        "d": dashboard,
        "form": form,
        "chart": target_chart(dashboard),
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
