"""Throughput: the full analyser against textstat's formulas alone, on the BBC corpus.

    python benchmarks/throughput.py [--limit N] [--jobs N]

Each mode runs in its own child process (so peak memory is its own) over the same texts,
one core by default, and the script prints one table: words per second and peak RSS.
Words are whitespace-separated words of the article bodies (842,910 for the full corpus).
The BBC corpus is for benchmarking only (see ../shared/data/news/SOURCE.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "news.jsonl.gz"

TEXTSTAT_FORMULAS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "difficult_words", "text_standard",
)


def load(limit: int | None) -> list[dict]:
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def child(mode: str, limit: int | None, jobs: int) -> None:
    """Run one mode and print {"words", "seconds", "peak_mb"} as JSON."""
    import resource
    import time

    rows = load(limit)
    words = sum(len(r["text"].split()) for r in rows)
    if mode == "textstat":
        from analyser.resources import ensure_nltk_cmudict

        ensure_nltk_cmudict()
        import textstat

        textstat.syllable_count("warm up the dictionary")
        funcs = [getattr(textstat, name) for name in TEXTSTAT_FORMULAS]
        start = time.perf_counter()
        for r in rows:
            for f in funcs:
                f(r["text"])
    else:
        from analyser.analysis import analyse_text
        from analyser.corpus import iter_analyses
        from analyser.models import Article

        analyse_text("Warm up. The dictionaries load once.")
        articles = [Article(id=r["id"], raw=r["text"], outlet=r["source"], preclean=True)
                    for r in rows]
        start = time.perf_counter()
        for result in iter_analyses(articles, jobs=jobs):
            if not hasattr(result, "scores"):
                raise SystemExit(f"analysis failed: {result}")
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if jobs > 1:
        peak_kb += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"words": words, "seconds": seconds, "peak_mb": peak_kb / 1024}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the analyser")
    ap.add_argument("--child", choices=("analyser", "textstat"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.limit, args.jobs)
        return
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared data sets live beside the repo)")
        return
    results = {}
    for mode in ("analyser", "textstat"):
        cmd = [sys.executable, __file__, "--child", mode, "--jobs", str(args.jobs)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    n = load(args.limit)
    print(f"BBC corpus: {len(n)} articles, {results['analyser']['words']:,} words; "
          f"analyser jobs={args.jobs}, textstat one process")
    print(f"{'mode':<36}{'seconds':>10}{'words/s':>12}{'peak MB':>10}")
    labels = {"analyser": "full analyser (all families)",
              "textstat": "textstat, 10 formulas alone"}
    for mode, r in results.items():
        print(f"{labels[mode]:<36}{r['seconds']:>10.1f}{r['words'] / r['seconds']:>12,.0f}"
              f"{r['peak_mb']:>10.0f}")


if __name__ == "__main__":
    main()
