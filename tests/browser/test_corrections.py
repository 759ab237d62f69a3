"""Report a correction from the dashboard in headless Chromium: the form opens in place under
the figure (htmx), sends, and the thank-you takes the focus; the hourly limit answers in
place too; without JavaScript the plain link and form do the same."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import serious_violations
from tradewatch.corrections import RATE_LIMIT, sender_of, take_slot
from tradewatch.models import Correction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MESSAGE = "It was $160.3 million, says the statistics committee's yearbook."


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    cache.clear()  # the hourly counters live in the cache
    call_command("loaddata", "seed", verbosity=0)
    yield
    cache.clear()


def watch_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    return errors


def open_form(page: Page, url: str, fact: str):
    """Click the fact's link; the form it opens (for a figure, in the table row below)."""
    page.goto(url)
    page.evaluate("window.__marker = 'same page'")
    page.locator(f"#{fact}").get_by_role("link", name="Report a correction").click()
    return page.locator(f"#correction-{fact}")


def test_a_reader_reports_a_correction_in_place_and_the_thanks_takes_the_focus(
    page: Page, live_server, seeded
):
    errors = watch_errors(page)
    form = open_form(page, f"{live_server.url}/pairs/BLR-KGZ/?flow=turnover", "figure-1")
    message = form.get_by_label("What is wrong, and what is right?")
    expect(message).to_be_focused()  # straight into the form
    message.fill(MESSAGE)
    form.get_by_label("Your email, if you would like a reply (optional)").fill("me@example.org")
    form.get_by_role("button", name="Send the correction").click()
    thanks = form.get_by_role("heading", name="Thank you: your correction was sent")
    expect(thanks).to_be_visible()
    expect(thanks).to_be_focused()
    assert page.evaluate("window.__marker") == "same page"  # no reload, no navigation
    assert page.url.endswith("/pairs/BLR-KGZ/?flow=turnover")
    correction = Correction.objects.get()
    assert (correction.figure_id, correction.message) == (1, MESSAGE)
    assert correction.page == "/pairs/BLR-KGZ/?flow=turnover"
    assert errors == []


def test_a_target_opens_its_own_form(page: Page, live_server, seeded):
    form = open_form(page, f"{live_server.url}/pairs/BLR-KGZ/", "target-1")
    expect(form.get_by_text("You are correcting the target:")).to_be_visible()
    expect(form.get_by_label("What is wrong, and what is right?")).to_be_focused()


def test_over_the_hourly_limit_the_reader_is_told_in_place_and_keeps_the_text(
    page: Page, live_server, seeded
):
    for _ in range(RATE_LIMIT):
        take_slot(sender_of("127.0.0.1"))
    form = open_form(page, f"{live_server.url}/pairs/BLR-KGZ/", "figure-1")
    form.get_by_label("What is wrong, and what is right?").fill(MESSAGE)
    form.get_by_role("button", name="Send the correction").click()
    alert = form.get_by_role("alert")
    expect(alert).to_contain_text("Too many corrections from your address.")
    expect(alert).to_be_focused()
    expect(form.get_by_label("What is wrong, and what is right?")).to_have_value(MESSAGE)
    assert not Correction.objects.exists()


def test_without_javascript_the_link_and_form_still_work(browser: Browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.locator("#figure-1").get_by_role("link", name="Report a correction").click()
    assert page.url.endswith("/pairs/BLR-KGZ/figures/1/correction/")
    expect(page.get_by_text("an increase of almost 65% over 2021")).to_be_visible()
    page.get_by_label("What is wrong, and what is right?").fill(MESSAGE)
    page.get_by_role("button", name="Send the correction").click()
    expect(page.get_by_role("heading", name="Thank you: your correction was sent")).to_be_visible()
    assert Correction.objects.get().page == "/pairs/BLR-KGZ/"
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_open_form_has_no_serious_accessibility_violation_and_fits(
    browser: Browser, live_server, seeded, width
):
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    form = open_form(page, f"{live_server.url}/pairs/BLR-KGZ/", "figure-1")
    expect(form.get_by_role("button", name="Send the correction")).to_be_visible()
    # The form and the row it opened in; the rest of the page is test_accessibility.py's.
    assert serious_violations(page, within="#correction-figure-1-row") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    box = form.get_by_role("button", name="Send the correction").bounding_box()
    assert box["height"] >= 44  # big enough for a finger
    context.close()
