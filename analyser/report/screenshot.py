"""Screenshot of a report page in headless Chromium, for the README.

    python -m analyser.report.screenshot [REPORT.html] [OUT.png]
    python -m analyser.report.screenshot REPORT.html --measure   # size, time to interactive

``--measure`` opens the report in fresh pages and reads the browser's own clock from
navigation start: when the page script has run (first article view built), when every
chart's ``Plotly.newPlot`` has resolved, and when the main thread last had a long task
(> 50 ms) before a 1 s quiet window; *interactive* is the latest of these. It then clicks
an article in the list and times its view being built on demand.

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


#: True once the page script has run (first article view built) and every chart's
#: ``Plotly.newPlot`` promise has resolved.
READY_JS = ("document.body.getAttribute('data-ready') === 'true' && "
            "document.body.getAttribute('data-charts') === 'drawn'")
#: Records the page's long tasks (main thread busy > 50 ms) from before its scripts run.
LONG_TASKS_JS = """
window.__longTasks = [];
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longTasks.push([e.startTime, e.duration]); });
  }).observe({type: "longtask", buffered: true});
} catch (e) { /* no long-task timing: quiet-window check is skipped */ }
"""
#: A main thread without a long task for this long counts as settled (Lighthouse's
#: time-to-interactive uses 5 s of network and main-thread quiet; a file: page has no
#: network, and 1 s without a long task is a stricter cut than any user notices).
QUIET_MS = 1000


def open_report(context, path: str | Path, blocked: list[str] | None = None,
                timeout_ms: int = 120_000):
    """Open a report in a new page, block and record any non-local request, and wait until
    the page script has run and every chart has drawn. Returns ``(page, seconds)``, the
    seconds from starting the navigation until then."""
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
    page.add_init_script(LONG_TASKS_JS)
    url = Path(path).resolve().as_uri()
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=timeout_ms)
    page.wait_for_function(READY_JS, timeout=timeout_ms)
    return page, time.perf_counter() - start


def time_to_interactive(page, quiet_ms: int = QUIET_MS, timeout_ms: int = 60_000) -> dict:
    """Page timings in seconds since navigation start, from the browser's own clock:
    ``load`` (load event), ``ready`` (page script done, first article view built),
    ``charts`` (every chart drawn) and ``interactive``: the later of those and the end of
    the last long task before a ``quiet_ms`` window without one."""
    page.wait_for_function(
        f"""() => {{
          const t = window.__longTasks || [];
          const last = t.length ? t[t.length - 1][0] + t[t.length - 1][1] : 0;
          return performance.now() - last >= {quiet_ms};
        }}""", timeout=timeout_ms, polling=100)
    t = page.evaluate("""() => {
      const nav = performance.getEntriesByType("navigation")[0] || {};
      const r = window.reportTimings || {};
      const tasks = window.__longTasks || [];
      const last = tasks.length ? Math.max(...tasks.map(x => x[0] + x[1])) : 0;
      return {load: nav.loadEventEnd || 0, ready: r.ready || 0, charts: r.charts || 0,
              long_task_end: last, long_tasks: tasks.length,
              long_task_ms: tasks.reduce((a, x) => a + x[1], 0)};
    }""")
    out = {k: v / 1000 for k, v in t.items() if k not in ("long_tasks",)}
    out["long_tasks"] = t["long_tasks"]
    out["interactive"] = max(out["ready"], out["charts"], out["long_task_end"])
    return out


def open_article_seconds(page, timeout_ms: int = 30_000) -> float:
    """Seconds from clicking an article in the list (one not yet open: the last listed) to
    its view being built, as the browser measures it."""
    buttons = page.locator("#article-list button[data-id]")
    target = buttons.last if buttons.count() > 1 else buttons.first
    ident = target.get_attribute("data-id")
    target.scroll_into_view_if_needed()
    page.evaluate("window.__clickAt = performance.now()")
    target.click()
    page.wait_for_function(
        "id => document.getElementById('article-view').getAttribute('data-article') === id",
        arg=ident, timeout=timeout_ms)
    return page.evaluate("performance.now() - window.__clickAt") / 1000


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
    """Size of a report and, best of ``runs`` fresh pages, its times in seconds since
    navigation start (see :func:`time_to_interactive`), plus the seconds an article view
    takes to open on demand (:func:`open_article_seconds`) and ``usable``: interactive plus
    one article opened. ``*_max`` keys give the worst run."""
    runs_out = []
    with chromium() as context:
        for _ in range(runs):
            blocked: list[str] = []
            page, _ = open_report(context, report, blocked)
            t = time_to_interactive(page)
            t["open_article"] = open_article_seconds(page)
            t["usable"] = t["interactive"] + t["open_article"]
            if blocked:
                raise RuntimeError(f"the report made network requests: {blocked[:3]}")
            runs_out.append(t)
            page.close()
    best = min(runs_out, key=lambda t: t["usable"])
    worst = max(runs_out, key=lambda t: t["usable"])
    out = {"bytes": float(Path(report).stat().st_size), **best}
    out.update({f"{k}_max": worst[k] for k in ("interactive", "open_article", "usable")})
    # The names earlier versions printed.
    out["interactive_s"], out["interactive_s_max"] = best["interactive"], worst["interactive"]
    return out


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
    parser.add_argument("--runs", type=int, default=3, help="fresh pages to --measure")
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
        m = measure(args.report, runs=args.runs)
        print(f"{args.report}: {m['bytes'] / 1e6:.1f} MB, interactive in "
              f"{m['interactive']:.1f} s (best of {args.runs}; worst "
              f"{m['interactive_max']:.1f} s); an article view opens in "
              f"{m['open_article'] * 1000:.0f} ms; usable (interactive + one article "
              f"opened) in {m['usable']:.1f} s")
        print(f"  load event {m['load']:.2f} s, page script done {m['ready']:.2f} s, "
              f"charts drawn {m['charts']:.2f} s, last long task ends "
              f"{m['long_task_end']:.2f} s ({m['long_tasks']} long tasks, "
              f"{m['long_task_ms']:.2f} s busy)")
        return 0
    print(screenshot(args.report, args.out, args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
