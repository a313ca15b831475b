"""Run the shipped line classifier: gradient-boosted trees stored as JSON.

Inference is written out by hand so that scikit-learn is needed only to train
(benchmarks/train_text_cleaner.py), never at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .features import context_features

MODEL_FILE = "data/text_model.json"


@dataclass(frozen=True)
class LineModel:
    """A binary classifier over line feature vectors: P(line is article text)."""

    kind: str  # "trees"
    feature_names: tuple[str, ...]
    bias: float
    learning_rate: float = 1.0
    #: Each tree as flat node arrays: left, right (-1 at leaves), feature, threshold, value.
    trees: tuple[tuple[list[int], list[int], list[int], list[float], list[float]], ...] = ()

    def decision(self, x: list[float]) -> float:
        """Log-odds that the line is article text."""
        total = 0.0
        for left, right, feat, thr, val in self.trees:
            node = 0
            while left[node] != -1:
                node = left[node] if x[feat[node]] <= thr[node] else right[node]
            total += val[node]
        return self.bias + self.learning_rate * total

    def proba(self, rows: list[list[float]]) -> list[float]:
        """P(article) for each feature row."""
        out = []
        for x in rows:
            z = max(-30.0, min(30.0, self.decision(x)))
            out.append(1.0 / (1.0 + math.exp(-z)))
        return out


@dataclass(frozen=True)
class StackedModel:
    """Two stages: the second sees each line's features plus the first stage's
    probabilities around it (article text comes in runs; furniture too)."""

    first: LineModel
    second: LineModel

    def proba(self, rows: list[list[float]]) -> list[float]:
        """P(article) for each feature row (rows are the lines of one page, in order)."""
        p1 = self.first.proba(rows)
        return self.second.proba([r + c for r, c in zip(rows, context_features(p1), strict=True)])


def model_from_dict(data: dict[str, Any]) -> LineModel | StackedModel:
    """Build a model from its JSON form."""
    if data["kind"] == "stacked":
        first, second = (model_from_dict(d) for d in data["stages"])
        assert isinstance(first, LineModel) and isinstance(second, LineModel)
        return StackedModel(first, second)
    return LineModel(
        kind=data["kind"],
        feature_names=tuple(data["feature_names"]),
        bias=float(data["bias"]),
        learning_rate=float(data.get("learning_rate", 1.0)),
        trees=tuple((t["left"], t["right"], t["feature"], t["threshold"], t["value"])
                    for t in data.get("trees", ())),
    )


@lru_cache(maxsize=1)
def default_model() -> LineModel | StackedModel:
    """The shipped model (data/text_model.json)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8")
    return model_from_dict(json.loads(text))
