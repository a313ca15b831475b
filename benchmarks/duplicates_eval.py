"""Near-duplicate search on the BBC corpus: are all exact duplicates found, and how fast?

    python benchmarks/duplicates_eval.py [--threshold 0.8]

Counts the bodies that exactly duplicate another (by hashing ``text``), runs
:func:`analyser.duplicates.find_duplicates` over all (id, text) pairs on one core, checks
that every duplicated body is grouped with its twin, and prints one table: time, groups,
exact duplicates found, and near-duplicate pairs beyond the exact ones. Exits 1 when a
duplicate is missed or the search takes 10 s or more. The corpus stays in ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analyser.duplicates import find_duplicates  # noqa: E402

CORPUS = REPO / ".." / "shared" / "data" / "news" / "news.jsonl.gz"
LIMIT_S = 10.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=0.8)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    by_hash: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_hash[hashlib.sha1(r["text"].encode("utf-8")).hexdigest()].append(r["id"])
    exact_sets = [ids for ids in by_hash.values() if len(ids) > 1]
    duplicated = sum(len(ids) - 1 for ids in exact_sets)  # bodies that duplicate another

    t0 = time.perf_counter()
    groups = find_duplicates([(r["id"], r["text"]) for r in rows], threshold=args.threshold)
    elapsed = time.perf_counter() - t0

    group_of = {i: n for n, g in enumerate(groups) for i in g["ids"]}
    found = sum(
        len(ids) - 1
        for ids in exact_sets
        if all(i in group_of and group_of[i] == group_of[ids[0]] for i in ids)
    )
    exact_pairs = {frozenset(ids) for ids in exact_sets}
    beyond = [g for g in groups if frozenset(g["ids"]) not in exact_pairs]
    extra_members = sum(len(g["ids"]) for g in beyond)
    ok = found == duplicated and elapsed < LIMIT_S
    print("| articles | duplicated bodies (exact) | found with twin | groups | "
          "groups beyond exact (articles) | lowest similarity | seconds | result |")
    print("|---|---|---|---|---|---|---|---|")
    low = min((g["similarity"] for g in groups), default=1.0)
    print(f"| {len(rows):,} | {duplicated} | {found} | {len(groups)} | "
          f"{len(beyond)} ({extra_members}) | {low:.3f} | {elapsed:.2f} | "
          f"{'PASS' if ok else 'FAIL'} |")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
