"""The document model: blocks with kinds, Punkt sentences, tokens, quote spans, offsets."""

from __future__ import annotations

import pytest

from analyser.document import (
    MAX_SENTENCE_WORDS,
    check_length,
    classify_block,
    count_words,
    parse,
)
from analyser.errors import InputError
from analyser.quote_spans import find_quotes
from analyser.resources import punkt_tokenizer
from analyser.sentence_spans import sentence_spans
from analyser.tokens import MAX_TOKEN_CHARS


def sentences(text: str) -> list[str]:
    doc = parse(text)
    return [doc.sentence_text(s.index) for s in doc.sentences]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He met Mr. Smith and Dr. Jones in the U.S. on Monday. He declined.",
         ["He met Mr. Smith and Dr. Jones in the U.S. on Monday.", "He declined."]),
        ("It rose 3.5 per cent at 9 a.m. on Friday. Then it fell.",
         ["It rose 3.5 per cent at 9 a.m. on Friday.", "Then it fell."]),
        ("J. R. R. Tolkien wrote it. No. Really.",
         ["J. R. R. Tolkien wrote it.", "No.", "Really."]),
        ("He lives in the U.S. It is big.", ["He lives in the U.S.", "It is big."]),
        ("Yes. No. Maybe.", ["Yes.", "No.", "Maybe."]),
        ("He was ranked No. 1 in the world. It showed.",
         ["He was ranked No. 1 in the world.", "It showed."]),
        ("She said “it is not for sale.” He left! Why? OK.",
         ["She said “it is not for sale.”", "He left!", "Why?", "OK."]),
    ],
)
def test_punkt_sentences(text, expected):
    assert sentences(text) == expected


def test_heading_is_not_glued_to_next_sentence():
    text = "Who Is Claudia Sheinbaum?\nShe is the President of Mexico. She was elected in 2024."
    doc = parse(text)
    assert [p.kind for p in doc.paragraphs] == ["heading", "prose"]
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Who Is Claudia Sheinbaum?", "She is the President of Mexico.", "She was elected in 2024."
    ]
    assert [s.is_prose for s in doc.sentences] == [False, True, True]


def test_heading_without_punctuation_stays_separate():
    doc = parse("The Context of Military Assistance\nThe backdrop to this offer is violence.")
    assert len(doc.sentences) == 2
    assert doc.paragraphs[0].kind == "heading"


@pytest.mark.parametrize(
    "line,kind",
    [
        ("- She rejected the offer, asserting sovereignty.", "list_item"),
        ("• World", "list_item"),
        ("By | May 4, 2025", "byline"),
        ("Name\tValue", "table_row"),
        ("## Background", "heading"),
        ("The Importance of Sovereignty", "heading"),
        ("Sovereignty remains a crucial issue in discussions about military assistance.", "prose"),
    ],
)
def test_block_kinds(line, kind):
    assert classify_block(line) == kind


def test_list_marker_is_outside_the_sentence():
    doc = parse("- Claudia Sheinbaum confirmed it.\n- She rejected the offer.")
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Claudia Sheinbaum confirmed it.", "She rejected the offer."
    ]


def test_hard_wrapped_paragraph_is_one_block():
    text = (
        "This paragraph was wrapped by an editor at a fixed width so that\n"
        "its lines break in the middle of sentences, which happens in\n"
        "Markdown files and e-mails. It is still one paragraph.\n"
        "\n"
        "Second paragraph."
    )
    doc = parse(text)
    assert len(doc.paragraphs) == 2
    assert doc.paragraphs[0].kind == "prose"


def test_offsets_and_tokens():
    text = "The U.S. paid $3.5m, it's said — to Mexico."
    doc = parse(text)
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
    words = [t.text for t in doc.tokens if t.kind != "punct"]
    assert words == ["The", "U.S.", "paid", "3.5m", "it's", "said", "to", "Mexico"]
    assert doc.sentences[0].words == 8


