"""The review desk in headless Chromium: a whole document reviewed with the keyboard alone,
a missed fact added by selecting its words, accessibility (axe-core) and phone widths."""

import re
from decimal import Decimal
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.axe import serious_violations
from tradewatch.ingest.store import ingest_document
from tradewatch.models import Figure, ReviewStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AMBASSADOR = "002_91c3167d68487d19.txt"  # four figures of Belarus–Kyrgyzstan trade
MISSED = "In 2024 Kyrgyz purchases of Belarusian goods stood at 95.4 (millions of US dollars)."
DOCUMENT = (
    "MINSK, 3 February 2026 (BelTA) – Trade between Belarus and Kyrgyzstan amounted to "
    "$180.5 million in 2025, the Belarusian foreign ministry said.\n\n"
    f"Analysts welcomed the news. {MISSED} Both sides expect more.\n"
)


@pytest.fixture(autouse=True)
def countries(transactional_db) -> None:
    """Every ISO 3166 country, as the migrations load them: the flush after a transactional
    test removes them (serialized rollback cannot restore them once Playwright's event loop
    holds the thread: Django's connections are then other objects)."""
    from django.apps import apps

    import_module("tradewatch.migrations.0004_pairs_data").load_countries(apps, None)


def signed_in(browser: Browser, live_server, **options) -> BrowserContext:
    """A browser whose session is an editor's (signed in through Django's test client)."""
    user = User.objects.create_user("edna", password="pw", is_staff=True, first_name="Edna")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    context = browser.new_context(**options)
    cookie = client.cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
    return context


def watch_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    return errors


def statuses(source_pk: int) -> list[str]:
    rows = Figure.objects.filter(source_id=source_pk).order_by("quote_start")
    return list(rows.values_list("status", flat=True))


