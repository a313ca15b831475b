"""Train the text-page line classifier and ship it as JSON (analyser/clean/data/text_model.json).

Trained on the pages of both extraction benchmarks (scrapinghub-aeb, 2019 news; wcxb-dev,
2025-26 articles). Each page is rendered to plain text with html-text (one line per block,
markup discarded); a line is labelled article text when most of the 4-token shingles that
touch its words occur in the ground-truth article body. Features come from
analyser.clean.features, the same code the cleaner runs. The model is a small
gradient-boosted tree ensemble in two stages (the second also sees the first stage's
probabilities of neighbouring lines), scikit-learn at training time only; the trees are written
out as flat arrays that analyser.clean.model evaluates by hand.

    python benchmarks/train_text_cleaner.py            # 5-fold CV by site, then train + write
    python benchmarks/train_text_cleaner.py --cv-only  # report only
    python benchmarks/train_text_cleaner.py --train-only  # train + write, without the CV

Cross-validation pools the pages of both sets and groups them by site: each page is
cleaned by a model trained on no page of its site.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_eval import (  # noqa: E402
    DATA_ROOT,
    SETS,
    article_body,
    load_benchmark,
    load_urls,
    page_text,
    score,
    site,
)

MODEL_PATH = REPO / "analyser" / "clean" / "data" / "text_model.json"
TRAINED_ON = "scrapinghub-aeb (181 pages) and wcxb-dev (435 pages), html-text lines"
PARAMS: dict[str, Any] = dict(n_estimators=120, max_depth=3, learning_rate=0.1,
                              subsample=0.8, random_state=0)


def page_lines(html: str) -> str:
    """The text page the cleaner sees for a benchmark page."""
    return page_text(html)


def label_lines(texts: list[str], truth: str, min_share: float = 0.5) -> list[int]:
    """1 for lines whose words mostly sit in shingles of the true article body."""
    from analyser.clean.blocks import words

    true = {tuple(s) for s in _grams(words(truth))}
    owner: list[int] = []
    for li, t in enumerate(texts):
        owner.extend([li] * len(words(t)))
    tokens = [w for t in texts for w in words(t)]
    hit = [0] * len(texts)
    tot = [0] * len(texts)
    for k in range(max(0, len(tokens) - 3)):
        ok = tuple(tokens[k:k + 4]) in true
        for li in set(owner[k:k + 4]):
            tot[li] += 1
            hit[li] += ok
    return [int(tot[i] > 0 and hit[i] / tot[i] >= min_share) for i in range(len(texts))]


def _grams(tok: list[str]) -> list[list[str]]:
    return [tok[i:i + 4] for i in range(max(0, len(tok) - 3))]


def page_rows(raw: str, truth: str) -> tuple[list[list[float]], list[int], list[float]]:
    """Feature rows, labels and sample weights (longer lines weigh more) for one page."""
    from analyser.clean.blocks import split_lines, words
    from analyser.clean.features import line_features

    lines = split_lines(raw)
    texts = [ln.text for ln in lines]
    x = line_features(texts, [ln.bullet for ln in lines], [ln.blank_before for ln in lines])
    y = label_lines(texts, truth)
    # Each page weighs the same (the metric averages over pages); longer lines weigh more.
    total = sum(1 + len(words(t)) for t in texts) or 1
    w = [1000.0 * (1 + len(words(t))) / total for t in texts]
    return x, y, w


def fit_stacked(pages: list[tuple[list[list[float]], list[int], list[float]]],
                inner_folds: int = 3) -> dict[str, Any]:
    """Train both stages; the second stage learns from out-of-fold first-stage probabilities."""
    from analyser.clean.features import CONTEXT_NAMES, context_features
    from analyser.clean.model import model_from_dict

    def flat(part: list[tuple[list[list[float]], list[int], list[float]]]) -> tuple:
        return ([r for p in part for r in p[0]], [v for p in part for v in p[1]],
                [v for p in part for v in p[2]])

    first = fit(*flat(pages))
    rows2: list[list[float]] = []
    labels2: list[int] = []
    weights2: list[float] = []
    for g in range(inner_folds):
        held = [p for k, p in enumerate(pages) if k % inner_folds == g]
        model = model_from_dict(fit(*flat([p for k, p in enumerate(pages)
                                           if k % inner_folds != g])))
        for x, y, w in held:
            rows2 += [r + c for r, c in zip(x, context_features(model.proba(x)), strict=True)]
            labels2 += y
            weights2 += w
    second = fit(rows2, labels2, weights2, names=list(first["feature_names"]) + list(CONTEXT_NAMES))
    return {"kind": "stacked", "stages": [first, second],
            "trained_on": TRAINED_ON, "params": PARAMS}


def fit(rows: list[list[float]], labels: list[int], weights: list[float],
        names: list[str] | None = None) -> dict[str, Any]:
    """Train gradient-boosted trees and return the model in its JSON form."""
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    from analyser.clean.features import FEATURE_NAMES

    clf = GradientBoostingClassifier(**PARAMS)
    x = np.asarray(rows, dtype=float)
    clf.fit(x, np.asarray(labels), sample_weight=np.asarray(weights))
    prior = float(np.average(labels, weights=weights))
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append({
            "left": t.children_left.tolist(), "right": t.children_right.tolist(),
            "feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
            "value": [round(float(v), 8) for v in t.value[:, 0, 0]],
        })
    data = {
        "kind": "trees", "feature_names": names or list(FEATURE_NAMES),
        "bias": float(np.log(prior / (1 - prior))), "learning_rate": PARAMS["learning_rate"],
        "trees": trees,
    }
    # The hand-written inference must agree with scikit-learn's (which compares float32
    # features, so a value sitting on a split threshold may rarely go the other way).
    from analyser.clean.model import model_from_dict

    mine = model_from_dict(data).proba(rows[:2000])
    ref = clf.predict_proba(x[:2000])[:, 1]
    off = sum(abs(a - b) > 1e-4 for a, b in zip(mine, ref, strict=True))
    assert off <= 0.01 * len(ref), f"inference mismatch on {off} of {len(ref)} lines"
    return data


def predict_text(raw: str, model_data: dict[str, Any] | None) -> str:
    """The text path's output for one page ("" when it finds no article)."""
    from analyser.clean.model import model_from_dict
    from analyser.clean.text_page import clean_text_page

    model = model_from_dict(model_data) if model_data else None
    try:
        return article_body(clean_text_page(raw, model=model))
    except ValueError:
        return ""


