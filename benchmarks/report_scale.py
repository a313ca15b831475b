"""Report scale: page size, build time, peak memory and time to interactive for N × BBC.

    python benchmarks/report_scale.py [--sizes 1 10] [--limit N] [--no-browser] [--keep DIR]

Builds, in a temporary folder, JSONL corpora of N × the BBC articles
(../shared/data/news/news.jsonl.gz, benchmark use only, see its SOURCE.md), each copy's
ids made unique (``<id>~<copy>``, as ``benchmarks/scale.py`` builds them). Every report is
``python -m analyser report CORPUS -o OUT`` in a child process, so its wall time and peak
RSS come from the child's own resource usage. The page is then opened in headless
Chromium (:func:`analyser.report.screenshot.measure`, best of three fresh pages):
*interactive* is when the page script has run, every chart has drawn and the main thread
has been quiet for a second; *open* is the time an article view takes to be inflated and
built on demand.

The copies of the N× corpus are the same texts: their article views are stored once
(see :mod:`analyser.report.views`); the table also prints how many views the page stores.

Prints one table. Timings on a machine shared with other work are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from scale import CORPUS, build, run_child  # noqa: E402


def run_report(corpus: Path, out: Path) -> dict:
    """One ``analyser report`` child: seconds, peak MB, exit status."""
    return run_child("report", [str(corpus), "-o", str(out)])


def stored_views(page: Path) -> tuple[int, int]:
    """(articles listed, article views stored) of a report page."""
    html = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="report-data" type="application/json">(.*?)'
                                r"</script>", html, re.DOTALL).group(1))
    refs = data["index"]["view"]
    return len(refs), sum(1 for r in refs if r >= 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10],
                    help="corpus sizes, in copies of the BBC articles")
    ap.add_argument("--limit", type=int, help="use only the first N BBC articles")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    ap.add_argument("--runs", type=int, default=3, help="fresh pages per browser timing")
    ap.add_argument("--keep", metavar="DIR", help="keep the reports in DIR")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    from analyser.report.screenshot import browser_available, measure

    browser = "" if args.no_browser else browser_available()
    if browser:
        print(f"(no browser timing: {browser})")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = rows[: args.limit] if args.limit else rows
    print(f"{'corpus':<8} {'articles':>8} {'views':>8} {'MB':>6} {'build s':>8} "
          f"{'peak MB':>8} {'interactive s':>13} {'open ms':>8} {'exit':>4}", flush=True)
    with tempfile.TemporaryDirectory(prefix="analyser-report-scale-") as tmp:
        keep = Path(args.keep) if args.keep else Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            corpus = build(rows, n, Path(tmp) / f"x{n}.jsonl")
            out = keep / f"report-x{n}.html"
            r = run_report(corpus, out)
            corpus.unlink()
            if r["status"] or not out.exists():
                print(f"{n}x{'':<6} {len(rows) * n:>8}  failed: {' '.join(r['error'])}")
                continue
            listed, stored = stored_views(out)
            timing = "-", "-"
            if not args.no_browser and not browser:
                m = measure(out, runs=args.runs)
                timing = f"{m['interactive']:.1f}", f"{m['open_article'] * 1000:.0f}"
            print(f"{str(n) + 'x':<8} {listed:>8} {stored:>8} "
                  f"{out.stat().st_size / 1e6:>6.1f} {r['seconds']:>8.1f} "
                  f"{r['peak_mb']:>8.0f} {timing[0]:>13} {timing[1]:>8} {r['status']:>4}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
