"""Fit the readability_grade models and write them as data.

    python benchmarks/fit_readability_grade.py [--clear CSV] [--onestop CSV] [--news JSONL]
        [--dry-run] [--folds N]

Writes analyser/metrics/data/readability_grade.json unless ``--dry-run`` (the sentence
model has its own data and script: benchmarks/fit_sentence_grade.py). Prints one table
of out-of-fold figures. See docs/readability_grade.md for what the grade is and is not.

Document model: ``hardness = sum_k w_k (x_k - mean_k) / scale_k`` over the length-free
features in :data:`DOC_FEATURES` (means and shares computed by
:func:`analyser.metrics.grade.features`). The weights minimise, in one loss:

* the squared error against CLEAR-dev's human easiness (``bt_easiness``, a Bradley–Terry
  score from teachers' pairwise judgements; Crossley et al. 2023), standardised and
  negated so that higher means harder;
* plus ``OS_WEIGHT`` times a pairwise logistic loss over every pair of OneStopEnglish
  texts at different levels (the second objective: the order of its three levels must
  survive, within a story and across stories; :data:`OS_PAIRS` pairs sampled, seeded);
* plus an L2 penalty ``l2 * |w|^2`` (ridge), ``l2`` chosen from :data:`L2_GRID` by an
  inner 5-fold CV of plain ridge on the CLEAR training rows (nested CV: the outer folds
  never see it);
* plus a length-neutrality penalty ``MU * r^2``, ``r`` the Pearson correlation between
  hardness and log word count on the even-numbered BBC articles (odd ones held out).

Cross-validation: 10 outer folds. CLEAR-dev: StratifiedKFold by ``category`` (each excerpt
is one row, and Lit and Info are both in every fold), shuffled with seed 0. OneStopEnglish:
GroupKFold by ``article_id`` (the three versions of one story never sit on both sides).
Fold k of both is held out together, so every CLEAR excerpt and every OneStop text gets an
out-of-fold prediction.

Calibration to a US grade: ``grade = intercept + slope * hardness``, by linear equating on
CLEAR-dev: the grades have the mean and standard deviation of the grades implied by the
excerpts' Lexile bands, read through the Common Core text-complexity grade bands
(:data:`LEXILE_GRADE_BANDS`; a straight line through the bands' Lexile midpoints).

scikit-learn and scipy are used here only; inference in analyser/metrics/grade.py is a dot
product in pure Python.
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
DEFAULT_CLEAR = SHARED / "readability" / "clear-dev.csv.gz"
DEFAULT_ONESTOP = SHARED / "onestop" / "onestop.csv.gz"
DEFAULT_NEWS = SHARED / "news" / "news.jsonl.gz"
OUT = REPO / "analyser" / "metrics" / "data" / "readability_grade.json"

LEVELS = {"ele": 0, "int": 1, "adv": 2}
#: Document model features: every feature grade.features() computes except the ones that
#: duplicate another (letters_per_word ~ long_word_ratio; clauses ~ commas + subordinators).
DOC_EXCLUDED = ("letters_per_word", "clauses_per_sentence")
#: Ridge penalties tried by the inner CV (on the mean squared error in standardised units).
L2_GRID = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
#: Weight of the OneStopEnglish pairwise loss next to the CLEAR squared error.
OS_WEIGHT = 0.3
#: Length-neutrality penalty.
MU = 0.3
#: OneStop pairs (harder, easier) sampled per fit, of ~96,000 (seeded).
OS_PAIRS = 20_000
FOLDS = 10
INNER_FOLDS = 5
SEED = 0
#: Common Core State Standards, Appendix A (2012 update): the Lexile range of texts for
#: each grade band, as (first grade, last grade, lowest Lexile, highest Lexile). The band
#: "11-CCR" is taken as grades 11-12.
LEXILE_GRADE_BANDS = ((2, 3, 420, 820), (4, 5, 740, 1010), (6, 8, 925, 1185),
                      (9, 10, 1050, 1335), (11, 12, 1185, 1385))


def doc_features() -> list[str]:
    """Names of the document model's features, in order."""
    from analyser.metrics import grade

    return [k for k in grade.FEATURES if k not in DOC_EXCLUDED]


def doc_stats(text: str):
    """(Document, Stats the document grade reads (prose, not catalogues), per-sentence
    Stats of the prose sentences)."""
    from analyser.document import parse
    from analyser.metrics import grade

    doc = parse(text)
    per = [grade.sentence_stats(doc, s) for s in doc.prose_sentences]
    return doc, grade.document_stats(doc, per), per


def load_clear(path: Path):
    """(texts, easiness, category, Lexile) of CLEAR-dev."""
    import pandas as pd

    d = pd.read_csv(path)
    lexile = np.array([lexile_value(v) for v in d.lexile_band.astype(str)])
    return (list(d.text.astype(str)), d.bt_easiness.to_numpy(float),
            d.category.astype(str).to_numpy(), lexile)


