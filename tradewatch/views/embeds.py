"""The chart outside the dashboard: an iframe page for other sites, and PNG/SVG images."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.charts import (
    IMAGE_HEIGHT,
    IMAGE_WIDTH,
    chart_summary,
    chart_title,
    embed_chart,
    image,
    image_chart,
    source_line,
)
from tradewatch.queries import pair_dashboard, pair_or_404
from tradewatch.views.common import bad_query, parse_filters, today

# Only the embed may sit in another site's frame; every other page keeps 'none'.
FRAMEABLE_ANYWHERE = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}
CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


# The CSP and X-Frame-Options decorators sit outside the cache: they mark the response the
# cache hands out, which is a new object on every hit.
@require_safe
@xframe_options_exempt
@csp_override(FRAMEABLE_ANYWHERE)
@cached_response
def pair_embed(request: HttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return render(request, "pairs/embed.html", {"pair": pair, "form": form}, status=400)
    dashboard = pair_dashboard(pair, filters, as_of=today())
    context = {
        "pair": pair,
        "d": dashboard,
        "title": chart_title(dashboard),
        "chart": embed_chart(dashboard),
        "chart_summary": chart_summary(dashboard),
        "source_lines": source_line(dashboard).split("<br>"),
        "day": filters.as_of or today(),
    }
    return render(request, "pairs/embed.html", context)


def chart_image(request: HttpRequest, a: str, b: str, format: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return bad_query(form, "text")
    spec = image_chart(pair_dashboard(pair, filters, as_of=today()), today=today())
    body = image(spec, format=format, width=IMAGE_WIDTH, height=IMAGE_HEIGHT)
    response = HttpResponse(body, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'inline; filename="tradewatch-{pair.slug}.{format}"'
    return response


@require_safe
@cached_response
def pair_chart_png(request: HttpRequest, a: str, b: str) -> HttpResponse:
    return chart_image(request, a, b, "png")


@require_safe
@cached_response
def pair_chart_svg(request: HttpRequest, a: str, b: str) -> HttpResponse:
    return chart_image(request, a, b, "svg")
