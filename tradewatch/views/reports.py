from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.forms import ReportForm
from tradewatch.queries import pair_dashboard, pair_or_404
from tradewatch.reports import report_context, report_pdf
from tradewatch.views.common import today


@require_safe
@cached_response
def pair_report(request: HttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "bad_query.html", {"form": form}, status=400)
    dashboard = pair_dashboard(pair, form.filters(), as_of=today())
    if form.cleaned_data["format"] == "pdf":
        response = HttpResponse(report_pdf(request, dashboard), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="tradewatch-{pair.slug}.pdf"'
        return response
    return render(request, "pairs/report.html", report_context(dashboard, inline_chart=False))
