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


def test_explain_readability_grade_prints_the_shipped_weights(capsys):
    from analyser.metrics.grade import model

    assert main(["explain", "readability_grade"]) == 0
    out = capsys.readouterr().out
    m = model()["document"]
    top = max(range(len(m["weights"])), key=lambda i: m["weights"][i])
    assert f"{m['features'][top]:<28} {m['weights'][top]:>8.3f}" in out
    assert "Sentence model" in out and "GroupKFold" in out
    # every document weight is shown, and the human-judgement figure it was fitted for
    for name, weight in zip(m["features"], m["weights"], strict=True):
        assert f"{name:<28} {weight:>8.3f}" in out
    assert f"CLEAR-dev human easiness {model()['fit']['oof_clear_spearman']}" in out
    assert main(["explain", "readability_grade", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["feature"] for r in data["features"] if r["model"] == "document"] == m["features"]


def test_rules_lists_threshold_codes_and_configured_levels(tmp_path, capsys, monkeypatch):
    (tmp_path / "analyser.toml").write_text('[levels]\nFIL001 = "error"\nTHR = "warning"\n',
                                            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    by_code = {line.split()[0]: line.split() for line in lines if line[:3].isupper()}
    assert by_code["FIL001"][3] == "error"
    assert by_code["THR001"][2:4] == ["threshold", "warning"]
    assert main(["rules", "--format", "json"]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["FIL001"]["level"] == "error" and rows["FIL001"]["default_level"] == "warning"
    assert rows["THR002"]["category"] == "threshold"
    assert len(rows) == len(builtin_rules()) + 2
