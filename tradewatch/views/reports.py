from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.queries import Filters, partner_dashboard, partner_or_404
from tradewatch.reports import report_context, report_pdf
from tradewatch.views.common import parse_filters, today


@require_safe
def partner_report(request: HttpRequest, iso3: str) -> HttpResponse:
    partner = partner_or_404(iso3)
    _, filters = parse_filters(request)
    dashboard = partner_dashboard(partner, filters or Filters(), as_of=today())
    if request.GET.get("format") == "pdf":
        response = HttpResponse(report_pdf(request, dashboard), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="tradewatch-{partner.iso3}.pdf"'
        return response
    return render(request, "partners/report.html", report_context(dashboard, inline_chart=False))
