"""Repetition family: Gopher measures on hand-computed examples, phrases, restatements."""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from pathlib import Path

import pytest

from analyser.document import parse
from analyser.metrics import repetition, run_family
from analyser.metrics.repetition import NgramCounts, duplicate_fractions, gopher_scores
from analyser.metrics.restatement import (
    MAX_CANDIDATES,
    THRESHOLD,
    WINDOW,
    find_restatements,
    sentence_terms,
    text_similarity,
)
from analyser.metrics.restatement.search import _ArticleSearch

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def top_ngram_char_ratio(words: list[str], n: int) -> float:
    return NgramCounts(words).top_char_ratio(n)


def dup_ngram_char_ratio(words: list[str], n: int) -> float:
    return NgramCounts(words).dup_char_ratio(n)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- Gopher measures, computed by hand --------------------------------------------------


def test_duplicate_lines_count_repeats_after_the_first():
    # "a b" repeats once: 1 of 3 lines, 3 of 7 characters
    assert duplicate_fractions(["a b", "c", "a b"]) == pytest.approx((1 / 3, 3 / 7))
    assert duplicate_fractions([]) == (0.0, 0.0)


def test_top_ngram_is_chars_of_most_frequent_times_count():
    words = ["a", "b", "a", "b", "c"]  # (a, b) twice: 2 chars * 2 / 5 chars
    assert top_ngram_char_ratio(words, 2) == pytest.approx(0.8)
    assert top_ngram_char_ratio(["a", "b", "c"], 2) == 0.0  # nothing occurs twice
    assert top_ngram_char_ratio(["a"], 2) == 0.0


def test_dup_ngram_covers_every_occurrence_once():
    words = ["aa", "b", "aa", "b", "ccc"]  # (aa, b) at 0 and 2: words 0-3 covered
    assert dup_ngram_char_ratio(words, 2) == pytest.approx(6 / 9)
    # overlapping duplicates do not count a word twice
    assert dup_ngram_char_ratio(["a", "a", "a", "a"], 2) == pytest.approx(1.0)
    five = "one two three four five".split()
    words = five + five + ["six"]
    assert dup_ngram_char_ratio(words, 5) == pytest.approx(38 / 41)
    assert dup_ngram_char_ratio(words, 6) == 0.0


def test_gopher_scores_on_a_small_text():
    text = "Alpha beta gamma.\nAlpha beta gamma.\n\nDelta."
    words = ["alpha", "beta", "gamma", "alpha", "beta", "gamma", "delta"]
    s = gopher_scores(text, words)
    assert s["dup_line_ratio"] == pytest.approx(1 / 3)
    assert s["dup_line_char_ratio"] == pytest.approx(17 / (17 + 17 + 6))
    # paragraphs are the document's blocks: one per line here (short lines, not wrapped)
    assert s["dup_paragraph_ratio"] == pytest.approx(1 / 3)
    assert s["dup_paragraph_char_ratio"] == pytest.approx(17 / 40)
    # given paragraphs are used as they are
    joined = gopher_scores(text, words, ["Alpha beta gamma.\nAlpha beta gamma.", "Delta."])
    assert joined["dup_paragraph_ratio"] == 0.0
    # top 3-gram (alpha beta gamma) twice: 14 * 2 / 33
    assert s["top_3gram_char_ratio"] == pytest.approx(28 / 33)
    assert s["dup_5gram_char_ratio"] == 0.0


def test_paragraph_measures_use_the_document_paragraphs():
    # cleaned text: one paragraph per line, no blank lines (as the clean stage writes it)
    para = "The minister said the plan would cost less than last year's budget."
    text = "\n".join([para, "Critics were not convinced by the figures.", para])
    doc = parse(text, kinds=["prose", "prose", "prose"])
    s = run_family(repetition.FAMILY, doc).scores
    assert s["dup_paragraph_ratio"] == pytest.approx(1 / 3)
    assert s["dup_paragraph_char_ratio"] == pytest.approx(
        len(para) / (2 * len(para) + len("Critics were not convinced by the figures.")))
    # a hard-wrapped paragraph is one paragraph of several lines
    wrapped = ("The minister said the plan would cost less than last year's budget and\n"
               "that work on the new bridge would start in May next year.")
    doc = parse(wrapped + "\n\nCritics disagreed.\n\n" + wrapped)
    assert len(doc.paragraphs) == 3
    assert run_family(repetition.FAMILY, doc).scores["dup_paragraph_ratio"] == pytest.approx(1 / 3)


