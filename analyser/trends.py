"""Each outlet's measures over time: means per week, month or year with 95% intervals.

The period is chosen from the span of the dates, so that a chart has a readable number of
points: up to ``WEEKS_UP_TO_DAYS`` days of dates are shown by week, up to
``MONTHS_UP_TO_DAYS`` by month, longer spans by year. A period's interval is the normal
approximation ``mean ± 1.96 sd / sqrt(n)`` over the outlet's articles in it (none for a
single article). Articles without a date are left out and counted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .outlets import UNNAMED_OUTLET, named_outlet

PERIODS = ("week", "month", "year")
#: Spans of dates (days) up to which weeks, then months, are the period.
WEEKS_UP_TO_DAYS = 120
MONTHS_UP_TO_DAYS = 3 * 366

TREND_COLUMNS = ("outlet", "period", "measure", "articles", "mean", "ci_low", "ci_high")


def article_dates(articles: pd.DataFrame) -> pd.Series:
    """Each article's calendar date (NaT where it has none or it cannot be read)."""
    if "published" not in articles:
        return pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")
    text = articles["published"].astype("string").str.strip().str.slice(0, 10)
    return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")


def choose_period(dates: pd.Series) -> str | None:
    """The period for these dates, or None when they fall in one period (or there are
    none): nothing to draw a trend through."""
    d = dates.dropna()
    if d.empty:
        return None
    span = (d.max() - d.min()).days
    period = ("week" if span <= WEEKS_UP_TO_DAYS else
              "month" if span <= MONTHS_UP_TO_DAYS else "year")
    return period if period_start(d, period).nunique() > 1 else None


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day of each date's period (weeks start on Monday)."""
    if period == "week":
        return (dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.normalize()
    if period == "month":
        return dates.dt.to_period("M").dt.start_time
    if period == "year":
        return dates.dt.to_period("Y").dt.start_time
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def trend_frame(articles: pd.DataFrame, measures: Sequence[str] | None = None,
                period: str | None = None) -> pd.DataFrame:
    """Per outlet, period and measure: article count, mean and 95% interval (columns
    :data:`TREND_COLUMNS`; ``period`` is the period's first day, ``YYYY-MM-DD``). Empty
    when the dates fall in fewer than two periods. ``measures`` defaults to the
    scorecard's."""
    if measures is None:
        from .catalog import SCORECARD

        measures = [s.name for s in SCORECARD]
    cols = [m for m in measures if m in articles]
    dates = article_dates(articles)
    period = period or choose_period(dates)
    if period is None or not cols:
        return pd.DataFrame(columns=list(TREND_COLUMNS))
    dated = articles[dates.notna()]
    frame = pd.DataFrame({
        "outlet": dated["outlet"].map(named_outlet).replace("", UNNAMED_OUTLET)
        if "outlet" in dated else UNNAMED_OUTLET,
        "period": period_start(dates[dates.notna()], period).dt.strftime("%Y-%m-%d"),
    })
    rows = []
    for c in cols:
        frame["value"] = pd.to_numeric(dated[c], errors="coerce")
        stats = frame.dropna(subset=["value"]).groupby(["outlet", "period"])["value"].agg(
            ["size", "mean", "std"])
        for (outlet, start), r in stats.iterrows():
            n = int(r["size"])
            half = 1.96 * r["std"] / np.sqrt(n) if n > 1 else np.nan
            rows.append({"outlet": outlet, "period": start, "measure": c, "articles": n,
                         "mean": float(r["mean"]), "ci_low": float(r["mean"] - half),
                         "ci_high": float(r["mean"] + half)})
    return pd.DataFrame(rows, columns=list(TREND_COLUMNS))
