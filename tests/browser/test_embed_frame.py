"""The embed in a real <iframe> on another site's page: Chromium draws it there, and refuses
to frame the dashboard itself. The other site is a second server, on 127.0.0.1 while the
live server is on localhost: another origin, and still a local one (Chromium refuses a
public page's frames from localhost, which a page faked by Playwright's routing would be)."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)


class Article(BaseHTTPRequestHandler):
    """Another site's article, framing each ?src= at ?size= (360x400)."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        width, height = query["size"][0].split("x")
        frames = "".join(
            f'<iframe src="{url}" width="{width}" height="{height}" title="Chart {n}"></iframe>'
            for n, url in enumerate(query["src"])
        )
        body = f"<!doctype html><title>News</title><h1>An article</h1>{frames}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def elsewhere() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Article)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()
    server.server_close()


def page_framing(browser: Browser, elsewhere: str, *urls: str, size: str = "360x400") -> Page:
    page = browser.new_page()
    page.goto(f"{elsewhere}?{urlencode({'src': urls, 'size': size}, doseq=True)}")
    page.wait_for_load_state("networkidle")
    return page


def test_another_site_shows_the_embedded_chart_in_a_small_frame(
    browser, live_server, seeded, elsewhere
):
    page = page_framing(browser, elsewhere, live_server.url + "/pairs/BLR-KGZ/embed/")
    frame = page.frame_locator("iframe")
    frame.locator(".main-svg").first.wait_for()
    assert "against the target" in frame.locator("h1").inner_text()
    assert "Source: TradeWatch" in frame.locator(".embed-source").inner_text()
    back = frame.get_by_role("link", name="Full dashboard")
    assert back.get_attribute("target") == "_blank"
    # 360 × 400: the whole embed fits, with no scrollbar either way.
    embed = next(f for f in page.frames if f.url.startswith(live_server.url))
    width, height = embed.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    page.close()
    assert width <= 360 and height <= 400


def test_another_site_cannot_frame_the_dashboard(browser, live_server, seeded, elsewhere):
    embed, dashboard = (
        live_server.url + path for path in ("/pairs/BLR-KGZ/embed/", "/pairs/BLR-KGZ/")
    )
    page = page_framing(browser, elsewhere, embed, dashboard)
    page.frame_locator("iframe").first.locator(".main-svg").first.wait_for()  # the embed: shown
    loaded = [frame.url for frame in page.frames[1:]]
    page.close()
    assert loaded[0] == embed
    assert loaded[1] != dashboard  # refused: Chromium shows its own error page instead
