"""Article-extraction accuracy and speed on the Scrapinghub benchmark (181 pages, 2019).

Prints one table: the HTML path (analyser.clean.clean_html_page) with F1 / precision /
recall and pages per second on one core; the text path (html-text rendering, one line per
block, cleaned by analyser.clean.clean_text_page) scored by 5-fold cross-validation over
pages (each fold's model trained on the other four folds); and baselines (whole page text,
jusText, trafilatura's single modes).

Both analyser paths are scored on the article body: the kept blocks without the headline
(CleanResult.title) and bylines, as the benchmark's articleBody excludes them.

Metric: the benchmark's own evaluate.py: \\w+ tokens, multisets of 4-token shingles, per-page
tp/fp/fn normalised to sum 1, precision and recall macro-averaged over pages (a page with
neither predicted nor true shingles counts 1.0), F1 = 2PR/(P+R) of the means.

    python benchmarks/extraction_eval.py [--data DIR] [--quick]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "extraction" / "scrapinghub-aeb"
sys.path.insert(0, str(REPO))
_TOKEN = re.compile(r"\w+")

if TYPE_CHECKING:
    from analyser.models import CleanResult


def load_benchmark(data: Path = DEFAULT_DATA) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """(page ids in sorted order, id -> HTML, id -> true article body)."""
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)
    html = {}
    for i in ids:
        with gzip.open(data / "html" / f"{i}.html.gz", "rt", encoding="utf8") as fh:
            html[i] = fh.read()
    return ids, html, {i: truth[i]["articleBody"] for i in ids}


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-token shingles of the \\w+ tokens."""
    tok = _TOKEN.findall(text or "")
    return Counter(tuple(tok[i:i + n]) for i in range(max(0, len(tok) - n + 1)))


def page_pr(pred: str, true: str) -> tuple[float, float]:
    """Per-page precision and recall of the benchmark's metric."""
    p, t = shingles(pred), shingles(true)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def score(preds: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """(F1, precision, recall) macro-averaged over pages."""
    prs = [page_pr(preds.get(i, ""), truth[i]) for i in truth]
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def page_text(html: str) -> str:
    """The page rendered to plain text, one line per block, markup discarded."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def timed(fn: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """Predictions of fn over pages and pages per second of this process's CPU time (one
    core; CPU time rather than wall time so other jobs on the machine do not count)."""
    start = time.process_time()
    out = {i: fn(h) for i, h in pages.items()}
    return out, len(pages) / (time.process_time() - start)


def article_body(result: CleanResult, *, with_title: bool = False) -> str:
    """The text the benchmark's articleBody corresponds to: the kept blocks without the
    headline (CleanResult.title; the benchmark's bodies exclude it) and without bylines
    (metadata, not body text). ``with_title`` scores every kept block instead."""
    blocks = result.blocks
    if with_title:
        return "\n".join(b.text for b in blocks)
    if blocks and blocks[0].kind == "heading" and result.title in (None, blocks[0].text):
        blocks = blocks[1:]
    return "\n".join(b.text for b in blocks if b.kind != "byline")


def html_path(html: str, *, with_title: bool = False) -> str:
    """analyser's HTML path: the cleaned article body ("" when it finds no article)."""
    from analyser.clean.html_page import clean_html_page

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return article_body(clean_html_page(html), with_title=with_title)
    except ValueError:
        return ""


def justext_baseline(html: str) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def trafilatura_mode(**kwargs: bool) -> Callable[[str], str]:
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False, **kwargs) or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quick", action="store_true", help="skip the slower baselines")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"skipped: benchmark data not found at {args.data} (needs ../shared)")
        return 0
    ids, html, truth = load_benchmark(args.data)
    html_path(html[ids[0]])  # warm-up: imports and caches are not per-page costs
    rows: list[tuple[str, float, float, float, str]] = []
    preds, speed = timed(html_path, html)
    rows.append(("analyser HTML path (trafilatura precision/recall agreement)",
                 *score(preds, truth), f"{speed:.1f}"))
    preds, speed = timed(lambda h: html_path(h, with_title=True), html)
    rows.append(("  same, scoring every kept block (headline, bylines too)",
                 *score(preds, truth), f"{speed:.1f}"))

    from train_text_cleaner import cross_validate

    text_preds = cross_validate(ids, html, truth, folds=5)
    rows.append(("analyser text path (html-text lines, 5-fold CV over pages)",
                 *score(text_preds, truth), ""))
    texts = {i: page_text(h) for i, h in html.items()}
    rows.append(("baseline: whole page text (html-text)", *score(texts, truth), ""))
    preds, speed = timed(justext_baseline, html)
    rows.append(("baseline: jusText 3 (English stoplist)", *score(preds, truth), f"{speed:.1f}"))
    if not args.quick:
        for name, kw in (("default", {}), ("favor_precision", {"favor_precision": True})):
            preds, speed = timed(trafilatura_mode(**kw), html)
            rows.append((f"baseline: trafilatura.extract {name}", *score(preds, truth),
                         f"{speed:.1f}"))
    print(f"Scrapinghub article-extraction benchmark: {len(ids)} pages")
    print(f"{'method':<62} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8}")
    for name, f1, p, r, sp in rows:
        print(f"{name:<62} {f1:6.3f} {p:6.3f} {r:6.3f} {sp:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
