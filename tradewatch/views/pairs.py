from collections.abc import Sequence
from functools import partial

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from tradewatch.cache import cached, query_parts
from tradewatch.charts import target_chart
from tradewatch.models import Figure
from tradewatch.queries import Filters, pair_dashboard, pair_or_404, pair_timeline, partners_of
from tradewatch.views.common import Body, cached_page, parse_filters, today


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


FIGURES_PER_PAGE = 100


def latest_page(figures: Sequence[Figure], number: str | None) -> Page:
    """A page of the table: page 1 holds the newest figures, each page reads oldest first.
    The chart shows them all; the table need not render hundreds of quotes at once."""
    page = Paginator(list(reversed(figures)), FIGURES_PER_PAGE).get_page(number)
    page.object_list = list(reversed(page.object_list))
    return page


def dashboard_panel(request: HtmxHttpRequest, a: str, b: str, part: str) -> Body:
    """The dashboard's body (or the part an htmx request swaps), its title and status."""
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
    html = render_to_string(f"pairs/_panel.html#{part}", context, request)
    return html, f"{pair.name} trade — TradeWatch", 400 if filters is None else 200


@require_safe
@vary_on_headers("HX-Request", "HX-Target")
def pair_detail(request: HtmxHttpRequest, a: str, b: str) -> HttpResponse:
    part = "dashboard-panel"
    htmx = request.htmx and not request.htmx.history_restore_request
    if htmx and request.htmx.target == "dashboard-results":
        part = "dashboard-results"  # the filter form swaps only the results
    build = partial(dashboard_panel, request, a, b, part)
    parts = a.upper(), b.upper(), bool(htmx), part, query_parts(request)
    if not htmx:
        return cached_page(request, "pair", build, *parts)
    html, _, status = cached(request, "pair", build, *parts)
    return HttpResponse(html, status=status)
