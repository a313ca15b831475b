"""Outlet names: which ones name a source and which are ingest's placeholders.

A leaf module: grouping stories and the report both ask it, so that an article whose
page names no outlet is never taken for the same outlet as another such article.
"""

from __future__ import annotations

import math

#: The label under which articles of unnamed outlets are compared (corpus mode).
UNNAMED_OUTLET = "(outlet not named)"
#: Outlet names that say nothing about the source (ingest's placeholders, and the label
#: the report gives the articles of unnamed outlets).
PLACEHOLDER_OUTLETS = frozenset({"", "outlet not named on page", UNNAMED_OUTLET,
                                 "unknown", "none", "n/a", "nan"})


def named_outlet(outlet) -> str:
    """The outlet's name, or "" for a missing or placeholder outlet."""
    text = "" if outlet is None or (isinstance(outlet, float) and math.isnan(outlet)) else str(
        outlet).strip()
    return "" if text.lower() in PLACEHOLDER_OUTLETS else text
