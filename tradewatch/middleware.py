"""Failures we can foresee, answered as such: a database that does not answer is a friendly
503, a save that lost a race with another editor's is a 409 that says who won."""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from tradewatch.models import StaleEdit

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


class ForeseenFailuresMiddleware:
    """Database down: 503 with Retry-After; nothing needs a restart afterwards, as Django
    opens a new connection on the next request (CONN_HEALTH_CHECKS drops a broken one).
    StaleEdit: the last guard of optimistic locking (models.Versioned) — forms catch it first
    with the same message; this covers a race between a form's check and its save."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, StaleEdit):
            html = render_to_string("409.html", {"message": exception.message})
            return HttpResponse(html, status=409)
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable for %s: %s", request.path, exception)
        # The page uses no data, so it renders without the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
