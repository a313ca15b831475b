"""How far one block of an article can move its readability_grade (BBC News).

    python benchmarks/grade_block_check.py [--limit N] [--show 10]

For every article of ../shared/data/news/news.jsonl.gz, the document grade is recomputed
with each paragraph left out in turn, when at least MIN_LEFT_SENTENCES sentences and
MIN_LEFT_WORDS words of prose (not catalogues) remain (the per-sentence counts are computed once and
re-added without that paragraph, as grade.document_stats does). Prints the share of
articles where leaving out one block moves the grade by more than ``--limit-grades`` (3),
the largest moves and, for the biggest movers, the kind of block and its first words, so a
list or line-up read as prose shows up. Then what the catalogue rule does (sentences that
are mostly names and numbers, e.g. team line-ups, left out of the grade): how many
articles have one and how far the grade would move if they were read as prose. Also
prints the Spearman correlation of the grade with the article's prose word count. Skips
cleanly when the data set is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "data" / "news" / "news.jsonl.gz"
MIN_LEFT_SENTENCES = 3
MIN_LEFT_WORDS = 50


def moves(text: str):
    """(grade, words read, [(grade change when the block is left out, kind, start)],
    catalogue sentences, grade change if the catalogues were read as prose)."""
    from analyser.document import parse
    from analyser.metrics import grade

    doc = parse(text)
    prose = doc.prose_sentences
    per = [(s.paragraph, grade.sentence_stats(doc, s)) for s in prose]

    def total(skip: int | None) -> grade.Stats:
        return grade.document_stats(doc, [s for p, s in per if p != skip])

    full = total(None)
    g = grade.grade_of(full)
    out = []
    for para in doc.paragraphs:
        if not any(p == para.index for p, _ in per):
            out.append((0.0, para.kind, text[para.start:para.end][:60]))
            continue
        rest = total(para.index)
        left = [s for p, s in per if p != para.index and not grade.is_catalogue(s)]
        if len(left) >= MIN_LEFT_SENTENCES and sum(s.counts.words for s in left) >= \
                MIN_LEFT_WORDS:
            out.append((grade.grade_of(rest) - g, para.kind, text[para.start:para.end][:60]))
    as_prose = grade.Stats()
    for _, s in per:
        as_prose.add(s)
    catalogues = sum(grade.is_catalogue(s) for _, s in per)
    return g, full.counts.words, out, catalogues, grade.grade_of(as_prose) - g


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--limit-grades", type=float, default=3.0)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared data sets live beside the repo)")
        return 0
    from scipy.stats import spearmanr

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][: args.limit]
    grades, words, worst, cat = [], [], [], []
    for i, t in enumerate(texts):
        g, w, m, n_cat, d_cat = moves(t)
        grades.append(g)
        words.append(w)
        if n_cat:
            cat.append(abs(d_cat))
        if m:
            d, kind, start = max(m, key=lambda r: abs(r[0]))
            worst.append((abs(d), d, i, kind, start))
    worst.sort(reverse=True)
    over = sum(1 for a, *_ in worst if a > args.limit_grades)
    print(f"articles: {len(texts)}; leaving out one block moves the grade by more than "
          f"{args.limit_grades:g} in {over} ({over / len(texts):.1%}); largest move "
          f"{worst[0][0]:.2f}; median of each article's largest move "
          f"{sorted(a for a, *_ in worst)[len(worst) // 2]:.2f}")
    print(f"articles with a catalogue sentence (left out): {len(cat)}; read as prose they "
          f"would move the grade by more than {args.limit_grades:g} in "
          f"{sum(d > args.limit_grades for d in cat)} (largest {max(cat, default=0):.2f})")
    print(f"Spearman(grade, prose word count): {spearmanr(grades, words).statistic:+.3f}")
    for _a, d, i, kind, start in worst[: args.show]:
        print(f"  article {i:4d}: {d:+.2f} grades without the {kind} block "
              f"'{start.replace(chr(10), ' ')}…'")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
