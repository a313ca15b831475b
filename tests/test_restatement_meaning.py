"""The meaning benchmark's pieces (benchmarks/restatement_vectors.py and
restatement_meaning.py) on small data they are given: no model file is needed."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]




@pytest.fixture(scope="module")
def rv(benchmark_module):
    return benchmark_module("restatement_vectors")


@pytest.fixture(scope="module")
def rm(benchmark_module):
    benchmark_module("sentence_ratings")
    benchmark_module("restatement_set")
    benchmark_module("restatement_vectors")
    return benchmark_module("restatement_meaning")


def test_safetensors_are_read_back(rv, tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([[7, 8]], dtype=np.int64)
    head = {"__metadata__": {"format": "pt"},
            "a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
            "b": {"dtype": "I64", "shape": [1, 2], "data_offsets": [24, 40]}}
    raw = json.dumps(head).encode()
    path = tmp_path / "m.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    got = rv.load_safetensors(path)
    assert set(got) == {"a", "b"}
    assert np.array_equal(got["a"], a) and np.array_equal(got["b"], b)


def test_wordpiece_splits_like_bert(rv):
    vocab = {t: i for i, t in enumerate(
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "un", "##aff", "##able", ",", "cafe"])}
    assert rv.wordpiece("The unaffable, Café", vocab) == [2, 4, 5, 6, 7, 8, 9, 3]
    assert rv.wordpiece("zzz", vocab) == [2, 1, 3]


def test_forward_pass_ignores_padding(rv):
    rng = np.random.default_rng(0)
    shapes = {"embeddings.word_embeddings.weight": (12, 384),
              "embeddings.position_embeddings.weight": (16, 384),
              "embeddings.token_type_embeddings.weight": (2, 384),
              "embeddings.LayerNorm.weight": (384,), "embeddings.LayerNorm.bias": (384,)}
    for k in range(6):
        p = f"encoder.layer.{k}."
        for s in ("query", "key", "value"):
            shapes[f"{p}attention.self.{s}.weight"] = (384, 384)
            shapes[f"{p}attention.self.{s}.bias"] = (384,)
        shapes[f"{p}attention.output.dense.weight"] = (384, 384)
        shapes[f"{p}attention.output.dense.bias"] = (384,)
        shapes[f"{p}intermediate.dense.weight"] = (1536, 384)
        shapes[f"{p}intermediate.dense.bias"] = (1536,)
        shapes[f"{p}output.dense.weight"] = (384, 1536)
        shapes[f"{p}output.dense.bias"] = (384,)
        for n in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes[f"{p}{n}.weight"] = (384,)
            shapes[f"{p}{n}.bias"] = (384,)
    w = {k: (rng.standard_normal(s) * 0.05).astype(np.float32) for k, s in shapes.items()}
    for k in w:
        if k.endswith("LayerNorm.weight"):
            w[k] += 1.0
    short, long = [2, 5, 3], [2, 5, 6, 7, 8, 3]
    alone = rv.forward(w, [short])
    both = rv.forward(w, [short, long])
    assert np.allclose(np.linalg.norm(both, axis=1), 1.0, atol=1e-5)
    assert np.allclose(alone[0], both[0], atol=1e-5)  # padding changes nothing
    assert not np.allclose(both[0], both[1], atol=1e-3)


def test_stem_table_merges_stems_and_stores_unit_int8_rows(rv):
    words = ["run", "running", "runs", "bank", "banks", "river", "money", "loan"]
    rng = np.random.default_rng(1)
    vecs = rng.standard_normal((len(words), 384)).astype(np.float32)
    stems, rows = rv.stem_table(words, vecs, 3)
    assert stems == sorted(set(stems)) and "run" in stems and "bank" in stems
    assert len(stems) == 5 and rows.shape == (5, 3) and rows.dtype == np.int8


def test_soft_cover_counts_near_words_and_auc_ranks(rm):
    rows = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]], dtype=np.float32)
    sv = rm.StaticVectors(["troop", "soldier", "banana"], rows)
    assert sv.soft_cover({"troop": 2.0}, {"troop": 1.0}) == pytest.approx(1.0)
    assert sv.soft_cover({"troop": 2.0}, {"soldier": 1.0}) == pytest.approx(0.8)
    assert sv.soft_cover({"troop": 2.0}, {"banana": 1.0}) == pytest.approx(0.0)
    assert rm.auc(np.array([0.1, 0.2, 0.9]), np.array([0, 0, 1])) == pytest.approx(1.0)
    assert rm.auc(np.array([0.9, 0.2, 0.1]), np.array([0, 0, 1])) == pytest.approx(0.0)


@pytest.fixture(scope="module")
def rp(benchmark_module):
    benchmark_module("sentence_ratings")
    benchmark_module("restatement_set")
    benchmark_module("restatement_vectors")
    benchmark_module("restatement_meaning")
    return benchmark_module("restatement_pairs")


def test_quoted_words_leave_the_attribution_out(rp):
    assert rp.quoted_words('"We will not sign anything," said union leader Maria Costa.') \
        == "We will not sign anything,"
    assert rp.quoted_words("“Cancel the Putin meeting now.") == "Cancel the Putin meeting now."
    assert rp.quoted_words('He called it "a sham" on Monday.') is None  # under three words
    assert rp.quoted_words("No quotation here at all.") is None


def test_pair_model_features_are_symmetric_in_cover(rp):
    from analyser.metrics.restatement import in_article, sentence_terms

    cache = in_article.ConceptCache()
    a = sentence_terms("The council shut the old library on Monday.")
    b = sentence_terms("On Monday the council closed the old library.")
    c = sentence_terms("Storms flooded dozens of homes in the valley overnight.")
    near, far = rp.symmetric_features(a, b, cache), rp.symmetric_features(a, c, cache)
    assert near[:4] == rp.symmetric_features(b, a, cache)[:4]
    assert near[3] > far[3] and near[3] >= near[2]
