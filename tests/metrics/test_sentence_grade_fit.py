"""The sentence model against the sentence ratings (issue 16): the house bands sit where
the fitted scale puts the rating guide's "hard" and "very hard", and on the heldout part
the grade ranks sentences as readers did and the findings are on sentences they found hard
(skipped where ../shared/data is absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from analyser.metrics import grade
from analyser.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def _load(name: str):
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _grade_at(rating: float) -> float:
    cal = grade.sentence_model()["calibration"]
    return grade.saturate(cal["intercept"] + cal["slope"] * rating)


def test_house_bands_sit_at_the_rating_guides_hard_and_very_hard():
    # The defaults are the grades at predicted ratings 3.5 and 4.5, rounded down; a refit
    # of the calibration (after the document model changes) that moves them fails here.
    s = Settings()
    assert _grade_at(3.5) - 1 < s.hard_sentence_grade <= _grade_at(3.5)
    assert _grade_at(4.5) - 1 < s.very_hard_sentence_grade <= _grade_at(4.5)


@pytest.fixture(scope="module")
def heldout(shared_data):
    rows = _load("sentence_eval").rated(shared_data, Settings())
    return [r for r in rows if r["part"] == "heldout"]


def test_heldout_ranking_beats_the_length_baseline(heldout):
    spearman = _load("sentence_ratings").spearman
    ratings = [r["rating"] for r in heldout]
    rho = spearman([r["grade"] for r in heldout], ratings)
    assert rho >= 0.75
    assert rho > spearman([r["words"] for r in heldout], ratings)


def test_heldout_hard_findings_are_on_sentences_rated_hard(heldout):
    found = [r for r in heldout if r["band"] != "fine"]
    assert len(found) >= 5
    assert sum(r["rating"] >= 4 for r in found) / len(found) >= 0.8
