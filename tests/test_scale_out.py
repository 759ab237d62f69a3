"""Two app servers over one PostgreSQL and one Redis, as the README's Deploy section sets
them up: an edit saved through one is on the very next page the other serves."""

import os
import re
import urllib.parse
import uuid
from collections.abc import Iterator
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

from tests.conftest import require
from tests.servers import PG, answers, fresh_database, gunicorn, manage

REDIS_URL = "redis://127.0.0.1:6379/0"
PASSWORD = "two-servers-password-1"


@pytest.fixture
def shared_env() -> Iterator[dict]:
    require(answers("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    with fresh_database("tradewatch_two_servers") as name:
        env = {
            **os.environ,
            "DATABASE_URL": PG + name,
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}",
            "DJANGO_DEBUG": "1",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        }
        manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@x.org")
        yield env


@pytest.fixture
def two_servers(shared_env: dict) -> Iterator[list[str]]:
    with gunicorn(shared_env, count=2) as bases:
        yield bases


class FormFields(HTMLParser):
    """The values a browser would submit from the admin's change form."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def test_an_edit_through_one_server_is_read_from_the_other_at_once(two_servers, shared_env):
    import redis

    one, two = two_servers
    browser = build_opener(HTTPCookieProcessor(CookieJar()))

    def get(url: str) -> str:
        with browser.open(url, timeout=30) as response:
            return response.read().decode()

    def post(url: str, data: dict) -> str:
        body = urllib.parse.urlencode(data).encode()
        with browser.open(Request(url, body, headers={"Referer": url}), timeout=30) as response:
            return response.read().decode()

    # Both servers have served (and cached) the page before the edit.
    for server in (one, two, two):
        assert "$160.2M" in get(server + "/pairs/BLR-KGZ/")
    store = redis.Redis.from_url(REDIS_URL)
    assert store.keys(shared_env["CACHE_KEY_PREFIX"] + "*"), "nothing was cached in Redis"

    login = get(one + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    post(
        one + "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": "editor", "password": PASSWORD},
    )
    changelist = get(one + "/admin/tradewatch/figure/?derived__exact=0&q=160.2+million+in+2022")
    ids = re.findall(r"/admin/tradewatch/figure/(\d+)/change/", changelist)
    assert len(set(ids)) == 1, ids
    change_url = f"{one}/admin/tradewatch/figure/{ids[0]}/change/"
    form = FormFields()
    form.feed(get(change_url))
    assert form.fields["value_usd"] == "160200000.00"
    form.fields["value_usd"] = "171300000"
    post(change_url, form.fields)

    page = get(two + "/pairs/BLR-KGZ/")  # the very next request, on the other server
    assert "$171.3M" in page and "$160.2M" not in page
    store.delete(*store.keys(shared_env["CACHE_KEY_PREFIX"] + "*"))
