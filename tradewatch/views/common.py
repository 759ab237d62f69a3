from collections.abc import Callable
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from tradewatch.cache import cached
from tradewatch.forms import DashboardFilterForm
from tradewatch.queries import Filters


def today() -> date:
    return timezone.localdate()


def parse_filters(request: HttpRequest) -> tuple[DashboardFilterForm, Filters | None]:
    """The validated filters, or None when the query string is malformed."""
    form = DashboardFilterForm(request.GET)
    return form, form.filters() if form.is_valid() else None


Body = tuple[str, str, int]  # HTML of the page's main element, its title, the status


def cached_page(request: HttpRequest, name: str, build: Callable[[], Body], *parts) -> HttpResponse:
    """A page whose body is cached per data version (tradewatch/cache.py); the frame around it
    is rendered for each request, because it carries the request's CSP nonce."""
    body, title, status = cached(request, name, build, *parts)
    context = {"body": mark_safe(body), "title": title}  # our own rendering, cached
    return render(request, "page.html", context, status=status)
