"""Fit the readability_grade model on OneStopEnglish and write it as data.

    python benchmarks/fit_readability_grade.py [--onestop CSV] [--news JSONL] [--dry-run]

Writes analyser/metrics/data/readability_grade.json (feature names, means, scales,
weights, calibration to a US grade, provenance) unless ``--dry-run``, and prints one
table of out-of-fold accuracy. See docs/readability_grade.md for what the model is.

Model: a linear score ``z = sum_k w_k (x_k - mean_k) / scale_k`` over length-free features
(:data:`analyser.metrics.grade.FEATURES`). The weights minimise a pairwise logistic loss
over every pair of OneStopEnglish texts at different levels (a RankNet-style ordinal
model: it learns to put the harder text of each pair above the easier one), plus a small
L2 penalty, plus a length-neutrality penalty ``MU * r^2``, where ``r`` is the Pearson
correlation between ``z`` and log word count on the even-numbered BBC articles (the odd
ones are held out to check it). The advanced OneStop versions are longer than the
elementary ones, and on BBC longer articles have somewhat longer sentences, so without
that penalty a grade learns to track length through features that only correlate with it.

Weights are sign-constrained (>= 0 for features where more means harder, <= 0 for the
share of short sentences), and the words-per-sentence weight is floored (DOC_FLOORS).

Calibration to a US grade: ``grade = a + b z``, the least-squares line through the three
points (mean z of a level, mean Flesch–Kincaid grade of that level) on OneStopEnglish, so
an average elementary text reads at the elementary texts' mean FK grade, and so on.

Sentence model: the same form over the per-sentence features (SENTENCE_FEATURES), fitted
on every OneStopEnglish prose sentence labelled with its text's level (300,000 sampled
pairs), no length penalty (a sentence's length is what should make it hard); calibrated
so sentence grades have the mean and spread of per-sentence Flesch–Kincaid grades.

Cross-validation: GroupKFold by article_id (10 folds), so the three versions of one story
are never on both sides of a split. scikit-learn and scipy are used here only; inference
in analyser/metrics/grade.py is a dot product in pure Python.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
DEFAULT_ONESTOP = SHARED / "onestop" / "onestop.csv.gz"
DEFAULT_NEWS = SHARED / "news" / "news.jsonl.gz"
OUT = REPO / "analyser" / "metrics" / "data" / "readability_grade.json"

LEVELS = {"ele": 0, "int": 1, "adv": 2}
#: Document model features (a subset of grade.FEATURES) and the sign each weight may take:
#: +1 (>= 0: more of it can only make a text harder), -1 (<= 0), 0 (free).
DOC_FEATURES = {
    "words_per_sentence": 1, "syllables_per_word": 1, "letters_per_word": 1,
    "polysyllable_ratio": 1, "long_word_ratio": 1, "difficult_word_ratio": 1,
    "rare_word_ratio": 1, "mean_word_rarity": 1, "sentence_length_spread": 1,
    "long_sentence_ratio": 1, "short_sentence_ratio": -1, "commas_per_sentence": 1,
    "clauses_per_sentence": 1, "subordinators_per_sentence": 1,
}
#: Sentence model features: the per-sentence ones (for one sentence, words_per_sentence is
#: its length); spread and long/short shares mean nothing for one sentence.
SENTENCE_FEATURES = {
    k: v for k, v in DOC_FEATURES.items()
    if k not in ("sentence_length_spread", "long_sentence_ratio", "short_sentence_ratio")
}
#: Lower bounds on some document weights (standardised units). The loss is flat along
#: sentence length (out-of-fold concordance 0.842 with the weight at 0 or at 0.4), and a
#: grade that ignored words per sentence would be easy to game, so it is kept in.
DOC_FLOORS = {"words_per_sentence": 0.4}
L2 = 1e-3
MU = 3.0
FOLDS = 10
#: Sentence pairs sampled per fit (all pairs of ~17k sentences would be ~10^8).
SENTENCE_PAIRS = 300_000


def doc_stats(text: str):
    """(Document, Stats of its prose sentences, per-sentence Stats of the prose sentences)."""
    from analyser.document import parse
    from analyser.metrics import grade

    doc = parse(text)
    per = [grade.sentence_stats(doc, s) for s in doc.prose_sentences]
    total = grade.Stats()
    for st in per:
        total.add(st)
    return doc, total, per


def load_onestop(path: Path):
    import pandas as pd

    d = pd.read_csv(path)
    return (
        [str(a) for a in d.article_id], np.array([LEVELS[x] for x in d.level]), list(d.text)
    )


def load_news(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def vector(stats, names) -> list[float]:
    from analyser.metrics import grade

    f = grade.features(stats)
    return [f[k] for k in names]


def pair_diffs(x: np.ndarray, levels: np.ndarray, max_pairs: int | None = None,
               seed: int = 0) -> np.ndarray:
    """x[a] - x[b] for every pair with level[a] > level[b] (a random sample if too many)."""
    if max_pairs is None:
        a, b = np.nonzero(levels[:, None] > levels[None, :])
        return x[a] - x[b]
    rng = np.random.default_rng(seed)
    a = rng.integers(0, len(x), max_pairs * 2)
    b = rng.integers(0, len(x), max_pairs * 2)
    keep = levels[a] != levels[b]
    a, b = a[keep][:max_pairs], b[keep][:max_pairs]
    swap = levels[a] < levels[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    return x[a] - x[b]


def fit_weights(xs: np.ndarray, levels: np.ndarray, zb: np.ndarray | None, logw: np.ndarray
                | None, mu: float = MU, l2: float = L2, signs=None,
                max_pairs: int | None = None, floors=None) -> np.ndarray:
    """Pairwise logistic weights on standardised features, with the length penalty.

    ``signs`` (+1 / -1 / 0 per feature) constrain a weight to be >= 0 / <= 0 / free, so
    that no feature which means "harder" can lower the grade through collinearity.
    """
    from scipy.optimize import minimize

    d = pair_diffs(xs, levels, max_pairs)
    if zb is not None and mu > 0:
        zc = zb - zb.mean(0)
        lc = (logw - logw.mean()) / logw.std()
        c = zc.T @ lc / len(lc)
        sigma = zc.T @ zc / len(lc)
    else:
        mu = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        m = d @ w
        # log(1 + exp(-m)), stably
        val = np.mean(np.logaddexp(0.0, -m)) + l2 * w @ w
        p = 0.5 * (1.0 - np.tanh(0.5 * m))  # sigmoid(-m)
        grad = -(d * p[:, None]).mean(0) + 2 * l2 * w
        if mu:
            q = w @ sigma @ w + 1e-12
            r = c @ w / math.sqrt(q)
            val += mu * r * r
            grad += mu * 2 * r * (c / math.sqrt(q) - (c @ w) * (sigma @ w) / q**1.5)
        return val, grad

    signs = signs if signs is not None else [0] * xs.shape[1]
    floors = floors if floors is not None else [0.0] * xs.shape[1]
    bounds = [(fl, None) if sg > 0 else (None, 0) if sg < 0 else (None, None)
              for sg, fl in zip(signs, floors, strict=True)]
    w0 = np.array([max(0.1, fl) * (sg or 1) for sg, fl in zip(signs, floors, strict=True)])
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 5000})
    return res.x


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale == 0] = 1.0
    return mean, scale


def fit(x: np.ndarray, levels: np.ndarray, signs, xb: np.ndarray | None = None,
        wb: np.ndarray | None = None, mu: float = MU, max_pairs: int | None = None,
        floors=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(means, scales, weights) fitted on the given rows."""
    mean, scale = standardise(x)
    zb = (xb - mean) / scale if xb is not None else None
    logw = np.log(np.maximum(wb, 1)) if wb is not None else None
    w = fit_weights((x - mean) / scale, levels, zb, logw, mu, signs=list(signs),
                    max_pairs=max_pairs, floors=floors)
    return mean, scale, w


