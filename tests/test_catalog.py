"""The catalogue is the one place categories, scores and threshold codes are declared:
everything the analyser emits is declared there, and the generated reference pages are
up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.catalog import (
    CATEGORIES,
    CATEGORY,
    LANGUAGE_CATEGORIES,
    LEVELS,
    SCORE,
    SCORES,
    THRESHOLD_CODES,
)
from analyser.metrics import families
from analyser.reference_docs import generated
from analyser.rules import builtin_rules

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_analysis():
    text = next(iter(sorted((REPO / "seeds").glob("*.txt")))).read_text(encoding="utf-8")
    return analyse_text(text, clean=True)


def test_every_score_emitted_is_declared_with_its_family(seed_analysis):
    declared = {s.name for s in SCORES if s.family != "tables"}
    assert set(seed_analysis.scores) == declared
    from analyser.document import parse
    from analyser.metrics import run_families

    for name, result in run_families(parse(seed_analysis.text)).items():
        assert {SCORE[s].family for s in result.scores} == {name}, name


def test_families_provide_what_the_catalogue_says():
    for family in families():
        assert family.provides, family.name
        assert all(SCORE[s].family == family.name for s in family.provides)


def test_every_score_is_complete():
    for s in SCORES:
        assert s.label and s.help and s.unit, s.name
        assert s.direction in ("lower", "higher", ""), s.name
        assert len(s.label) <= 24, s.name
    places = [s.scorecard for s in SCORES if s.scorecard]
    assert len(places) == len(set(places)), "two scores share a scorecard place"


def test_rules_use_declared_categories_and_levels():
    for r in builtin_rules():
        assert r.category in CATEGORY and r.level in LEVELS, r.code
    assert set(LANGUAGE_CATEGORIES) <= {r.category for r in builtin_rules()}
    assert {c.name for c in CATEGORIES} >= {r.category for r in builtin_rules()}


def test_threshold_codes_have_both_bounds():
    assert {t.bound for t in THRESHOLD_CODES} == {"max", "min"}


def test_findings_carry_declared_categories(seed_analysis):
    assert {f.category for f in seed_analysis.findings} <= set(CATEGORY)


@pytest.mark.parametrize("page", sorted(generated()))
def test_generated_reference_page_is_current(page):
    committed = (REPO / page).read_text(encoding="utf-8")
    assert committed == generated()[page], (
        f"{page} is stale: run `python -m analyser.reference_docs` and commit it")
