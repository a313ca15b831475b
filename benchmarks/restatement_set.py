"""Restatements (RPT002) and repeated phrases (RPT001) scored against the annotated set.

    python benchmarks/restatement_set.py [--shared ../shared/data] [--part tune|heldout|all]
    python benchmarks/restatement_set.py --phrases [--part heldout]   # RPT001 findings to judge
    python benchmarks/restatement_set.py --misses [--part tune]       # RPT002 errors, in context
    python benchmarks/restatement_set.py --fit                        # refit the in-article model

The set (guide: ``docs/annotation/restatement.md``; files in ``benchmarks/annotations/``):

* ``restatement_articles.csv`` / ``restatement_links.csv``: 60 real articles (24 BBC, 20
  BASIL outlets, 16 WCXB ground-truth bodies) with every restating prose sentence and the
  earlier sentence(s) it restates, as offsets and ``sha1_8`` (the texts are licensed and
  are read from ``../shared/data`` at run time; absent data: the articles are skipped);
* ``restatement_passages.json``: 44 short passages written for the set (stored in full).

Scoring, per restating sentence: a finding is right when the sentence it flags is
annotated as restating and the sentence it links to is one of those it restates.
Precision = right findings / findings; recall = annotated restating sentences with a right
finding / annotated restating sentences. ``no-shared`` is recall on the written passages'
restatements that share no content word (stem of a non-stopword) with what they restate.

RPT001 is scored by judgement (guide §5): ``restatement_phrase_judgements.csv`` holds the
verdict on every finding on the judged articles (by offsets and ``sha1_8``); precision is
accepted / findings. Two checks need no judge: every finding names a phrase that occurs at
least twice in the text, and links to a sentence that contains it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from sentence_ratings import read_texts, sha1_8  # noqa: E402

ANN = REPO / "benchmarks" / "annotations"
ARTICLES = ANN / "restatement_articles.csv"
LINKS = ANN / "restatement_links.csv"
PASSAGES = ANN / "restatement_passages.json"
JUDGED = ANN / "restatement_phrase_judgements.csv"
TUNE_SHARE = 60
#: The fit prefers regularisations whose cross-validated precision reaches this (the
#: issue's target): a finding an editor cannot trust costs more than a miss.
PRECISION_FLOOR = 0.85
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class AlignmentError(ValueError):
    """A stored span no longer points at the sentence that was annotated."""


def passage_part(pid: str) -> str:
    """``tune`` or ``heldout`` for a written passage, by a hash of its id."""
    digest = hashlib.sha1(f"part:passage:{pid}".encode()).hexdigest()
    return "tune" if int(digest[:8], 16) % 100 < TUNE_SHARE else "heldout"


def load_passages(path: Path = PASSAGES) -> list[dict]:
    """The written passages as items: ``text``, annotated sentence ``spans`` and ``gold``
    (restating span -> the spans it restates)."""
    items = []
    for p in json.loads(path.read_text(encoding="utf-8"))["passages"]:
        spans, parts, pos = [], [], 0
        for k, para in enumerate(p["paragraphs"]):
            if k:
                parts.append("\n\n")
                pos += 2
            for m, sent in enumerate(para):
                if m:
                    parts.append(" ")
                    pos += 1
                spans.append((pos, pos + len(sent)))
                parts.append(sent)
                pos += len(sent)
        gold = {spans[int(i)]: {spans[j] for j in js} for i, js in p["restates"].items()}
        items.append({"set": "passage", "id": p["id"], "part": passage_part(p["id"]),
                      "text": "".join(parts), "spans": spans, "gold": gold})
    return items


def load_articles(shared: Path) -> list[dict]:
    """The annotated real articles as items (see :func:`load_passages`); raises
    FileNotFoundError when the shared data is absent and AlignmentError on a hash
    mismatch."""
    with ARTICLES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with LINKS.open(encoding="utf-8", newline="") as fh:
        links = list(csv.DictReader(fh))
    texts = {name: read_texts(shared, name) for name in sorted({r["set"] for r in rows})}
    gold: dict[tuple[str, str], dict] = defaultdict(lambda: defaultdict(set))
    for n, r in enumerate(links, start=2):
        text = texts[r["set"]][r["article_id"]]
        a, b, c, d = (int(r[k]) for k in ("start", "end", "of_start", "of_end"))
        if sha1_8(text[a:b]) != r["sha1_8"] or sha1_8(text[c:d]) != r["of_sha1_8"]:
            raise AlignmentError(f"{LINKS.name} line {n}: the source text has changed")
        gold[(r["set"], r["article_id"])][(a, b)].add((c, d))
    return [{"set": r["set"], "id": r["article_id"], "part": r["part"],
             "text": texts[r["set"]][r["article_id"]],
             "gold": dict(gold.get((r["set"], r["article_id"]), {}))} for r in rows]


def _overlaps(span: tuple[int, int], spans) -> list[tuple[int, int]]:
    a, b = span
    return [s for s in spans if s[0] < b and a < s[1]]


def score_item(item: dict, predicted: list[tuple[tuple[int, int], tuple[int, int]]]) -> dict:
    """Counts for one item: ``found`` findings, ``right`` ones, ``gold`` restating
    sentences and ``hit`` ones (found with a right link). ``predicted``: (flagged
    sentence span, linked sentence span) pairs."""
    gold = item["gold"]
    right, hit = 0, set()
    for span, of in predicted:
        ok = [g for g in _overlaps(span, gold) if _overlaps(of, gold[g])]
        if ok:
            right += 1
            hit.update(ok)
    return {"found": len(predicted), "right": right, "gold": len(gold), "hit": len(hit),
            "hits": hit}


def content_stems(text: str) -> set[str]:
    """Lower-cased stems of the non-stopwords of a sentence (for the no-shared subset)."""
    from analyser.metrics.restatement import word_term
    from analyser.resources import is_stopword

    return {t for w in _WORD.findall(text) if not is_stopword(w)
            and (t := word_term(w)) is not None}


def predictions(analysis) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(flagged span, linked span) of each RPT002 finding of an analysis."""
    rows = analysis.sentences
    out = []
    for f in analysis.findings:
        if f.code == "RPT002" and f.related_sentence is not None:
            r = rows[f.related_sentence]
            out.append(((f.start, f.end), (r["start"], r["end"])))
    return out


