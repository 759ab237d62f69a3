"""axe-core (WCAG 2.1 A and AA rules) on every page type: no serious or critical violation.
axe-core comes from `make install` (vendor/axe.min.js, integrity checked)."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.conftest import require

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "vendor" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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
    require(AXE.is_file(), "vendor/axe.min.js missing: run `make install`")
    # Our CSP rightly refuses an injected script; the audit runs with it lifted.
    context = browser.new_context(
        bypass_csp=True, viewport={"width": width, "height": 900}, locale=locale
    )
    page = context.new_page()
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES
    )
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
