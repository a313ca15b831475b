"""Prose-only grade against the all-blocks grade on BBC News: what non-prose blocks would do.

    python benchmarks/prose_grade_check.py [--limit N] [--show 10] [--limit-grades 3]

For every article of ../shared/data/news/news.jsonl.gz, ``readability_grade`` as the
analyser computes it (prose blocks only, catalogue sentences such as line-ups left out) is
compared with the grade of every sentence of every block read as prose (headings, list
items, table rows, bylines, label: value rows, captions, datelines and catalogues
included). Prints how many articles the non-prose material would move by more than
``--limit-grades`` grades, then the ``--show`` largest changes and why: the non-prose
material left out (block kind or "catalogue sentence", word count, first words), largest
first. Also counts the blocks of each kind over the corpus. Skips cleanly when the data
set is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "data" / "news" / "news.jsonl.gz"


def compare(text: str) -> tuple[float, float, list[tuple[int, str, str]], Counter[str]]:
    """(prose-only grade, all-blocks grade, [(words, why, first words)] of what the
    prose-only grade leaves out, block kinds)."""
    from analyser.document import parse
    from analyser.metrics import grade

    doc = parse(text)
    g_prose = grade.grade_of(grade.document_stats(doc))
    every = grade.Stats()
    left_out: list[tuple[int, str, str]] = []
    prose = {s.index for s in doc.prose_sentences}
    for s in doc.sentences:
        st = grade.sentence_stats(doc, s)
        every.add(st)
        why = ("catalogue sentence" if grade.is_catalogue(st) else "") if s.index in prose \
            else f"{s.kind} block"
        if why:
            left_out.append((s.words, why, doc.text[s.start:s.end][:60].replace("\n", " ")))
    left_out.sort(reverse=True)
    kinds = Counter(p.kind for p in doc.paragraphs)
    return g_prose, grade.grade_of(every), left_out, kinds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--limit-grades", type=float, default=3.0)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared data sets live beside the repo)")
        return 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][: args.limit]
    changes = []
    kinds: Counter[str] = Counter()
    for row in rows:
        g_prose, g_all, left_out, k = compare(row["text"])
        kinds.update(k)
        changes.append((abs(g_all - g_prose), g_all - g_prose, g_prose, row["id"], left_out))
    changes.sort(key=lambda c: -c[0])
    over = sum(1 for c in changes if c[0] > args.limit_grades)
    print(f"articles: {len(rows)}; reading the non-prose material as prose would move "
          f"readability_grade by more than {args.limit_grades:g} grades in {over} "
          f"({over / len(rows):.1%}); largest {changes[0][0]:.2f}")
    print("blocks by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for _a, d, g, ident, left_out in changes[: args.show]:
        print(f"  {ident}: grade {g:.1f} (prose only), {d:+.2f} with every block read as prose")
        for words, why, start in left_out[:2]:
            print(f"      {why}, {words} words: '{start}…'")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
