"""The printable partner report: one template for the browser print view and the PDF."""

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from tradewatch.charts import svg, target_chart
from tradewatch.queries import Dashboard

REPORT_CHART_WIDTH = 720  # px: the A4 page's text width


def report_context(dashboard: Dashboard, *, inline_chart: bool) -> dict:
    """inline_chart: embed the chart as server-made SVG (PDF) instead of drawing it with JS."""
    spec = target_chart(dashboard, width=REPORT_CHART_WIDTH)
    context = {"d": dashboard, "chart": spec, "pdf": inline_chart}
    if inline_chart:
        # The layout's own height: it has room for the legend's rows and the source line.
        svg_text = svg(spec, width=REPORT_CHART_WIDTH, height=spec["layout"]["height"])
        context["chart_svg"] = mark_safe(svg_text)  # noqa: S308 (our SVG)
    return context


def report_pdf(request: HttpRequest, dashboard: Dashboard) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    from tradewatch.static_fetcher import StaticFileFetcher

    html = render_to_string(
        "pairs/report.html", report_context(dashboard, inline_chart=True), request=request
    )
    # Stylesheets come from our static files on disk, not over the network from our own site.
    fetcher = StaticFileFetcher(static_url=request.build_absolute_uri(settings.STATIC_URL))
    base_url = request.build_absolute_uri("/")
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