def test_an_editor_reviews_a_seed_document_with_the_keyboard_alone(
    browser: Browser, live_server, seeds_dir
):
    source = ingest_document(seeds_dir / AMBASSADOR).source
    figures = list(Figure.objects.filter(source=source).order_by("quote_start"))
    cards = [f"figure-{f.pk}" for f in figures]
    assert len(cards) == 4
    context = signed_in(browser, live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/review/")
    # From the list to the document: Tab to its link, Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == source.title:
            break
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(source.title)
    page.wait_for_load_state("networkidle")  # the desk's script is running
    expect(page.locator("#desk-status")).to_contain_text("0 of 4 decided")

    page.keyboard.press("a")  # the first card is current: accept it
    expect(page.locator(f"#card-{cards[0]}")).to_have_attribute("data-status", "accepted")
    expect(page.locator("#desk-status")).to_contain_text(
        "Accepted: now on the Belarus–Kyrgyzstan dashboard."
    )
    expect(page.locator(f"#text-{cards[0]}")).to_have_class(re.compile(r"\bmark-accepted\b"))

    expect_focus(page, cards[1])
    page.keyboard.press("e")  # edit its value in place
    value = page.locator(f"#card-{cards[1]} input[name=value_usd]")
    expect(value).to_be_focused()
    page.keyboard.type("160.3M")
    page.keyboard.press("Enter")
    expect(page.locator(f"#card-{cards[1]}")).to_contain_text("$160.3M")
    expect(page.locator("#desk-status")).to_contain_text("Saved. It still awaits your decision.")
    expect_focus(page, cards[1])
    page.keyboard.press("a")
    # Belarus's ≈ $170M is the other side's figure: a spread between the sides, not a conflict.
    expect(page.locator("#desk-status")).to_contain_text(
        "Belarus reports ≈ $170M for 2022: the dashboard shows where the two sides differ."
    )

    expect_focus(page, cards[2])
    page.keyboard.press("r")
    expect(page.locator(f"#card-{cards[2]}")).to_have_attribute("data-status", "rejected")
    expect_focus(page, cards[3])
    page.keyboard.press("k")  # back, and undo the rejection
    expect_focus(page, cards[2])
    page.keyboard.press("u")
    expect(page.locator(f"#card-{cards[2]}")).to_have_attribute("data-status", "proposed")
    expect_focus(page, cards[2])
    page.keyboard.press("a")
    expect_focus(page, cards[3])
    page.keyboard.press("e")  # "2.5 times in three years": open its value, then think better
    expect(page.locator(f"#card-{cards[3]} input[name=value_usd]")).to_be_focused()
    page.keyboard.press("Escape")  # changed nothing
    expect(page.locator(f"#card-{cards[3]} .card-edit")).to_have_count(0)
    expect_focus(page, cards[3])
    page.keyboard.press("a")

    expect(page.locator("#desk-status")).to_contain_text("4 of 4 decided")
    expect(page.locator("#desk-status")).to_contain_text("Every fact in this document is decided.")
    assert statuses(source.pk) == [ReviewStatus.ACCEPTED] * 4
    assert Figure.objects.get(pk=figures[1].pk).value_usd == Decimal("160300000")
    history = Figure.history.filter(id=figures[1].pk).order_by("-history_date").first()
    assert history.history_user.username == "edna"
    assert errors == []
    context.close()


def expect_focus(page: Page, anchor: str) -> bool:
    expect(page.locator(f"#card-{anchor}")).to_be_focused()
    return True


def test_a_missed_fact_added_by_selecting_its_words_shows_on_the_dashboard(
    browser: Browser, live_server, tmp_path
):
    path = tmp_path / "missed.txt"
    path.write_text(DOCUMENT)
    source = ingest_document(path).source
    context = signed_in(browser, live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(f"{live_server.url}/review/sources/{source.pk}/")
    bar = page.locator("[data-selection-bar]")
    expect(bar).to_be_hidden()
    # Select the sentence in the text, as a mouse drag would.
    page.evaluate(
        """words => {
            const text = document.querySelector('[data-text]');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode()) && !node.data.includes(words)) {}
            const at = node.data.indexOf(words);
            // a little space either side, as a hand selection often has
            window.getSelection().setBaseAndExtent(node, at - 1, node, at + words.length + 1);
        }""",
        MISSED,
    )
    expect(bar).to_be_visible()
    page.get_by_role("button", name="Add a fact from the selected words").click()
    form = page.locator("[data-add-form]")
    expect(form.locator("textarea[name=quote]")).to_have_value(MISSED)
    expect(form.locator("select[name=kind]")).to_be_focused()
    expect(form.locator("[data-field=deadline]")).to_be_hidden()  # only a target's
    form.locator("select[name=flow]").select_option("first")
    form.locator("select[name=side]").select_option("second")
    form.locator("input[name=value]").fill("95.4M")
    form.locator("input[name=period]").fill("2024")
    form.get_by_role("button", name="Add and accept").click()

    expect(page.locator("#desk-status")).to_contain_text("now on the Belarus–Kyrgyzstan dashboard")
    added = Figure.objects.get(source=source, value_usd=Decimal("95400000"))
    assert source.text[added.quote_start : added.quote_end] == MISSED == added.quote
    expect(page.locator(f"#text-figure-{added.pk}")).to_have_text(MISSED)

    page.goto(f"{live_server.url}/pairs/BLR-KGZ/?flow=exports")
    expect(page.get_by_text(MISSED).first).to_be_visible()
    expect(page.locator("table.facts")).to_contain_text("$95.4M")
    assert errors == []
    context.close()


@pytest.fixture
def one_document(transactional_db, tmp_path):
    path = tmp_path / "missed.txt"
    path.write_text(DOCUMENT + "Belarus and Kyrgyzstan aim for $500 million by 2030.\n")
    return ingest_document(path).source


@pytest.mark.parametrize("view", ["list", "desk", "editing", "adding"])
def test_the_desk_has_no_serious_accessibility_violation(browser, live_server, one_document, view):
    figure = Figure.objects.get(source=one_document)
    url = {
        "list": "/review/",
        "desk": f"/review/sources/{one_document.pk}/",
        "editing": f"/review/sources/{one_document.pk}/?edit=figure-{figure.pk}.period",
        "adding": f"/review/sources/{one_document.pk}/?add=1",
    }[view]
    context = signed_in(
        browser, live_server, bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + url)
    serious = serious_violations(page)
    context.close()
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_desk_fits_a_phone_and_a_desktop_with_controls_big_enough(
    browser, live_server, one_document, width
):
    context = signed_in(browser, live_server, viewport={"width": width, "height": 800})
    page = context.new_page()
    for url in ("/review/", f"/review/sources/{one_document.pk}/?add=1"):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
        small = page.evaluate(
            """() => [...document.querySelectorAll(
                    'main input:not([type=hidden]), main select, main button, main summary')]
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert small == [], url
    context.close()


def test_without_javascript_every_decision_and_edit_is_a_plain_form(
    browser: Browser, live_server, one_document
):
    figure = Figure.objects.get(source=one_document)
    context = signed_in(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/review/sources/{one_document.pk}/")
    card = page.locator(f"#card-figure-{figure.pk}")
    card.get_by_role("link", name="Edit Value").click()
    page.locator(f"#card-figure-{figure.pk} input[name=value_usd]").fill("182M")
    page.locator(f"#card-figure-{figure.pk}").get_by_role("button", name="Save").click()
    expect(page.locator("#desk-status")).to_contain_text("Saved. It still awaits your decision.")
    expect(card).to_contain_text("$182M")
    expect(card).to_contain_text("The extractor proposed: value $180.5M")
    card.get_by_role("button", name="Accept").click()
    expect(page.locator("#desk-status")).to_contain_text(
        "Accepted: now on the Belarus–Kyrgyzstan dashboard."
    )
    expect(card).to_have_attribute("data-status", "accepted")
    assert Figure.objects.get(pk=figure.pk).status == ReviewStatus.ACCEPTED
    context.close()


def test_u_undoes_the_last_decision_after_focus_has_moved_on(
    browser: Browser, live_server, seeds_dir
):
    source = ingest_document(seeds_dir / AMBASSADOR).source
    first, second = Figure.objects.filter(source=source).order_by("quote_start")[:2]
    context = signed_in(browser, live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/review/sources/{source.pk}/")
    page.wait_for_load_state("networkidle")
    card = page.locator(f"#card-figure-{first.pk}")
    page.keyboard.press("a")
    expect(card).to_have_attribute("data-status", "accepted")
    expect_focus(page, f"figure-{second.pk}")  # the desk moved on to the next open card
    page.keyboard.press("u")  # and "u" still means the decision just made
    expect(card).to_have_attribute("data-status", "proposed")
    context.close()
