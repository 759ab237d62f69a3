"""Every page at a phone's width (375 px) and a desktop's (1280 px): nothing scrolls
sideways, form controls are at least 44 px tall, and a screenshot is taken to look at."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = ["/", "/countries/KGZ/", "/pairs/BLR-KGZ/", "/pairs/BLR-KGZ/changes/", "/sources/3/",
         "/methodology/", "/pairs/BLR-KGZ/report/", "/pairs/BLR-KGZ/embed/"]  # fmt: skip
CONTROLS = "main input:not([type=hidden]), main select, main button, main summary"
SHOTS = Path(__file__).resolve().parents[2] / "tmp" / "screenshots"


@pytest.fixture
def seeded(transactional_db):
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", PAGES)
def test_fits_the_screen_with_controls_big_enough(
    browser: Browser, live_server, seeded, url, width
):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = url.strip("/").replace("/", "_") or "overview"
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    small = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
            .map(e => e.outerHTML.slice(0, 80))""",
        CONTROLS,
    )
    page.close()
    assert small == []