def lexile_value(band: str) -> float:
    """A Lexile band as one number: "1300" -> 1300, "610L-800L" -> 705 (NaN if unreadable)."""
    import re

    nums = [float(v) for v in re.findall(r"\d+", band)]
    return sum(nums) / len(nums) if nums else float("nan")


def lexile_to_grade(lexile: np.ndarray) -> np.ndarray:
    """US grade implied by a Lexile measure: the least-squares line through the midpoints
    (mid Lexile, mid grade) of the Common Core grade bands."""
    mids = np.array([((a + b) / 2, (lo + hi) / 2) for a, b, lo, hi in LEXILE_GRADE_BANDS])
    slope, intercept = np.polyfit(mids[:, 1], mids[:, 0], 1)
    return intercept + slope * np.asarray(lexile, dtype=float)


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


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale == 0] = 1.0
    return mean, scale


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
    """Document features of CLEAR-dev, OneStopEnglish and the BBC articles."""

    def __init__(self, clear: Path, onestop: Path, news: Path,
                 limit: int | None = None) -> None:
        names = doc_features()
        texts, self.y, self.category, self.lexile = load_clear(clear)
        if limit:
            texts, self.y = texts[:limit], self.y[:limit]
            self.category, self.lexile = self.category[:limit], self.lexile[:limit]
        self.xc = np.array([vector(doc_stats(t)[1], names) for t in texts])
        self.groups, self.levels, otexts = load_onestop(onestop)
        docs = [doc_stats(t) for t in otexts]
        self.xo = np.array([vector(total, names) for _, total, _ in docs])
        bbc = [doc_stats(r["text"]) for r in load_news(news)]
        self.xb = np.array([vector(total, names) for _, total, _ in bbc])
        self.wb = np.array([float(total.counts.words) for _, total, _ in bbc])
        self.fit_half = np.arange(len(bbc)) % 2 == 0


# --- document model: CLEAR squared error + OneStop pairwise + ridge + length penalty ---


class DocProblem:
    """Training rows of one document fit, standardised on the CLEAR rows."""

    def __init__(self, xc, yc, xo, lo, xb, wb) -> None:
        self.mean, self.scale = standardise(xc)
        self.xc = (xc - self.mean) / self.scale
        self.t = -(yc - yc.mean()) / yc.std()  # standardised hardness target
        a, b = np.nonzero(lo[:, None] > lo[None, :])  # (harder, easier) OneStop pairs
        if len(a) > OS_PAIRS:  # a fixed sample keeps a fit to a second or two
            keep = np.random.default_rng(SEED).choice(len(a), OS_PAIRS, replace=False)
            a, b = a[keep], b[keep]
        xo = (xo - self.mean) / self.scale
        self.d = xo[a] - xo[b]
        zb = (xb - self.mean) / self.scale
        self.zc = zb - zb.mean(0)
        lw = np.log(np.maximum(wb, 1))
        self.lc = (lw - lw.mean()) / lw.std()

    def solve(self, l2: float, os_weight: float = OS_WEIGHT, mu: float = MU) -> np.ndarray:
        """Weights minimising the combined loss (L-BFGS from the ridge solution)."""
        from scipy.optimize import minimize

        x, t, d = self.xc, self.t, self.d
        n = len(t)
        c = self.zc.T @ self.lc / len(self.lc)
        sigma = self.zc.T @ self.zc / len(self.lc)
        w0 = ridge(x, t, l2)

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            e = x @ w - t
            val = e @ e / n + l2 * w @ w
            grad = 2 * x.T @ e / n + 2 * l2 * w
            if os_weight and len(d):
                m = d @ w
                val += os_weight * np.mean(np.logaddexp(0.0, -m))
                p = 0.5 * (1.0 - np.tanh(0.5 * m))  # sigmoid(-m)
                grad += -os_weight * (d * p[:, None]).mean(0)
            if mu:
                q = w @ sigma @ w + 1e-12
                r = c @ w / math.sqrt(q)
                val += mu * r * r
                grad += mu * 2 * r * (c / math.sqrt(q) - (c @ w) * (sigma @ w) / q**1.5)
            return val, grad

        res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 5000})
        return res.x

    def hardness(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ w


def clear_folds(category: np.ndarray, folds: int, seed: int = SEED):
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(folds, shuffle=True, random_state=seed)
                .split(np.zeros(len(category)), category))


def onestop_folds(groups, folds: int):
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(folds).split(np.zeros(len(groups)), groups=groups))


def ridge(x: np.ndarray, t: np.ndarray, l2: float) -> np.ndarray:
    """Closed-form ridge weights for standardised x and centred t (mean-squared-error form)."""
    n = len(t)
    return np.linalg.solve(x.T @ x / n + l2 * np.eye(x.shape[1]), x.T @ t / n)


