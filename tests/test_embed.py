"""/pairs/<A>-<B>/embed/: the chart alone, for an iframe on another site, and the dashboard's
Share block that hands out its code."""

import html
import json
import re

import pytest

pytestmark = pytest.mark.django_db
EMBED = "/pairs/BLR-KGZ/embed/"


def chart_spec(content: bytes) -> dict:
    found = re.search(rb'<script id="chart-embed" type="application/json">(.*?)</script>', content)
    assert found, "no chart data on the page"
    return json.loads(found.group(1))


def test_embed_shows_the_chart_its_summary_source_line_and_a_link_back(client, seed):
    response = client.get(EMBED)
    assert response.status_code == 200
    page = response.content.decode()
    values = [y for trace in chart_spec(response.content)["data"] for y in trace["y"]]
    assert 160.2 in values and 500.0 in values  # Kyrgyzstan's 2022 figure and the target
    assert "<h1>Belarus–Kyrgyzstan: turnover against the target</h1>" in page
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page, re.S).group(1)
    assert "$160.2M" in caption and "2030" in caption and "on track" in caption
    assert "Source: TradeWatch · Belarus–Kyrgyzstan turnover, USD million" in page
    assert re.search(r'href="/pairs/BLR-KGZ/\??" target="_blank" rel="noopener"', page)
    assert "site-header" not in page  # the chart alone, not the site around it


def test_embed_may_be_framed_by_any_site_while_the_dashboard_may_not(client, seed):
    for _ in range(2):  # the second answer comes from the cache and must say the same
        embed = client.get(EMBED)
        dashboard = client.get("/pairs/BLR-KGZ/")
        assert "frame-ancestors *" in embed["Content-Security-Policy"]
        assert "X-Frame-Options" not in embed
        assert "script-src 'self'" in embed["Content-Security-Policy"]  # otherwise as strict
        assert "frame-ancestors 'none'" in dashboard["Content-Security-Policy"]
        assert dashboard["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", ["/pairs/BLR-KGZ/chart.svg?from=abc", "/pairs/BLR-KGZ/report/"])
def test_other_pages_stay_unframeable(client, seed, url):
    response = client.get(url)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_embed_takes_the_dashboards_filters(client, seed):
    page = client.get(EMBED + "?flow=exports&from=2020").content.decode()
    assert "exports of Belarus to Kyrgyzstan against the target" in page
    assert 'href="/pairs/BLR-KGZ/?flow=exports&amp;from=2020" target="_blank"' in page


def test_a_past_view_embed_is_dated_by_the_day_it_shows(client, seed):
    page = client.get(EMBED + "?as_of=2025-06-30").content.decode()
    assert "TradeWatch · as shown on 30 June 2025" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=abc", "must be a year such as 2022"),
        ("from=2025&to=2020", "end year cannot be before the start year"),
        ("flow=sideways", "not one of the available choices"),
        ("as_of=2999-01-01", "cannot be in the future"),
    ],
)
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(client, seed, query, message):
    response = client.get(f"{EMBED}?{query}")
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page and 'role="alert"' in page
    assert "frame-ancestors *" in response["Content-Security-Policy"]  # readable in the frame


def test_an_unknown_country_is_a_404(client, seed):
    assert client.get("/pairs/BLR-ZZZ/embed/").status_code == 404


def test_embed_keeps_a_small_query_budget(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(EMBED).status_code == 200


def test_dashboard_share_block_links_the_images_and_gives_the_iframe_code(client, seed):
    page = client.get("/pairs/BLR-KGZ/").content.decode()
    share = re.search(r'<section class="share".*?</section>', page, re.S).group(0)
    assert 'href="/pairs/BLR-KGZ/chart.png"' in share
    assert 'href="/pairs/BLR-KGZ/chart.svg"' in share
    code = html.unescape(re.search(r"<textarea[^>]*readonly[^>]*>(.*?)</textarea>", share).group(1))
    assert code.startswith('<iframe src="http://testserver/pairs/BLR-KGZ/embed/" ')
    assert 'title="Belarus–Kyrgyzstan — TradeWatch"' in code and code.endswith("</iframe>")


def test_share_block_carries_the_filters_but_not_the_page_or_what_if(client, seed):
    page = client.get("/pairs/BLR-KGZ/?flow=exports&growth=10&page=1").content.decode()
    share = re.search(r'<section class="share".*?</section>', page, re.S).group(0)
    assert 'href="/pairs/BLR-KGZ/chart.png?flow=exports"' in share
    assert "/pairs/BLR-KGZ/embed/?flow=exports" in share
    assert "growth" not in share and "page=" not in share
