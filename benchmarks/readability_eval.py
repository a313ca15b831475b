"""Readability accuracy against human levels, length neutrality, and speed.

    python benchmarks/readability_eval.py [--no-textstat] [--onestop CSV] [--news JSONL]

Prints one table with a row per score: readability_grade (analyser/metrics/grade.py), each
classic formula as computed by analyser/metrics/readability.py ("ours"), textstat 0.7.13's
own functions on the raw text for reference, and the time the readability family
(readability + grade + passive) takes.

Columns:
  pairwise   OneStopEnglish (189 stories x 3 levels): within each story, the fraction of
             the 3 level pairs (ele<int, ele<adv, int<adv) ordered correctly; ties count 1/2.
  cross      the same over every pair of texts from DIFFERENT stories at different levels.
             For readability_grade both are out of fold: each text is scored by the model
             refitted (benchmarks/fit_readability_grade.py, on CLEAR-dev and OneStop) without
             its story, GroupKFold(10) by article_id. Flesch reading ease is negated
             (higher = easier).
  rho_len    Spearman correlation with prose word count over the 2,225 BBC News articles
             (readability_grade: the shipped model).
  ms/1kw     milliseconds per 1,000 words on one core over the BBC corpus (parsing not
             included; the Document is built once and shared by every family).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import fit_readability_grade as fit  # noqa: E402

OURS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall", "linsear_write",
    "consensus_grade",
)
TEXTSTAT = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
)
EASIER_WHEN_HIGHER = {"flesch_reading_ease"}


def analyse(texts: list[str]):
    """Per text: (our formula scores, shipped readability_grade, prose words, None)."""
    from analyser.document import parse
    from analyser.metrics import grade, readability, run_family

    rows = []
    for t in texts:
        doc = parse(t)
        r = run_family(readability.FAMILY, doc).scores
        g = run_family(grade.FAMILY, doc).scores["readability_grade"]
        rows.append((r, g, r["words"], None))
    return rows


def textstat_scores(texts: list[str], name: str) -> np.ndarray:
    import textstat

    f = getattr(textstat, name)
    out = []
    for t in texts:
        try:
            v = f(t, float_output=True) if name == "text_standard" else f(t)
        except Exception:  # noqa: BLE001 - textstat raises on odd input; count it as 0
            v = 0.0
        out.append(float(v))
    return np.array(out)


def timing(texts: list[str]) -> dict[str, float]:
    """ms per 1,000 words for each family and for the three together, one core."""
    from analyser import resources
    from analyser.document import parse
    from analyser.metrics import Context, grade, grade_stats, passive, readability
    from analyser.settings import DEFAULT_SETTINGS

    docs = [parse(t) for t in texts]
    words = sum(s.words for d in docs for s in d.sentences)
    families = {"readability": readability.measure, "grade": grade.measure,
                "passive": passive.measure}  # none of the three needs another family
    # Start from cold per-word caches (wordfreq look-ups, participles), as a fresh process
    # would, then warm up on a few documents only (data files and models load once).
    resources.zipf.cache_clear()
    grade._word_info.cache_clear()
    grade.word_extra.cache_clear()
    grade_stats._WORD.clear()
    passive.is_participle.cache_clear()
    for d in docs[:20]:
        for m in families.values():
            m(Context(d, DEFAULT_SETTINGS))
    out = {}
    for name, m in families.items():
        t0 = time.process_time()
        for d in docs:
            m(Context(d, DEFAULT_SETTINGS))
        out[name] = 1000.0 * (time.process_time() - t0) / words * 1000.0
    out["total"] = sum(out.values())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--onestop", type=Path, default=fit.DEFAULT_ONESTOP)
    ap.add_argument("--news", type=Path, default=fit.DEFAULT_NEWS)
    ap.add_argument("--no-textstat", action="store_true")
    args = ap.parse_args()
    if not all(p.exists() for p in (args.onestop, args.news, fit.DEFAULT_CLEAR)):
        sys.exit(f"data not found: {args.onestop} / {args.news} / {fit.DEFAULT_CLEAR} "
                 "(shared/ beside the repo)")

    groups, levels, texts = fit.load_onestop(args.onestop)
    news = [r["text"] for r in fit.load_news(args.news)]
    one = analyse(texts)
    bbc = analyse(news)
    words = np.array([w for _, _, w, _ in bbc])

    _, oof, _ = fit.cross_validate(fit.Data(fit.DEFAULT_CLEAR, args.onestop, args.news))

    table: list[tuple[str, float, float, float, float | None]] = []

    def row(name: str, one_scores, bbc_scores, sign: float = 1.0, ms=None) -> None:
        s = sign * np.asarray(one_scores, dtype=float)
        table.append((name, fit.pairwise_accuracy(s, levels, groups),
                      fit.cross_concordance(s, levels, groups),
                      fit.spearman(bbc_scores, words), ms))

    row("readability_grade (out of fold)", oof, [g for _, g, _, _ in bbc])
    row("readability_grade (shipped model, in sample)", [g for _, g, _, _ in one],
        [g for _, g, _, _ in bbc])
    for name in OURS:
        sign = -1.0 if name in EASIER_WHEN_HIGHER else 1.0
        row(f"ours: {name}", [r[name] for r, _, _, _ in one], [r[name] for r, _, _, _ in bbc],
            sign)
    row("ours: prose word count (not allowed as a feature)", [w for _, _, w, _ in one], words)
    if not args.no_textstat:
        from analyser.resources import ensure_nltk_cmudict

        ensure_nltk_cmudict()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in TEXTSTAT:
                sign = -1.0 if name in EASIER_WHEN_HIGHER else 1.0
                row(f"textstat: {name}", textstat_scores(texts, name),
                    textstat_scores(news, name), sign)
    t = timing(news)
    nan = float("nan")
    for name in ("readability", "grade", "passive", "total"):
        table.append((f"time: {name} family" if name != "total"
                      else "time: readability + grade + passive", nan, nan, nan, t[name]))

    print(f"{'score':52s} {'pairwise':>8s} {'cross':>7s} {'rho_len':>8s} {'ms/1kw':>7s}")
    for name, p, c, r, ms in table:
        cells = [f"{v:8.3f}" if v == v else f"{'':8s}" for v in (p,)]
        cells += [f"{c:7.3f}" if c == c else f"{'':7s}", f"{r:+8.3f}" if r == r else f"{'':8s}"]
        cells.append(f"{ms:7.2f}" if ms is not None else "")
        print(f"{name:52s} " + " ".join(cells))


if __name__ == "__main__":
    main()
