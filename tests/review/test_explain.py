"""``analyser explain``: generated from the rule data, for every rule; unknown codes exit 2."""

from __future__ import annotations

import json

import pytest

from analyser.cli import main
from analyser.review.explain import UnknownCode, explain, explain_json, find_rule
from analyser.rules import builtin_rules, rule_by_code


def test_explain_prints_the_rule_data(capsys):
    assert main(["explain", "FIL001"]) == 0
    out = capsys.readouterr().out
    r = rule_by_code("FIL001")
    assert out.startswith(f"FIL001 {r.name}")
    assert f"category {r.category}, level {r.level}" in out
    for part in (" ".join(r.rationale.split())[:40], r.pass_[0]):
        assert part in " ".join(out.split())
    assert "Flagged" in out and "Not flagged" in out and "Known false positives" in out
    assert "[[you know]]" in out  # the flagged words, found by running the example


@pytest.mark.parametrize("code", [r.code for r in builtin_rules()])
def test_every_rule_explains(code):
    text = explain(code)
    assert code in text and "Why" in text


def test_explain_by_name_and_json(capsys):
    assert main(["explain", "you-know", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "FIL001"
    assert data["flag"] and data["pass"] and data["rationale"]


def test_unknown_code_exits_2_and_suggests_close_ones(capsys):
    assert main(["explain", "FIL999"]) == 2
    err = capsys.readouterr().err
    assert "no rule 'FIL999'" in err and "did you mean" in err and "FIL0" in err
    with pytest.raises(UnknownCode):
        find_rule("XYZ123")


def test_threshold_codes_explain(capsys):
    assert main(["explain", "THR001"]) == 0
    out = capsys.readouterr().out
    assert "house maximum" in out or "maximum" in out
    assert "filler_per_1k" in out


def test_level_from_the_house_style(tmp_path):
    from analyser.config import load_config_file

    (tmp_path / "analyser.toml").write_text("[levels]\nFIL = 'error'\n", encoding="utf-8")
    s = load_config_file(tmp_path / "analyser.toml")
    assert explain_json("FIL001", s)["level"] == "error"
    assert "house style; the rule's default is" in explain("FIL001", s)


def test_extra_rules_explain(tmp_path):
    from pathlib import Path

    from analyser.config import load_config_file

    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "analyser.toml"
    s = load_config_file(example)
    assert "HSE001" in explain("HSE001", s)
