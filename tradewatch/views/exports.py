import csv
import io
import json
from functools import partial

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from tradewatch.cache import cached, query_parts
from tradewatch.exports import csv_rows, pair_json, spreadsheet_safe
from tradewatch.queries import pair_dashboard, pair_or_404
from tradewatch.views.common import parse_filters, today


def csv_body(request: HttpRequest, a: str, b: str) -> tuple[bytes, str, int]:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return "; ".join(m for e in form.errors.values() for m in e).encode(), pair.slug, 400
    out = io.StringIO()
    columns, rows = csv_rows(pair_dashboard(pair, filters, as_of=today()))
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return out.getvalue().encode(), pair.slug, 200


@require_safe
def pair_csv(request: HttpRequest, a: str, b: str) -> HttpResponse:
    build = partial(csv_body, request, a, b)
    body, slug, status = cached(request, "csv", build, a.upper(), b.upper(), query_parts(request))
    if status != 200:
        return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tradewatch-{slug}.csv"'
    return response


def api_body(request: HttpRequest, a: str, b: str) -> tuple[bytes, int]:
    pair = pair_or_404(a, b)
    form, filters = parse_filters(request)
    if filters is None:
        return json.dumps({"errors": form.errors.get_json_data()}).encode(), 400
    data = pair_json(pair_dashboard(pair, filters, as_of=today()))
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode(), 200


@require_safe
def pair_api(request: HttpRequest, a: str, b: str) -> HttpResponse:
    build = partial(api_body, request, a, b)
    body, status = cached(request, "api", build, a.upper(), b.upper(), query_parts(request))
    return HttpResponse(body, status=status, content_type="application/json")
