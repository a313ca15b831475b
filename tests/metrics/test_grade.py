"""readability_grade, sentence grades and bands, and hard-sentence findings."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyser import analyse_text
from analyser.config import Settings
from analyser.document import parse
from analyser.metrics import grade, split

EASY = (
    "The cat sat on the mat. It was a sunny day. The dog ran to the park. "
    "A boy threw a ball. The dog ran after it."
)
HARD = (
    "Notwithstanding considerable opposition from environmental organisations, the "
    "administration reaffirmed its commitment to accelerating hydrocarbon exploration, "
    "arguing that diversification, although desirable, remained economically premature. "
    "Critics, who characterised the announcement as disingenuous, contended that the "
    "government's projections systematically underestimated infrastructural liabilities."
)


def test_model_is_data_with_consistent_shapes():
    m = grade.model()
    sub = m["document"]
    n = len(sub["features"])
    assert n == len(sub["means"]) == len(sub["scales"]) == len(sub["weights"])
    assert set(sub["features"]) <= set(grade.FEATURES)
    assert all(s > 0 for s in sub["scales"])
    assert {"intercept", "slope"} <= set(sub["calibration"])
    assert "fit" in m and "calibration_method" in m


def test_sentence_model_is_data_with_consistent_shapes():
    m = grade.sentence_model()
    n = len(m["features"])
    assert n == len(m["means"]) == len(m["scales"]) == len(m["weights"])
    assert set(m["features"]) <= set(grade.SENTENCE_FEATURES)
    assert all(s > 0 for s in m["scales"])
    assert all(w >= 0 for w in m["weights"])  # every feature can only add difficulty
    assert m["calibration"]["slope"] > 0
    assert "tune" in m["fit"]["data"]


def test_no_scikit_learn_at_run_time():
    source = Path(grade.__file__).read_text("utf-8")
    assert "sklearn" not in source and "numpy" not in source


def test_hard_text_grades_above_easy_text():
    easy = analyse_text(EASY).scores["readability_grade"]
    hard = analyse_text(HARD).scores["readability_grade"]
    assert 0 <= easy < hard <= grade.GRADE_MAX
    assert hard - easy > 5


def test_grade_does_not_grow_with_length():
    one = analyse_text(HARD + " " + EASY).scores["readability_grade"]
    five = analyse_text("\n".join([HARD + " " + EASY] * 5)).scores["readability_grade"]
    assert five == pytest.approx(one, abs=0.5)


def test_sentence_values_and_scores():
    a = analyse_text(EASY + " " + HARD)
    n = len(a.sentences)
    grades = [row["sentence_grade"] for row in a.sentences]
    bands = [row["sentence_band"] for row in a.sentences]
    assert len(grades) == n and set(bands) <= set(grade.BANDS)
    assert all(0 <= g <= grade.GRADE_MAX for g in grades)
    assert bands[0] == "fine" and bands[5] != "fine"  # HARD's first sentence
    hard = sum(b != "fine" for b in bands) / n  # hard or worse
    very = sum(b == "very hard" for b in bands) / n
    assert a.scores["hard_sentence_ratio"] == pytest.approx(hard)
    assert a.scores["very_hard_sentence_ratio"] == pytest.approx(very)


def test_findings_carry_the_sentence_and_say_why():
    a = analyse_text(EASY + " " + HARD)
    found = [f for f in a.findings if f.category == "hard-sentence"]
    assert found
    for f in found:
        assert a.text[f.start : f.end] == f.text
        assert f.code in ("HRD001", "HRD002")
        assert "words" in f.message and "grade" in f.message
        row = a.sentences[f.sentence]
        assert (row["start"], row["end"]) == (f.start, f.end)
        assert (f.code == "HRD002") == (row["sentence_band"] == "very hard")
    assert any("unfamiliar word" in f.message and "‘" in f.message for f in found)


def test_hard_sentence_message_names_unfamiliar_words():
    a = analyse_text(HARD)
    found = [f for f in a.findings if f.category == "hard-sentence"]
    assert found
    for f in found:
        assert "unfamiliar word" in f.message
    doc = parse(HARD)
    st = grade.sentence_stats(doc, doc.sentences[0])
    assert "hydrocarbon" in st.unfamiliar_words and "the" not in st.unfamiliar_words
    # a long sentence of familiar words does not mention them
    plain = ("The man and the boy went to the park and then they went to the shop and "
             "then they went home to eat some bread and drink some milk with the dog.")
    doc = parse(plain)
    st = grade.sentence_stats(doc, doc.sentences[0])
    assert "unfamiliar" not in grade._reasons(st, doc.sentences[0])


def test_hard_sentence_message_says_where_to_split():
    text = ("The committee, which met after the disclosures had been published by the "
            "newspaper, concluded that the department's purchasing procedures, although "
            "revised twice since 2019, were still inadequate and recommended an independent "
            "audit of every contract.")
    doc = parse(text)
    # the comma before "although" is nearer the middle than the one before "which"
    assert split.split_point(doc, doc.sentences[0]) == "procedures, although"
    found = [f for f in analyse_text(text).findings if f.code == "HRD001"]
    assert found and "splitting it at ‘procedures, although’" in found[0].message
    # no split offered within five words of either end
    doc = parse("Prices rose, and the bank said that inflation would stay high for a year.")
    assert split.split_point(doc, doc.sentences[0]) is None


def test_plain_sentences_are_not_hard():
    # 17 plain words with a relative clause: the old model called such a sentence
    # "very hard, grade 22"
    plain = ("The company is a major maker of equipment that treats heart problems such as "
             "pacemakers and defibrillators.")
    for text in (plain, "I'm livid.", "In addition, caterers excel at multitasking."):
        row = analyse_text(text).sentences[0]
        assert row["sentence_band"] == "fine", text
        assert row["sentence_grade"] < Settings().hard_sentence_grade, text


def test_names_are_neither_rare_nor_unfamiliar():
    names = parse("On Monday Kowalczyk met Wrzesniewski in Szczebrzeszyn.")
    common = parse("On Monday Tom met Ann in Bath.")
    st = grade.sentence_stats(names, names.sentences[0])
    assert st.rare == 0 and st.unfamiliar == 0
    feats = grade.sentence_features(st)
    other = grade.sentence_features(grade.sentence_stats(common, common.sentences[0]))
    # only the syllables differ (counted over every word, as the formulas count them)
    assert {k for k in feats if feats[k] != other[k]} == {"syllables_per_word"}


def test_one_rare_word_does_not_make_a_short_sentence_hard():
    base = parse("The minister gave a speech in the town on Monday.")
    rare = parse("The minister gave a peroration in the town on Monday.")
    g0 = grade.sentence_grade(grade.sentence_stats(base, base.sentences[0]))
    g1 = grade.sentence_grade(grade.sentence_stats(rare, rare.sentences[0]))
    assert g0 < g1 < Settings().hard_sentence_grade


def test_sentence_grade_saturates_below_the_cap():
    assert grade.saturate(grade.SENTENCE_GRADE_KNEE) == grade.SENTENCE_GRADE_KNEE
    assert grade.saturate(10.0) == 10.0 and grade.saturate(-3.0) == grade.GRADE_MIN
    values = [grade.saturate(g) for g in (21.0, 25.0, 30.0, 40.0, 60.0)]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert all(v < grade.GRADE_MAX for v in values)
    # a 60-word sentence of ordinary words is graded, not capped
    text = " ".join(["the council said the plan for the new road would cost more"] * 5) + "."
    row = analyse_text(text).sentences[0]
    assert row["sentence_band"] != "fine" and row["sentence_grade"] < grade.GRADE_MAX - 1


def test_bands_follow_settings():
    text = ("The committee met on Monday morning to discuss the budget for next year and "
            "the year after.")
    lax = analyse_text(text, settings=Settings(hard_sentence_grade=40,
                                               very_hard_sentence_grade=50))
    strict = analyse_text(text, settings=Settings(hard_sentence_grade=0,
                                                  very_hard_sentence_grade=1))
    assert lax.sentences[0]["sentence_band"] == "fine"
    assert strict.sentences[0]["sentence_band"] == "very hard"
    assert lax.sentences[0]["sentence_grade"] == strict.sentences[0]["sentence_grade"]


def test_headings_and_list_items_are_fine_when_there_is_prose():
    heading = "Notwithstanding Extraordinary Parliamentary Considerations Regarding Infrastructure"
    text = f"{heading}\n\n{EASY}\n\n- {HARD}"
    a = analyse_text(text)
    for row in a.sentences:
        if row["kind"] != "prose":
            assert row["sentence_band"] == "fine"
            assert row["sentence_grade"] >= 0
    assert not any(
        f.category == "hard-sentence" and a.sentences[f.sentence]["kind"] != "prose"
        for f in a.findings
    )


BAD_INPUT = {
    "empty": "",
    "whitespace": "  \n\n ",
    "list without punctuation": "- apples\n- pears\n- plums and other stone fruit\n- bread",
    "table": "Name | Votes | Share\nSmith | 1200 | 40%\nJones | 1800 | 60%",
    "headline only": "Mexico Rejects Troop Offer",
    "one-word sentences": "Yes. No. Maybe. Perhaps. Fine.",
    "numbers only": "1\n2,000\n3.5\n42%\n2024",
    "punctuation only": "... !!! ???",
    "500-word sentence": " ".join(["the committee considered the extraordinary proposal"] * 100)
    + ".",
    "500 words no commas or capitals": " ".join(["word"] * 500),
}


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_bad_input_gives_finite_documented_values(name):
    a = analyse_text(BAD_INPUT[name])
    for key in ("readability_grade", "hard_sentence_ratio", "very_hard_sentence_ratio"):
        v = a.scores[key]
        assert math.isfinite(v), key
        assert v >= 0, key
    assert a.scores["readability_grade"] <= grade.GRADE_MAX
    for row in a.sentences:
        assert 0 <= row["sentence_grade"] <= grade.GRADE_MAX
        assert row["sentence_band"] in grade.BANDS
    for f in a.findings:
        assert a.text[f.start : f.end] == f.text


def test_short_sentences_are_never_banded():
    text = ("Notwithstanding jurisprudential considerations, appropriations contravened "
            "stipulations.")
    strict = Settings(hard_sentence_grade=0, very_hard_sentence_grade=1)
    a = analyse_text(text, settings=strict)
    assert a.sentences[0]["sentence_grade"] > 1
    assert a.sentences[0]["sentence_band"] == "fine"


def test_no_words_means_grade_zero():
    assert analyse_text("").scores["readability_grade"] == 0.0
    assert analyse_text("... !!!").scores["readability_grade"] == 0.0


def test_very_long_sentence_is_very_hard_and_capped():
    a = analyse_text(BAD_INPUT["500-word sentence"])
    assert a.sentences[0]["sentence_band"] == "very hard"
    assert a.sentences[0]["sentence_grade"] == grade.GRADE_MAX
    assert any(f.code == "HRD002" for f in a.findings)


def test_mean_difference_is_unbiased_gini():
    assert grade.mean_difference([]) == 0.0
    assert grade.mean_difference([7]) == 0.0
    values = [3, 9, 4, 20, 1]
    pairs = [abs(a - b) for i, a in enumerate(values) for j, b in enumerate(values) if i != j]
    assert grade.mean_difference(values) == pytest.approx(sum(pairs) / len(pairs))


def test_names_and_numbers_are_not_rare_words():
    doc = parse("Then Kowalczyk paid 3,000 zlotys to Wrzesniewski in Szczebrzeszyn.")
    st = grade.sentence_stats(doc, doc.sentences[0])
    assert "Kowalczyk" not in st.rare_words and "Szczebrzeszyn" not in st.rare_words
    assert "zlotys" in st.rare_words


def test_levels_are_ordered_on_onestop_sample(shared_file):
    pd = pytest.importorskip("pandas")
    d = pd.read_csv(shared_file("onestop", "onestop.csv.gz"))
    d = d[d.article_id.isin(sorted(set(d.article_id))[:30])]
    d = d.assign(g=[analyse_text(t).scores["readability_grade"] for t in d.text])
    means = d.groupby("level").g.mean()
    assert means["ele"] < means["int"] < means["adv"]


def test_model_constants_are_the_ones_the_code_uses():
    # the model JSON records the constants it was fitted with; the code must not drift
    # from them (a refit rewrites both from analyser.metrics.grade)
    from analyser.metrics import grade

    assert grade.model()["constants"] == {
        "rare_zipf": grade.RARE_ZIPF, "rarity_ceiling": grade.RARITY_CEILING,
        "uncommon_zipf": grade.UNCOMMON_ZIPF, "very_rare_zipf": grade.VERY_RARE_ZIPF,
        "mattr_window": grade.MATTR_WINDOW,
        "long_sentence_words": grade.LONG_SENTENCE_WORDS,
        "short_sentence_words": grade.SHORT_SENTENCE_WORDS,
    }


def test_document_model_reads_prose_only():
    # a line-up or list block next to the prose does not move the article's grade
    lineup = "\n".join(f"- {n}" for n in (
        "Lehmann, Lauren, Toure, Campbell, Cole, Ljungberg, Vieira, Edu, Pires, Bergkamp",
        "Subs not used: Almunia, Senderos, Clichy, Fabregas, Van Persie"))
    prose = EASY + "\n\n" + HARD
    alone = analyse_text(prose).scores["readability_grade"]
    assert analyse_text(prose + "\n\n" + lineup).scores["readability_grade"] == alone


def test_new_features_are_length_free_and_bounded():
    doc = parse(HARD + " " + EASY)
    st = grade.Stats()
    for s in doc.sentences:
        st.add(grade.sentence_stats(doc, s))
    one = grade.features(st)
    doc5 = parse(" ".join([HARD + " " + EASY] * 5))
    st5 = grade.Stats()
    for s in doc5.sentences:
        st5.add(grade.sentence_stats(doc5, s))
    five = grade.features(st5)
    assert set(one) == set(grade.FEATURES)
    for name in ("unfamiliar_word_rarity", "nominal_word_ratio", "of_ratio", "name_ratio",
                 "content_word_rarity", "quoted_sentence_ratio", "peak_word_rarity"):
        assert five[name] == pytest.approx(one[name]), name
    for name in FEATURE_SHARES:
        assert 0.0 <= one[name] <= 1.0, name


FEATURE_SHARES = ("uncommon_word_ratio", "function_word_ratio", "quoted_sentence_ratio",
                  "mattr", "nominal_word_ratio", "very_rare_content_ratio", "name_ratio",
                  "first_person_ratio", "second_person_ratio", "third_person_ratio")


def test_mattr_is_moving_average_type_token_ratio():
    assert grade.mattr([]) == 0.0
    assert grade.mattr(["a", "b", "a"]) == pytest.approx(2 / 3)
    assert grade.mattr(["a", "b", "a", "c"], window=2) == pytest.approx(1.0)
    assert grade.mattr(["a", "a", "b", "b"], window=2) == pytest.approx((1 + 2 + 1) / 6)
    # repeating a text does not lower it as a plain type-token ratio would
    words = "the cat sat on the mat and the dog ran to the park".split()
    assert grade.mattr(words * 10, window=5) == pytest.approx(grade.mattr(words * 2,
                                                                          window=5), abs=0.02)


def test_dialogue_and_word_classes_are_counted():
    doc = parse('"Can you see it?" she asked. The analysis of the administration of funds.')
    st = [grade.sentence_stats(doc, s) for s in doc.sentences]
    assert st[0].quoted_sentences == 1 and st[-1].quoted_sentences == 0
    assert st[0].questions == 1
    assert st[0].word_classes.get("second_person") == 1
    assert st[0].word_classes.get("modal") == 1
    assert st[-1].word_classes.get("of") == 2
    assert st[-1].nominal == 1  # "administration"; "analysis" has no listed suffix


def test_document_model_is_the_clear_fit():
    m = grade.model()
    assert "CLEAR" in m["fit"]["data"]
    assert {"intercept", "slope", "method"} <= set(m["document"]["calibration"])
    assert "Lexile" in m["document"]["calibration"]["method"]
    assert m["fit"]["oof_clear_spearman"] > 0  # recorded by the fit script



def test_a_line_up_read_as_one_sentence_is_not_a_hard_sentence():
    # A squad list run into one "sentence": graded, but not banded, flagged or counted.
    firsts = "Tom Sam Jon Lee Max Ray Ian Ben Dan Ned Kit Rob Alf Cal Eli Gus".split()
    lasts = "Avery Blake Carter Dunn Ellis Ford Grant Hale Irwin Jones Lowe Moss".split()
    clubs = "Leeds Derby Hull York Bath Bury Ayr Ely Wick Rye Hove Looe".split()
    players = ", ".join(f"{f} {last} ({c} Rugby)" for f in firsts[:3] for last, c in
                        zip(lasts, clubs, strict=True))
    prose = "The coach named his side on Monday. " + EASY
    # with a label ("Forwards: ...") the document model types it as a label_value block;
    # without one it is read as prose, and the catalogue rule keeps it out of the bands
    labelled = analyse_text(f"{prose}\n\nForwards: {players}.")
    assert [r["kind"] for r in labelled.sentences if "Avery" in r["text"]] == ["label_value"]
    a = analyse_text(f"{prose}\n\n{players}.")
    lineup = [r for r in a.sentences if "Avery" in r["text"]]
    assert lineup and lineup[0]["kind"] == "prose"
    assert lineup[0]["sentence_grade"] >= 20  # long and name-heavy: it would be very hard
    assert lineup[0]["sentence_band"] == "fine"
    assert not any(f.category == "hard-sentence" for f in a.findings)
    assert a.scores["hard_sentence_ratio"] == 0.0
