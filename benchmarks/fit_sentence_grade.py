"""Fit the sentence model (``analyser/metrics/data/sentence_grade.json``) on the tune part
of the sentence ratings, and calibrate its grade scale on the BBC articles.

    python benchmarks/fit_sentence_grade.py            # fit, print, write the JSON
    python benchmarks/fit_sentence_grade.py --dry-run  # fit and print only

Two steps, both reproducible (no random draws; folds are fixed by article):

1. **Rating model.** Ridge regression of the 1-5 rating (``benchmarks/annotations/
   sentence_difficulty.csv``, part ``tune`` only; the heldout part is never read here) on
   the standardised per-sentence features of :data:`analyser.metrics.grade.SENTENCE_FEATURES`,
   weights constrained to be >= 0 (each feature can only add difficulty, so the model
   stays explainable). The penalty is the one of :data:`ALPHAS` with the best out-of-fold
   Spearman in a 5-fold split by article (GroupKFold), ties to the larger penalty.
2. **Grade calibration.** ``grade = intercept + slope * predicted rating`` so that, over
   the BBC articles (``../shared/data/news``, every article with prose), the mean sentence
   grade of an article has the mean and standard deviation of the article's
   ``readability_grade`` from the document model in ``data/readability_grade.json``. The
   sentence grade so reads on the same US-grade scale as the article grade; refit the
   document model and this calibration must be re-run (the rating weights do not change).

The hard / very hard thresholds are not fitted here: they live in ``Settings`` (declared
once). This script prints the grades at which the predicted rating is 3.5 and 4.5 (the
midpoints to "hard" and "very hard" in the rating guide), from which they were chosen; see
``benchmarks/sentence_eval.py`` for what they give.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from sentence_ratings import SHARED, load_ratings, read_texts  # noqa: E402

from analyser.document import parse  # noqa: E402
from analyser.metrics import grade  # noqa: E402

OUT = REPO / "analyser" / "metrics" / "data" / "sentence_grade.json"
BBC = SHARED / "news" / "news.jsonl.gz"
ALPHAS = (0.1, 1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 5
#: Out-of-fold Spearmans this close count as a tie, won by the larger penalty.
TIE = 1e-3
#: Predicted ratings at which the rating guide's "hard" (4) and "very hard" (5) begin.
ANCHORS = {"hard": 3.5, "very_hard": 4.5}


def rated_stats(shared: Path, part: str) -> tuple[list[grade.Stats], np.ndarray, list[str]]:
    """Stats, ratings and article keys of the rated sentences of one part."""
    rows = [r for r in load_ratings(shared) if r["part"] == part]
    texts = {name: read_texts(shared, name) for name in sorted({r["set"] for r in rows})}
    docs: dict[tuple[str, str], tuple] = {}
    stats, kept = [], []
    for r in rows:
        key = (r["set"], r["article_id"])
        if key not in docs:
            doc = parse(texts[r["set"]][r["article_id"]])
            docs[key] = (doc, grade.article_names(doc))
        doc, names = docs[key]
        s = doc.sentences[doc.sentence_at(r["start"])]
        if (s.start, s.end) != (r["start"], r["end"]):
            # The rating was for a span the segmenter no longer reads as one sentence
            # (e.g. a title line and its authors, now split at the line break).
            print(f"skipped {key} {r['start']}:{r['end']}: now the sentence {s.start}:{s.end}")
            continue
        stats.append(grade.sentence_stats(doc, s, names))
        kept.append(r)
    return stats, np.array([r["rating"] for r in kept], float), \
        [f"{r['set']}:{r['article_id']}" for r in kept]


def matrix(stats: list[grade.Stats]) -> np.ndarray:
    return np.array([[grade.sentence_features(st)[n] for n in grade.SENTENCE_FEATURES]
                     for st in stats], float)


def fit_rating(X: np.ndarray, y: np.ndarray, groups: list[str]) -> tuple[Ridge, float, float]:
    """(model on all of tune, chosen alpha, its out-of-fold Spearman); X standardised."""
    found = []
    for alpha in ALPHAS:
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(FOLDS).split(X, y, groups):
            oof[te] = Ridge(alpha=alpha, positive=True).fit(X[tr], y[tr]).predict(X[te])
        rho = float(spearmanr(oof, y)[0])
        print(f"  alpha {alpha:>6}: out-of-fold Spearman {rho:.4f}")
        found.append((alpha, rho))
    top = max(rho for _, rho in found)
    alpha, rho = max((a, r) for a, r in found if r >= top - TIE)
    return Ridge(alpha=alpha, positive=True).fit(X, y), alpha, rho


def bbc_articles(path: Path = BBC) -> list[tuple[float, list[grade.Stats]]]:
    """(readability_grade, per-sentence Stats of the prose sentences) per BBC article."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = parse(json.loads(line)["text"])
            names = grade.article_names(doc)
            per = [grade.sentence_stats(doc, s, names) for s in doc.prose_sentences]
            per = [st for st in per if st.counts.words]
            if not per:
                continue
            total = grade.Stats()
            for st in per:
                total.add(st)
            out.append((grade.grade_of(total), per))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--dry-run", action="store_true", help="do not write the JSON")
    args = ap.parse_args(argv)

    stats, y, groups = rated_stats(args.shared, "tune")
    X = matrix(stats)
    mean, scale = X.mean(0), X.std(0)
    print(f"tune: {len(y)} sentences, {len(set(groups))} articles")
    ridge, alpha, oof_rho = fit_rating((X - mean) / scale, y, groups)
    weights = ridge.coef_
    print(f"chosen alpha {alpha}; weights (rating points per standard deviation):")
    for name, w in zip(grade.SENTENCE_FEATURES, weights, strict=True):
        print(f"  {name:<20} {w:7.4f}")

    def rating(X_: np.ndarray) -> np.ndarray:
        return ridge.intercept_ + ((X_ - mean) / scale) @ weights

    tune_rho = float(spearmanr(rating(X), y)[0])
    articles = bbc_articles(args.shared / "news" / "news.jsonl.gz")
    doc_grades = np.array([g for g, _ in articles])
    mean_rating = np.array([rating(matrix(per)).mean() for _, per in articles])
    slope, intercept = (float(v) for v in np.polyfit(mean_rating, doc_grades, 1))
    track = float(spearmanr(mean_rating, doc_grades)[0])
    print(f"calibration on {len(articles)} BBC articles: grade = {intercept:.3f} + "
          f"{slope:.3f} * rating; Spearman(article mean rating, readability_grade) {track:.3f}")
    for label, r in ANCHORS.items():
        print(f"  predicted rating {r}: grade {grade.saturate(intercept + slope * r):.2f} "
              f"({label})")

    data = {
        "name": "sentence_grade",
        "version": 1,
        "features": list(grade.SENTENCE_FEATURES),
        "means": [round(float(v), 6) for v in mean],
        "scales": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in weights],
        "intercept": round(float(ridge.intercept_), 6),
        "calibration": {
            "intercept": round(intercept, 6),
            "slope": round(slope, 6),
            "method": "grade = intercept + slope * predicted rating: the least-squares line "
                      "from the mean predicted rating of a BBC article's prose sentences to "
                      "its readability_grade (document model of data/readability_grade.json "
                      "at fit time); then bent towards the cap above "
                      "grade.SENTENCE_GRADE_KNEE",
            "bbc_articles": len(articles),
            "bbc_spearman_mean_rating_vs_readability_grade": round(track, 4),
        },
        "fit": {
            "script": "benchmarks/fit_sentence_grade.py",
            "data": "benchmarks/annotations/sentence_difficulty.csv, part tune "
                    f"({len(y)} sentences rated 1-5 by the guide "
                    "docs/annotation/sentence_difficulty.md)",
            "loss": "ridge regression of the rating on standardised features, weights >= 0",
            "alpha": alpha,
            "cv": f"GroupKFold({FOLDS}) by article",
            "tune_oof_spearman": round(oof_rho, 4),
            "tune_in_sample_spearman": round(tune_rho, 4),
        },
    }
    if args.dry_run:
        print(json.dumps(data, indent=1)[:400], "…")
        return 0
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
