"""Cached pages that are never stale.

Every write of published data changes the data version's token in the writer's own
transaction (signals in apps.py; bulk writers through summaries.refresh_pairs). Every cache
key starts with the token a request read first, so an edit is visible on the next request
from any app server sharing the database: the old entries are simply never asked for again
and expire. Keys also hold the date, because a status can change with the day.

A pair's pages (dashboard, report, exports, embed, changes) and a country's page depend on
far less than everything, so they are keyed by scoped tokens instead (PageVersion): the pair's
own, the first country's (its partner switch), and "all". A write replaces the tokens of the
pairs it touches and of both their countries; a change no scope describes (a country renamed,
a restore) replaces "all". An edit of one pair leaves the other pairs' pages cached.
"""

import gzip
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from uuid import uuid4

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language

from tradewatch.models import (
    DataVersion,
    Event,
    Figure,
    PageVersion,
    Paired,
    Source,
    TargetStatement,
)

VERSION_ROW = 1
EVERYTHING = "all"  # the scope every scoped key holds: replaced when no narrower scope fits
MAX_SCOPES = 1000  # a write touching more scopes than this replaces "all" instead
TIMEOUT = 24 * 3600  # entries of old versions go on their own; Redis evicts earlier if full
REQUEST_ATTR = "_tradewatch_data_version"
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Vary")
MIN_GZIP_BYTES = 200  # as GZipMiddleware: below this, gzip saves nothing
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def bump_data_version(scopes: Iterable[str] | None = None) -> None:
    """A new token: everything cached before this write is no longer used — or, given the
    scopes the write touched (pair_scopes), only the scoped pages of those."""
    token = uuid4().hex
    changed = DataVersion.objects.filter(pk=VERSION_ROW).update(
        token=token, number=F("number") + 1, changed_at=timezone.now()
    )
    if not changed:
        current_token()
    # After the DataVersion row: writers queue on it, so they never lock these in turn.
    scopes = sorted(set(scopes)) if scopes is not None else [EVERYTHING]
    if len(scopes) > MAX_SCOPES:  # a bulk load: cheaper to start everything afresh
        scopes = [EVERYTHING]
    if scopes:
        PageVersion.objects.bulk_create(
            [PageVersion(scope=s, token=token) for s in scopes], ignore_conflicts=True
        )
        PageVersion.objects.filter(scope__in=scopes).update(token=token)


def pair_scope(a: str, b: str) -> str:
    """One pair's pages, in either order of the pair."""
    return "pair:" + "-".join(sorted((a.upper(), b.upper())))


def country_scope(iso3: str) -> str:
    """One country's page (it lists its pairs with their values)."""
    return f"country:{iso3.upper()}"


def partners_scope(iso3: str) -> str:
    """The partner switch of every dashboard that names this country first."""
    return f"partners:{iso3.upper()}"


def pair_scopes(pairs: Iterable[tuple[str, str]], *, partners: bool = True) -> set[str]:
    """What a write to these pairs changes: their pages and their countries' pages; and,
    when the write may make two countries partners or end it (`partners`), the partner
    switch of the dashboards naming either first. A value edit leaves those cached."""
    scopes = set()
    for a, b in pairs:
        scopes |= {pair_scope(a, b), country_scope(a), country_scope(b)}
        if partners:
            scopes |= {partners_scope(a), partners_scope(b)}
    return scopes


def data_changed(sender: type, instance: object, **kwargs) -> None:
    """post_save / post_delete of a published model that has no summary to refresh (facts'
    writes replace the tokens through summaries.refresh_pairs; a bulk load bumps once, at
    its end)."""
    from tradewatch.summaries import loading_in_bulk

    if not loading_in_bulk.get():
        bump_data_version(scopes_touched(instance))


