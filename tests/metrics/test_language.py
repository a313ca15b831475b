"""Language findings: context disambiguation, quotes, scores, seeds and rule validation."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyser.catalog import LANGUAGE_CATEGORIES
from analyser.document import parse
from analyser.metrics import language, run_family
from analyser.metrics.language_match import (
    Matcher,
    builtin_matcher,
    compile_rule,
    expand_phrase,
    tokens_from_words,
)
from analyser.rules import RuleError, parse_rules

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def findings(text: str):
    return run_family(language.FAMILY, parse(text)).findings


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in findings(text)]


def fillers(text: str) -> list[str]:
    return [f.text.lower() for f in findings(text) if f.category == "filler"]


# --- context disambiguation --------------------------------------------------------------

@pytest.mark.parametrize(
    "text,flagged",
    [
        ("She was, like, really firm.", True),
        ("Countries like Mexico said no.", False),
        ("We would like to thank you.", False),
        ("I like the plan.", False),
        ("It might seem like a helping hand.", False),
        ("It feels like a trap.", False),
        ("It looked like rain.", False),
        ("It costs like twelve dollars.", True),
        ("Like, I don't know what happened.", True),
        ("Like many others, he left early.", False),
    ],
)
def test_like(text, flagged):
    assert ("like" in fillers(text)) is flagged, codes(text)


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("It was, you know, a big deal.", True),
        ("Do you know where she is?", False),
        ("As you know, the vote is today.", False),
        ("You know him well.", False),
    ],
)
def test_you_know(text, flagged):
    assert ("you know" in fillers(text)) is flagged, codes(text)


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("Well, nobody expected that.", True),
        ("The team did well.", False),
        ("They sent troops as well.", False),
        ("The well-known author spoke.", False),
        ("The oil well was capped.", False),
    ],
)
def test_well(text, flagged):
    assert ("well" in fillers(text)) is flagged, codes(text)


def test_so_clause_joining_is_never_filler():
    assert "so" not in fillers("It rained, so the match was cancelled.")
    assert "so" not in fillers("So far, nothing has changed.")
    assert fillers("So, what happened next?") or codes("So, what happened next?")


def test_kind_of():
    hedges = [f.text for f in findings("It was kind of tense.") if f.category == "hedge"]
    assert hedges == ["kind of"]
    assert not findings("This kind of proposal is rare.")


def test_in_a_way():
    assert [f.code for f in findings("In a way, it helped.")] == ["HDG011"]
    manner = findings("It respects them in a way that matters.")
    assert not [f for f in manner if f.code == "HDG011"]


def test_may_month_and_permission_are_not_hedges():
    assert not [f for f in findings("On May 20, 1983, he fought.") if f.category == "hedge"]
    assert not [f for f in findings("Theresa May resigned.") if f.category == "hedge"]
    assert not [f for f in findings("You may apply online.") if f.category == "hedge"]
    assert [f.text for f in findings("Prices may rise.")] == ["may"]


def test_about_is_never_an_approximator():
    assert not findings("They talked about the troops.")


def test_rather_than_never_flagged():
    assert not findings("She chose talks rather than troops.")
    assert [f.text for f in findings("A rather significant moment.")] == ["rather"]


def test_curly_apostrophes_match_like_straight():
    straight = [f.code for f in findings("It's worth noting that we'll see.")]
    curly = [f.code for f in findings("It’s worth noting that we’ll see.")]
    assert straight == curly == ["PAD001"]


def test_matches_on_transcripts_without_punctuation():
    m = builtin_matcher()
    toks = tokens_from_words("well i think its like twenty dollars you know".split())
    got = {(x.rule.rule.code, x.i) for x in m.match(toks)}
    assert ("FIL008", 0) in got and ("FIL002", 4) in got and ("FIL001", 7) in got


# --- quotes and scores -------------------------------------------------------------------

def test_in_quote_and_separate_rates():
    text = 'The minister said: "It was, you know, basically fine." It was very late.'
    doc = parse(text)
    res = run_family(language.FAMILY, doc)
    quoted = [f for f in res.findings if f.in_quote]
    own = [f for f in res.findings if not f.in_quote]
    assert {f.text for f in quoted} == {"you know", "basically"}
    assert [f.text for f in own] == ["very"]
    assert res.scores["filler_per_1k"] == 0.0
    assert res.scores["filler_quoted_per_1k"] > 0
    assert res.scores["intensifier_per_1k"] > 0
    assert res.scores["language_findings_per_1k"] == res.scores["intensifier_per_1k"]


def test_score_names_and_extras():
    res = run_family(language.FAMILY, parse("It is, you know, very very late. It seems fine."))
    for cat in LANGUAGE_CATEGORIES:
        assert f"{cat}_per_1k" in res.scores
        assert f"{cat}_quoted_per_1k" in res.scores
    assert 0.0 <= res.scores["finding_sentence_ratio"] <= 1.0
    assert res.scores["finding_sentence_ratio"] == 1.0
    assert res.extras["rule_counts"]["INT002"] == 2
    assert ["very", "intensifier", 2] in res.extras["top_phrases"]
    assert res.sentence_values["language_findings"] == [3, 1]


@pytest.mark.parametrize("text", ["", "   \n", "2024\n", "...", "Word"])
def test_empty_and_odd_inputs_give_zero_rates(text):
    res = run_family(language.FAMILY, parse(text))
    assert all(math.isfinite(v) for v in res.scores.values())
    assert len(res.sentence_values["language_findings"]) == len(parse(text).sentences)


def test_long_sentence_is_fine():
    text = " ".join(["you know, like, it was very"] * 200) + "."
    res = run_family(language.FAMILY, parse(text))
    assert res.findings and all(math.isfinite(v) for v in res.scores.values())


# --- seeds -------------------------------------------------------------------------------

def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip("seed files not present")
    return path.read_text(encoding="utf-8")


def test_seed_000_like_uses():
    from analyser import analyse_text

    text = _seed("000")
    a = analyse_text(text)
    likes = [f for f in a.findings if f.code == "FIL002"]
    assert len(likes) == 6
    for phrase in ("a proposal like the one", "activities, like the production of fentanyl",
                   "seem like a helping hand"):
        start = text.index(phrase) + phrase.index("like")
        assert not [f for f in a.findings if f.start == start], phrase
    way = text.index("in a way that fully respects")
    assert not [f for f in a.findings if f.start == way and f.category == "hedge"]
    for f in a.findings:
        assert a.text[f.start : f.end] == f.text
        if f.text.lower() == "rather":
            assert not a.text[f.end : f.end + 5].lower().startswith(" than")


def test_seed_001_has_no_filler():
    from analyser import analyse_text

    a = analyse_text(_seed("001"))
    assert not [f for f in a.findings if f.category == "filler"]
    assert a.scores["filler_per_1k"] == 0.0


def test_seed_000_rates_are_higher_than_001():
    s0 = run_family(language.FAMILY, parse(_seed("000"))).scores
    s1 = run_family(language.FAMILY, parse(_seed("001"))).scores
    assert s0["filler_per_1k"] > 5 and s0["language_findings_per_1k"] > 3 * s1[
        "language_findings_per_1k"]


# --- rule validation ---------------------------------------------------------------------

def _rule(**extra):
    raw = {
        "code": "FIL900", "name": "test-rule", "category": "filler", "message": "m",
        "suggestion": "s", "rationale": "r", "flag": ["x"], "pass": ["y"],
    }
    raw.update(extra)
    return parse_rules({"rule": [raw]}, "test.toml")[0]


@pytest.mark.parametrize(
    "extra,field",
    [
        ({}, "phrases"),
        ({"phrases": []}, "phrases"),
        ({"phrases": ["@nosuchclass"]}, "phrases"),
        ({"phrases": ["(a|b"]}, "phrases"),
        ({"phrases": ["like"], "when": [{"prev": 3}]}, "when"),
        ({"phrases": ["like"], "when": [{"bogus": ["x"]}]}, "when"),
        ({"phrases": ["like"], "unless": "x"}, "unless"),
        ({"phrases": ["like"], "lowercase": "yes"}, "lowercase"),
        ({"phrases": ["like"], "not_next": ["a $ b"]}, "not_next"),
        ({"phrases": ["like"], "colour": "red"}, "colour"),
    ],
)
def test_bad_matching_fields_raise_rule_error(extra, field):
    with pytest.raises(RuleError) as exc:
        compile_rule(_rule(**extra))
    msg = str(exc.value)
    assert "test.toml" in msg and "FIL900" in msg and f"'{field}'" in msg


def test_phrase_expansion():
    seqs = expand_phrase("(it's|it is) worth noting that?")
    assert len(seqs) == 4
    assert len(expand_phrase("a (little )?bit")) == 2


def test_matcher_indexes_by_first_word():
    m = Matcher([_rule(phrases=["like", "@modal"])])
    assert "like" in m._by_word and "might" in m._by_word and "the" not in m._by_word


# --- condition vocabulary ----------------------------------------------------------------

def _matcher(**match) -> Matcher:
    return Matcher([_rule(**match)])


def _hits(m: Matcher, words: str) -> list[int]:
    return [x.i for x in m.match(tokens_from_words(words.split()))]


def test_prev_next_and_anchors():
    m = _matcher(phrases=["so"], when=[{"prev": ["^"], "next": [","]}])
    assert _hits(m, "so , we left") == [0]
    assert _hits(m, "we left , so , fine") == []
    m = _matcher(phrases=["well"], when=[{"next": ["$"]}])
    assert _hits(m, "she did well") == [2]
    assert _hits(m, "she did well .") == [2]
    assert _hits(m, "well over half") == []


def test_not_prev_classes_and_numbers():
    m = _matcher(phrases=["like"], not_prev=["@modal"], when=[{"next": ["#num"]}])
    assert _hits(m, "it costs like twenty dollars") == [2]
    assert _hits(m, "it costs like 20 dollars") == [2]
    assert _hits(m, "you would like twenty") == []


def test_later_and_punctuated():
    m = _matcher(phrases=["like"], when=[{"prev": ["^"], "not_later": [","]}])
    assert _hits(m, "like i dont know") == [0]
    assert _hits(m, "like many others , he left") == []
    m = _matcher(phrases=["you know"], unless=[{"punctuated": True, "prev": ["if"]}])
    assert _hits(m, "if you know you apply") == [1]
    assert _hits(m, "if you know the answer , call .") == []


def test_lowercase_keeps_names_out():
    m = _matcher(phrases=["may"], lowercase=True)
    words = tokens_from_words("Theresa May said it may rain".split())
    assert [x.i for x in m.match(words)] == [4]
    assert [x.i for x in m.match(tokens_from_words("May I ask".split()))] == [0]


def test_overlaps_keep_the_longer_match():
    m = Matcher([
        _rule(phrases=["the fact that"]),
        parse_rules({"rule": [{
            "code": "HDG900", "name": "fact", "category": "hedge", "message": "m",
            "suggestion": "s", "rationale": "r", "flag": ["x"], "pass": ["y"],
            "phrases": ["fact"],
        }]}, "t.toml")[0],
    ])
    got = [(x.rule.rule.code, x.i, x.j) for x in m.match(tokens_from_words(
        "despite the fact that it rained".split()))]
    assert got == [("FIL900", 1, 4)]


def test_quote_marks_open_clauses_only_when_opening():
    # a closing straight quote attached to a word does not start a clause
    assert "like" not in fillers('Not a "sing-along" like the Band Aid single.')
    assert fillers('He said: "Well, nobody knows."') == ["well"]


def test_every_builtin_rule_compiles_and_has_a_message_placeholder_or_text():
    m = builtin_matcher()
    assert len(m.rules) >= 60
    cats = {cr.rule.category for cr in m.rules}
    assert cats == set(LANGUAGE_CATEGORIES)
    for cr in m.rules:
        assert cr.rule.code[:3] in {"FIL", "HDG", "INT", "WSL", "PAD", "MET"}
        assert cr.rule.message and cr.rule.suggestion


def test_extra_rule_files_add_language_rules(tmp_path):
    from analyser.config import Settings

    path = tmp_path / "house.toml"
    path.write_text(
        '[[rule]]\ncode = "HSE001"\nname = "going-forward"\ncategory = "padding"\n'
        'phrases = ["going forward"]\nmessage = "Padding — delete \'{text}\'."\n'
        'suggestion = "Delete it."\nrationale = "House style."\n'
        'flag = ["Going forward, we will."]\npass = ["We went forward."]\n',
        encoding="utf-8",
    )
    res = run_family(language.FAMILY, parse("Going forward, we will win."), Settings(
        extra_rule_files=(str(path),)))
    assert [(f.code, f.message) for f in res.findings] == [
        ("HSE001", "Padding — delete 'Going forward'.")]
    bad = tmp_path / "bad.toml"
    bad.write_text(path.read_text("utf-8").replace('phrases = ["going forward"]\n', ""),
                   encoding="utf-8")
    with pytest.raises(RuleError, match="HSE001.*'phrases'"):
        run_family(language.FAMILY, parse("x."), Settings(extra_rule_files=(str(bad),)))


def test_restart_condition_marks_editing_terms():
    m = _matcher(phrases=["like"], when=[{"restart": True}])
    assert _hits(m, "it was like it was not") == [2]
    assert _hits(m, "it was , like , it was not") == [3]
    assert _hits(m, "i like it") == []
    # the phrase repeated with the words before it is the verb said twice, not an editing term
    assert _hits(m, "i like i like rap") == []
    assert _hits(m, "why i like i buy clothes") == [2]
    assert "like" in fillers("It was, like, it was not fair.")


def test_cap_element_matches_names_not_the_pronoun_i():
    m = _matcher(phrases=["like"], unless=[{"next": ["#cap"]}])
    toks = tokens_from_words("Like Kevin I would go . Like I said , no .".split())
    hits = [x.i for x in m.match(toks)]
    assert hits == [6]  # "Like I said" only: "Kevin" is a name, "I" is not
    # a fronted "Like" before a name or object pronoun is the preposition, comma or not
    assert "like" not in fillers("Like Kazaa these trackers will be held by everyone.")
    assert "like" not in fillers("Like us they did well in France.")
    assert "like" in fillers("Like I don't even know what happened.")
