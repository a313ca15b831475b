"""Cost of each metric family on the BBC corpus, and the ratios the issues set limits on.

    python benchmarks/family_cost.py [--limit N] [--repeat 2]

Every article body of ../shared/data/news/news.jsonl.gz (2,225 BBC articles; benchmark use
only, see its SOURCE.md) is parsed once (the Document every family shares), then the
families run on it in the pipeline's order, each with the results of the families it
needs (padding reads the language and repetition results), as ``analyse_document`` does.
Times are process CPU time per family, summed over the corpus, best of ``--repeat``
rounds, so other load on the machine does not distort them. Prints one table: CPU seconds
and milliseconds per 1,000 words per family and for the groups, then the two ratios:

* readability group (readability + grade + passive) in ms per 1,000 words (limit 25);
* text group (repetition + substance + padding) over the readability group (limit 1.5).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "data" / "news" / "news.jsonl.gz"

READABILITY_GROUP = ("readability", "grade", "passive")
TEXT_GROUP = ("repetition", "substance", "padding")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=2, help="rounds; the best is kept")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared data sets live beside the repo)")
        return 0

    from analyser.document import parse
    from analyser.metrics import Context, families
    from analyser.settings import DEFAULT_SETTINGS

    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if args.limit and len(texts) >= args.limit:
                break
    start = time.process_time()
    docs = [parse(t) for t in texts]
    parse_s = time.process_time() - start
    words = sum(1 for d in docs for tok in d.tokens if tok.kind != "punct")
    del docs  # each round parses afresh, so no document carries values from the last one
    fams = families()

    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(max(1, args.repeat)):
        spent = dict.fromkeys(best or (f.name for f in fams), 0.0)
        # as in the pipeline: every family on one document, in run order, then the next
        # one (so values a document computes once for several families are shared as in
        # use), each handed the results of the families it needs
        for doc in (parse(t) for t in texts):
            results = {}
            for fam in fams:
                ctx = Context(doc, DEFAULT_SETTINGS, {n.name: results[n.name] for n in fam.needs})
                start = clock()
                results[fam.name] = fam.measure(ctx)
                spent[fam.name] += clock() - start
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)

    def ms_per_1k(seconds: float) -> float:
        return 1000 * seconds / words * 1000

    rows = [("parse (shared Document)", parse_s)] + [(f.name, best[f.name]) for f in fams]
    read = sum(best[n] for n in READABILITY_GROUP if n in best)
    text = sum(best[n] for n in TEXT_GROUP if n in best)
    rows += [("readability group: " + " + ".join(READABILITY_GROUP), read),
             ("text group: " + " + ".join(TEXT_GROUP), text)]
    print(f"BBC corpus: {len(texts)} articles, {words:,} words; CPU time, best of "
          f"{args.repeat}")
    print(f"{'step':<58}{'seconds':>9}{'ms/1k words':>13}")
    for label, seconds in rows:
        print(f"{label:<58}{seconds:>9.2f}{ms_per_1k(seconds):>13.2f}")
    print(f"readability group: {ms_per_1k(read):.2f} ms per 1,000 words (limit 25)")
    print(f"text group / readability group: {text / read:.2f}x (limit 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
