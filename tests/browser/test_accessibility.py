"""axe-core (WCAG 2.1 A and AA rules) on every page type: no serious or critical violation.
axe-core comes from `make install` (vendor/axe.min.js, integrity checked)."""

import pytest
from playwright.sync_api import Browser

from tests.browser.axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = [
    "/",
    "/countries/KGZ/",
    "/pairs/BLR-KGZ/",
    "/pairs/BLR-KGZ/?growth=10",
    "/pairs/BLR-KGZ/report/",
    "/pairs/BLR-KGZ/embed/",
    "/pairs/BLR-KGZ/changes/",
    "/pairs/BLR-KGZ/figures/1/correction/",
    "/sources/3/",
    "/methodology/",
    "/admin/login/",
    "/pairs/BLR-ZZZ/",
]


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)


# Russian pages (longer words, other labels) and a phone's width, where tables scroll in
# their own box, on the pages with the most text.
VARIANTS = [(url, "en-GB", 1280) for url in PAGES] + [
    (url, language, width)
    for url in ("/", "/pairs/BLR-KGZ/", "/sources/3/", "/methodology/")
    for language, width in (("ru-RU", 1280), ("en-GB", 375), ("ru-RU", 375))
]


@pytest.mark.parametrize(("url", "locale", "width"), VARIANTS)
def test_no_serious_or_critical_accessibility_violation(
    browser: Browser, live_server, seeded, url, locale, width
):
    # Our CSP rightly refuses an injected script; the audit runs with it lifted.
    context = browser.new_context(
        bypass_csp=True, viewport={"width": width, "height": 900}, locale=locale
    )
    page = context.new_page()
    page.goto(live_server.url + url)
    serious = serious_violations(page)
    context.close()
    assert serious == [], "\n".join(serious)
