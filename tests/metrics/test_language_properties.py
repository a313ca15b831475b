"""Property test: every language finding's text is exactly its slice of the document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.document import parse
from analyser.metrics import language, run_family

FRAGMENTS = [
    "She was", ", like,", " like ", "you know", ", you know,", "It’s", "it's", " worth noting",
    " that ", "“", "”", '"', "'", "’", " kind of", " sort of", " really", " very", "Well,",
    " well ", "So,", " so ", " may ", "May", " 20", " might", "I mean,", " basically", ".", "?",
    "\n", "\n\n", " in a way", " that ", " rather", " than", " actually", " the fact that",
    " critics argue", " it seems", " we’ll see", " as we'll see", "Mexico", " troops", " a",
    "-", "—", " just", " another", "  ", "déjà vu", "12", ";",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=40))
def test_finding_text_is_slice_and_quote_flag_agrees(parts):
    text = "".join(parts)
    doc = parse(text)
    res = run_family(language.FAMILY, doc)
    for f in res.findings:
        assert text[f.start : f.end] == f.text
        assert f.in_quote == doc.in_quote(f.start, f.end)
        assert 0 <= f.sentence < len(doc.sentences)
    assert len(res.sentence_values["language_findings"]) == len(doc.sentences)
    assert all(v == v for v in res.scores.values())  # no NaN
