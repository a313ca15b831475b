"""Corpus files that are empty, cut short or inflate to huge rows (issue 17, points 5, 8):
one clear line each, never a silent pass, never the whole file in memory."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
import zlib

import pandas as pd
import pytest

from analyser.ingest import IngestError, iter_articles
from analyser.ingest.decode import MAX_ROW_BYTES

TEXT = "The council met on Monday. It voted to keep the library open."


def read(path):
    items = list(iter_articles([str(path)]))
    return ([i for i in items if not isinstance(i, IngestError)],
            [i.reason for i in items if isinstance(i, IngestError)])


def rows(n: int) -> str:
    return "".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} Row {i}."}) + "\n"
                   for i in range(n))


@pytest.mark.parametrize("name, content", [
    ("empty.jsonl", ""), ("blank.jsonl", "\n \n"), ("empty.ndjson", ""),
    ("header.csv", "id,text\n"), ("nothing.csv", ""),
])
def test_a_corpus_file_with_no_rows_is_an_input_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert read(path) == ([], ["corpus file has no rows"])


def test_empty_gzip_and_parquet_corpora_are_input_errors(tmp_path):
    gz = tmp_path / "empty.jsonl.gz"
    gz.write_bytes(gzip.compress(b""))
    pq = tmp_path / "empty.parquet"
    pd.DataFrame({"id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}
                 ).to_parquet(pq)
    for path in (gz, pq):
        assert read(path) == ([], ["corpus file has no rows"]), path


def test_check_and_score_refuse_an_empty_corpus(tmp_path, capsys):
    from analyser.cli import main

    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert f"analyser: error: {path}: corpus file has no rows" in capsys.readouterr().err
    out = tmp_path / "scores.csv"
    assert main(["score", str(path), "-o", str(out)]) == 2
    assert not out.exists()


def test_a_truncated_gzip_keeps_its_intact_rows_and_says_so_once(tmp_path):
    # Rows of different texts, so that the deflate stream is long enough to cut in two.
    data = gzip.compress(rows(400).encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = read(path)
    assert 50 < len(articles) < 400
    assert [a.id for a in articles] == [f"r{i}" for i in range(len(articles))]
    assert len(errors) == 1
    assert errors[0] == (f"compressed file is cut short after line {len(articles)} "
                         "(truncated); the rows before the cut were read")


def test_a_corrupt_gzip_is_one_line(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    data = bytearray(gzip.compress(rows(50).encode("utf-8")))
    data[40:60] = b"\xff" * 20
    path.write_bytes(bytes(data))
    _, errors = read(path)
    assert len(errors) == 1 and errors[0].startswith("corrupt compressed file (")
    path.write_bytes(b"not gzip at all")
    assert read(path)[1] == ["corrupt compressed file (Not a gzipped file (b'no'))"]


def _bomb(n_bytes: int) -> bytes:
    """A gzip file of one JSONL line of ``n_bytes`` bytes, a few hundred KB compressed."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [comp.compress(b'{"id": "bomb", "text": "')]
    block = b"a" * 1_000_000
    for _ in range(n_bytes // len(block)):
        out.append(comp.compress(block))
    out.append(comp.compress(b'"}\n'))
    out.append(comp.flush())
    return b"".join(out)


def test_a_gzip_that_inflates_to_a_huge_line_fails_fast_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(_bomb(400_000_000))
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    started = time.monotonic()
    try:
        articles, errors = read(path)
        elapsed = time.monotonic() - started
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert not articles
    assert errors == [f"line 1: longer than {MAX_ROW_BYTES:,} bytes (the limit for one "
                      "corpus row)"]
    assert elapsed < 10, elapsed
    assert peak_mb < 100, peak_mb  # the line is never read whole (400 MB)


def test_a_huge_csv_field_is_one_line(tmp_path):
    path = tmp_path / "big.csv"
    field = "word " * (MAX_ROW_BYTES // 5 + 10)
    # A quoted field over many short lines: no line is long, the field is.
    body = "\n".join(field[i:i + 1000] for i in range(0, len(field), 1000))
    path.write_text(f'id,text\n1,"{body}"\n2,"{TEXT}"\n', encoding="utf-8")
    articles, errors = read(path)
    assert not articles and len(errors) == 1
    where, reason = errors[0].split(": ", 1)
    # Refused where the field passes the limit, not at its end.
    assert where == f"line {1 + MAX_ROW_BYTES // 1001 + 1}"
    assert reason == (f"a field longer than {MAX_ROW_BYTES:,} characters (the limit for one "
                      "corpus row)")


def test_a_huge_parquet_text_is_refused_and_the_other_rows_read(tmp_path):
    path = tmp_path / "big.parquet"
    pd.DataFrame({"id": ["a", "b"], "text": ["x" * (MAX_ROW_BYTES + 1), TEXT]}
                 ).to_parquet(path)
    articles, errors = read(path)
    assert [a.id for a in articles] == ["b"]
    assert errors == [f"row 1: text longer than {MAX_ROW_BYTES:,} characters (the limit for "
                      "one corpus row)"]


def test_lone_carriage_returns_still_end_jsonl_lines(tmp_path):
    path = tmp_path / "cr.jsonl"
    path.write_bytes(rows(3).replace("\n", "\r").encode("utf-8"))
    articles, errors = read(path)
    assert not errors and [a.id for a in articles] == ["r0", "r1", "r2"]
