"""The shared per-word look-ups of analyser.resources agree with the libraries they stand for."""

from __future__ import annotations

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from analyser.resources import zipf


def test_zipf_reads_the_table_as_wordfreq_does():
    table = get_frequency_dict("en", "best")
    plain = [w for w in table if w.isascii() and w.isalpha() and w.islower()]
    # the most common words, a stride through the long tail, and the rarest
    sample = plain[:2000] + plain[2000::97] + plain[-500:]
    assert len(sample) > 5000
    assert [zipf(w) for w in sample] == [zipf_frequency(w, "en") for w in sample]


@pytest.mark.parametrize("word", ["zzqxjv", "government's", "don’t", "co-operate", "1990s",
                                  "café", "u.s.", "Mexico", ""])
def test_zipf_of_other_forms_is_wordfreqs(word):
    assert zipf(word) == zipf_frequency(word, "en")
