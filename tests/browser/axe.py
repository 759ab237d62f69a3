"""axe-core in a page: the serious and critical WCAG 2.1 A/AA violations, in words.
axe-core comes from `make install` (vendor/axe.min.js, integrity checked); the page's
context must be made with bypass_csp=True, as our CSP rightly refuses an injected script."""

from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import require

AXE = Path(__file__).resolve().parents[2] / "vendor" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page: Page, within: str | None = None) -> list[str]:
    """The whole page, or only the element `within` selects."""
    require(AXE.is_file(), "vendor/axe.min.js missing: run `make install`")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([within, rules]) => axe.run(within || document, {runOnly: {type: 'tag', values: rules}})",
        [within, RULES],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
