"""The streamed score table is the in-memory Corpus table, byte for byte, in every format."""

from __future__ import annotations

import io
import json
from contextlib import nullcontext

import pandas as pd
import pytest

from analyser import streaming
from analyser.corpus import analyse_paths, iter_analyses
from analyser.export import write_table
from analyser.ingest import iter_articles

TEXTS = [
    "The council approved the budget on Monday. It will, you know, raise taxes by 2%.",
    "Basically, the mayor said the plan was very important. Critics disagreed strongly.",
    "Rain fell across the north. Rivers rose and three roads were closed overnight.",
]


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"id": f"a{i % 4}", "outlet": f"o{i % 2}", "text": TEXTS[i % 3] * (1 + i % 2)}
            for i in range(9)]
    rows.insert(3, {"id": "empty", "text": ""})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_streamed_table_equals_corpus_table(corpus_file, fmt, monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 2)  # several chunks
    expected = io.StringIO()
    write_table(analyse_paths([str(corpus_file)]).articles, fmt, expected)
    out = io.StringIO()
    errors = []
    done = streaming.score_stream(iter_analyses(iter_articles([str(corpus_file)])),
                                  lambda: nullcontext(out), fmt, on_error=errors.append)
    assert done.articles == 9 and len(errors) == 1
    assert out.getvalue() == expected.getvalue()


def test_parquet_has_the_corpus_values(corpus_file, tmp_path, monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 4)
    pytest.importorskip("pyarrow")
    target = tmp_path / "out.parquet"
    streaming.score_stream(iter_analyses(iter_articles([str(corpus_file)])),
                           lambda: target.open("wb"), "parquet")
    got = pd.read_parquet(target)
    expected = analyse_paths([str(corpus_file)]).articles
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values as Python objects, gaps as None (Parquet reads string gaps back as NaN)."""
    return df.astype(object).where(df.notna(), None)


def test_an_integer_column_with_a_gap_is_float_in_every_chunk(monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 2)
    rows = [{"id": "a", "source": "s", "n": 1}, {"id": "b", "source": "s", "n": 2},
            {"id": "c", "source": "s", "n": None}]
    columns = streaming.ColumnTypes()
    for row in rows:
        columns.add(row)
    out = io.StringIO()
    streaming.write_rows(((r, "") for r in rows), columns,
                         streaming.TableSink("csv", out, columns))
    expected = pd.DataFrame(rows)
    expected.insert(2, "story", "")
    for key, value in streaming.VERSIONS.items():
        expected[key] = value
    assert out.getvalue() == expected.to_csv(index=False, lineterminator="\n")


def test_nothing_is_opened_when_no_article_could_be_analysed(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ""}) + "\n", encoding="utf-8")

    def never():
        raise AssertionError("opened")

    done = streaming.score_stream(iter_analyses(iter_articles([str(path)])), never, "csv")
    assert done.articles == 0 and len(done.errors) == 1


def test_released_caches_are_empty_and_change_no_result():
    from analyser import analyse_text
    from analyser.resources import zipf
    from analyser.streaming import release_caches

    text = "The council approved the budget on Monday. It will, you know, raise taxes."
    first = analyse_text(text)
    assert zipf.cache_info().currsize > 0
    release_caches()
    assert zipf.cache_info().currsize == 0
    again = analyse_text(text)
    assert again.scores == first.scores and again.findings == first.findings


def test_released_resources_are_reloaded_and_change_no_result():
    from analyser import analyse_text
    from analyser.resources import cmu_syllables, zipf
    from analyser.streaming import release_resources

    text = "The council approved the budget on Monday. It will, you know, raise taxes."
    first = analyse_text(text)
    cmu_syllables()  # loaded (the analysis may have read every word from a cache)
    assert cmu_syllables.cache_info().currsize == 1
    release_resources()
    assert cmu_syllables.cache_info().currsize == 0 and zipf.cache_info().currsize == 0
    again = analyse_text(text)
    assert again.scores == first.scores and again.findings == first.findings
