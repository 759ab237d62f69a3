from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from tradewatch.forms import DashboardFilterForm
from tradewatch.queries import Filters


def today() -> date:
    return timezone.localdate()


def parse_filters(request: HttpRequest) -> tuple[DashboardFilterForm, Filters | None]:
    """The validated filters, or None when the query string is malformed."""
    form = DashboardFilterForm(request.GET)
    return form, form.filters() if form.is_valid() else None
