"""The export links in a real browser: they follow the htmx filters, and what they download
is the table the reader is looking at."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("loaddata", "seed", verbosity=0)


def test_the_figures_csv_link_follows_the_filter_and_downloads_the_rows_shown(
    page: Page, live_server, seeded
):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.fill("input[name=from]", "2023")
    page.press("input[name=from]", "Enter")  # htmx swaps the results, links included
    link = page.get_by_role("link", name="Reported figures as CSV")
    expect(link).to_have_attribute("href", "/pairs/BLR-KGZ/tables/figures.csv?from=2023")
    quotes = page.locator("table.facts tbody blockquote.quote").all_inner_texts()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("tradewatch-BLR-KGZ-figures-")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert [r["quote"] for r in rows] == [q.split("\n")[0].strip("“”") for q in quotes]
    assert {r["period_label"] for r in rows} == {"Jan–Aug 2023", "2021–2023", "2024"}
    expect(page.locator("p.citation")).to_contain_text("figures and targets (2023–…)")


def test_the_zip_link_downloads_the_tables_readme_and_citation(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/?flow=turnover")
    with page.expect_download() as download:
        page.get_by_role("link", name="All tables with a README (ZIP)").click()
    archive = zipfile.ZipFile(download.value.path())
    assert {"figures.csv", "README.txt", "CITATION.txt"} <= set(archive.namelist())
    citation = archive.read("CITATION.txt").decode()
    assert citation.strip() in page.locator("p.citation").inner_text()
