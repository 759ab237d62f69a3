from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from tradewatch.cache import cached
from tradewatch.forms import ReportForm
from tradewatch.queries import Filters, pair_dashboard, pair_or_404
from tradewatch.reports import report_context, report_pdf
from tradewatch.views.common import today


def report_body(request: HttpRequest, a: str, b: str, filters: Filters, pdf: bool) -> bytes:
    dashboard = pair_dashboard(pair_or_404(a, b), filters, as_of=today())
    if pdf:
        return report_pdf(request, dashboard)
    context = report_context(dashboard, inline_chart=False)
    return render_to_string("pairs/report.html", context, request).encode()


@require_safe
def pair_report(request: HttpRequest, a: str, b: str) -> HttpResponse:
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "bad_query.html", {"form": form}, status=400)
    pdf = form.cleaned_data["format"] == "pdf"
    build = partial(report_body, request, a, b, form.filters(), pdf)
    # Keyed by the validated filters, so equivalent query strings share one entry.
    key = (a.upper(), b.upper(), form.filters(), pdf)
    body = cached(request, "report", build, *key)
    if not pdf:
        return HttpResponse(body)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tradewatch-{a.upper()}-{b.upper()}.pdf"'
    return response
