"""Large inputs: time and peak memory of ``analyser score`` on 1 MB and 10 MB of prose.

    python benchmarks/large_input.py [--sizes 1 10]

Each input is one plain-text file of BBC article bodies (../shared/data/news/news.jsonl.gz,
benchmark use only, see its SOURCE.md) joined by blank lines, in an order shuffled with a
fixed seed; the corpus holds about 5 MB, so the 10 MB file repeats every article once,
in another order. Each file is scored by ``python -m analyser score FILE`` in a child
process, with ``max-article-words`` raised so that the whole file is analysed as one
article (at the default limit the 10 MB file is refused, which is timed too), and its
wall time and peak RSS come from the child's own resource usage. A last row scores 1 MB of
the same words run together without punctuation (one line, no sentence ends).

Prints one table; its last line gives what issue 17 sets limits on: the time of the
largest file over the time of the 1 MB file (at most 12 for 10 MB) and the largest
file's peak memory (under 1 GB).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "news.jsonl.gz"
#: Raised for the benchmark so that a 10 MB file is one analysed article.
BENCH_LIMIT = 10_000_000


def prose(texts: list[str], size: int) -> str:
    """Article bodies joined by blank lines, shuffled (seed 0, reshuffled each pass over
    the corpus), cut to ``size`` bytes of UTF-8."""
    rng = random.Random(0)
    out: list[str] = []
    total = 0
    while total < size:
        order = list(range(len(texts)))
        rng.shuffle(order)
        for i in order:
            if total >= size:
                break
            out.append(texts[i])
            total += len(texts[i].encode("utf-8")) + 2
    return "\n\n".join(out).encode("utf-8")[:size].decode("utf-8", "ignore")


def score(path: Path, config: Path | None) -> dict:
    """Score one file in a child process: seconds, peak MB, and the row (or the error)."""
    out = path.with_name(f"{path.stem}_{'bench' if config else 'default'}.csv")
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "analyser", "score", str(path), "-o", str(out)]
    if config is not None:
        cmd += ["--config", str(config)]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=path.parent, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    stderr = child.stderr.read() if child.stderr else ""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    rows = list(csv.DictReader(out.open(encoding="utf-8"))) if out.exists() else []
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "status": child.returncode,
            "row": rows[0] if rows else {}, "error": stderr.strip().splitlines()[:1]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 10],
                    help="file sizes in MB; the first is the baseline of the ratio")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared data sets live beside the repo)")
        return 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]

    results: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory(prefix="analyser-large-") as tmp:
        folder = Path(tmp)
        config = folder / "bench.toml"
        config.write_text(f"max-article-words = {BENCH_LIMIT}\n", encoding="utf-8")
        for mb in args.sizes:
            path = folder / f"prose_{mb:g}mb.txt"
            path.write_text(prose(texts, int(mb * 1_000_000)), encoding="utf-8")
            results.append((f"{mb:g} MB prose", score(path, config)))
        largest = folder / f"prose_{max(args.sizes):g}mb.txt"
        results.append((f"{max(args.sizes):g} MB, default limit", score(largest, None)))
        line = folder / "one_line_1mb.txt"
        words = re.findall(r"[^\W\d_]+", prose(texts, 1_000_000))
        line.write_text(" ".join(words)[:1_000_000], encoding="utf-8")
        results.append(("1 MB line, no punctuation", score(line, config)))

    print(f"{'input':<30}{'words':>11}{'seconds':>9}{'peak MB':>9}  result")
    for label, r in results:
        row = r["row"]
        if row:
            what = f"Flesch reading ease {float(row['flesch_reading_ease']):.1f}"
        else:
            what = (r["error"] or [f"exit {r['status']}"])[0].split(": ", 2)[-1]
        words_col = f"{float(row['words_total']):,.0f}" if row else "-"
        print(f"{label:<30}{words_col:>11}{r['seconds']:>9.1f}{r['peak_mb']:>9.0f}  {what}")
    base, top = results[0][1], results[len(args.sizes) - 1][1]
    print(f"{'ratio':<30}{'':>11}{top['seconds'] / base['seconds']:>9.2f}{'':>9}  "
          f"time {max(args.sizes):g} MB / {args.sizes[0]:g} MB (limit 12); "
          f"peak {top['peak_mb']:.0f} MB (limit 1,024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