def scopes_touched(instance: object) -> set[str] | None:
    """The scopes a write of this instance changes; None (all pages) for what no scope
    describes, such as a country's name, which every page may show."""
    from tradewatch.summaries import pairs_of

    # Events and documents are not what makes countries partners (queries.partners_of).
    if isinstance(instance, Paired | TargetStatement):
        return pair_scopes(pairs_of(instance), partners=False)
    if isinstance(instance, Source):
        return pair_scopes(pairs_citing(instance), partners=False)
    return None


def pairs_citing(source: Source) -> set[tuple[str, str]]:
    """The pairs whose pages show this document (its title, publisher, date, address)."""
    pairs = set(Figure.objects.filter(source=source).values_list("country_a", "country_b"))
    pairs |= set(Event.objects.filter(source=source).values_list("country_a", "country_b"))
    statements = TargetStatement.objects.filter(source=source)
    return pairs | set(statements.values_list("target__country_a", "target__country_b"))


def current_token() -> str:
    """The token now committed (created on first use, e.g. in a new database)."""
    token = stored_tokens(DataVersion, [VERSION_ROW]).get(VERSION_ROW)
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


def scoped_tokens(request: HttpRequest, scopes: list[str]) -> str:
    """The tokens of these scopes and of "all", in one query; read once per request, before
    any data, like request_token. A scope never written since "all" was made has none."""
    attr = f"{REQUEST_ATTR}:{','.join(scopes)}"
    tokens = getattr(request, attr, None)
    if tokens is None:
        stored = stored_tokens(PageVersion, [EVERYTHING, *scopes])
        if EVERYTHING not in stored:  # a new (or emptied) database: a new "all"
            bump_data_version()
            return scoped_tokens(request, scopes)
        tokens = ".".join(stored.get(s, "-") for s in [EVERYTHING, *scopes])
        setattr(request, attr, tokens)
    return tokens


def stored_tokens(model: type[DataVersion | PageVersion], keys: list) -> dict:
    """The stored tokens of these rows (primary keys). Plain SQL: this is every cached page's
    one query, and building it through the ORM cost as much as the database round trip."""
    table = connection.ops.quote_name(model._meta.db_table)
    key = connection.ops.quote_name(model._meta.pk.column)
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, token FROM {table} WHERE {key} IN ({marks})", keys)
        return dict(cursor.fetchall())


def page_scopes(kwargs: dict) -> list[str] | None:
    """The scopes a page's URL names: a pair's pages (and the partner switch of its first
    country), a country's page; None for pages about everything (the overview)."""
    if "a" in kwargs and "b" in kwargs:
        return [pair_scope(kwargs["a"], kwargs["b"]), partners_scope(kwargs["a"])]
    if "iso3" in kwargs:
        return [country_scope(kwargs["iso3"])]
    return None


def response_key(request: HttpRequest, scopes: list[str] | None = None) -> str:
    """What a public GET response depends on: data version (or the page's scoped tokens),
    date, language, URL and the htmx headers the views choose a partial by. Parameters in any
    order are one entry."""
    query = sorted((k, tuple(v)) for k, v in request.GET.lists())
    htmx = [request.headers.get(header) for header in HTMX_HEADERS]
    # The site's own address too: exports and share snippets print absolute links.
    site = request.build_absolute_uri("/")
    parts = (timezone.localdate(), get_language(), site, request.path, query, htmx)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    version = request_token(request) if scopes is None else scoped_tokens(request, scopes)
    return f"tw:{version}:{digest}"


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
        etag = hashlib.sha256(key.encode()).hexdigest()[:32]
        return cls(response.status_code, headers, body, gzipped, f'W/"{etag}"')

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
    """Serve a public read-only view from the cache: the whole response for this data version
    (or the scoped tokens of a pair's or country's page), URL and date, gzipped once. Errors
    other than a 400 for a malformed query are not kept."""

    @wraps(view)
    def serve(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = response_key(request, page_scopes(kwargs))
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.streaming or response.status_code not in (200, 400):
                return response
            stored = StoredResponse.of(response, key)
            cache.set(key, stored, TIMEOUT)
        return stored.response(request)

    return serve