@pytest.mark.parametrize(
    "text,quoted",
    [
        ('He said "sovereignty is not for sale" today.', ['"sovereignty is not for sale"']),
        ("She said “No, President Trump” and left.", ["“No, President Trump”"]),
        ("Mexico 'is not for sale' and it's firm.", ["'is not for sale'"]),
        ("It's Mexico’s view, not the U.S.’ view.", []),
        ("“It runs to the paragraph's end", ["“It runs to the paragraph's end"]),
    ],
)
def test_quote_spans(text, quoted):
    doc = parse(text)
    assert [text[a:b] for a, b in doc.quotes] == quoted


def test_in_quote():
    text = 'She said "it is like, over" but like many she stayed.'
    doc = parse(text)
    first = text.index("like")
    second = text.index("like", first + 1)
    assert doc.in_quote(first, first + 4)
    assert not doc.in_quote(second, second + 4)


@pytest.mark.parametrize("text", ["", "   \n\n ", "...", "12 34 56", "word"])
def test_degenerate_texts(text):
    doc = parse(text)
    assert all(s.words >= 0 for s in doc.sentences)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The men sat. Nobody spoke.", ["The men sat.", "Nobody spoke."]),
        ("They basked in the sun. Tourists left later.",
         ["They basked in the sun.", "Tourists left later."]),
        ("They met on Wed. Nobody came.", ["They met on Wed.", "Nobody came."]),
        ("They wanted Plan B. Nobody agreed.", ["They wanted Plan B.", "Nobody agreed."]),
        ("It happened at 10 a.m. Police said no one was hurt.",
         ["It happened at 10 a.m.", "Police said no one was hurt."]),
        ("They arrived in the U.S. Officials greeted them.",
         ["They arrived in the U.S.", "Officials greeted them."]),
        # ... and what must stay together
        ("The U.S. Army arrived in the U.S. on Monday with Mr. Smith and Dr. Jones.",
         ["The U.S. Army arrived in the U.S. on Monday with Mr. Smith and Dr. Jones."]),
        ("J. K. Rowling met George W. Bush at 9 a.m. on Friday.",
         ["J. K. Rowling met George W. Bush at 9 a.m. on Friday."]),
        ("Prices rose 3.5% by Sept. 5 and No. 10 said so.",
         ["Prices rose 3.5% by Sept. 5 and No. 10 said so."]),
        ("It opens Mar. 5 in Roe v. Wade country.", ["It opens Mar. 5 in Roe v. Wade country."]),
        ("Smith & Co. said Mr. Nobody and Dr. Who met U.S. President Trump.",
         ["Smith & Co. said Mr. Nobody and Dr. Who met U.S. President Trump."]),
        ("U.S. officials said no. He left.", ["U.S. officials said no.", "He left."]),
    ],
)
def test_abbreviations_that_end_sentences(text, expected):
    assert sentences(text) == expected


def test_headline_with_an_abbreviation_is_one_sentence():
    doc = parse("Police Arrest Man in U.S. Police Chase\nThe man was held on Friday.")
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Police Arrest Man in U.S. Police Chase", "The man was held on Friday."]


def test_long_title_case_heading_is_not_glued_to_the_next_sentence():
    doc = parse("Mexican President Rejects U.S. Troop Offer for Drug Cartel Fight\n"
                "The president said no to the offer on Saturday.")
    assert [p.kind for p in doc.paragraphs] == ["heading", "prose"]
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Mexican President Rejects U.S. Troop Offer for Drug Cartel Fight",
        "The president said no to the offer on Saturday."]


def test_wrapped_line_of_names_is_still_wrapped_prose():
    text = ("The meeting was held with Mexican President Claudia Sheinbaum and\n"
            "Canadian Prime Minister Mark Carney in Ottawa on Friday last week.")
    doc = parse(text)
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].kind == "prose"


def test_label_with_a_colon_is_a_heading():
    assert classify_block("Summary:") == "heading"
    assert classify_block("Key points:") == "heading"
    assert classify_block("The council said the following on Monday at the meeting:") == "prose"


def test_one_stray_straight_quote_does_not_flip_the_rest_of_the_paragraph():
    text = ('He said "we will win. Critics disagreed. "On the contrary," she said, '
            '"it is fine." Under the agreement, talks go on.')
    doc = parse(text)
    quoted = [text[a:b] for a, b in doc.quotes]
    assert '"On the contrary,"' in quoted and '"it is fine."' in quoted
    tail = text.index("Under the agreement")
    assert not doc.in_quote(tail, tail + 5)
    # an inch mark is not a quotation; real quotes after it still pair
    text = 'A 5" screen and "real quotes" here.'
    assert [text[a:b] for a, b in parse(text).quotes] == ['"real quotes"']


