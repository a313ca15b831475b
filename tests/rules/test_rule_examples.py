"""Every rule's examples are tests: each ``flag`` text raises the rule, each ``pass`` does not."""

from __future__ import annotations

import pytest

from analyser import analyse_text
from analyser.rules import builtin_rules

RULES = builtin_rules()
FLAG = [(r.code, text) for r in RULES for text in r.flag]
PASS = [(r.code, text) for r in RULES for text in r.pass_]


def test_every_rule_has_both_kinds_of_example():
    assert RULES, "no rules loaded"
    for r in RULES:
        assert r.flag and r.pass_, f"{r.code} needs flag and pass examples"


@pytest.mark.parametrize("code,text", FLAG, ids=[f"{c}-flag-{i}" for i, (c, _) in enumerate(FLAG)])
def test_flag_example_is_flagged(code, text):
    a = analyse_text(text)
    codes = {f.code for f in a.findings}
    assert code in codes, f"{code} should flag: {text!r} (got {sorted(codes)})"
    for f in a.findings:
        assert a.text[f.start : f.end] == f.text


@pytest.mark.parametrize("code,text", PASS, ids=[f"{c}-pass-{i}" for i, (c, _) in enumerate(PASS)])
def test_pass_example_is_not_flagged(code, text):
    a = analyse_text(text)
    hits = [f.text for f in a.findings if f.code == code]
    assert not hits, f"{code} should not flag: {text!r} (flagged {hits})"
