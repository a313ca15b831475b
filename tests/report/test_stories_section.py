"""The report's "Same story, different outlets" section: the outlet-effects forest plot,
the story list and its page data, on small made-up corpora and (where the shared data
sets are present) on basil-dev."""

from __future__ import annotations

from analyser.analysis import analyse_text
from analyser.corpus import Corpus
from analyser.stories.table import STORY_COLUMNS


def test_a_corpus_without_stories_has_an_empty_story_table():
    corpus = Corpus(analyses=[
        analyse_text("The council approved the budget on Tuesday.", outlet="North Post",
                     id="a"),
        analyse_text("Officials said the bridge would reopen in June.", outlet="South Daily",
                     id="b"),
    ])
    assert list(corpus.stories.columns) == list(STORY_COLUMNS)
    assert corpus.stories.empty and corpus.paired.empty
    assert set(corpus.articles["story"]) == {""}
