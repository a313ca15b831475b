"""Article-extraction accuracy and speed on two benchmarks, one table per set.

Sets (both in ../shared/data/extraction, same layout, never copied into the repo):
``scrapinghub-aeb`` (181 news pages, 2019) and ``wcxb-dev`` (435 article pages cached
2025-26: news, magazines, blogs, guides). For each set the table holds: the analyser's HTML
path (analyser.clean.clean_html_page); its text path (the page rendered to text with
html-text, one line per block, cleaned by analyser.clean.clean_text_page), scored by
cross-validation over the pages of both sets grouped by site (each page's model never saw
a page of its site); trafilatura.extract in its default, precision and recall modes;
readability-lxml; and the whole page's text. Columns: F1, precision, recall, and pages per
second of CPU time on one core. On ``wcxb-dev`` the same rows follow per page type.

WCXB's ground truth here carries no page type, so the type is read from the URL
(:func:`page_type`): "guide" (how-to, tutorial, learn, academy, ...), "blog" (a blog
host or /blog/ path), else "news" (news, magazines and other articles).

Both analyser paths are scored on the article body: the kept blocks without the headline
(CleanResult.title) and bylines, as the benchmarks' articleBody excludes them.

Metric: the Scrapinghub benchmark's evaluate.py: \\w+ tokens, multisets of 4-token
shingles, per-page tp/fp/fn normalised to sum 1, precision and recall macro-averaged over
pages (a page with neither predicted nor true shingles counts 1.0), F1 = 2PR/(P+R) of the
means.

    python benchmarks/extraction_eval.py [--sets NAME ...] [--no-text] [--no-baselines]
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
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
DATA_ROOT = REPO.parent / "shared" / "data" / "extraction"
SETS = ("scrapinghub-aeb", "wcxb-dev")
DEFAULT_DATA = DATA_ROOT / SETS[0]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
_TOKEN = re.compile(r"\w+")
_GUIDE = re.compile(r"guide|how-?to|tutorial|learn|/docs?/|tips|what-is|resources|/help|"
                    r"knowledge|academy|wiki|faq|explained|/course")
_BLOG = re.compile(r"blog|/posts?/|substack|medium\.com|wordpress|ghost\.io")
PAGE_TYPES = ("news", "blog", "guide")

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


def load_urls(data: Path) -> dict[str, str]:
    """id -> the page's URL."""
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    return {i: v.get("url", "") for i, v in truth.items()}


def site(url: str) -> str:
    """The page's site (host without www.), the group for cross-validation."""
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def page_type(url: str) -> str:
    """news, blog or guide, from the URL (the local ground truth has no type field)."""
    p = urlparse(url.lower())
    if _GUIDE.search(p.path):
        return "guide"
    if _BLOG.search(p.netloc + p.path):
        return "blog"
    return "news"


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


def trafilatura_mode(**kwargs: bool) -> Callable[[str], str]:
    """trafilatura.extract with comments excluded and one mode's flags."""
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False, **kwargs) or ""


def readability_baseline(html: str) -> str:
    """readability-lxml's summary as text, one line per block."""
    from lxml import html as lxml_html
    from lxml.etree import LxmlError
    from readability import Document

    try:
        root = lxml_html.fromstring(Document(html).summary(html_partial=True))
    except (ValueError, LxmlError):
        return ""
    return "\n".join(t for t in (el.text_content().strip() for el in root.iter(
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre")) if t)


#: The timed methods of every table: (row name, function of the page's HTML).
def methods() -> list[tuple[str, Callable[[str], str]]]:
    """Every HTML-in method of the table, in row order."""
    return [
        ("analyser HTML path", html_path),
        ("trafilatura default", trafilatura_mode()),
        ("trafilatura precision (favor_precision)", trafilatura_mode(favor_precision=True)),
        ("trafilatura recall (favor_recall)", trafilatura_mode(favor_recall=True)),
        ("readability-lxml 0.9 summary", readability_baseline),
        ("whole page text (html-text)", page_text),
    ]


def print_table(title: str, rows: list[tuple[str, dict[str, str], str]],
                truth: dict[str, str]) -> None:
    """One table: each row scored on the pages of ``truth``."""
    print(f"\n{title}: {len(truth)} pages")
    print(f"{'method':<44} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8}")
    for name, preds, speed in rows:
        f1, p, r = score(preds, truth)
        print(f"{name:<44} {f1:6.3f} {p:6.3f} {r:6.3f} {speed:>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=DATA_ROOT, help="folder holding the sets")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--no-text", action="store_true", help="skip the text path's CV")
    ap.add_argument("--no-baselines", action="store_true", help="analyser rows only")
    args = ap.parse_args(argv)
    present = [s for s in args.sets if (args.root / s / "ground-truth.json").is_file()]
    if not present:
        print(f"skipped: benchmark data not found under {args.root} (needs ../shared)")
        return 0
    loaded = {s: load_benchmark(args.root / s) for s in present}
    urls = {s: load_urls(args.root / s) for s in present}
    text_preds: dict[str, dict[str, str]] = {}
    if not args.no_text:
        from train_text_cleaner import cross_validate_sets

        text_preds = cross_validate_sets({s: (loaded[s], urls[s]) for s in present})
    chosen = methods()[:1] if args.no_baselines else methods()
    for s in present:
        ids, html, truth = loaded[s]
        html_path(html[ids[0]])  # warm-up: imports and caches are not per-page costs
        rows: list[tuple[str, dict[str, str], str]] = []
        for name, fn in chosen:
            preds, speed = timed(fn, html)
            rows.append((name, preds, f"{speed:.1f}"))
        if s in text_preds:
            rows.insert(1, ("analyser text path (CV by site, both sets)", text_preds[s], ""))
        print_table(s, rows, truth)
        if s == "wcxb-dev":
            types = {i: page_type(urls[s].get(i, "")) for i in ids}
            for t in PAGE_TYPES:
                sub = {i: truth[i] for i in ids if types[i] == t}
                if sub:
                    print_table(f"{s}, page type {t} (from the URL)", rows, sub)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
