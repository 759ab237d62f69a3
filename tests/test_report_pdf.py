import io
import logging

import pytest
from pypdf import PdfReader

from tests.conftest import require_chromium

pytestmark = pytest.mark.django_db


def test_pdf_report_has_pages_target_and_chart(client, seed, caplog):
    require_chromium()  # kaleido draws the chart's SVG with Chromium
    caplog.set_level(logging.WARNING, logger="weasyprint")
    response = client.get("/pairs/BLR-KGZ/report/?format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1
    assert "500" in text and "2030" in text and "15.3%" in text
    assert "USD million" in text  # the chart's axis title, drawn into the PDF as SVG text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 1 and abs(float(box.height) - 842) < 1  # A4
    assert f"page 1 of {len(reader.pages)}" in text  # print.css's @page footer
    failed = [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
        if "failed to load" in r.getMessage().lower()
    ]
    assert failed == []


@pytest.mark.parametrize("url", ["http://example.org/", "file:///etc/passwd"])
def test_pdf_fetcher_refuses_anything_but_static_and_data_urls(url):
    from tradewatch.static_fetcher import StaticFileFetcher

    fetcher = StaticFileFetcher(static_url="http://testserver/static/")
    with pytest.raises(ValueError, match="may only load static files"):
        fetcher.fetch(url)


def test_pdf_fetcher_reads_static_files_and_data_urls():
    from tradewatch.static_fetcher import StaticFileFetcher

    fetcher = StaticFileFetcher(static_url="http://testserver/static/")
    css = fetcher.fetch("http://testserver/static/css/print.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    with pytest.raises(ValueError):
        fetcher.fetch("http://testserver/static/css/../../tradewatch/settings.py")


def test_a_russian_pdf_is_russian_to_its_page_footer(client, seed):
    require_chromium()
    response = client.get("/pairs/BLR-KGZ/report/?format=pdf", HTTP_ACCEPT_LANGUAGE="ru")
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Беларусь – Киргизия" in text and "в графике" in text
    assert "млн долл. США" in text  # the chart's axis title
    assert f"страница 1 из {len(reader.pages)}" in text
    assert "page 1 of" not in text


def test_a_report_with_nothing_reported_says_so(client, seed):
    html = client.get("/pairs/KGZ-BLR/report/?flow=exports").content.decode()
    assert "No figures for this flow and period range." in html
    assert "No targets stated for this flow." in html
