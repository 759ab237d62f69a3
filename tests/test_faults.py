"""With the database unreachable, pages answer a friendly 503 with Retry-After and /healthz
says so; when it is back the app serves again without a restart. Real PostgreSQL behind a
proxy the test cuts; a real gunicorn server."""

import os
import urllib.error
import urllib.request

import pytest

from tests.servers import PG, Proxy, fresh_database, gunicorn


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def server_behind_proxy():
    with fresh_database("tradewatch_faults") as name:
        proxy = Proxy()
        url = PG.replace(":5432/", f":{proxy.port}/") + name
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
        env.pop("REDIS_URL", None)
        try:
            with gunicorn(env) as (base,):
                yield base, proxy
        finally:
            proxy.close()


@pytest.mark.parametrize("path", ["/pairs/BLR-KGZ/", "/", "/api/pairs/BLR-KGZ/"])
def test_database_down_is_a_friendly_503_and_recovery_needs_no_restart(server_behind_proxy, path):
    base, proxy = server_behind_proxy
    assert fetch(base + path)[0] == 200

    proxy.cut()
    status, headers, body = fetch(base + path)
    assert status == 503 and headers["Retry-After"] == "30"
    assert "TradeWatch is back in a moment" in body and "Traceback" not in body
    health = fetch(base + "/healthz")
    assert health[0] == 503 and health[1]["Retry-After"] == "10"

    proxy.restore()
    status, _, body = fetch(base + path)
    assert status == 200
    assert fetch(base + "/healthz")[:1] == (200,)
