import csv

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.exports import csv_rows, pair_json, spreadsheet_safe
from tradewatch.queries import pair_dashboard, pair_or_404
from tradewatch.views.common import parse_filters, today


def api_json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@require_safe
@cached_response
def pair_csv(request: HttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return HttpResponse(
            "; ".join(m for e in form.errors.values() for m in e),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    dashboard = pair_dashboard(pair, filters, as_of=today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tradewatch-{pair.slug}.csv"'
    columns, rows = csv_rows(dashboard)
    writer = csv.DictWriter(response, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return response


@require_safe
@cached_response
def pair_api(request: HttpRequest, a: str, b: str) -> JsonResponse:
    """JSON, errors included: a client of the API never has to parse an HTML page."""
    try:
        pair = pair_or_404(a, b)
    except Http404 as missing:
        return api_json({"error": str(missing)}, status=404)
    form, filters = parse_filters(request)
    if filters is None:
        return api_json({"errors": form.errors.get_json_data()}, status=400)
    return api_json(pair_json(pair_dashboard(pair, filters, as_of=today())))
