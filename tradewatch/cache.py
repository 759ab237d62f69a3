"""Cached page fragments that are never stale.

Every write of published data changes the data version's token in the writer's own
transaction (signals in apps.py; bulk writers through summaries.refresh_pairs). Every cache
key starts with the token a request read first, so an edit is visible on the next request
from any app server sharing the database: the old entries are simply never asked for again
and expire. Keys also hold the date, because a status can change with the day.
"""

import hashlib
from collections.abc import Callable
from uuid import uuid4

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from tradewatch.models import DataVersion

VERSION_ROW = 1
TIMEOUT = 24 * 3600  # entries of old versions go on their own; Redis evicts earlier if full
REQUEST_ATTR = "_tradewatch_data_version"


def bump_data_version() -> None:
    """A new token: everything cached before this write is no longer used."""
    changed = DataVersion.objects.filter(pk=VERSION_ROW).update(
        token=uuid4().hex, number=F("number") + 1, changed_at=timezone.now()
    )
    if not changed:
        current_token()


def data_changed(sender: type, **kwargs: object) -> None:
    """post_save / post_delete of any published model."""
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
    """Read once per request, before any data, so a fragment is never filed under a newer
    token than the data it was built from."""
    token = getattr(request, REQUEST_ATTR, None)
    if token is None:
        token = current_token()
        setattr(request, REQUEST_ATTR, token)
    return token


def fragment_key(request: HttpRequest, name: str, *parts: object) -> str:
    digest = hashlib.sha256(repr((timezone.localdate(), parts)).encode()).hexdigest()[:32]
    return f"tw:{request_token(request)}:{name}:{digest}"


def cached[T](request: HttpRequest, name: str, build: Callable[[], T], *parts: object) -> T:
    """`build()`'s result for this data version, date and `parts`, computed at most once."""
    key = fragment_key(request, name, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def query_parts(request: HttpRequest) -> tuple:
    """The query string as a key part: order of parameters does not matter."""
    return tuple(sorted((k, tuple(v)) for k, v in request.GET.lists()))