# --- repeated phrases -------------------------------------------------------------------


def test_repeated_phrase_points_at_every_occurrence():
    text = (
        "Sheinbaum said sovereignty is not for sale.\n\n"
        "Critics argued that sovereignty is not for sale only in speeches.\n\n"
        "Her allies repeat it: sovereignty is not for sale."
    )
    doc = parse(text)
    res = run_family(repetition.FAMILY, doc)
    rpt = [f for f in res.findings if f.code == "RPT001"]
    assert [f.sentence for f in rpt] == [0, 1, 2]  # the first occurrence too
    for f in rpt:
        assert doc.text[f.start : f.end] == f.text
        assert f.text == "sovereignty is not for sale"
        assert f.category == "repetition"
    # the first occurrence points at the next one, every repeat at the first
    assert [f.related_sentence for f in rpt] == [1, 0, 0]
    assert "comes back in sentence 2" in rpt[0].message and "1 more time" in rpt[0].message
    assert "from sentence 1" in rpt[1].message and "from sentence 1" in rpt[2].message
    assert res.scores["repeated_phrases"] == 3 and res.scores["repeated_phrase_types"] == 1
    (group,) = res.extras["repeated_phrases"]
    assert group["phrase"] == "sovereignty is not for sale"
    assert [o["sentence"] for o in group["occurrences"]] == [0, 1, 2]


def _rpt001(text: str):
    doc = parse(text)
    return doc, [f for f in run_family(repetition.FAMILY, doc).findings if f.code == "RPT001"]


def test_a_phrase_that_occurs_once_is_never_flagged():
    # each 3-gram of "rising cost of living pay" repeats somewhere, the phrase never does
    text = ("The council met on Monday to plan the spring budget.\n\n"
            "Tenants spoke about the rising cost of living at length.\n\n"
            "Unions want cost of living pay for every worker.\n\n"
            "Members cited the rising cost of living pay claims.")
    doc, rpt = _rpt001(text)
    low = doc.text.lower()
    for f in rpt:
        assert low.count(f.text.lower()) >= 2, f.text
        assert f.related_sentence != f.sentence
        related = doc.sentences[f.related_sentence]
        assert f.text.lower() in low[related.start : related.end]


def test_a_topic_noun_phrase_is_not_a_repeated_phrase():
    text = ("The minimum wage rises in April.\n\n"
            "Employers say the minimum wage hurts hiring in small towns.\n\n"
            "Unions say the minimum wage is still too low.")
    assert _rpt001(text)[1] == []


def test_a_formula_is_flagged_however_often_it_comes_back():
    # no cap: a formula used sixty times is reported sixty times
    text = "\n\n".join(f"Report {k} was filed on time. Needless to say, the results speak "
                         "for themselves." for k in range(60))
    doc, rpt = _rpt001(text)
    assert sum(f.text == "results speak for themselves" for f in rpt) == 60
    assert {f.text for f in rpt} <= {"results speak for themselves", "filed on time"}
    assert all(f.related_sentence != f.sentence for f in rpt)


def test_phrases_in_quotes_or_naming_someone_are_not_flagged():
    text = ("The mayor opened the new library on Monday.\n\n"
            "\"This is a day for the whole town to remember,\" she said.\n\n"
            "Visitors queued outside the doors all morning.\n\n"
            "\"A day for the whole town to remember,\" a librarian repeated.\n\n"
            "Her time as secretary of state was mentioned by the council leader.\n\n"
            "He praised her time as secretary of state in a short speech.")
    assert _rpt001(text)[1] == []


