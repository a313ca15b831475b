"""What drives the padding index on the pages that score highest.

    python benchmarks/padding_top.py [--top 20] [--limit N]

Every HTML page of the two extraction benchmarks (../shared/data/extraction: WCXB dev and
Scrapinghub AEB; benchmark use only) goes through the whole pipeline (cleaning included),
as ``analyser score`` does. Prints the ``--top`` pages by ``padding_index`` with each
part's contribution to the index (weight x part, in index points), the part that
contributes most, the share of the page's words that are prose, and its sentence counts
(restating sentences, empty sentences, padding-language findings). A page whose index is
driven by page structure shows it here: a low prose share with a high repetition or
diversity part, or restatements among list entries.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
ROOT = REPO.parent / "shared" / "data" / "extraction"
SETS = ("wcxb-dev", "scrapinghub-aeb")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    args = ap.parse_args(argv)
    if not ROOT.is_dir():
        print(f"skipped: {ROOT} not found (the shared data sets live beside the repo)")
        return 0
    from analyser.analysis import analyse_article
    from analyser.errors import InputError
    from analyser.metrics.padding import INDEX_PARTS
    from analyser.models import Article

    rows = []
    for name in SETS:
        pages = sorted((ROOT / name / "html").glob("*.html.gz"))[: args.limit]
        for path in pages:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
                raw = fh.read()
            page = f"{name}/{path.name.split('.')[0]}"
            try:
                a = analyse_article(Article(id=page, raw=raw, source=str(path), format="html"))
            except InputError as exc:  # a page with no article text is left out
                print(f"skipped {page}: {exc}", file=sys.stderr)
                continue
            words = sum(r["words"] for r in a.sentences) or 1
            prose = sum(r["words"] for r in a.sentences if r["kind"] == "prose")
            contrib = {k: 100 * w * a.scores.get(f"padding_part_{k}", 0.0)
                       for k, (w, _) in INDEX_PARTS.items()}
            rows.append((a.scores["padding_index"], page,
                         contrib, prose / words, a))
    rows.sort(key=lambda r: -r[0])
    parts = list(INDEX_PARTS)
    print(f"{'page':26} {'index':>5} " + " ".join(f"{k[:6]:>6}" for k in parts)
          + f" {'driver':>11} {'prose':>5} {'restate':>7} {'lang':>4}")
    for index, page, contrib, share, a in rows[: args.top]:
        driver = max(contrib, key=contrib.__getitem__)
        restating = sum(f.code == "RPT002" for f in a.findings)
        lang = sum(f.category in ("filler", "hedge", "intensifier", "weasel", "padding", "meta")
                   for f in a.findings)
        print(f"{page:26} {index:5.1f} " + " ".join(f"{contrib[k]:6.1f}" for k in parts)
              + f" {driver:>11} {share:5.2f} {restating:7d} {lang:4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
