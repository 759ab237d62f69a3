"""Keyboard readers: after htmx replaces part of the page, focus lands on the new content
instead of falling back to the top of the document; the language switcher works by link."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("loaddata", "seed", verbosity=0)


def test_switching_partner_by_keyboard_puts_focus_on_the_new_dashboard(
    page: Page, live_server, seeded
):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    link = page.locator(".partner-switch a", has_text="Kazakhstan")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/pairs/BLR-KAZ/")
    heading = page.locator("#dashboard-panel h1")
    expect(heading).to_contain_text("Kazakhstan")
    expect(heading).to_be_focused()  # not lost to <body> with the link that was replaced
    page.keyboard.press("Tab")  # and the next Tab moves on from there, inside the dashboard
    assert page.evaluate("document.activeElement.closest('#dashboard-panel') !== null")


def test_a_filter_changed_by_keyboard_keeps_focus_on_the_control(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    flow = page.locator("select[name=flow]")
    flow.focus()
    flow.select_option("exports")
    expect(page).to_have_url(re.compile(r"/pairs/BLR-KGZ/\?flow=exports"))
    expect(flow).to_be_focused()


def test_a_reader_switches_to_russian_and_back(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    page.locator("select[name=flow]").select_option("exports")  # htmx changes the address
    expect(page).to_have_url(re.compile(r"flow=exports"))
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/pairs/BLR-KGZ/\?flow=exports"))  # the same view
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_contain_text("Киргизия")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_back_and_forward_show_the_filter_each_address_holds(page: Page, live_server, seeded):
    page.goto(f"{live_server.url}/pairs/BLR-KGZ/")
    flow = page.locator("select[name=flow]")
    flow.select_option("exports")
    expect(page).to_have_url(re.compile(r"flow=exports"))
    expect(page.locator("#dashboard-results")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/pairs/BLR-KGZ/")
    expect(flow).to_have_value("turnover")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"flow=exports"))
    expect(flow).to_have_value("exports")
