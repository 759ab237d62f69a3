from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.domain.progress import ACCELERATION_RATIO, ON_TRACK_RATIO, STATUS_RULES
from tradewatch.forms import SORTS, OverviewForm
from tradewatch.history import summaries_shown_on, with_facts_shown_on
from tradewatch.summaries import as_rows, summaries_by_id, summary_order
from tradewatch.views.common import today

ROWS_PER_PAGE = 50


@require_safe
@cached_response
def overview(request: HttpRequest) -> HttpResponse:
    as_of = today()
    form = OverviewForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data if valid else {}
    country, sort = query.get("country", ""), query.get("sort", "")
    past = query.get("as_of")
    chosen = {"country": country, "status": query.get("status", ""), "sort": sort}
    if past:
        order = summaries_shown_on(past, **chosen)
        page = Paginator(order, ROWS_PER_PAGE).get_page(query.get("page"))
        summaries = with_facts_shown_on(list(page.object_list), past)
    else:
        order = summary_order(as_of=as_of, **chosen)
        page = Paginator(order, ROWS_PER_PAGE).get_page(query.get("page"))
        summaries = summaries_by_id(page)
    context = {
        "page": page,
        "past": past,
        "rows": as_rows(summaries, first=country or settings.TRADEWATCH_HOME),
        "form": form,
        "as_of": as_of,
        "sorts": SORTS,
        "sort": sort,
    }
    return render(request, "overview.html", context, status=200 if valid else 400)


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    context = {
        # Translated here: {% translate var %} would look the rule up with its % doubled.
        "rules": [(status, gettext(rule)) for status, rule in STATUS_RULES],
        "on_track": int(ON_TRACK_RATIO * 100),
        "acceleration": int(ACCELERATION_RATIO * 100),
    }
    return render(request, "methodology.html", context)
