"""Outlets compared on the same stories, with bootstrap intervals over stories.

**Paired** (stories told by two or more outlets): within a story, each outlet's value is
the mean of its tellings, and its *difference* is that value minus the mean of the
outlets' values in the story. An outlet's effect is the mean of its differences over the
stories it told; the 95% interval is the percentile interval of that mean over
``BOOTSTRAP`` resamples of those stories (with replacement; a fixed seed, so a report is
reproducible). Topic cancels out: every difference is taken within one event.

**Unpaired** (all articles, when too few stories are shared): an outlet's effect is its
mean minus the mean of the outlets' means; the interval resamples each outlet's articles.

An effect is *supported* when its interval excludes zero, it rests on at least
``MIN_STORIES`` stories (paired) or ``MIN_ARTICLES`` articles per outlet (unpaired), and
it is at least the measure's negligible difference. Nothing else is shaded or called a
difference. Copies of another outlet's text are not tellings and never count; articles
whose page names no outlet are not compared as an outlet.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..outlets import named_outlet

#: Bootstrap resamples per interval.
BOOTSTRAP = 2000
#: Fewest shared stories an outlet's paired effect rests on before it is judged.
MIN_STORIES = 5
#: Fewest articles per outlet before an unpaired effect is judged.
MIN_ARTICLES = 5
#: Most resampled values held at once (bounds the memory of one interval).
RESAMPLE_CELLS = 1_000_000
#: Seed of the resampling.
SEED = 20261202

EFFECT_COLUMNS = (
    "outlet", "measure", "basis", "stories", "articles", "outlet_mean", "effect",
    "ci_low", "ci_high", "supported",
)


def _measures(articles: pd.DataFrame, measures: Sequence[str] | None) -> list[str]:
    if measures is None:
        from ..catalog import SCORECARD

        measures = [s.name for s in SCORECARD]
    return [m for m in measures if m in articles and pd.to_numeric(
        articles[m], errors="coerce").notna().any()]


def story_values(articles: pd.DataFrame, stories: pd.DataFrame,
                 measures: Sequence[str] | None = None) -> pd.DataFrame:
    """Per story and outlet: the mean of each measure over the outlet's tellings, and its
    difference from the story's mean of outlets (columns ``<measure>`` and
    ``<measure>_difference``), for stories told by two or more outlets."""
    cols = _measures(articles, measures)
    # Only named outlets are compared: unnamed pages are not known to share a source.
    tellings = stories[stories["telling"].astype(bool) & (stories["outlet"] != "")][
        ["story", "id", "outlet"]]
    if tellings.empty or not cols:
        return pd.DataFrame(columns=["story", "outlet", "tellings", *cols])
    values = articles[["id", *cols]].copy()
    values["id"] = values["id"].astype(str)
    for c in cols:
        values[c] = pd.to_numeric(values[c], errors="coerce")
    merged = tellings.assign(id=tellings["id"].astype(str)).merge(values, on="id", how="left")
    per = merged.groupby(["story", "outlet"], sort=False)
    out = per[cols].mean()
    out.insert(0, "tellings", per.size())
    out = out.reset_index()
    counts = out.groupby("story")["outlet"].transform("size")
    out = out[counts >= 2].reset_index(drop=True)
    for c in cols:
        out[f"{c}_difference"] = out[c] - out.groupby("story")[c].transform("mean")
    return out


def _resampled_means(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Means of ``BOOTSTRAP`` resamples of ``values`` (with replacement), drawn a block of
    resamples at a time so memory stays bounded for thousands of stories."""
    n = len(values)
    block = max(1, min(BOOTSTRAP, RESAMPLE_CELLS // max(n, 1)))
    out = np.empty(BOOTSTRAP)
    for start in range(0, BOOTSTRAP, block):
        stop = min(start + block, BOOTSTRAP)
        out[start:stop] = values[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
    return out


def _interval(samples: np.ndarray) -> tuple[float, float]:
    lo, hi = np.percentile(samples, [2.5, 97.5])
    return float(lo), float(hi)


def _paired_effects(per_story: pd.DataFrame, cols: list[str],
                    rng: np.random.Generator) -> list[dict]:
    rows = []
    for outlet, group in per_story.groupby("outlet", sort=True):
        for c in cols:
            diffs = group[f"{c}_difference"].dropna().to_numpy()
            n = len(diffs)
            row = {"outlet": outlet, "measure": c, "basis": "stories", "stories": n,
                   "articles": int(group.loc[group[c].notna(), "tellings"].sum()),
                   "outlet_mean": float(group[c].mean()) if n else np.nan,
                   "effect": float(diffs.mean()) if n else np.nan,
                   "ci_low": np.nan, "ci_high": np.nan}
            if n >= 2:
                row["ci_low"], row["ci_high"] = _interval(_resampled_means(diffs, rng))
            rows.append(row)
    return rows


def _unpaired_effects(articles: pd.DataFrame, cols: list[str],
                      rng: np.random.Generator) -> list[dict]:
    rows = []
    outlet = articles["outlet"].map(named_outlet)
    outlets = sorted(o for o in outlet.unique() if o)
    for c in cols:
        values = {o: pd.to_numeric(articles.loc[outlet == o, c],
                                   errors="coerce").dropna().to_numpy() for o in outlets}
        present = [o for o in outlets if len(values[o])]
        if len(present) < 2:
            continue
        means = {o: values[o].mean() for o in present}
        # Resample every outlet's articles together, so each draw is one whole comparison.
        draws = {o: _resampled_means(values[o], rng) for o in present}
        grand = np.mean([draws[o] for o in present], axis=0)
        centre = float(np.mean(list(means.values())))
        for o in present:
            lo, hi = _interval(draws[o] - grand) if len(values[o]) >= 2 else (np.nan, np.nan)
            rows.append({"outlet": o, "measure": c, "basis": "articles", "stories": 0,
                         "articles": len(values[o]), "outlet_mean": float(means[o]),
                         "effect": float(means[o] - centre), "ci_low": lo, "ci_high": hi})
    return rows


def _supported(df: pd.DataFrame) -> pd.Series:
    from ..catalog import SCORE

    negligible = df["measure"].map(lambda m: SCORE[m].negligible if m in SCORE else 0.0)
    enough = np.where(df["basis"] == "stories", df["stories"] >= MIN_STORIES,
                      df["articles"] >= MIN_ARTICLES)
    excludes_zero = (df["ci_low"] > 0) | (df["ci_high"] < 0)
    return pd.Series(enough & excludes_zero & (df["effect"].abs() >= negligible),
                     index=df.index).fillna(False).astype(bool)


def outlet_effects(articles: pd.DataFrame, stories: pd.DataFrame,
                   measures: Sequence[str] | None = None, *,
                   basis: str = "auto") -> pd.DataFrame:
    """Each outlet's effect per measure (columns :data:`EFFECT_COLUMNS`).

    ``basis`` is ``"stories"`` (paired on shared stories), ``"articles"`` (all articles,
    unpaired) or ``"auto"``: paired when some outlet has :data:`MIN_STORIES` shared stories,
    else unpaired. ``measures`` defaults to the scorecard's.
    """
    if basis not in ("auto", "stories", "articles"):
        raise ValueError(f"basis must be auto, stories or articles, not {basis!r}")
    cols = _measures(articles, measures)
    rng = np.random.default_rng(SEED)
    rows: list[dict] = []
    if basis in ("auto", "stories"):
        per_story = story_values(articles, stories, cols)
        shared = per_story.groupby("outlet")["story"].nunique() if len(per_story) else None
        if basis == "stories" or (shared is not None and shared.max() >= MIN_STORIES):
            rows = _paired_effects(per_story, cols, rng)
            basis = "stories"
    if basis in ("auto", "articles") and not rows and "outlet" in articles:
        rows = _unpaired_effects(articles, cols, rng)
    df = pd.DataFrame(rows, columns=list(EFFECT_COLUMNS[:-1]))
    df["supported"] = _supported(df) if len(df) else pd.Series(dtype=bool)
    return df[list(EFFECT_COLUMNS)]
