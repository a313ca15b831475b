"""Story grouping measured: same-story pairs found on BASIL-dev, false groupings on BBC.

    python benchmarks/story_eval.py                 # every table below
    python benchmarks/story_eval.py --sweep         # link similarity against P/R/BBC
    python benchmarks/story_eval.py --scale 10      # time and memory on 10x BBC

Pairwise measure (BASIL-dev, 45 events x 3 outlets): a pair of articles from different
outlets is *found* when both are in one story; precision = found pairs that are the same
event / all found pairs, recall = same-event pairs found / all same-event pairs. The
event half used to choose ``LINK_SIMILARITY`` (``--sweep --part tune``) is reported apart
from the half it never saw (``--part report``): events split by ``sha1('split:' + story) % 2``.

BBC (2,225 articles, five sections, each section an outlet): share of cross-section pairs
put in one story (there are no shared events across sections, by construction of the set).

Reads ``../shared/data``; prints one table per measure. Never writes into the checkout.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analyser.stories import (  # noqa: E402
    StoryItem,
    group_stories,
    grouping,  # noqa: E402, I001
    story_signature,
)

SHARED = REPO.parent / "shared" / "data"
BASIL = SHARED / "outlets" / "basil-dev.jsonl.gz"
BBC = SHARED / "news" / "news.jsonl.gz"


def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def items_of(rows: list[dict], *, dates: bool = True) -> list[StoryItem]:
    return [
        StoryItem(id=r["id"], outlet=r.get("outlet") or r.get("source") or "",
                  signature=story_signature(r.get("title"), r["text"]),
                  published=r.get("published") if dates else None)
        for r in rows
    ]


def group(rows: list[dict], *, dates: bool = True, link: float | None = None):
    link = grouping.LINK_SIMILARITY if link is None else link
    return group_stories(items_of(rows, dates=dates), use_dates=dates, link_similarity=link,
                         text_of=lambda i: rows[i]["text"]).story


def part_of(story: str) -> str:
    # Not sha1(story) % 2: the dev events are exactly those where that is 0 (SOURCE.md).
    digest = hashlib.sha1(f"split:{story}".encode()).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "report"


def pairwise(rows: list[dict], labels: list[str]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(len(rows)), 2):
        if rows[a]["outlet"] == rows[b]["outlet"]:
            continue
        same = rows[a]["story"] == rows[b]["story"]
        found = bool(labels[a]) and labels[a] == labels[b]
        tp += same and found
        fp += found and not same
        fn += same and not found
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": tp + fn, "found": tp + fp, "precision": p, "recall": r}


def basil_table(link: float | None = None) -> None:
    rows = read_jsonl(BASIL)
    link = grouping.LINK_SIMILARITY if link is None else link
    print(f"BASIL-dev ({len(rows)} articles), link similarity {link}")
    print(f"{'part':<8} {'dates':<6} {'pairs':>6} {'found':>6} {'precision':>9} {'recall':>7}")
    for dates in (True, False):
        labels = group(rows, dates=dates, link=link)
        for part in ("all", "tune", "report"):
            keep = [k for k, r in enumerate(rows) if part == "all" or part_of(r["story"]) == part]
            m = pairwise([rows[k] for k in keep], [labels[k] for k in keep])
            print(f"{part:<8} {'yes' if dates else 'no':<6} {m['pairs']:>6} {m['found']:>6} "
                  f"{m['precision']:>9.3f} {m['recall']:>7.3f}")


def bbc_rate(rows: list[dict], labels: list[str]) -> tuple[int, int]:
    by_story: dict[str, list[str]] = {}
    for r, s in zip(rows, labels, strict=True):
        if s:
            by_story.setdefault(s, []).append(r["source"])
    grouped = sum(
        1 for members in by_story.values()
        for a, b in itertools.combinations(members, 2) if a != b
    )
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r["source"]] = sizes.get(r["source"], 0) + 1
    total = sum(x * y for x, y in itertools.combinations(sizes.values(), 2))
    return grouped, total


def bbc_table(link: float | None = None) -> None:
    rows = read_jsonl(BBC)
    link = grouping.LINK_SIMILARITY if link is None else link
    labels = group(rows, link=link)
    grouped, total = bbc_rate(rows, labels)
    stories = len({s for s in labels if s})
    print(f"BBC ({len(rows)} articles, 5 sections as outlets), link similarity {link}: "
          f"{stories} stories, {grouped} of {total} cross-section pairs grouped "
          f"({100 * grouped / total:.3f}%)")


def sweep(part: str) -> None:
    rows = read_jsonl(BASIL)
    keep = [k for k, r in enumerate(rows) if part == "all" or part_of(r["story"]) == part]
    sub = [rows[k] for k in keep]
    bbc = read_jsonl(BBC)
    print(f"sweep on BASIL-dev part '{part}' ({len(sub)} articles) and BBC")
    print(f"{'link':>5} {'P':>6} {'R':>6} {'P nodate':>8} {'R nodate':>8} {'BBC %':>7}")
    for link in (0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3):
        m = pairwise(sub, group(sub, link=link))
        m2 = pairwise(sub, group(sub, dates=False, link=link))
        grouped, total = bbc_rate(bbc, group(bbc, link=link))
        print(f"{link:>5} {m['precision']:>6.3f} {m['recall']:>6.3f} {m2['precision']:>8.3f} "
              f"{m2['recall']:>8.3f} {100 * grouped / total:>7.3f}")


def scale(times: int) -> None:
    rows = read_jsonl(BBC)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    # Signatures are made as the items stream in (as the corpus does, article by article).
    items = (
        StoryItem(id=f"{r['id']}-{k}", outlet=r["source"],
                  signature=story_signature(r.get("title"), r["text"]))
        for k in range(times) for r in rows
    )
    stories = group_stories(items, text_of=lambda i: rows[i % len(rows)]["text"])
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(stories.story)} articles: signatures and grouping {done - start:.1f} s; "
          f"{len({s for s in stories.story if s})} stories; peak RSS {peak:.0f} MiB "
          f"({peak - before:.0f} MiB above the texts read)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--part", default="tune", choices=("tune", "report", "all"))
    ap.add_argument("--scale", type=int, default=0)
    ap.add_argument("--link", type=float, default=None)
    args = ap.parse_args(argv)
    if not BASIL.exists() or not BBC.exists():
        print(f"needs {BASIL} and {BBC}", file=sys.stderr)
        return 2
    if args.sweep:
        sweep(args.part)
    elif args.scale:
        scale(args.scale)
    else:
        basil_table(args.link)
        bbc_table(args.link)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
