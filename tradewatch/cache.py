"""Cached pages that are never stale.

Every write of published data changes the data version's token in the writer's own
transaction (signals in apps.py; bulk writers through summaries.refresh_pairs). Every cache
key starts with the token a request read first, so an edit is visible on the next request
from any app server sharing the database: the old entries are simply never asked for again
and expire. Keys also hold the date, because a status can change with the day.
"""

import gzip
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from uuid import uuid4

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

from tradewatch.models import DataVersion

VERSION_ROW = 1
TIMEOUT = 24 * 3600  # entries of old versions go on their own; Redis evicts earlier if full
REQUEST_ATTR = "_tradewatch_data_version"
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Vary")
MIN_GZIP_BYTES = 200  # as GZipMiddleware: below this, gzip saves nothing
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def bump_data_version() -> None:
    """A new token: everything cached before this write is no longer used."""
    changed = DataVersion.objects.filter(pk=VERSION_ROW).update(
        token=uuid4().hex, number=F("number") + 1, changed_at=timezone.now()
    )
    if not changed:
        current_token()


def data_changed(sender: type, **kwargs: object) -> None:
    """post_save / post_delete of any published model (a bulk load bumps once, at its end)."""
    from tradewatch.summaries import loading_in_bulk

    if not loading_in_bulk.get():
        bump_data_version()


def current_token() -> str:
    """The token now committed (created on first use, e.g. in a new database)."""
    token = DataVersion.objects.filter(pk=VERSION_ROW).values_list("token", flat=True).first()
    if token is None:
        try:
            with transaction.atomic():
                token = DataVersion.objects.create(pk=VERSION_ROW, token=uuid4().hex).token
        except IntegrityError:  # another process created it first
            token = DataVersion.objects.values_list("token", flat=True).get(pk=VERSION_ROW)
    return token


def request_token(request: HttpRequest) -> str:
    """Read once per request, before any data, so a response is never filed under a newer
    token than the data it was built from."""
    token = getattr(request, REQUEST_ATTR, None)
    if token is None:
        token = current_token()
        setattr(request, REQUEST_ATTR, token)
    return token


def response_key(request: HttpRequest) -> str:
    """What a public GET response depends on: data version, date, language, URL and the htmx
    headers the views choose a partial by. Parameters in any order are one entry."""
    query = sorted((k, tuple(v)) for k, v in request.GET.lists())
    htmx = [request.headers.get(header) for header in HTMX_HEADERS]
    # The site's own address too: exports and share snippets print absolute links.
    site = request.build_absolute_uri("/")
    parts = (timezone.localdate(), get_language(), site, request.path, query, htmx)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"tw:{request_token(request)}:{digest}"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # gzipped once when stored (unless tiny), so the cache moves a tenth
    gzipped: bool
    etag: str

    @classmethod
    def of(cls, response: HttpResponse, key: str) -> "StoredResponse":
        headers = tuple((h, response[h]) for h in KEPT_HEADERS if h in response)
        body = response.content
        gzipped = len(body) >= MIN_GZIP_BYTES
        if gzipped:
            body = compress_string(body)
        return cls(response.status_code, headers, body, gzipped, f'W/"{key.split(":", 1)[1]}"')

    def response(self, request: HttpRequest) -> HttpResponse:
        if self.etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        elif not self.gzipped:
            response = HttpResponse(self.body, status=self.status)
        elif ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            response = HttpResponse(self.body, status=self.status)
            response["Content-Encoding"] = "gzip"
        else:  # a client that takes no gzip (rare: curl without --compressed)
            response = HttpResponse(gzip.decompress(self.body), status=self.status)
        for header, value in self.headers:
            response[header] = value
        response["ETag"] = self.etag
        # Browsers keep the page but ask each time; an unchanged page costs a 304, no body.
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def cached_response(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public read-only view from the cache: the whole response for this data version,
    URL and date, gzipped once. Errors other than a 400 for a malformed query are not kept."""

    @wraps(view)
    def serve(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = response_key(request)
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.streaming or response.status_code not in (200, 400):
                return response
            stored = StoredResponse.of(response, key)
            cache.set(key, stored, TIMEOUT)
        return stored.response(request)

    return serve
