"""Every page in headless Chromium (Debian's), through pytest-django's live_server."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("loaddata", "seed", verbosity=0)


def watch_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    return errors


def test_kgz_dashboard_draws_the_plotly_chart_with_target(page: Page, live_server, seeded):
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    chart = page.locator("[data-chart=chart-partner] .main-svg").first
    expect(chart).to_be_visible()
    legend = page.locator("[data-chart=chart-partner] .legendtext")
    expect(legend.filter(has_text=re.compile(r"^Target$"))).to_have_count(1)
    expect(legend.filter(has_text="Projection at the observed pace")).to_have_count(1)
    expect(page.locator("[data-chart=chart-partner] .scatterlayer .trace")).not_to_have_count(0)
    expect(page.get_by_text("Source: TradeWatch").first).to_be_attached()
    assert errors == []  # no CSP violations, no script errors


def test_flow_control_swaps_the_panel_without_reload(page: Page, live_server, seeded):
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.evaluate("window.__marker = 'same page'")
    page.select_option("select[name=flow]", "exports")
    expect(page.get_by_text("No figures for this flow")).to_be_visible()
    assert page.evaluate("window.__marker") == "same page"
    assert "flow=exports" in page.url
    expect(page.locator("[data-chart=chart-partner] .main-svg").first).to_be_visible()
    assert errors == []


def test_bad_year_shows_the_error_in_place(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.fill("input[name=from]", "2025")
    page.fill("input[name=to]", "2020")  # the form stays put while results swap
    page.press("input[name=to]", "Enter")
    expect(page.get_by_role("alert")).to_contain_text("end year cannot be before")


def test_filter_form_works_without_javascript(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.fill("input[name=from]", "2023")
    page.click("button[type=submit]")
    assert "from=2023" in page.url
    expect(page.locator("table.facts").get_by_text("Jan–Aug 2023").first).to_be_visible()
    expect(page.get_by_text("We had some $170 million")).to_have_count(0)
    context.close()


def test_partner_switch(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.get_by_role("navigation", name="Partners").get_by_text("Kazakhstan").click()
    expect(page.locator("h1")).to_contain_text("Kazakhstan")
    assert page.url.endswith("/pairs/BLR-KAZ/")
    expect(page).to_have_title("Belarus–Kazakhstan trade — TradeWatch")
    page.go_back()
    expect(page.locator("h1")).to_contain_text("Kyrgyzstan")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/methodology/",
        "/sources/1/",
        "/pairs/BLR-KAZ/",
        "/pairs/BLR-KGZ/report/",
        "/pairs/BLR-XXX/",
    ],
)
def test_pages_render_without_errors(page: Page, live_server, seeded, path):
    errors = watch_errors(page)
    response = page.goto(f"{live_server.url}{path}")
    expect(page.locator("h1").first).to_be_visible()
    assert response.status == (404 if "XXX" in path else 200)
    assert [e for e in errors if "404" not in e] == []


def test_overview_links_to_the_dashboard(page: Page, live_server, seeded):
    page.goto(live_server.url)
    page.get_by_role("link", name="Kyrgyzstan").click()
    expect(page.locator("h1")).to_contain_text("Kyrgyzstan")


def test_what_if_answers_in_place_and_keeps_the_page(page: Page, live_server, seeded):
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.evaluate("window.__marker = 'same page'")
    page.fill("input[name=growth]", "10")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#what-if output")).to_contain_text("reached in 2034")
    assert page.evaluate("window.__marker") == "same page"
    expect(page.locator("[data-chart=chart-partner] .main-svg").first).to_be_visible()
    assert errors == []
