"""Browser benchmark: time-to-chart and bytes transferred in headless Chromium.

Each app's page is visited cold (a new browser profile, so the HTTP disk cache is empty) and
then warm (a second visit in the same profile). Apps are measured alternately, the order
rotated each round, and the medians over the rounds are reported.

    python -m bench.browser URL_TRADEWATCH URL_DASH URL_STREAMLIT [--rounds 5]

Uses the system Chromium (never a Playwright-downloaded browser).
"""

import argparse
import base64
import contextlib
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
CHART_TIMEOUT_MS = 30_000
IDLE_TIMEOUT_MS = 10_000

# Runs before any page script. A MutationObserver checks the "drawn" condition after every
# DOM change and stores performance.now() (ms since this document's navigation started) the
# first time it holds, so the time is the page's own clock at that moment, not when a poll
# from Python happened to look. Drawn = plotly's SVG exists and a trace has a mark with a
# non-empty path (a line or a marker), scatter or bar.
RECORD_DRAWN = """
(() => {
  if (window.top !== window) return;
  const MARKS = ".js-plotly-plot .scatterlayer .trace path, .js-plotly-plot .barlayer .trace path";
  const drawn = () => {
    if (!document.querySelector(".js-plotly-plot .main-svg")) return false;
    for (const mark of document.querySelectorAll(MARKS)) {
      const d = mark.getAttribute("d");
      if (d && d.length > 4) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (window.__chartDrawnAt === undefined && drawn()) {
      window.__chartDrawnAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true, attributes: true});
})();
"""


@dataclass
class Visit:
    ms: float
    bytes: int


@dataclass
class Results:
    cold: list[Visit] = field(default_factory=list)
    warm: list[Visit] = field(default_factory=list)


def _ws_frame_bytes(response: dict) -> int:
    """Wire size of one server-to-client websocket frame: payload plus frame header."""
    data = response.get("payloadData", "")
    binary = response.get("opcode") == 2  # binary frames reach CDP base64-encoded
    size = len(base64.b64decode(data)) if binary else len(data.encode())
    return size + 2 + (2 if size >= 126 else 0) + (6 if size >= 65_536 else 0)


def _visit(context: BrowserContext, name: str, url: str) -> tuple[Page, Visit]:
    """Open url in a new tab of context; time until the chart is drawn and count bytes."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    received = {"http": 0, "ws": 0}

    # What is counted: encodedDataLength of every finished request (response headers and
    # body as they came over the wire, compressed; 0 for a disk-cache hit, headers only for
    # a 304), plus received websocket frames (Streamlit sends the figure and its page
    # content that way). Not counted: request bytes sent and the websocket handshake.
    def on_finished(event: dict) -> None:
        received["http"] += int(event.get("encodedDataLength", 0))

    def on_frame(event: dict) -> None:
        received["ws"] += _ws_frame_bytes(event.get("response", {}))

    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.webSocketFrameReceived", on_frame)
    cdp.send("Network.enable")

    # Kept only to explain a chart that never appears.
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda req: problems.append(f"failed: {req.url} {req.failure}"))

    page.goto(url, wait_until="commit")
    try:
        drawn_at = page.wait_for_function(
            "() => window.__chartDrawnAt", timeout=CHART_TIMEOUT_MS
        ).json_value()
    except PlaywrightTimeoutError as exc:
        detail = "".join(f"\n  {p}" for p in problems[:5])
        raise RuntimeError(
            f"{name}: no chart drawn at {url} within {CHART_TIMEOUT_MS} ms{detail}"
        ) from exc
    # Let the rest of the page's requests finish so they are counted too.
    with contextlib.suppress(PlaywrightTimeoutError):  # never quiet: counted up to here
        page.wait_for_load_state("networkidle", timeout=IDLE_TIMEOUT_MS)
    page.wait_for_timeout(100)  # deliver the last CDP events
    cdp.detach()
    return page, Visit(ms=float(drawn_at), bytes=received["http"] + received["ws"])


def _launch(pw: Playwright, profile: str) -> BrowserContext:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("chromium is not on PATH: apt-get install -y chromium")
    # A persistent context keeps Chromium's real HTTP disk cache in the profile directory.
    context = pw.chromium.launch_persistent_context(
        profile,
        executable_path=chromium,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=VIEWPORT,
    )
    context.add_init_script(RECORD_DRAWN)
    return context


def _cold_then_warm(pw: Playwright, name: str, url: str) -> tuple[Visit, Visit]:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = _launch(pw, profile)
        try:
            first, cold = _visit(context, name, url)
            second, warm = _visit(context, name, url)  # new tab, same profile and cache
            first.close()
            second.close()
        finally:
            context.close()
    return cold, warm


def _with_retries(pw: Playwright, name: str, url: str, tries: int = 3) -> tuple[Visit, Visit]:
    """A visit again, in a new profile, when the first did not draw: the Dash peer now and
    then aborts a script download on a new connection (net::ERR_ABORTED), which says
    nothing about how fast a chart draws. Each retry is reported on stderr."""
    for attempt in range(1, tries + 1):
        try:
            return _cold_then_warm(pw, name, url)
        except RuntimeError as failure:
            if attempt == tries:
                raise
            print(f"# {name}: visit {attempt} failed, retrying: {failure}", file=sys.stderr)  # noqa: T201
    raise AssertionError("unreachable")


def _kb(n: float) -> str:
    kb = n / 1000  # KB = 1000 bytes; one decimal below 10 so a small warm visit is not "0 KB"
    return f"{kb:.1f}" if kb < 10 else f"{kb:.0f}"


def measure(apps: dict[str, str], rounds: int = 5) -> list[str]:
    """Median cold and warm time-to-chart and transfer per app, then ratios of the first app
    to each other one, as `name: value unit` lines."""
    names = list(apps)
    results = {name: Results() for name in names}
    with sync_playwright() as pw:
        # One untimed visit each first, so a server's first-request work (Streamlit imports
        # plotly when the script first runs) does not land in round 1.
        for name in names:
            _with_retries(pw, name, apps[name])
        for r in range(rounds):
            shift = r % len(names)  # rotate, so no app is always measured first
            for name in names[shift:] + names[:shift]:
                cold, warm = _with_retries(pw, name, apps[name])
                results[name].cold.append(cold)
                results[name].warm.append(warm)

    medians: dict[tuple[str, str], tuple[float, float]] = {}
    lines = []
    for name in names:
        for kind in ("cold", "warm"):
            visits = getattr(results[name], kind)
            ms = statistics.median(v.ms for v in visits)
            size = statistics.median(v.bytes for v in visits)
            medians[name, kind] = (ms, size)
            lines.append(f"browser {name} {kind} time-to-chart: {ms:.0f} ms")
            lines.append(f"browser {name} {kind} transfer: {_kb(size)} KB")
    subject = names[0]
    for other in names[1:]:
        for kind in ("cold", "warm"):
            (ms, size), (other_ms, other_size) = medians[subject, kind], medians[other, kind]
            if other_ms:
                lines.append(
                    f"browser {kind} time-to-chart {subject}/{other}: {ms / other_ms:.2f} x"
                )
            if other_size:
                lines.append(
                    f"browser {kind} transfer {subject}/{other}: {size / other_size:.2f} x"
                )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tradewatch", help="URL of our pair dashboard")
    parser.add_argument("dash", help="URL of the Dash peer")
    parser.add_argument("streamlit", help="URL of the Streamlit peer")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    apps = {"tradewatch": args.tradewatch, "dash": args.dash, "streamlit": args.streamlit}
    for line in measure(apps, args.rounds):
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