def choose_l2(xc, yc, cat, grid=L2_GRID, folds: int = INNER_FOLDS) -> float:
    """The ridge penalty with the best inner-CV Spearman on the CLEAR rows given (plain
    ridge on CLEAR, closed form: the other two terms of the loss are small next to it)."""
    best, best_rho = grid[0], -2.0
    inner = clear_folds(cat, folds, SEED + 1)
    for l2 in grid:
        oof = np.zeros(len(yc))
        for tr, te in inner:
            mean, scale = standardise(xc[tr])
            t = -(yc[tr] - yc[tr].mean()) / yc[tr].std()
            oof[te] = ((xc[te] - mean) / scale) @ ridge((xc[tr] - mean) / scale, t, l2)
        rho = spearman(-oof, yc)
        if rho > best_rho:
            best, best_rho = l2, rho
    return best


def fit_document(xc, yc, cat, xo, lo, xb, wb, l2: float | None = None,
                 os_weight: float = OS_WEIGHT, mu: float = MU):
    """(DocProblem, weights, l2) fitted on the given rows (l2 by inner CV unless given)."""
    l2 = choose_l2(xc, yc, cat) if l2 is None else l2
    prob = DocProblem(xc, yc, xo, lo, xb, wb)
    return prob, prob.solve(l2, os_weight, mu), l2


def cross_validate(data: Data, folds: int = FOLDS, l2: float | None = None,
                   os_weight: float = OS_WEIGHT, mu: float = MU):
    """Out-of-fold hardness for every CLEAR excerpt and OneStop text, and each fold's l2."""
    oof_c = np.zeros(len(data.y))
    oof_o = np.zeros(len(data.levels))
    chosen = []
    h = data.fit_half
    for (ctr, cte), (otr, ote) in zip(clear_folds(data.category, folds),
                                      onestop_folds(data.groups, folds), strict=True):
        prob, w, lam = fit_document(data.xc[ctr], data.y[ctr], data.category[ctr],
                                    data.xo[otr], data.levels[otr], data.xb[h], data.wb[h],
                                    l2, os_weight, mu)
        oof_c[cte] = prob.hardness(data.xc[cte], w)
        oof_o[ote] = prob.hardness(data.xo[ote], w)
        chosen.append(lam)
    return oof_c, oof_o, chosen


def equate(z: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """(intercept, slope) giving ``intercept + slope * z`` the mean and SD of ``target``."""
    ok = np.isfinite(target)
    slope = float(target[ok].std() / z[ok].std())
    return float(target[ok].mean() - slope * z[ok].mean()), slope


def _model_json(names, mean, scale, w, calibration: dict) -> dict:
    return {
        "features": list(names),
        "means": [round(float(v), 6) for v in mean],
        "scales": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w],
        "calibration": calibration,
    }