@pytest.mark.parametrize(
    "first,later",
    [
        # function-word frames and vague words are not content phrases
        ("They met at the end of the week.", "Talks stalled at the end of March."),
        ("It took a lot of time.", "There was a lot of anger in the hall."),
        # a name with one word attached is the name doing its job
        ("Claudia Sheinbaum spoke on Saturday.", "Claudia Sheinbaum spoke again on Monday."),
        # titles make names too
        ("The prime minister left early.", "Reporters followed the prime minister home."),
    ],
)
def test_phrases_without_content_are_not_reported(first, later):
    doc = parse(f"{first}\n\n{later}")
    assert not [f for f in run_family(repetition.FAMILY, doc).findings if f.code == "RPT001"]


def test_repetition_inside_one_paragraph_or_of_names_is_not_flagged():
    text = (
        "Mexican President Claudia Sheinbaum spoke. Mexican President Claudia Sheinbaum left.\n\n"
        "Mexican President Claudia Sheinbaum returned on Monday."
    )
    res = run_family(repetition.FAMILY, parse(text))
    assert not [f for f in res.findings if f.code == "RPT001"]
    one_paragraph = "The new levy was debated. Critics said the new levy was unfair."
    res = run_family(repetition.FAMILY, parse(one_paragraph))
    assert not [f for f in res.findings if f.code == "RPT001"]


# --- restatements -----------------------------------------------------------------------


def test_similarity_is_high_for_paraphrase_low_for_unrelated():
    a = "Sheinbaum rejected the offer of American troops on Saturday."
    assert text_similarity(a, "On Saturday Sheinbaum rejected the American troop offer.") > 0.6
    assert text_similarity(a, "Fentanyl seizures rose sharply at the border last year.") < 0.2
    assert text_similarity("", a) == 0.0


def test_restatement_finding_links_the_earlier_sentence():
    text = (
        "Mexican President Claudia Sheinbaum rejected an offer of American troops on Saturday. "
        "Critics in Washington said the decision was a mistake. "
        "On Saturday, Mexican President Claudia Sheinbaum rejected an American offer of troops."
    )
    doc = parse(text)
    res = run_family(repetition.FAMILY, doc)
    rpt = [f for f in res.findings if f.code == "RPT002"]
    assert len(rpt) == 1
    f = rpt[0]
    assert f.sentence == 2 and f.related_sentence == 0
    assert f.message.startswith("Restates sentence 1: ‘Mexican President")
    assert doc.text[f.start : f.end] == f.text
    assert res.sentence_values["restates"] == [None, None, 0]
    novel = res.sentence_values["novel_content"]
    assert len(novel) == 3 and novel[0] > 0 and novel[2] <= 1


#: Where seed 003 prints its story a second time (rewritten, not copied).
SECOND_TELLING = "Mexican President Claudia Sheinbaum Recently Confirmed"


def _links(doc, res) -> dict[int, int]:
    return {f.sentence: f.related_sentence for f in res.findings if f.code == "RPT002"}


def test_seed_003_second_telling_is_linked_to_the_first():
    text = seed("003")
    doc = parse(text)
    second = text.index(SECOND_TELLING)
    first_telling = {s.index for s in doc.sentences if s.end <= second}
    res = run_family(repetition.FAMILY, doc)
    links = _links(doc, res)
    retold = [s.index for s in doc.sentences if s.start >= second and s.kind == "prose"
              and s.words >= 5]
    linked = [i for i in retold if i in links]
    assert len(linked) >= 0.8 * len(retold), (len(linked), len(retold))
    assert all(links[i] in first_telling for i in linked)
    # the second telling's opening restates the first telling's lead
    opening = next(i for i in retold if doc.sentence_text(i).startswith("In an interesting"))
    assert doc.sentence_text(links[opening]).startswith("In a recent statement, Mexican")
    # nothing in the first telling is linked as a retelling
    assert not [i for i in links if i in first_telling and links[i] < 3]