def prf(found: int, right: int, gold: int, hit: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = right / found if found else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def restatement_table(items: list[dict]) -> str:
    """The P/R/F1 table by set and part, and the no-shared-words recall of the passages."""
    from analyser import analyse_text

    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    no_shared = [0, 0]
    for item in items:
        res = score_item(item, predictions(analyse_text(item["text"])))
        for key in ((item["set"], item["part"]), ("all", item["part"])):
            for k, name in enumerate(("found", "right", "gold", "hit")):
                sums[key][k] += res[name]
        if item["set"] == "passage":
            text = item["text"]
            for g, ofs in item["gold"].items():
                mine = content_stems(text[g[0]:g[1]])
                if all(not (mine & content_stems(text[o[0]:o[1]])) for o in ofs):
                    no_shared[0] += 1
                    no_shared[1] += g in res["hits"]
    lines = [f"{'set':9} {'part':8} {'found':>5} {'right':>5} {'gold':>5} {'hit':>5} "
             f"{'P':>6} {'R':>6} {'F1':>6}"]
    for (s, part), (fo, ri, go, hi) in sorted(sums.items()):
        p, r, f1 = prf(fo, ri, go, hi)
        lines.append(f"{s:9} {part:8} {fo:5d} {ri:5d} {go:5d} {hi:5d} {p:6.3f} {r:6.3f} "
                     f"{f1:6.3f}")
    lines.append(f"written passages, restatements sharing no content word: found "
                 f"{no_shared[1]} of {no_shared[0]}")
    return "\n".join(lines)


def phrase_rows(items: list[dict]) -> list[dict]:
    """Every RPT001 finding of the items, with the two checks that need no judge."""
    from analyser import analyse_text

    out = []
    for item in items:
        a = analyse_text(item["text"])
        low = a.text.lower()
        for f in a.findings:
            if f.code != "RPT001":
                continue
            phrase = f.text.lower()
            rel = a.sentences[f.related_sentence] if f.related_sentence is not None else None
            linked = rel is not None and phrase in low[rel["start"]:rel["end"]] \
                and f.related_sentence != f.sentence
            out.append({"set": item["set"], "article_id": item["id"], "part": item["part"],
                        "start": f.start, "end": f.end, "sha1_8": sha1_8(f.text),
                        "twice": low.count(phrase) >= 2, "linked": linked, "text": f.text,
                        "sentence": a.sentences[f.sentence]["text"],
                        "related": rel["text"] if rel else ""})
    return out


def phrase_table(rows: list[dict], judged: Path = JUDGED) -> str:
    """RPT001: findings, the automatic checks, and precision by the stored judgements."""
    verdicts = {}
    if judged.is_file():
        with judged.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                verdicts[(r["set"], r["article_id"], int(r["start"]), r["sha1_8"])] = \
                    r["accept"] == "1"
    n = len(rows)
    judged_rows = [verdicts.get((r["set"], r["article_id"], r["start"], r["sha1_8"]))
                   for r in rows]
    known = [v for v in judged_rows if v is not None]
    lines = [f"RPT001 findings: {n}; phrase occurs once: {sum(not r['twice'] for r in rows)}; "
             f"link lacks the phrase: {sum(not r['linked'] for r in rows)}",
             f"judged: {len(known)} of {n}; accepted: {sum(known)}; precision: "
             f"{(sum(known) / len(known)) if known else float('nan'):.3f}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--part", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--phrases", action="store_true", help="list RPT001 findings to judge")
    ap.add_argument("--misses", action="store_true", help="list RPT002 errors in context")
    ap.add_argument("--fit", action="store_true",
                    help="fit the in-article model on the tune part (prints its weights)")
    args = ap.parse_args(argv)
    items = load_passages()
    try:
        items += load_articles(args.shared)
    except FileNotFoundError as exc:
        print(f"articles skipped: {exc}")
    if args.fit:
        print(fit_in_article([i for i in items if i["part"] == "tune"]))
        return 0
    if args.part != "all":
        items = [i for i in items if i["part"] == args.part]
    if args.phrases:
        rows = phrase_rows([i for i in items if i["set"] != "passage"])
        for r in rows:
            print(f"{r['set']},{r['article_id']},{r['start']},{r['end']},{r['sha1_8']} "
                  f"twice={r['twice']} linked={r['linked']} «{r['text']}»\n   S: {r['sentence']}"
                  f"\n   R: {r['related']}")
        print(phrase_table(rows))
        return 0
    if args.misses:
        _print_misses(items)
        return 0
    print(restatement_table(items))
    print(phrase_table(phrase_rows([i for i in items if i["set"] != "passage"])))
    return 0


def training_pairs(item: dict) -> list[tuple[int, int, int, tuple[float, ...]]]:
    """(later, earlier, label, features) of every pair of eligible sentences of an item that
    the in-article search would judge: covering enough of each other, not changing a
    fact."""
    from analyser.document import parse
    from analyser.metrics.repetition.restatements import (
        restatement_eligible,
        restatement_flags,
        sentence_terms,
    )
    from analyser.metrics.restatement import in_article

    doc = parse(item["text"])
    terms = sentence_terms(doc)
    ok = restatement_eligible(doc)
    flags = restatement_flags(doc, ok)
    gold = item["gold"]
    out = []
    for i, s in enumerate(doc.sentences):
        if not ok[i]:
            continue
        mine = _overlaps((s.start, s.end), gold)
        for j in range(i):
            if not ok[j] or in_article.changes_a_fact(terms[j], terms[i]):
                continue
            f = in_article.features(terms[j], terms[i], flags[j], flags[i], i - j)
            if f is None:
                continue  # covers too little of the other: never judged
            sj = doc.sentences[j]
            y = int(any(_overlaps((sj.start, sj.end), gold[g]) for g in mine))
            out.append((i, j, y, f))
    return out


def _decide(pairs, probs, threshold: float) -> tuple[int, int]:
    """(findings, right ones) when each sentence links its most probable candidate."""
    best: dict[int, tuple[float, int]] = {}
    for (i, _j, y, _f), q in zip(pairs, probs, strict=True):
        if q >= threshold and (i not in best or q > best[i][0]):
            best[i] = (q, y)
    return len(best), sum(y for _q, y in best.values())


def fit_in_article(tune: list[dict], grid=(1.0, 3.0, 10.0, 30.0, 100.0)) -> str:
    """Five-fold (by item) precision and recall of each regularisation on the tune part,
    then the weights fitted on all of it with the best F1 among those whose precision
    reaches ``PRECISION_FLOOR`` (else the best F1)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from analyser.metrics.restatement import in_article

    data = [(item, training_pairs(item)) for item in tune]
    gold = sum(len(item["gold"]) for item in tune)

    def model(rows, c):
        x = np.array([p[3] for _it, ps in rows for p in ps])
        y = np.array([p[2] for _it, ps in rows for p in ps])
        return LogisticRegression(C=c, max_iter=5000).fit(x, y)

    lines, scores = [], {}
    for c in grid:
        found = right = 0
        for k in range(5):
            test = data[k::5]
            train = [d for n, d in enumerate(data) if n % 5 != k]
            m = model(train, c)
            for _it, ps in test:
                if ps:
                    fo, ri = _decide(ps, m.predict_proba(np.array([p[3] for p in ps]))[:, 1],
                                     in_article.THRESHOLD)
                    found, right = found + fo, right + ri
        p, r, f1 = prf(found, right, gold, right)
        scores[c] = f1 if p >= PRECISION_FLOOR else f1 - 1.0
        lines.append(f"C={c:<5} cv found={found} right={right} gold={gold} P={p:.3f} R={r:.3f} "
                     f"F1={f1:.3f}")
    c = max(scores, key=scores.__getitem__)
    m = model(data, c)
    w = ", ".join(f"{v:.3f}" for v in m.coef_[0])
    lines.append(f"C={c}: WEIGHTS = ({w})\nBIAS = {m.intercept_[0]:.3f}")
    return "\n".join(lines)


def _print_misses(items: list[dict]) -> None:
    """False positives and missed restatements, with their sentences."""
    from analyser import analyse_text

    for item in items:
        text = item["text"]
        pred = predictions(analyse_text(text))
        res = score_item(item, pred)
        for span, of in pred:
            if not any(_overlaps(of, item["gold"][g]) for g in _overlaps(span, item["gold"])):
                print(f"FP {item['set']} {item['id']}: {text[span[0]:span[1]]!r}\n"
                      f"      -> {text[of[0]:of[1]]!r}")
        for g, ofs in item["gold"].items():
            if g not in res["hits"]:
                o = min(ofs)
                print(f"FN {item['set']} {item['id']}: {text[g[0]:g[1]]!r}\n"
                      f"      -> {text[o[0]:o[1]]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