Loaded = dict[str, tuple[tuple[list[str], dict[str, str], dict[str, str]], dict[str, str]]]


def site_folds(keys: list[str], sites: dict[str, str], folds: int) -> dict[str, int]:
    """key -> fold, every page of a site in one fold (sites shuffled with a fixed seed)."""
    import random

    order = sorted(set(sites.values()))
    random.Random(0).shuffle(order)
    fold_of = {s: k % folds for k, s in enumerate(order)}
    return {k: fold_of[sites[k]] for k in keys}


def cross_validate_sets(sets: Loaded, folds: int = 5) -> dict[str, dict[str, str]]:
    """Text-path predictions for every page of every set, pooled and grouped by site: a
    page is cleaned by a model trained on the other folds' pages of both sets."""
    keys, raws, truth, sites = [], {}, {}, {}
    for name, ((ids, html, true), urls) in sets.items():
        for i in ids:
            k = f"{name}/{i}"
            keys.append(k)
            raws[k] = page_lines(html[i])
            truth[k] = true[i]
            sites[k] = site(urls.get(i, "")) or k
    rows = {k: page_rows(raws[k], truth[k]) for k in keys}
    fold = site_folds(keys, sites, folds)
    preds: dict[str, dict[str, str]] = {name: {} for name in sets}
    for f in range(folds):
        model = fit_stacked([rows[k] for k in keys if fold[k] != f])
        for k in keys:
            if fold[k] == f:
                name, i = k.split("/", 1)
                preds[name][i] = predict_text(raws[k], model)
    return preds


def load_sets(root: Path = DATA_ROOT) -> Loaded:
    """Every benchmark set present under ``root``."""
    return {s: (load_benchmark(root / s), load_urls(root / s)) for s in SETS
            if (root / s / "ground-truth.json").is_file()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=DATA_ROOT)
    ap.add_argument("--cv-only", action="store_true", help="report the CV, write nothing")
    ap.add_argument("--train-only", action="store_true", help="train and write, no CV")
    args = ap.parse_args(argv)
    sets = load_sets(args.root)
    if len(sets) < len(SETS):
        print(f"skipped: benchmark sets not found under {args.root} (needs ../shared)")
        return 0
    if not args.train_only:
        preds = cross_validate_sets(sets)
        for name, ((_, _, truth), _) in sets.items():
            f1, p, r = score(preds[name], truth)
            print(f"{name}: text path, 5-fold CV by site: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")
    if args.cv_only:
        return 0
    pages = [page_rows(page_lines(html[i]), truth[i])
             for (ids, html, truth), _ in sets.values() for i in ids]
    MODEL_PATH.write_text(json.dumps(fit_stacked(pages), separators=(",", ":")) + "\n", "utf-8")
    n_lines = sum(len(p[1]) for p in pages)
    print(f"wrote {MODEL_PATH.relative_to(REPO)} ({n_lines} lines from {len(pages)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