# --- bounded cost on huge inputs ---------------------------------------------------------


def test_a_run_without_sentence_ends_is_cut_into_even_pieces():
    words = ("the cat sat on a mat and then it went to sleep in the sun " * 80).split()[:1001]
    text = " ".join(words) + ", end"
    doc = parse(text)
    sizes = [s.words for s in doc.sentences]
    assert sum(sizes) == 1002
    assert len(sizes) == 5  # the fewest pieces of at most MAX_SENTENCE_WORDS words
    assert max(sizes) <= MAX_SENTENCE_WORDS and max(sizes) - min(sizes) <= 1
    # the pieces tile the run: every token sits in one piece, in order
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == len(text)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.token_end == b.token_start and a.end < b.start
        assert doc.tokens[b.token_start].start == b.start
    assert all(doc.tokens[k].sentence == s.index
               for s in doc.sentences for k in range(s.token_start, s.token_end))


def test_ordinary_long_sentences_are_not_cut():
    sentence = " ".join(["word"] * MAX_SENTENCE_WORDS) + "."
    assert [s.words for s in parse(sentence + " Next one.").sentences] == [
        MAX_SENTENCE_WORDS, 2]


def test_giant_tokens_are_cut():
    doc = parse("A blob " + "x" * 1000 + " and " + "9" * 200 + " here.")
    assert max(len(t.text) for t in doc.tokens) == MAX_TOKEN_CHARS
    assert doc.word_count == count_words(doc.text) == 2 + 16 + 1 + 4 + 1


def test_apostrophes_are_not_scanned_to_the_paragraph_end():
    # every "'ab" opens a possible quotation that never closes: each is looked for within
    # MAX_SINGLE_QUOTE characters, not to the end of the paragraph (quadratic)
    text = "'ab " * 50_000
    assert find_quotes(text, 0, len(text)) == []
    closed = "He said 'yes' and left."
    assert find_quotes(closed, 0, len(closed)) == [(8, 13)]


def test_sentence_at_finds_the_sentence_of_an_offset():
    doc = parse("One two. Three four. Five six.")
    assert [doc.sentence_at(o) for o in (0, 9, 12, 21, 29)] == [0, 1, 1, 2, 2]


def test_length_limit_refuses_with_both_numbers():
    check_length(10, 10)
    with pytest.raises(InputError, match=r"^article has 1,500 words, over the limit of 1,000 "
                                         r"\(max-article-words\)$"):
        check_length(1500, 1000)


@pytest.mark.parametrize("block", [
    "He left.", "He left", "He left.  \n", "Why not?", "Go!", "“Go now”", "They won 3-1",
    "  (It rained)", "Hello\t", "   ", "",
])
def test_blocks_without_an_inner_sentence_end_split_as_punkt_does(block):
    # a block with no '.', '?' or '!' before its last character skips Punkt: its spans
    # must be exactly Punkt's (the others go through Punkt, mended as tested above)
    assert not any(c in ".?!" for c in block.rstrip()[:-1])
    spans = sentence_spans(block, 0, len(block))
    assert spans == list(punkt_tokenizer().span_tokenize(block))


def test_own_words_counts_words_outside_quotations():
    doc = parse("He said “we will win, he said” and 'we will' left. \"Go,\" she said.")
    outside = [t for t in doc.words if not doc.in_quote(t.start, t.end)]
    assert doc.own_words == len(outside) < len(doc.words)


def test_token_forms_keep_their_kind_and_counts():
    a = parse("The 1990s saw 12 wins. The U.S. team won 12 times in the 1990s.")
    b = parse("The team won.")
    assert [t.text for t in a.tokens if t.kind == "number"] == ["1990s", "12", "12", "1990s"]
    assert [t.kind for t in a.tokens if t.text == "U.S."] == ["word"]
    assert b.sentences[0].syllables == 3 and b.sentences[0].letters == 10
    assert a.tokens[1].text is a.tokens[-2].text  # one string per form
