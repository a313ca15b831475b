"""Spot checks on the Scrapinghub benchmark in ../shared (skipped when it is absent)."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter

import pytest

from analyser.clean import clean_html_page, clean_text_page
from analyser.clean.features import CONTEXT_NAMES, FEATURE_NAMES
from analyser.clean.model import StackedModel, default_model


def _f1(pred: str, true: str) -> float:
    def grams(t: str) -> Counter:
        tok = re.findall(r"\w+", t)
        return Counter(tuple(tok[i:i + 4]) for i in range(max(0, len(tok) - 3)))

    p, t = grams(pred), grams(true)
    tp = sum((p & t).values())
    return 2 * tp / (sum(p.values()) + sum(t.values()) or 1)


@pytest.fixture(scope="module")
def pages(shared_file) -> list[tuple[str, str]]:
    bench = shared_file("extraction", "scrapinghub-aeb")
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    out = []
    for key in sorted(truth)[:12]:
        with gzip.open(bench / "html" / f"{key}.html.gz", "rt", encoding="utf8") as fh:
            out.append((fh.read(), truth[key]["articleBody"]))
    return out


def test_html_path_on_benchmark_pages(pages):
    scores = [_f1(clean_html_page(html).text, true) for html, true in pages]
    assert sum(scores) / len(scores) > 0.9


def test_text_path_on_benchmark_pages(pages):
    import html_text

    scores = [_f1(clean_text_page(html_text.extract_text(html, guess_layout=True)).text, true)
              for html, true in pages]
    # These pages were in the shipped model's training set: a sanity check, not an estimate
    # (benchmarks/extraction_eval.py reports the 5-fold cross-validated figure).
    assert sum(scores) / len(scores) > 0.8


def test_shipped_model_matches_the_features():
    model = default_model()
    assert model is not None
    if isinstance(model, StackedModel):
        assert model.first.feature_names == FEATURE_NAMES
        assert model.second.feature_names == FEATURE_NAMES + CONTEXT_NAMES
    else:
        assert model.feature_names == FEATURE_NAMES
