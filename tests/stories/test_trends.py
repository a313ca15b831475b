"""Outlets over time: the period chosen from the span of dates, means and intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analyser.trends import choose_period, trend_frame


def dates(*values):
    return pd.to_datetime(pd.Series(values))


@pytest.mark.parametrize("values, period", [
    (("2024-01-01", "2024-02-20"), "week"),
    (("2024-01-01", "2025-06-01"), "month"),
    (("2010-01-01", "2019-06-01"), "year"),
    (("2024-01-01",), None),
    (("2024-01-01", "2024-01-02"), None),  # one week
])
def test_period_follows_the_span(values, period):
    assert choose_period(dates(*values)) == period


def test_means_and_intervals_per_outlet_and_period():
    arts = pd.DataFrame({
        "id": list("abcdef"), "outlet": ["X", "X", "X", "Y", "Y", ""],
        "published": ["2020-01-05", "2020-01-20", "2021-03-01", "2020-02-01", "2021-01-01",
                      "2021-05-05"],
        "readability_grade": [10.0, 12.0, 9.0, 8.0, 7.0, 5.0],
    })
    df = trend_frame(arts, ["readability_grade"], period="year").set_index(["outlet", "period"])
    x2020 = df.loc[("X", "2020-01-01")]
    assert x2020["articles"] == 2 and x2020["mean"] == 11.0
    assert math.isclose(x2020["ci_high"] - 11.0, 1.96 * math.sqrt(2) / math.sqrt(2))
    assert math.isnan(df.loc[("X", "2021-01-01")]["ci_low"])  # one article: no band
    assert ("(outlet not named)", "2021-01-01") in df.index


def test_undated_articles_give_no_trend():
    arts = pd.DataFrame({"id": ["a", "b"], "outlet": ["X", "Y"], "published": [None, ""],
                         "readability_grade": [1.0, 2.0]})
    assert trend_frame(arts, ["readability_grade"]).empty