def test_restatement_links_to_the_original_not_to_a_restatement_of_it():
    doc = parse(seed("003"))
    res = run_family(repetition.FAMILY, doc)
    links = _links(doc, res)
    # no link points at a sentence that is itself a restatement when its original would do
    summary = next(i for i in links if doc.sentence_text(i).startswith("In summary"))
    assert links[summary] not in links


@pytest.mark.parametrize(
    "text",
    [
        # shared tics are not shared content
        "She's, like, really firm on this point, obviously. The border talks continue in "
        "Texas today.\n\nShe's, like, really making her mark early on, obviously.",
        # a heading that shares only the subject's name (and title) with another
        "What Comes Next for Mexican President Claudia Sheinbaum\n\n"
        "The president said no on Saturday to the troops.\n\n"
        "Looking Ahead for Mexican President Claudia Sheinbaum",
        # entries of one list are parallel, not restatements
        "- Best actor: Ana Ruiz for The Long Night at the Apollo Theatre\n"
        "- Best director: Tom Wade for The Long Night at the Apollo Theatre\n"
        "- Best new play: The Long Night by Sam Orr at the Apollo Theatre",
        # short lines with different numbers are different facts
        "6 Mins Read\n\nThe minister resigned on Friday after the vote.\n\n7 Mins Read\n\n"
        "February 20, 2025\n\nFebruary 28, 2025",
    ],
)
def test_in_article_guard_rejects(text):
    assert _links(None, run_family(repetition.FAMILY, parse(text))) == {}


def test_page_structure_never_restates():
    # repeated headings, labels and short lines are page structure, not restatement
    text = ("6 Mins Read\n\nThe minister resigned on Friday after the vote.\n\n6 Mins Read\n\n"
            "Year Founded: 2014\n\nThe party chose a new leader within a week.\n\n"
            "Year Founded: 2014\n\n- Starter: $0 for one seat\n- Free: $0 for one seat")
    assert _links(None, run_family(repetition.FAMILY, parse(text))) == {}


@pytest.mark.parametrize(
    "earlier,later",
    [
        ("Ticket prices on the northern line will rise by 4% in January, the operator said.",
         "Season tickets on the northern line will go up by 6% from January."),
        ("The striker's appeal against his three-match ban was rejected by the league.",
         "The striker's appeal against his three-match ban was accepted by the league."),
        ("Dr Amina Yusuf will lead the hospital's new cancer unit when it opens in May.",
         "Dr Peter Hall will lead the hospital's new cancer unit when it opens in May."),
    ],
)
def test_a_changed_number_name_or_outcome_is_not_a_restatement(earlier, later):
    text = f"{earlier} Staff were told on Friday.\n\n{later}"
    assert _links(None, run_family(repetition.FAMILY, parse(text))) == {}


def test_a_summary_line_restates_the_lead():
    text = ("The city council voted on Tuesday to close the Elm Street library at the end "
            "of March. The branch has lost more than half its visitors since 2019.\n\n"
            "Staff will be moved to the central library on Market Square.\n\n"
            "In short, the council will close the Elm Street library.")
    assert _links(None, run_family(repetition.FAMILY, parse(text))) == {3: 0}


def test_seed_001_has_no_restatement():
    res = run_family(repetition.FAMILY, parse(seed("001")))
    assert res.scores["restatements"] == 0
    assert res.scores["dup_line_ratio"] == 0


# --- bad input --------------------------------------------------------------------------


def _finite(scores: dict[str, float]) -> bool:
    return all(isinstance(v, float) and math.isfinite(v) for v in scores.values())


@pytest.mark.parametrize("text", ["", "   \n\n", "One sentence only.", "42", "Hi."])
def test_degenerate_texts(text):
    res = run_family(repetition.FAMILY, parse(text))
    assert _finite(res.scores)
    assert all(len(v) == len(parse(text).sentences) for v in res.sentence_values.values())


