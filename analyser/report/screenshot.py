"""Screenshot of a report page in headless Chromium, for the README.

    python -m analyser.report.screenshot [REPORT.html] [OUT.png]
    python -m analyser.report.screenshot REPORT.html --measure   # size, time to interactive

Defaults: ``reports/seeds-report.html`` (write it first with ``analyser report``) and
``docs/report-screenshot.png``. Needs the ``playwright`` Python package and a Chromium at
``/usr/bin/chromium`` (or ``$ANALYSER_CHROMIUM``); Playwright's own browser download is not
used. The browser starts with every background-networking feature off and a fresh
temporary profile, and every request that is not ``file:``, ``data:``, ``blob:`` or
``about:`` is blocked.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("ANALYSER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
#: Screenshot clip height in CSS pixels (the top of the page: header, scorecard, charts).
CLIP_HEIGHT = 1600
VIEWPORT = {"width": 1360, "height": 900}


def browser_available() -> str:
    """Why the browser cannot run here, or "" when it can."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    return ""


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``) with a fresh temporary profile."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="analyser-chromium-") as profile, \
            sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT, device_scale_factor=1,
        )
        try:
            yield context
        finally:
            context.close()


def open_report(context, path: str | Path, blocked: list[str] | None = None,
                timeout_ms: int = 120_000):
    """Open a report in a new page, block and record any non-local request, and wait until
    every chart has drawn. Returns ``(page, seconds until interactive)``."""
    page = context.new_page()
    blocked = blocked if blocked is not None else []

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", guard)
    url = Path(path).resolve().as_uri()
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=timeout_ms)
    page.wait_for_function(
        "document.body.getAttribute('data-ready') === 'true' && "
        "document.querySelectorAll('div.chart').length === "
        "document.querySelectorAll('div.chart div.plot-container').length",
        timeout=timeout_ms,
    )
    return page, time.perf_counter() - start


def screenshot(report: str | Path, out: str | Path, height: int = CLIP_HEIGHT) -> Path:
    """Save the top ``height`` pixels of the report as a PNG."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with chromium() as context:
        page, _ = open_report(context, report)
        page.wait_for_timeout(400)  # let plotly's transitions settle
        full = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(path=str(out), full_page=True,
                        clip={"x": 0, "y": 0, "width": VIEWPORT["width"],
                              "height": min(height, full)})
    return out


def measure(report: str | Path, runs: int = 3) -> dict[str, float]:
    """Size of a report and its time until interactive (page load until every chart has
    drawn and the page script has finished), best of ``runs`` fresh pages."""
    times = []
    with chromium() as context:
        for _ in range(runs):
            blocked: list[str] = []
            page, seconds = open_report(context, report, blocked)
            if blocked:
                raise RuntimeError(f"the report made network requests: {blocked[:3]}")
            times.append(seconds)
            page.close()
    return {"bytes": float(Path(report).stat().st_size), "interactive_s": min(times),
            "interactive_s_max": max(times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analyser.report.screenshot",
        description="Screenshot the top of a report page in headless Chromium.")
    parser.add_argument("report", nargs="?", default="reports/seeds-report.html")
    parser.add_argument("out", nargs="?", default="docs/report-screenshot.png")
    parser.add_argument("--height", type=int, default=CLIP_HEIGHT,
                        help=f"pixels from the top (default {CLIP_HEIGHT})")
    parser.add_argument("--measure", action="store_true",
                        help="print the report's size and time until interactive instead")
    args = parser.parse_args(argv)
    reason = browser_available()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 2
    if not Path(args.report).is_file():
        print(f"error: no report at {args.report}; run `analyser report` first",
              file=sys.stderr)
        return 2
    if args.measure:
        m = measure(args.report)
        print(f"{args.report}: {m['bytes'] / 1e6:.1f} MB, interactive in "
              f"{m['interactive_s']:.1f} s (best of 3; worst {m['interactive_s_max']:.1f} s)")
        return 0
    print(screenshot(args.report, args.out, args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