def out_of_fold(x, levels, groups, signs, xb=None, wb=None, mu: float = MU,
                folds: int = FOLDS, max_pairs: int | None = None, floors=None) -> np.ndarray:
    """Each row scored by the model fitted without its story (GroupKFold by article)."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(x))
    for tr, te in GroupKFold(folds).split(x, levels, groups):
        mean, scale, w = fit(x[tr], levels[tr], signs, xb, wb, mu, max_pairs, floors)
        oof[te] = ((x[te] - mean) / scale) @ w
    return oof


def pairwise_accuracy(score, levels, groups) -> float:
    """Within each story, the fraction of level pairs ordered correctly (ties count half)."""
    return _concordance(score, levels, groups, same=True)


def cross_concordance(score, levels, groups) -> float:
    """Over pairs of texts from different stories at different levels, fraction ordered right."""
    return _concordance(score, levels, groups, same=False)


def _concordance(score, levels, groups, same: bool) -> float:
    s = np.asarray(score, dtype=float)
    lv = np.asarray(levels)
    g = np.asarray(groups, dtype=object)
    m = lv[:, None] > lv[None, :]
    sg = g[:, None] == g[None, :]
    m &= sg if same else ~sg
    ds = (s[:, None] - s[None, :])[m]
    return float(((ds > 0).sum() + 0.5 * (ds == 0).sum()) / max(1, m.sum()))


def spearman(a, b) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).correlation)


class Data:
    """Features of OneStopEnglish texts and sentences, and of the BBC articles."""

    def __init__(self, onestop: Path, news: Path) -> None:
        from analyser.metrics.readability import count, formulas

        self.groups, self.levels, texts = load_onestop(onestop)
        docs = [doc_stats(t) for t in texts]
        self.x = np.array([vector(total, DOC_FEATURES) for _, total, _ in docs])
        self.fk = np.array([formulas(count(d, d.prose_sentences))["flesch_kincaid_grade"]
                            for d, _, _ in docs])
        sx, sl, sg, sfk = [], [], [], []
        for (_, _, per), level, group in zip(docs, self.levels, self.groups, strict=True):
            for st in per:
                if st.counts.words == 0:
                    continue
                sx.append(vector(st, SENTENCE_FEATURES))
                sl.append(level)
                sg.append(group)
                sfk.append(max(0.0, formulas(st.counts)["flesch_kincaid_grade"]))
        self.sx, self.slevels = np.array(sx), np.array(sl)
        self.sgroups, self.sfk = np.array(sg, dtype=object), np.array(sfk)
        bbc = [doc_stats(r["text"]) for r in load_news(news)]
        self.xb = np.array([vector(total, DOC_FEATURES) for _, total, _ in bbc])
        self.wb = np.array([float(total.counts.words) for _, total, _ in bbc])
        self.fit_half = np.arange(len(bbc)) % 2 == 0


def fit_document(data: Data, mu: float = MU):
    """(means, scales, weights) of the document model on all of OneStopEnglish."""
    h = data.fit_half
    return fit(data.x, data.levels, DOC_FEATURES.values(), data.xb[h], data.wb[h], mu,
               floors=_doc_floors())


def oof_document(data: Data, mu: float = MU) -> np.ndarray:
    h = data.fit_half
    return out_of_fold(data.x, data.levels, data.groups, DOC_FEATURES.values(), data.xb[h],
                       data.wb[h], mu, floors=_doc_floors())


def _doc_floors() -> list[float]:
    return [DOC_FLOORS.get(k, 0.0) for k in DOC_FEATURES]


def calibrate(z: np.ndarray, levels: np.ndarray, fk: np.ndarray):
    """Least-squares line through (mean z, mean FK grade) of the three levels."""
    zl = np.array([z[levels == k].mean() for k in range(3)])
    gl = np.array([fk[levels == k].mean() for k in range(3)])
    slope, intercept = np.polyfit(zl, gl, 1)
    return float(intercept), float(slope), zl, gl


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--onestop", type=Path, default=DEFAULT_ONESTOP)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--mu", type=float, default=MU)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    from analyser.metrics import grade

    t0 = time.time()
    data = Data(args.onestop, args.news)
    levels, groups, h = data.levels, data.groups, data.fit_half
    oof = oof_document(data, args.mu)
    mean, scale, w = fit_document(data, args.mu)
    z = ((data.x - mean) / scale) @ w
    zb = ((data.xb - mean) / scale) @ w
    intercept, slope, zl, gl = calibrate(z, levels, data.fk)

    sflags = SENTENCE_FEATURES.values()
    soof = out_of_fold(data.sx, data.slevels, data.sgroups, sflags, max_pairs=SENTENCE_PAIRS)
    smean, sscale, sw = fit(data.sx, data.slevels, sflags, max_pairs=SENTENCE_PAIRS)
    sz = ((data.sx - smean) / sscale) @ sw
    _, _, szl, sgl = calibrate(sz, data.slevels, data.sfk)
    # One sentence's level is noisy, so a line through the level means would stretch the
    # scale (slope ~9 grades per z); instead match the mean and spread of per-sentence FK.
    s_slope = float(data.sfk.std() / sz.std())
    s_int = float(data.sfk.mean() - s_slope * sz.mean())
    sfk_conc = _concordance(data.sfk, data.slevels, data.sgroups, same=False)

    rows = [
        ("document: pairwise accuracy (OneStop, out of fold)",
         pairwise_accuracy(oof, levels, groups)),
        ("document: cross-article concordance (OneStop, out of fold)",
         cross_concordance(oof, levels, groups)),
        ("document: Spearman with word count, BBC fit half", spearman(zb[h], data.wb[h])),
        ("document: Spearman with word count, BBC held-out half",
         spearman(zb[~h], data.wb[~h])),
        ("document: Spearman with word count, BBC all", spearman(zb, data.wb)),
        ("sentence: cross-article concordance (out of fold)",
         _concordance(soof, data.slevels, data.sgroups, same=False)),
        ("sentence: same for per-sentence FK grade", sfk_conc),
    ]
    print(f"{'measure':60s} value")
    for name, v in rows:
        print(f"{name:60s} {v:.3f}")
    for label, names, ws in (("document", DOC_FEATURES, w), ("sentence", SENTENCE_FEATURES, sw)):
        pairs = zip(names, ws, strict=True)
        print(f"{label} weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in pairs))
    print(f"document calibration: grade = {intercept:.3f} + {slope:.3f} z; level mean z "
          f"{zl.round(3)}, FK {gl.round(2)}")
    print(f"sentence calibration: grade = {s_int:.3f} + {s_slope:.3f} z; level mean z "
          f"{szl.round(3)}, FK {sgl.round(2)}; sentence FK mean "
          f"{data.sfk.mean():.2f} sd {data.sfk.std():.2f}; {time.time() - t0:.0f}s")
    if args.dry_run:
        return

    def model(names, mean, scale, w, intercept, slope, zl, gl) -> dict:
        return {
            "features": list(names),
            "means": [round(float(v), 6) for v in mean],
            "scales": [round(float(v), 6) for v in scale],
            "weights": [round(float(v), 6) for v in w],
            "calibration": {
                "intercept": round(intercept, 6),
                "slope": round(slope, 6),
                "level_mean_z": {k: round(float(v), 4) for k, v in zip(LEVELS, zl, strict=True)},
                "level_mean_fk_grade": {
                    k: round(float(v), 3) for k, v in zip(LEVELS, gl, strict=True)
                },
            },
        }

    out = {
        "name": "readability_grade",
        "version": 1,
        "document": model(DOC_FEATURES, mean, scale, w, intercept, slope, zl, gl),
        "sentence": model(SENTENCE_FEATURES, smean, sscale, sw, s_int, s_slope, szl, sgl),
        "calibration_method": "grade = intercept + slope * z. Document model: the "
        "least-squares line through (mean z, mean Flesch-Kincaid grade) of the three "
        "OneStopEnglish levels. Sentence model: the line that gives the sentence grades of "
        "all OneStopEnglish prose sentences the mean and standard deviation of their "
        "per-sentence Flesch-Kincaid grades",
        "constants": {
            "rare_zipf": grade.RARE_ZIPF,
            "rarity_ceiling": grade.RARITY_CEILING,
            "long_sentence_words": grade.LONG_SENTENCE_WORDS,
            "short_sentence_words": grade.SHORT_SENTENCE_WORDS,
        },
        "fit": {
            "script": "benchmarks/fit_readability_grade.py",
            "data": "OneStopEnglish (Vajjala & Lucic 2018, BEA workshop; CC BY-SA 4.0): 567 "
            "texts, 189 stories x 3 levels. Length penalty on the even-numbered articles of "
            "the BBC News corpus (Greene & Cunningham 2006)",
            "loss": "pairwise logistic over pairs of texts (sentences) at different levels, "
            "sign-constrained weights, L2 penalty, length penalty mu * r^2 (document model)",
            "l2": L2,
            "length_penalty_mu": args.mu,
            "weight_floors": DOC_FLOORS,
            "sentence_pairs_sampled": SENTENCE_PAIRS,
            "cv": f"GroupKFold({FOLDS}) by article_id",
            "oof_pairwise_accuracy": round(rows[0][1], 4),
            "oof_cross_article_concordance": round(rows[1][1], 4),
            "bbc_heldout_spearman_word_count": round(rows[3][1], 4),
            "sentence_oof_cross_article_concordance": round(rows[5][1], 4),
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
