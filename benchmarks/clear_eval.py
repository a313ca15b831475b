"""Every difficulty score the analyser reports, against human judgement on CLEAR-dev.

    python benchmarks/clear_eval.py [--limit N] [--data CSV.GZ] [--no-textstat]

CLEAR (Crossley et al. 2023, Behavior Research Methods 55(2)) gives each excerpt a
Bradley–Terry easiness fitted on teachers' pairwise "which is easier?" judgements
(``bt_easiness``, higher = easier). ``../shared/data/readability/clear-dev.csv.gz`` holds
its development half (2,396 excerpts; CC BY-NC-SA 4.0, read from ../shared and never
copied into the repository; see its SOURCE.md). Each excerpt is clean text, analysed as
given with ``analyser.analyse_text(text)``.

Prints one table: Spearman's rho between the easiness and minus each score (plus for
Flesch reading ease, where higher already means easier), so 1 is perfect agreement with
the readers and every row reads the same way; over all excerpts (with a 95% interval from
Fisher's z with the Bonett–Wright standard error), and by ``category`` (Lit = literary,
Info = informational). Rows: ``readability_grade`` out of fold (the document model refitted
by ``benchmarks/fit_readability_grade.py`` without each excerpt's fold: 10 folds
stratified by category, OneStopEnglish and BBC as in the fit; ``--no-oof`` leaves it out),
the shipped ``readability_grade`` (in sample: it was fitted on these excerpts), every
classic formula the analyser computes, and textstat 0.7.13's own functions on the same
excerpts for comparison
(textstat's Linsear Write with its default first-100-words sample; ``text_standard`` is
its consensus). Skips cleanly (exit 0) when the data set is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "data" / "readability" / "clear-dev.csv.gz"

#: The analyser's scores, in the order the table lists them.
OURS = (
    "readability_grade", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
    "smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall",
    "dale_chall_grade", "linsear_write", "consensus_grade",
)
#: textstat's counterparts (textstat has no Dale–Chall grade and no readability_grade).
TEXTSTAT = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
)
#: Scores where a higher value means an easier text.
EASIER_WHEN_HIGHER = {"flesch_reading_ease"}
CATEGORIES = ("Lit", "Info")


def spearman(x, y) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def interval(rho: float, n: int) -> tuple[float, float]:
    """95% interval for Spearman's rho: Fisher's z, Bonett & Wright's (2000) standard error."""
    if n <= 3 or abs(rho) >= 1:
        return float("nan"), float("nan")
    se = math.sqrt((1 + rho * rho / 2) / (n - 3))
    z = math.atanh(rho)
    return math.tanh(z - 1.96 * se), math.tanh(z + 1.96 * se)


def our_scores(texts: list[str]) -> dict[str, list[float]]:
    from analyser import analyse_text

    out: dict[str, list[float]] = {name: [] for name in OURS}
    for text in texts:
        scores = analyse_text(text).scores
        for name in OURS:
            out[name].append(float(scores[name]))
    return out


def textstat_scores(texts: list[str]) -> dict[str, list[float]]:
    from analyser.resources import ensure_nltk_cmudict

    ensure_nltk_cmudict()  # offline: textstat would otherwise try to download CMUdict
    import textstat

    out: dict[str, list[float]] = {name: [] for name in TEXTSTAT}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in TEXTSTAT:
            f = getattr(textstat, name)
            for text in texts:
                v = f(text, float_output=True) if name == "text_standard" else f(text)
                out[name].append(float(v))
    return out


def out_of_fold(data: Path, limit: int | None) -> list[float]:
    """Each excerpt's document-model hardness from the model refitted without its fold."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import fit_readability_grade as fit

    if not (fit.DEFAULT_ONESTOP.exists() and fit.DEFAULT_NEWS.exists()):
        raise SystemExit("the out-of-fold row needs ../shared/data/onestop and news "
                         "(or pass --no-oof)")
    d = fit.Data(data, fit.DEFAULT_ONESTOP, fit.DEFAULT_NEWS, limit=limit)
    oof, _, _ = fit.cross_validate(d)
    return [float(v) for v in oof]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, help="only the first N excerpts")
    ap.add_argument("--no-textstat", action="store_true", help="leave out textstat's rows")
    ap.add_argument("--no-oof", action="store_true",
                    help="leave out the out-of-fold readability_grade row (a refit, ~2 min)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} not found (the shared data sets live beside the repo)")
        return 0

    import pandas as pd

    frame = pd.read_csv(args.data)
    if args.limit:
        frame = frame.head(args.limit)
    texts = frame["text"].astype(str).tolist()
    easiness = frame["bt_easiness"].to_numpy(dtype=float)
    category = frame["category"].astype(str).to_numpy()

    start = time.perf_counter()
    rows = [(f"ours: {name}{' (shipped)' if name == 'readability_grade' else ''}", name,
             values) for name, values in our_scores(texts).items()]
    ours_s = time.perf_counter() - start
    if not args.no_oof:
        rows.insert(0, ("ours: readability_grade (out of fold)", "readability_grade",
                        out_of_fold(args.data, args.limit)))
    if not args.no_textstat:
        rows += [(f"textstat: {name}", name, values)
                 for name, values in textstat_scores(texts).items()]

    import numpy as np

    groups = [("all", np.ones(len(easiness), dtype=bool))]
    groups += [(c, category == c) for c in CATEGORIES]
    sizes = [int(mask.sum()) for _, mask in groups]
    print(f"{'score (Spearman with CLEAR easiness)':46s} {'all':>6s} {'95% CI':>16s} "
          + " ".join(f"{name:>6s}" for name, _ in groups[1:]))
    print(f"{'n excerpts':46s} {sizes[0]:6d} {'':16s} " + " ".join(f"{n:6d}" for n in sizes[1:]))
    for label, name, values in rows:
        sign = 1.0 if name in EASIER_WHEN_HIGHER else -1.0
        signed = sign * np.asarray(values, dtype=float)
        cells = [spearman(easiness[mask], signed[mask]) if mask.sum() > 2 else float("nan")
                 for _, mask in groups]
        lo, hi = interval(cells[0], sizes[0])
        shown = f"{label}{' (+)' if sign > 0 else ''}"
        print(f"{shown:46s} {cells[0]:6.3f} {f'[{lo:.3f}, {hi:.3f}]':>16s} "
              + " ".join(f"{c:6.3f}" for c in cells[1:]))
    print(f"(rho of the easiness with minus each score; (+): the score itself. "
          f"Analyser: {ours_s:.0f} s for {sizes[0]} excerpts.)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
