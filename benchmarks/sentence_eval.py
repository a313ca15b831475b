"""How well the sentence grade and the hard-sentence findings (HRD001/HRD002) match the
sentence ratings, and how much of BBC prose they flag.

    python benchmarks/sentence_eval.py [--shared ../shared/data]

Prints one table, with the house defaults of ``Settings`` (``hard_sentence_grade``,
``very_hard_sentence_grade``) and the model in ``analyser/metrics/data/sentence_grade.json``:

* Spearman of the sentence grade with the 1-5 ratings of
  ``benchmarks/annotations/sentence_difficulty.csv``, on the tune part (the model was fitted
  on it) and on the heldout part, next to the length-only baseline (words in the sentence);
* hard-sentence findings on the rated sentences (a sentence is banded as the grade family
  bands it; all rated sentences are prose): how many, and the share rated 4 or 5
  (precision), with the rated-4-or-5 sentences they find (recall);
* on every BBC article (``../shared/data/news``), and on the three-outlet news set
  (``outlets/basil-dev``): the share of prose sentences that are hard or very hard, and
  very hard, as ``analyser`` reports them; the largest sentence grade of a prose sentence,
  and how many sentences (any kind) reach the cap.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from sentence_ratings import SHARED, load_ratings, read_texts, spearman  # noqa: E402

from analyser.document import parse  # noqa: E402
from analyser.metrics import grade  # noqa: E402
from analyser.metrics.base import Context  # noqa: E402
from analyser.settings import Settings  # noqa: E402

#: Corpora whose banded shares are printed: BBC (the target), and the three-outlet set.
CORPORA = {"BBC": "news/news.jsonl.gz", "outlets": "outlets/basil-dev.jsonl.gz"}


def rated(shared: Path, settings: Settings) -> list[dict]:
    """The rated sentences with ``grade`` and ``band`` as the grade family gives them."""
    rows = load_ratings(shared)
    texts = {name: read_texts(shared, name) for name in sorted({r["set"] for r in rows})}
    cache: dict[tuple[str, str], tuple] = {}
    for r in rows:
        key = (r["set"], r["article_id"])
        if key not in cache:
            doc = parse(texts[r["set"]][r["article_id"]])
            cache[key] = (doc, grade.measure(Context(doc, settings)))
        doc, result = cache[key]
        i = doc.sentence_at(r["start"])
        r["grade"] = result.sentence_values["sentence_grade"][i]
        r["band"] = result.sentence_values["sentence_band"][i]
        r["prose"] = doc.sentences[i].kind == "prose"
    return rows


def corpus(path: Path, settings: Settings) -> dict[str, float]:
    """Banded shares, the largest prose grade and the sentences at the cap, over a corpus
    file (one JSON object with ``text`` per line)."""
    n = n_hard = n_very = at_cap = 0
    top = 0.0
    cap = round(grade.GRADE_MAX, 2)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = parse(json.loads(line)["text"])
            values = grade.measure(Context(doc, settings)).sentence_values
            grades, bands = values["sentence_grade"], values["sentence_band"]
            at_cap += sum(g >= cap for g in grades)
            for s in doc.prose_sentences:
                n += 1
                n_hard += bands[s.index] != "fine"
                n_very += bands[s.index] == "very hard"
                top = max(top, grades[s.index])
    return {"prose": n, "hard": n_hard / n, "very": n_very / n, "max": top, "cap": at_cap}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data")
    args = ap.parse_args(argv)
    settings = Settings()
    rows = rated(args.shared, settings)
    print(f"thresholds: hard >= {settings.hard_sentence_grade:g}, very hard >= "
          f"{settings.very_hard_sentence_grade:g} (sentences of {grade.MIN_BAND_WORDS}+ words)")
    print(f"{'part':<8} {'n':>4} {'rho grade':>9} {'rho words':>9} {'findings':>8} "
          f"{'prec 4-5':>8} {'recall':>7} {'very':>5} {'very 4-5':>8}")
    for part in ("tune", "heldout"):
        sel = [r for r in rows if r["part"] == part]
        ratings = [r["rating"] for r in sel]
        rho = spearman([r["grade"] for r in sel], ratings)
        base = spearman([r["words"] for r in sel], ratings)
        found = [r for r in sel if r["band"] != "fine"]
        very = [r for r in sel if r["band"] == "very hard"]
        hits = sum(r["rating"] >= 4 for r in found)
        pos = sum(x >= 4 for x in ratings)
        prec = f"{hits / len(found):.2f}" if found else "-"
        vprec = f"{sum(r['rating'] >= 4 for r in very) / len(very):.2f}" if very else "-"
        print(f"{part:<8} {len(sel):>4} {rho:>9.3f} {base:>9.3f} {len(found):>8} "
              f"{prec:>8} {hits:>3}/{pos:<3} {len(very):>5} {vprec:>8}")
    for label, rel in CORPORA.items():
        if not (args.shared / rel).is_file():
            print(f"{label}: skipped, {args.shared / rel} not found")
            continue
        b = corpus(args.shared / rel, settings)
        print(f"{label}: {b['prose']} prose sentences; hard or very hard {b['hard']:.2%}, very "
              f"hard {b['very']:.2%}; largest prose sentence grade {b['max']:.2f}; sentences "
              f"at the cap ({grade.GRADE_MAX:g}): {b['cap']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
