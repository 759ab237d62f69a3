from axes.helpers import get_client_ip_address
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from tradewatch.corrections import (
    RATE_LIMIT,
    RATE_WINDOW,
    local_path,
    record_correction,
    sender_of,
    take_slot,
)
from tradewatch.forms import CorrectionForm
from tradewatch.models import Correction
from tradewatch.queries import pair_or_404, published_fact_or_404
from tradewatch.views.pairs import HtmxHttpRequest

FORM, THANKS, TOO_MANY = "form", "thanks", "too-many"


def send(request: HttpRequest, form: CorrectionForm) -> tuple[str, int]:
    """What a POST comes to: the form with its errors, the thank-you, or the rate limit."""
    if not form.is_valid():
        return FORM, 400
    if form.is_robot:
        return THANKS, 200  # a robot learns nothing from the answer
    sender = sender_of(get_client_ip_address(request))
    if not take_slot(sender):
        return TOO_MANY, 429
    record_correction(form, sender=sender)
    return THANKS, 200


# Not cached_response: the form holds this reader's CSRF token. never_cache keeps the token
# out of shared caches too.
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@vary_on_headers("HX-Request")
def correction(request: HtmxHttpRequest, a: str, b: str, kind: str, pk: int) -> HttpResponse:
    pair = pair_or_404(a, b)
    fact = published_fact_or_404(pair, kind, pk)
    dashboard = reverse("pair-detail", args=[pair.first.iso3, pair.second.iso3])
    sent_from = request.headers.get("HX-Current-URL") or request.headers.get("Referer")
    form = CorrectionForm(
        request.POST if request.method == "POST" else None,
        instance=Correction(**{kind: fact}),
        initial={"page": local_path(sent_from, request.get_host()) or dashboard},
        default_page=dashboard,
        auto_id=f"correction-{kind}-{pk}-%s",  # several may be open on one page
    )
    state, status = send(request, form) if request.method == "POST" else (FORM, 200)
    inline = bool(request.htmx)  # in the dashboard, under the fact, or a page of its own
    context = {"pair": pair, "fact": fact, "kind": kind, "form": form, "state": state}
    context |= {"inline": inline, "heading": "h3" if inline else "h2", "limit": RATE_LIMIT}
    context |= {"dashboard": dashboard, "panel_id": f"correction-{kind}-{pk}"}
    context["in_row"] = inline and kind == "figure"  # the figures are a table
    template = "corrections/form.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#correction-panel"
    response = render(request, template, context, status=status)
    if status == 429:
        response["Retry-After"] = str(RATE_WINDOW)
    return response
