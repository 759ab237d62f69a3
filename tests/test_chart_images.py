"""chart.png and chart.svg: the dashboard chart as an image that keeps its title, source and
date when it travels, drawn once per data version."""

import gzip
import struct

import kaleido
import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests.conftest import require_chromium
from tradewatch.models import Figure

pytestmark = pytest.mark.django_db
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG format puts first."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def renders(monkeypatch) -> list[dict]:
    """Every call to kaleido, still drawn for real: the list of the options asked for."""
    require_chromium()
    calls = []
    real = kaleido.calc_fig_sync

    def counted(spec, opts=None, **kwargs):
        calls.append(opts)
        return real(spec, opts=opts, **kwargs)

    monkeypatch.setattr(kaleido, "calc_fig_sync", counted)
    return calls


def test_png_is_a_1200_by_675_image_named_for_the_pair(client, seed, renders):
    response = client.get("/pairs/BLR-KGZ/chart.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="tradewatch-BLR-KGZ.png"'
    assert png_size(response.content) == (1200, 675)


def test_svg_has_the_title_the_source_line_and_todays_date(client, seed, renders):
    response = client.get("/pairs/BLR-KGZ/chart.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == 'inline; filename="tradewatch-BLR-KGZ.svg"'
    svg = response.content.decode()
    assert svg.startswith("<svg") and 'width="1200" height="675"' in svg
    assert "Belarus–Kyrgyzstan: turnover against the target" in svg
    assert "Source: TradeWatch · Belarus–Kyrgyzstan turnover, USD million" in svg
    assert "3 documents: BelTA" in svg
    assert f"TradeWatch, {date_format(timezone.localdate(), 'j F Y')}" in svg


def test_images_take_the_dashboards_filters_and_a_past_view_its_date(client, seed, renders):
    svg = client.get("/pairs/BLR-KGZ/chart.svg?flow=exports&as_of=2025-06-30").content.decode()
    assert "Belarus–Kyrgyzstan: exports of Belarus to Kyrgyzstan against the target" in svg
    assert "TradeWatch, as shown on 30 June 2025" in svg


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_same_image_twice_is_drawn_once(client, seed, renders, kind):
    first = client.get(f"/pairs/BLR-KGZ/chart.{kind}")
    again = client.get(f"/pairs/BLR-KGZ/chart.{kind}")
    assert len(renders) == 1 and renders[0]["format"] == kind
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_a_cached_png_comes_back_byte_for_byte_gzipped_or_not(client, seed, renders):
    plain = client.get("/pairs/BLR-KGZ/chart.png").content
    zipped = client.get("/pairs/BLR-KGZ/chart.png", headers={"Accept-Encoding": "gzip"})
    body = gzip.decompress(zipped.content) if zipped.get("Content-Encoding") == "gzip" else None
    assert body == plain and png_size(body) == (1200, 675)


def test_an_edit_gives_a_new_image(client, seed, renders):
    before = client.get("/pairs/BLR-KGZ/chart.svg").content.decode()
    assert "Path required: 15.3% a year" in before  # from $160.2M in 2022 to $500M by 2030
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 250_000_000
    figure.save()
    after = client.get("/pairs/BLR-KGZ/chart.svg").content.decode()
    assert len(renders) == 2
    assert "Path required: 15.3% a year" not in after
    assert "Path required: 9.1% a year" in after  # (500 / 250) ** (1 / 8) - 1 = 9.05%


@pytest.mark.parametrize("kind", ["png", "svg"])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=abc", "“From” must be a year such as 2022."),
        ("from=2025&to=2020", "The end year cannot be before the start year."),
        ("as_of=tomorrow", "“as_of” must be a date such as 2026-05-01."),
    ],
)
def test_a_bad_filter_is_a_400_with_the_reason_and_draws_nothing(
    client, seed, monkeypatch, kind, query, message
):
    monkeypatch.setattr(kaleido, "calc_fig_sync", pytest.fail)
    response = client.get(f"/pairs/BLR-KGZ/chart.{kind}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def test_an_unknown_country_is_a_404(client, seed, monkeypatch):
    monkeypatch.setattr(kaleido, "calc_fig_sync", pytest.fail)
    assert client.get("/pairs/BLR-ZZZ/chart.png").status_code == 404
