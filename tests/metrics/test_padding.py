"""Padding family: lexical diversity by hand, novelty, empty sentences, the index."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.document import parse
from analyser.metrics import Context, FamilyResult, padding, repetition, run_family
from analyser.metrics.padding import compression_ratio, index_parts, mattr, mtld, mtld_pass
from analyser.models import Finding
from analyser.settings import DEFAULT_SETTINGS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: The article part of each raw seed page (1-based inclusive line ranges), cut by hand:
#: 000 and 002 carry menus, author boxes and related links that the cleaner removes.
ARTICLE_LINES = {"000": (1, 88), "001": (1, 5), "002": (70, 138), "003": (1, 93)}


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def article_part(prefix: str) -> str:
    a, b = ARTICLE_LINES[prefix]
    return "\n".join(seed(prefix).splitlines()[a - 1 : b])


# --- lexical diversity, by hand ---------------------------------------------------------


def test_mtld_by_hand():
    # "the cat sat on the mat": TTR stays above 0.72, ending at 5/6; the partial factor
    # is (1 - 5/6) / (1 - 0.72), so MTLD = 6 / that = 10.08 in both directions
    words = "the cat sat on the mat".split()
    assert mtld_pass(words) == pytest.approx(6 * 0.28 * 6)
    assert mtld(words) == pytest.approx(10.08)
    # one word repeated: a factor closes every second word
    assert mtld(["a"] * 4) == pytest.approx(2.0)
    # never losing diversity: no factor at all, MTLD is the length (documented bound)
    assert mtld(["a", "b", "c"]) == 3.0
    assert mtld([]) == 0.0


def test_mattr_by_hand():
    # windows of 2 over "a b a a": [a b]=2, [b a]=2, [a a]=1 -> 5 / (3 * 2)
    assert mattr(["a", "b", "a", "a"], window=2) == pytest.approx(5 / 6)
    assert mattr(["a", "b"], window=50) == 1.0  # shorter than the window: plain TTR
    assert mattr([]) == 0.0


@pytest.mark.parametrize("seed", range(10))
def test_mattr_is_the_mean_ttr_of_the_sliding_windows(seed):
    rng = random.Random(seed)
    words = [rng.choice("abcdefgh"[: rng.randint(1, 8)]) for _ in range(rng.randint(9, 120))]
    windows = [words[i : i + 8] for i in range(len(words) - 7)]
    expected = sum(len(set(w)) / 8 for w in windows) / len(windows)
    assert mattr(words, window=8) == pytest.approx(expected)


def test_compression_ratio():
    assert compression_ratio("") == 0.0
    assert compression_ratio("abc " * 1000) < 0.05
    assert math.isfinite(compression_ratio("x"))


def test_index_parts_rescale_when_a_part_is_missing():
    full, parts = index_parts({"language": 40.0, "restatement": 0.0, "empty": 0.0,
                               "repetition": 0.0, "diversity": 0.0})
    assert parts["language"] == 1.0
    assert full == pytest.approx(35.0)
    without, parts = index_parts({"language": None, "restatement": 0.25, "empty": 0.0,
                                  "repetition": 0.0, "diversity": 0.0})
    assert "language" not in parts
    assert without == pytest.approx(100 * 0.25 / 0.65)


# --- novelty and empty sentences --------------------------------------------------------


def _padding(doc, language: list[Finding], restates: list[int | None] | None = None,
             dup_5gram: float = 0.0) -> FamilyResult:
    """The padding family over ``doc`` given the language findings (and restatements) its
    upstream families would hand it."""
    if restates is None:
        rep = run_family(repetition.FAMILY, doc)
    else:
        rep = FamilyResult(data=repetition.RepetitionData(restates, dup_5gram))
    upstream = {"language": FamilyResult(findings=list(language)), "repetition": rep}
    return padding.measure(Context(doc, DEFAULT_SETTINGS, upstream))


def _run(text: str, language: list[Finding] | None = None) -> FamilyResult:
    return _padding(parse(text), language or [])


def test_novelty_curve_and_empty_sentences():
    text = (
        "The minister approved the budget on Monday. "
        "The minister approved the budget. "
        "You know, basically, it is what it is."
    )
    doc = parse(text)
    filler = []
    for phrase in ("You know", "basically", "it is what it is"):
        a = text.index(phrase)
        filler.append(Finding("FIL001", "filler", a, a + len(phrase), phrase,
                              False, "Filler — delete it", sentence=doc.sentence_at(a)))
    res = _run(text, filler)
    curve = res.sentence_values["novelty_curve"]
    assert curve[0] == 4  # minist, approv, budget, monday
    assert curve == sorted(curve)
    assert res.sentence_values["empty_sentence"] == [False, True, True]
    assert res.scores["empty_sentence_ratio"] == pytest.approx(2 / 3)
    assert res.scores["novelty_ratio"] == pytest.approx(2 / 3)  # "is" etc. are stopwords
    assert res.scores["padding_language_available"] == 1.0


def test_empty_means_only_filler_meta_or_restatement():
    # the third sentence adds no new content term, but it says something: not empty
    text = (
        "The minister approved the budget on Monday. "
        "Farmers in Leeds protested against the taxes. "
        "Leeds farmers approved the minister's taxes."
    )
    doc = parse(text)
    res = _padding(doc, [], restates=[None, None, None])
    assert res.sentence_values["empty_sentence"] == [False, False, False]
    assert res.scores["empty_sentence_ratio"] == 0.0
    assert res.scores["novelty_ratio"] == pytest.approx(2 / 3)  # it adds no new term
    # a sentence of nothing but filler is empty even when it has words no one used before
    text = "The minister approved the budget on Monday. Well, basically, you know, honestly."
    doc = parse(text)
    a = text.index("you know")
    filler = [Finding("FIL001", "filler", a, a + 8, "you know", False, "Filler",
                      sentence=doc.sentence_at(a))]
    res = _run(text, filler)
    assert res.sentence_values["empty_sentence"] == [False, True]
    assert res.scores["filler_only_sentence_ratio"] == pytest.approx(1 / 2)


def _random_articles(n: int, seed: int = 5) -> list[str]:
    import random

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    return [
        " ".join(" ".join(rng.choice(vocab) for _ in range(18)).capitalize() + "."
                 for _ in range(15))
        for _ in range(n)
    ]


def test_padding_does_not_grow_with_length():
    # distinct articles joined: as padded as one of them (an "empty" sentence used to be
    # one that adds no new term, which gets likelier the longer the text)
    articles = _random_articles(160)
    one = _run(articles[0]).scores
    joined = _run("\n\n".join(articles)).scores  # about 43,000 words
    assert joined["empty_sentence_ratio"] == 0.0
    assert joined["local_novelty_ratio"] == pytest.approx(one["local_novelty_ratio"], abs=0.02)
    assert joined["novelty_ratio"] < one["novelty_ratio"]  # the article-wide one falls
    # with no padding language at all, the short article's language part is estimated
    # toward typical news copy and the long one's is measured: the index may fall with
    # length, never grow
    assert joined["padding_index"] <= one["padding_index"] + 2.0


def test_short_texts_get_a_neutral_diversity_part():
    res = analyse_text("Mexican President Claudia Sheinbaum rejected an offer of American "
                       "troops on Saturday.").scores
    assert res["mtld"] > 0  # reported as measured
    assert res["padding_part_diversity"] == 0.0


@pytest.mark.parametrize("text", ["", "!!! ??? ...", "😀😀😀 🎉.", "— … —"])
def test_texts_without_words_score_zero(text):
    scores = analyse_text(text).scores
    assert scores["padding_index"] == 0.0
    for name in padding.INDEX_PARTS:
        assert scores[f"padding_part_{name}"] == 0.0


def test_final_punctuation_does_not_change_the_index():
    # every line a heading (no final stop) or every line prose: the same padding
    with_stop = analyse_text("\n".join(["The minister said the plan is ready."] * 300))
    without = analyse_text("\n".join(["The minister said the plan is ready"] * 300))
    assert {s["kind"] for s in without.sentences} == {"heading"}
    assert without.scores["padding_index"] == pytest.approx(with_stop.scores["padding_index"])
    assert without.scores["restatement_ratio"] == pytest.approx(299 / 300)


def test_rates_are_shrunk_toward_typical_news_by_size():
    values = {"language": 0.0, "restatement": 0.0, "empty": 0.0, "repetition": 0.0,
              "diversity": 0.0}
    tiny = padding.shrink(values, own_words=0, words=0, sentences=0)
    assert tiny["language"] == pytest.approx(padding.REFERENCE_RATES["language"])
    half = padding.shrink(dict(values, language=20.0), own_words=padding.REFERENCE_WORDS,
                          words=padding.REFERENCE_WORDS, sentences=padding.REFERENCE_SENTENCES)
    assert half["language"] == pytest.approx((20.0 + padding.REFERENCE_RATES["language"]) / 2)
    big = padding.shrink(dict(values, restatement=0.2), own_words=10**6, words=10**6,
                         sentences=10**6)
    assert big["restatement"] == pytest.approx(0.2, abs=1e-4)
    assert big["diversity"] == 0.0  # not a rate: unchanged


def test_padding_index_is_length_neutral_on_bbc_news(shared_file):
    import gzip
    import json

    from scipy.stats import spearmanr

    with gzip.open(shared_file("news", "news.jsonl.gz"), "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][::14][:150]
    scores = [analyse_text(r["text"]).scores for r in rows]
    rho = spearmanr([s["words"] for s in scores], [s["padding_index"] for s in scores])[0]
    assert abs(rho) <= 0.2, rho


def test_padding_of_one_plain_sentence():
    res = run_family(padding.FAMILY, parse("One plain sentence about budgets."))
    assert res.scores["padding_language_available"] == 1.0
    assert all(math.isfinite(v) for v in res.scores.values())
    assert 0.0 <= res.scores["padding_index"] <= 100.0


@pytest.mark.parametrize("text", ["", "Hi.", "42", "\n".join(["Same line here."] * 200)])
def test_degenerate_texts(text):
    res = _run(text)
    assert all(isinstance(v, float) and math.isfinite(v) for v in res.scores.values())
    assert len(res.sentence_values["novelty_curve"]) == len(parse(text).sentences)


def test_one_repeated_line_is_all_padding():
    res = _run("\n".join(["The minister said the plan is ready."] * 200))
    assert res.scores["empty_sentence_ratio"] == pytest.approx(199 / 200)
    assert res.scores["padding_part_restatement"] == 1.0
    assert res.scores["padding_index"] > 50


# --- the seeds --------------------------------------------------------------------------


def test_seed_001_pads_least_on_raw_pages():
    index = {p: analyse_text(seed(p)).scores["padding_index"] for p in ARTICLE_LINES}
    assert min(index, key=index.get) == "001", index


def test_seed_001_pads_least_on_article_parts():
    index = {p: analyse_text(article_part(p)).scores["padding_index"] for p in ARTICLE_LINES}
    assert min(index, key=index.get) == "001", index
    # the padded AI copy pads more than the tight news piece by a wide margin
    assert index["000"] > 2 * index["001"]


def test_padding_parts_are_emitted():
    scores = analyse_text(seed("000")).scores
    for name in padding.INDEX_PARTS:
        assert 0.0 <= scores[f"padding_part_{name}"] <= 1.0


def test_fifty_thousand_words():
    import random
    import time

    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(4000)]
    text = "\n\n".join(
        " ".join(" ".join(rng.choice(vocab) for _ in range(20)).capitalize() + "."
                 for _ in range(10))
        for _ in range(250)
    )
    t0 = time.process_time()
    res = _run(text)
    # CPU time, not wall time, so a loaded machine does not fail it: a bound against
    # all-pairs blow-up (about 3 s here), not a benchmark.
    assert time.process_time() - t0 < 30
    assert all(math.isfinite(v) for v in res.scores.values())
    assert 0 < res.scores["mtld"] and 0 < res.scores["mattr"] <= 1
