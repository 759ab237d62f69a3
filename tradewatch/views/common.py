from datetime import date

from django.forms import Form
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from tradewatch.forms import DashboardFilterForm
from tradewatch.queries import Filters


def today() -> date:
    return timezone.localdate()


def parse_filters(request: HttpRequest) -> tuple[DashboardFilterForm, Filters | None]:
    """The validated filters, or None when the query string is malformed."""
    form = DashboardFilterForm(request.GET)
    return form, form.filters() if form.is_valid() else None


def api_json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def bad_query(form: Form, fmt: str) -> HttpResponse:
    """400 with the form's messages: JSON for a JSON client, plain text otherwise."""
    if fmt == "json":
        return api_json({"errors": form.errors.get_json_data()}, status=400)
    messages = "; ".join(m for errors in form.errors.values() for m in errors)
    return HttpResponse(messages, status=400, content_type="text/plain; charset=utf-8")