def test_one_repeated_line():
    text = "\n".join(["The minister said the plan is ready."] * 300)
    doc = parse(text)
    res = run_family(repetition.FAMILY, doc)
    assert _finite(res.scores)
    assert res.scores["dup_line_ratio"] == pytest.approx(299 / 300)
    assert res.scores["dup_10gram_char_ratio"] == pytest.approx(1.0)
    assert res.scores["restatements"] == 299  # every copy restates the first
    rpt = [f for f in res.findings if f.code == "RPT002"]
    assert len(rpt) == repetition.MAX_RESTATEMENT_FINDINGS
    assert res.sentence_values["restates"][5] == 0


def test_fifty_thousand_words_is_near_linear():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)] + ["minister", "border", "troops", "offer"]
    paragraphs = []
    for _ in range(250):
        sents = [" ".join(rng.choice(vocab) for _ in range(20)).capitalize() + "."
                 for _ in range(10)]
        paragraphs.append(" ".join(sents))
    text = "\n\n".join(paragraphs)
    doc = parse(text)
    assert sum(s.words for s in doc.sentences) >= 50_000
    t0 = time.process_time()
    res = run_family(repetition.FAMILY, doc)
    assert time.process_time() - t0 < 30  # CPU time: a bound against blow-up, not a benchmark
    assert _finite(res.scores)
    assert sum(f.code == "RPT002" for f in res.findings) <= repetition.MAX_RESTATEMENT_FINDINGS


def test_candidate_comparisons_are_capped():
    terms = [sentence_terms("Troops border offer minister rejected today again.")] * 300
    calls = find_restatements(terms)
    assert len(calls) == 299
    assert MAX_CANDIDATES >= 1


# --- bounded cost on huge articles (issue 17) ---------------------------------------------


def test_restatements_reach_back_a_window_and_verbatim_repeats_anywhere():
    said = "Troops crossed the northern border at dawn on Tuesday, officials said."
    again = "On Tuesday at dawn, troops crossed the northern border, officials said."
    rng = random.Random(5)

    def filler(n: int) -> list:
        return [sentence_terms(" ".join(f"filler{rng.randrange(10**6)}" for _ in range(8)) + ".")
                for _ in range(n)]

    near = [sentence_terms(said), *filler(500), sentence_terms(again)]
    assert [(r.index, r.of) for r in find_restatements(near)] == [(501, 0)]
    far = [sentence_terms(said), *filler(WINDOW + 200), sentence_terms(again),
           sentence_terms(said)]
    assert [(r.index, r.of) for r in find_restatements(far)] == [(WINDOW + 202, 0)]


def _postings_read_per_sentence(n: int) -> float:
    rng = random.Random(3)
    vocab = [f"topic{i}" for i in range(1500)]
    terms = [sentence_terms(" ".join(rng.sample(vocab, 8)) + ".") for _ in range(n)]
    search = _ArticleSearch(terms, None, THRESHOLD, MAX_CANDIDATES, frozenset(), None, None,
                            None)
    for i in range(n):
        search.visit(i)
    return search.visited / n


def test_restatement_search_work_per_sentence_stops_growing():
    # Each term retrieves only the sentences of the last WINDOW that hold it: past the
    # window, the work per sentence no longer grows with the article (it tripled from
    # 2,000 to 6,000 sentences when every earlier sentence could be retrieved).
    assert _postings_read_per_sentence(6000) < 1.5 * _postings_read_per_sentence(2000)


@pytest.mark.parametrize("seed", range(20))
def test_ngram_counts_match_a_plain_count(seed):
    rng = random.Random(seed)
    words = [rng.choice("abcde"[: rng.randint(1, 5)]) for _ in range(rng.randint(0, 60))]
    grams = NgramCounts(words)
    for n in range(1, 8):
        plain = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
        tally = Counter(plain)
        assert grams.count(n).tolist() == [tally[g] for g in plain]
        repeated = grams.repeated(n).tolist()
        assert repeated == [i for i, g in enumerate(plain) if tally[g] > 1]
        keys = grams.keys(n)
        # equal n-grams that repeat share an id, different ones never do
        ids = {g: {int(keys[i]) for i in repeated if plain[i] == g} for g in tally if tally[g] > 1}
        assert all(len(v) == 1 for v in ids.values())
        assert len({next(iter(v)) for v in ids.values()}) == len(ids)
