"""Scale: words per second on one process, ``-j 2`` and Dask, and peak memory by corpus size.

    python benchmarks/scale.py [--sizes 1 3 10] [--limit N] [--no-dask] [--no-speed]

Builds, in a temporary folder, JSONL corpora of N × the BBC articles
(../shared/data/news/news.jsonl.gz, benchmark use only, see its SOURCE.md; ``--limit``
takes the first N articles only), each copy's ids made unique (``<id>~<copy>``). Every run
is ``python -m analyser score`` in a child process, so its wall time and peak RSS come
from the child's own resource usage:

* speed, on the 1× corpus: one process, ``-j 2``, and ``--engine dask`` on a two-worker
  LocalCluster (started by the child; its workers' memory is not in the peak). Words/s is
  the sum of the ``words`` column over the wall time, start-up included;
* memory: one process over each size (``--format csv``).

Prints one table. Timings on a machine shared with other work are noisy: compare the rows
of one run, not runs of different days.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "news.jsonl.gz"


def build(rows: list[dict], copies: int, path: Path) -> Path:
    """``copies`` × ``rows`` as JSONL, ids made unique per copy."""
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for row in rows:
                rid = row["id"] if k == 0 else f"{row['id']}~{k}"
                fh.write(json.dumps({**row, "id": rid}, ensure_ascii=False) + "\n")
    return path


def run_child(command: str, args: list[str]) -> dict:
    """One ``analyser COMMAND ARGS`` child: seconds, peak MB (its own resource usage) and
    exit status, with the last line of its standard error when it failed."""
    cmd = [sys.executable, "-m", "analyser", command, *args]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    stderr = child.stderr.read() if child.stderr else ""
    _, status, usage = os.wait4(child.pid, 0)
    return {"seconds": time.perf_counter() - start, "peak_mb": usage.ru_maxrss / 1024,
            "status": os.waitstatus_to_exitcode(status),
            "error": stderr.strip().splitlines()[-1:] if status else []}


def run(args: list[str], out: Path) -> dict:
    """One ``analyser score`` child: seconds, peak MB, words scored, exit status."""
    return {**run_child("score", args), "words": _words(out)}


def _words(out: Path) -> float:
    if out.is_dir():
        import pandas as pd

        files = sorted(out.glob("part-*.parquet"))
        return float(sum(pd.read_parquet(f, columns=["words"])["words"].sum() for f in files))
    if not out.exists():
        return 0.0
    with out.open(encoding="utf-8") as fh:
        return float(sum(float(r["words"] or 0) for r in csv.DictReader(fh)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 3, 10],
                    help="corpus sizes, in copies of the BBC articles")
    ap.add_argument("--limit", type=int, help="use only the first N BBC articles")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask speed row")
    ap.add_argument("--no-speed", action="store_true", help="memory rows only")
    ap.add_argument("--no-memory", action="store_true", help="speed rows only")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = rows[: args.limit] if args.limit else rows
    table = []
    print(f"{'run':<38} {'articles':>8} {'seconds':>8} {'peak MB':>8} {'exit':>4}  result",
          flush=True)

    def show(name: str, articles: int, r: dict, result: str, note: str = "") -> None:
        table.append((name, articles, r))
        print(f"{name:<38} {articles:>8} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f} "
              f"{r['status']:>4}  {result} {note} {' '.join(r['error'])}".rstrip(), flush=True)

    with tempfile.TemporaryDirectory(prefix="analyser-scale-") as tmp:
        tmp_path = Path(tmp)
        one = build(rows, 1, tmp_path / "x1.jsonl")
        if not args.no_speed:
            runs = [("one process", []), ("-j 2", ["-j", "2"])]
            if not args.no_dask:
                runs.append(("dask, 2-worker LocalCluster", ["--engine", "dask"]))
            base = None
            for i, (name, extra) in enumerate(runs):
                dask = "--engine" in extra
                out = tmp_path / (f"speed{i}" if dask else f"speed{i}.csv")
                r = run([str(one), *extra, "-o", str(out)], out)
                rate = r["words"] / r["seconds"] if r["seconds"] else 0.0
                base = base or rate
                show(f"speed 1x: {name}", len(rows), r, f"{rate:,.0f} words/s",
                     f"{rate / base:.2f}x one process")
        if not args.no_memory:
            for n in args.sizes:
                corpus = build(rows, n, tmp_path / f"x{n}.jsonl")
                out = tmp_path / f"mem{n}.csv"
                r = run([str(corpus), "-o", str(out)], out)
                show(f"memory {n}x", len(rows) * n, r, f"{r['peak_mb']:.0f} MB peak")
                corpus.unlink()
    mem = [r for name, _, r in table if name.startswith("memory")]
    if len(mem) > 1:
        print(f"largest over smallest peak RSS: {mem[-1]['peak_mb'] / mem[0]['peak_mb']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
