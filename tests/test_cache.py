"""Cached pages are never stale: every write changes the data version their keys hold."""

import gzip
import os
import re
import subprocess
import sys
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from django.db import transaction

from tests.conftest import add_figure
from tradewatch.cache import EVERYTHING, bump_data_version, current_token, pair_scopes
from tradewatch.models import (
    Country,
    Figure,
    PageVersion,
    ReviewStatus,
    Source,
    Target,
    TargetStatement,
)
from tradewatch.summaries import refresh_pairs

pytestmark = pytest.mark.django_db
CACHED_PAGES = [
    "/",
    "/countries/BLR/",
    "/pairs/BLR-KGZ/",
    "/pairs/BLR-KGZ/?flow=exports&from=2020",
    "/api/pairs/BLR-KGZ/",
    "/pairs/BLR-KGZ/figures.csv",
    "/pairs/BLR-KGZ/report/",
]


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_repeat_request_reads_only_the_data_version(client, seed, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(1):  # the version; the rest comes from the cache
        again = client.get(url)
    assert again.status_code == first.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("url", ["/", "/pairs/BLR-KGZ/", "/countries/KGZ/"])
def test_pages_run_only_our_own_script_files_so_a_cached_body_fits_any_request(client, seed, url):
    client.get(url)
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    scripts = re.findall(rb"<script\b[^>]*>", response.content)
    executable = [s for s in scripts if b"application/json" not in s]
    assert executable and all(b' src="/static/' in s for s in executable), scripts


@pytest.mark.parametrize("url", [*CACHED_PAGES, "/pairs/BLR-KGZ/?from=2021"])
def test_an_edit_is_on_the_next_request(client, seed, url):
    if "exports" not in url and url != "/countries/BLR/":
        assert "160.2" in client.get(url).content.decode().replace("160200000", "160.2")
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 171_300_000
    figure.save()
    page = client.get(url).content.decode().replace("171300000", "171.3")
    assert ("171.3" in page) is ("exports" not in url)


def test_a_source_title_edit_is_on_the_next_request(client, seed):
    source = Figure.objects.get(value_usd=160_200_000, derived=False).source
    client.get("/pairs/BLR-KGZ/")
    source.title = "A corrected title for the report"
    source.save()
    assert "A corrected title for the report" in client.get("/pairs/BLR-KGZ/").content.decode()


def test_bulk_writers_change_the_version_through_the_summary_refresh(client, seed):
    source = Source.objects.create(title="Bulk")
    client.get("/pairs/BLR-KGZ/")
    before = current_token()
    year = date(2025, 1, 1), date(2025, 12, 31)
    Figure.objects.bulk_create(
        [
            Figure(country_a_id="BLR", country_b_id="KGZ", side_id="BLR", period_start=year[0],
                   period_end=year[1], value_usd=250_000_000, source=source, quote="bulk")
        ]
    )  # fmt: skip
    assert current_token() == before  # bulk inserts send no signals...
    refresh_pairs([("BLR", "KGZ")])  # ...so bulk writers refresh the pair's summary
    assert current_token() != before
    assert "$250M" in client.get("/pairs/BLR-KGZ/").content.decode()


def test_a_write_that_rolls_back_leaves_the_version_alone(seed):
    before = current_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        add_figure(year=2025, value="250000000")
        raise RuntimeError("the editor's save failed")
    assert current_token() == before


def test_redis_url_selects_djangos_redis_cache():
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/3"}
    env["DJANGO_SETTINGS_MODULE"] = "tradewatch.settings"
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "django.core.cache.backends.redis.RedisCache"


def test_a_renamed_country_is_sorted_by_its_new_name(client, seed):
    page = client.get("/").content.decode()
    assert page.index("Kazakhstan") < page.index("Kyrgyzstan")
    kaz = Country.objects.get(pk="KAZ")
    kaz.name = "Qazaqstan"
    kaz.save()
    page = client.get("/").content.decode()
    assert "Qazaqstan" in page and page.index("Kyrgyzstan") < page.index("Qazaqstan")


@pytest.mark.parametrize("url", ["/pairs/BLR-KGZ/", "/api/pairs/BLR-KGZ/"])
def test_pages_are_gzipped_for_clients_that_accept_it(client, seed, url):
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3


def test_a_repeat_visit_costs_a_304_until_the_data_changes(client, seed):
    first = client.get("/pairs/BLR-KGZ/")
    assert first["Cache-Control"] == "no-cache" and first["ETag"].startswith('W/"')
    again = client.get("/pairs/BLR-KGZ/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    add_figure(year=2025, value="250000000")
    changed = client.get("/pairs/BLR-KGZ/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "$250M" in changed.content.decode()


def test_htmx_partials_and_full_pages_are_cached_apart(client, seed):
    full = client.get("/pairs/BLR-KGZ/").content.decode()
    partial = client.get(
        "/pairs/BLR-KGZ/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="dashboard-results"
    ).content.decode()
    assert "<html" in full and "<html" not in partial and 'id="dashboard-results"' in partial
    assert "<html" in client.get("/pairs/BLR-KGZ/").content.decode()


def test_an_edit_of_one_pair_leaves_the_other_pairs_pages_cached(
    client, seed, django_assert_num_queries
):
    kaz_pages = ["/pairs/KAZ-BLR/", "/api/pairs/KAZ-BLR/", "/pairs/KAZ-BLR/report/"]
    first = {url: client.get(url).content for url in kaz_pages}
    client.get("/pairs/BLR-KGZ/")
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 171_300_000
    figure.save()  # Belarus–Kyrgyzstan only
    for url in kaz_pages:
        with django_assert_num_queries(1):  # its tokens; the page itself is still cached
            assert client.get(url).content == first[url]
    assert "$171.3M" in client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$171.3M" in client.get("/pairs/KGZ-BLR/").content.decode()


def test_a_dashboard_whose_first_country_gains_a_partner_is_rebuilt(client, seed):
    """The partner switch lists the first country's partners: a new pair of Belarus shows on
    /pairs/BLR-KAZ/ at once (but a page of Kazakhstan first need not change)."""
    assert ">Uzbekistan<" not in client.get("/pairs/BLR-KAZ/").content.decode()
    add_figure(partner="UZB", year=2024, value="90000000")
    assert ">Uzbekistan<" in client.get("/pairs/BLR-KAZ/").content.decode()


def test_a_value_edit_leaves_the_other_dashboards_of_its_countries_cached(
    client, seed, django_assert_num_queries
):
    """Belarus's partners stay the same when a Belarus–Kyrgyzstan value is corrected, so
    /pairs/BLR-KAZ/ (whose switch lists them) is not rebuilt; Belarus's page, which shows
    the value, is."""
    kaz = client.get("/pairs/BLR-KAZ/").content
    assert "$171.3M" not in client.get("/countries/BLR/").content.decode()
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 171_300_000
    figure.save()
    with django_assert_num_queries(1):
        assert client.get("/pairs/BLR-KAZ/").content == kaz
    assert "$171.3M" in client.get("/countries/BLR/").content.decode()


@pytest.mark.parametrize("end", ["rejected", "deleted"])
def test_a_pair_whose_last_published_fact_goes_leaves_the_partner_switch(client, seed, end):
    figure = add_figure(partner="UZB", year=2024, value="90000000")
    assert ">Uzbekistan<" in client.get("/pairs/BLR-KAZ/").content.decode()
    figure = Figure.objects.get(pk=figure.pk)  # as the admin reads it
    if end == "rejected":
        figure.status = ReviewStatus.REJECTED
        figure.save()
    else:
        figure.delete()
    assert ">Uzbekistan<" not in client.get("/pairs/BLR-KAZ/").content.decode()


def test_a_fact_moved_to_another_pair_leaves_neither_pairs_pages_stale(client, seed):
    figure = add_figure(partner="KGZ", year=2019, value="123456789")
    assert "$123.5M" in client.get("/pairs/KGZ-BLR/").content.decode()
    assert "$123.5M" not in client.get("/pairs/KAZ-BLR/").content.decode()
    figure = Figure.objects.get(pk=figure.pk)  # as an editor's form reads it
    figure.country_b_id = "KAZ"
    figure.save()
    assert "$123.5M" not in client.get("/pairs/KGZ-BLR/").content.decode()
    assert "$123.5M" in client.get("/pairs/KAZ-BLR/").content.decode()
    assert "$123.5M" not in client.get("/countries/KGZ/").content.decode()


def test_a_statement_moved_to_another_pairs_target_leaves_neither_pair_stale(client, seed):
    source = Source.objects.first()
    said = {"source": source, "stated_on": date(2025, 3, 1)}
    kgz = Target.objects.create(
        country_a_id="BLR", country_b_id="KGZ", value_usd=700_000_000, stated_on=date(2025, 3, 1)
    )
    kaz = Target.objects.create(
        country_a_id="BLR", country_b_id="KAZ", value_usd=300_000_000, stated_on=date(2025, 3, 1)
    )
    moving = TargetStatement.objects.create(target=kgz, quote="seven hundred, said twice", **said)
    TargetStatement.objects.create(target=kaz, quote="three hundred", **said)
    assert "seven hundred, said twice" in client.get("/pairs/KGZ-BLR/").content.decode()
    assert "seven hundred, said twice" not in client.get("/pairs/KAZ-BLR/").content.decode()
    moving = TargetStatement.objects.get(pk=moving.pk)  # as an editor's form reads it
    moving.target = kaz
    moving.save()
    assert "seven hundred, said twice" not in client.get("/pairs/KGZ-BLR/").content.decode()
    assert "seven hundred, said twice" in client.get("/pairs/KAZ-BLR/").content.decode()


def test_a_source_edit_rebuilds_only_the_pages_that_cite_it(
    client, seed, django_assert_num_queries
):
    figure = add_figure(partner="UZB", year=2024, value="90000000")
    client.get("/pairs/UZB-BLR/")
    kaz = client.get("/pairs/KAZ-BLR/").content
    figure.source.title = "Uzbek trade, corrected title"
    figure.source.save()
    assert "Uzbek trade, corrected title" in client.get("/pairs/UZB-BLR/").content.decode()
    with django_assert_num_queries(1):
        assert client.get("/pairs/KAZ-BLR/").content == kaz


def test_a_renamed_country_rebuilds_every_page(client, seed):
    client.get("/pairs/KAZ-BLR/")
    before = PageVersion.objects.get(scope=EVERYTHING).token
    kgz = Country.objects.get(pk="KGZ")
    kgz.aliases = [*kgz.aliases, "Kirghizia"]
    kgz.save()
    assert PageVersion.objects.get(scope=EVERYTHING).token != before


def test_a_write_touching_more_pairs_than_is_worth_listing_starts_every_page_afresh(seed):
    codes = sorted(Country.objects.values_list("pk", flat=True))[:50]
    pairs = list(combinations(codes, 2))  # 1,225 pairs
    rows_before = PageVersion.objects.count()
    bump_data_version(pair_scopes(pairs))
    assert PageVersion.objects.count() <= rows_before + 1  # "all", not a row for each
    everything = PageVersion.objects.get(scope=EVERYTHING).token
    bump_data_version(pair_scopes(pairs))
    assert PageVersion.objects.get(scope=EVERYTHING).token != everything