def _by_category(oof: np.ndarray, data: Data) -> dict[str, float]:
    out = {"all": spearman(-oof, data.y)}
    for c in ("Lit", "Info"):
        m = data.category == c
        out[c] = spearman(-oof[m], data.y[m])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clear", type=Path, default=DEFAULT_CLEAR)
    ap.add_argument("--onestop", type=Path, default=DEFAULT_ONESTOP)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--limit", type=int, help="only the first N CLEAR excerpts (a quick run)")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--os-weight", type=float, default=OS_WEIGHT)
    ap.add_argument("--mu", type=float, default=MU)
    args = ap.parse_args(argv)
    for path in (args.clear, args.onestop, args.news):
        if not path.exists():
            print(f"skipped: {path} not found (the shared data sets live beside the repo)")
            return 0
    from analyser.metrics import grade

    t0 = time.time()
    data = Data(args.clear, args.onestop, args.news, limit=args.limit)
    names = doc_features()
    h = data.fit_half
    oof_c, oof_o, chosen = cross_validate(data, args.folds, None, args.os_weight, args.mu)
    prob, w, l2 = fit_document(data.xc, data.y, data.category, data.xo, data.levels,
                               data.xb[h], data.wb[h], None, args.os_weight, args.mu)
    zc = prob.hardness(data.xc, w)
    zb = prob.hardness(data.xb, w)
    lexile_grade = lexile_to_grade(data.lexile)
    intercept, slope = equate(zc, lexile_grade)
    grade_c = intercept + slope * zc
    grade_b = intercept + slope * zb
    grade_o = intercept + slope * prob.hardness(data.xo, w)
    cv = _by_category(oof_c, data)

    rows = [
        ("document: CLEAR-dev Spearman, out of fold (all)", cv["all"]),
        ("document: CLEAR-dev Spearman, out of fold (Lit)", cv["Lit"]),
        ("document: CLEAR-dev Spearman, out of fold (Info)", cv["Info"]),
        ("document: CLEAR-dev Spearman, in sample", spearman(-zc, data.y)),
        ("document: OneStop pairwise accuracy, out of fold",
         pairwise_accuracy(oof_o, data.levels, data.groups)),
        ("document: OneStop cross-article concordance, out of fold",
         cross_concordance(oof_o, data.levels, data.groups)),
        ("document: Spearman with word count, BBC fit half", spearman(zb[h], data.wb[h])),
        ("document: Spearman with word count, BBC held-out half",
         spearman(zb[~h], data.wb[~h])),
        ("document: Spearman with word count, BBC all", spearman(zb, data.wb)),
        ("document: Spearman with Lexile-implied grade, CLEAR-dev",
         spearman(grade_c[np.isfinite(lexile_grade)], lexile_grade[np.isfinite(lexile_grade)])),
    ]
    print(f"{'measure':60s} value")
    for name, v in rows:
        print(f"{name:60s} {v:.3f}")
    print(f"l2 chosen by inner CV per outer fold: {chosen}; final l2 {l2}")
    print("document weights: " + ", ".join(f"{n}={v:+.3f}" for n, v in zip(names, w,
                                                                               strict=True)))
    print(f"calibration: grade = {intercept:.3f} + {slope:.3f} * hardness; CLEAR-dev grades "
          f"median {np.median(grade_c):.1f}; BBC median {np.median(grade_b):.1f} "
          f"(5-95%: {np.percentile(grade_b, 5):.1f}-{np.percentile(grade_b, 95):.1f}); "
          "OneStop level means "
          + ", ".join(f"{k} {grade_o[data.levels == v].mean():.1f}" for k, v in LEVELS.items())
          + f"; {time.time() - t0:.0f}s")
    if args.dry_run:
        return 0

    doc_part = _model_json(names, prob.mean, prob.scale, w, {
        "intercept": round(intercept, 6), "slope": round(slope, 6),
        "method": "linear equating on CLEAR-dev: grades with the mean and standard "
        "deviation of the US grades implied by the excerpts' Lexile bands, read through "
        "the Common Core text-complexity grade bands (a straight line through the bands' "
        "Lexile midpoints)",
        "lexile_grade_bands": [list(b) for b in LEXILE_GRADE_BANDS],
    })
    out = {
        "name": "readability_grade",
        "version": 2,
        "document": doc_part,
        "calibration_method": "grade = intercept + slope * z. Document model: "
        + doc_part["calibration"]["method"],
        "constants": {
            "rare_zipf": grade.RARE_ZIPF,
            "rarity_ceiling": grade.RARITY_CEILING,
            "uncommon_zipf": grade.UNCOMMON_ZIPF,
            "very_rare_zipf": grade.VERY_RARE_ZIPF,
            "mattr_window": grade.MATTR_WINDOW,
            "long_sentence_words": grade.LONG_SENTENCE_WORDS,
            "short_sentence_words": grade.SHORT_SENTENCE_WORDS,
        },
        "fit": {
            "script": "benchmarks/fit_readability_grade.py",
            "data": "CLEAR-dev: 2,396 excerpts of the CLEAR corpus (Crossley et al. 2023, "
            "Behavior Research Methods 55(2); CC BY-NC-SA 4.0), human Bradley-Terry "
            "easiness; OneStopEnglish (Vajjala & Lucic 2018, BEA workshop; CC BY-SA 4.0): "
            "567 texts, 189 stories x 3 levels; length penalty on the even-numbered "
            "articles of the BBC News corpus (Greene & Cunningham 2006)",
            "loss": "squared error against standardised CLEAR hardness (minus easiness) + "
            f"{args.os_weight} x pairwise logistic over OneStopEnglish texts at different "
            f"levels + l2 |w|^2 + {args.mu} x r^2 (r: correlation of hardness with log word "
            "count on BBC)",
            "l2": l2,
            "l2_grid": list(L2_GRID),
            "onestop_weight": args.os_weight,
            "onestop_pairs_sampled": OS_PAIRS,
            "length_penalty_mu": args.mu,
            "cv": f"{args.folds} outer folds (CLEAR-dev StratifiedKFold by category, "
            f"seed {SEED}; OneStopEnglish GroupKFold by article_id), l2 chosen by an "
            f"inner {INNER_FOLDS}-fold CV on each outer training part",
            "oof_clear_spearman": round(rows[0][1], 4),
            "oof_clear_spearman_lit": round(rows[1][1], 4),
            "oof_clear_spearman_info": round(rows[2][1], 4),
            "oof_pairwise_accuracy": round(rows[4][1], 4),
            "oof_cross_article_concordance": round(rows[5][1], 4),
            "bbc_heldout_spearman_word_count": round(rows[7][1], 4),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
