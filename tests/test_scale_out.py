"""Two app servers over one PostgreSQL and one Redis, as the README's Deploy section sets
them up: an edit saved through one is on the very next page the other serves."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = "postgres://postgres@127.0.0.1:5432/"
REDIS_URL = "redis://127.0.0.1:6379/0"
PASSWORD = "two-servers-password-1"


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


@pytest.fixture
def shared_env() -> Iterator[dict]:
    require(answers("127.0.0.1", 5432), "PostgreSQL is not running on 127.0.0.1:5432")
    require(answers("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    name = f"tradewatch_two_servers_{os.getpid()}"
    admin_db = {**os.environ, "DATABASE_URL": PG + "postgres"}
    drop = f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    run_sql = (
        "import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).execute(sys.argv[2])"
    )
    psql = [BIN / "python", "-c", run_sql]
    subprocess.run([*psql, PG + "postgres", drop], check=True, env=admin_db)
    subprocess.run([*psql, PG + "postgres", f"CREATE DATABASE {name}"], check=True, env=admin_db)
    env = {
        **os.environ,
        "DATABASE_URL": PG + name,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex}",
        "DJANGO_DEBUG": "1",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_seed")
        manage(env, "createsuperuser", "--noinput", "--username", "editor", "--email", "e@x.org")
        yield env
    finally:
        subprocess.run([*psql, PG + "postgres", drop], check=False, env=admin_db)


@pytest.fixture
def two_servers(shared_env: dict) -> Iterator[tuple[str, str]]:
    ports = free_port(), free_port()
    servers = [
        subprocess.Popen(
            [
                BIN / "gunicorn",
                "tradewatch.wsgi",
                "-w",
                "1",
                "-k",
                "gthread",
                "--threads",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=shared_env,
        )  # fmt: skip
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 30
        while not all(answers("127.0.0.1", p) for p in ports):
            assert time.monotonic() < deadline, "app servers did not start"
            assert all(s.poll() is None for s in servers), "an app server exited"
            time.sleep(0.2)
        yield tuple(f"http://127.0.0.1:{p}" for p in ports)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


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
