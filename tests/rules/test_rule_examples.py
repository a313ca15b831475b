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


SOFTENED = [(r.code, text) for r in RULES for text in r.match.get("softened", [])]


@pytest.mark.parametrize("code,text", SOFTENED,
                         ids=[f"{c}-softened-{i}" for i, (c, _) in enumerate(SOFTENED)])
def test_softened_example_is_a_suggestion(code, text):
    """A rule's ``softened`` examples (attributed forecasts, quoted speech) are flagged at
    suggestion level; its plain ``flag`` examples keep the rule's own level."""
    a = analyse_text(text)
    levels = {f.level for f in a.findings if f.code == code}
    assert levels == {"suggestion"}, f"{code} should flag {text!r} as a suggestion (got {levels})"


def test_flag_examples_of_softening_rules_keep_their_level():
    soft = [r for r in RULES if "soften" in r.match]
    assert soft, "no rule declares soften"
    for r in soft:
        for text in r.flag:
            levels = {f.level for f in analyse_text(text).findings if f.code == r.code}
            assert levels == {r.level}, f"{r.code}: {text!r} got {levels}"
