"""Malformed corpus files: every reader yields one Article or IngestError per row (one
IngestError for a file it cannot read at all) and never raises."""

from __future__ import annotations

import csv
import io
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import strategies as st

from analyser.ingest import IngestError, iter_articles

from .hostile import (
    csv_file,
    gzipped,
    jsonl_file,
    parquet_bytes,
    parquet_table,
)
from .invariants import check_record
from .schedule import fuzz


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A context giving each example its own empty folder, removed afterwards (a
    function-scoped tmp_path would be shared by every example of a test)."""
    base = tmp_path_factory.mktemp("corpus-fuzz")

    @contextmanager
    def folder():
        with tempfile.TemporaryDirectory(dir=base) as name:
            yield Path(name)

    return folder


def read(path: Path) -> list:
    items = list(iter_articles([str(path)]))
    for item in items:
        check_record(item)
    return items


def decoded(data: bytes) -> str:
    """The text of a corpus file by the documented rule: UTF-8 (a BOM allowed) when it all
    decodes, else cp1252, else latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def records(rows: int) -> int:
    """Records a corpus file gives: one per row, or one error when it has no rows."""
    return rows or 1


def jsonl_rows(data: bytes) -> int:
    """Rows of a JSONL file: its lines (universal newlines) that are not blank."""
    return sum(1 for line in io.StringIO(decoded(data), newline=None) if line.strip())


@fuzz(weight=1.5, file=jsonl_file(), suffix=st.sampled_from([".jsonl", ".ndjson"]))
def test_jsonl_one_record_per_row(scratch, file, suffix):
    data, _, _ = file
    with scratch() as folder:
        path = folder / f"corpus{suffix}"
        path.write_bytes(data)
        items = read(path)
    assert len(items) == records(jsonl_rows(data))


@fuzz(weight=1, file=jsonl_file(), cut=st.none() | st.integers(0, 10**6))
def test_gzipped_jsonl_whole_or_cut_short(scratch, file, cut):
    data, _, _ = file
    packed = gzipped(data, cut)
    with scratch() as folder:
        path = folder / "corpus.jsonl.gz"
        path.write_bytes(packed)
        items = read(path)
    rows = jsonl_rows(data)
    if cut is None:
        assert len(items) == records(rows)
    else:  # what was read, then at most one error for the file
        assert len([i for i in items if isinstance(i, IngestError)]) <= rows + 1
        assert len(items) <= rows + 1


def csv_rows(data: bytes) -> int | None:
    """Rows of a CSV file as the csv module reads them; None when it has no text column."""
    reader = csv.DictReader(io.StringIO(decoded(data), newline=""))
    if "text" not in (reader.fieldnames or []):
        return None
    return sum(1 for _ in reader)


@fuzz(weight=1.5, file=csv_file())
def test_csv_one_record_per_row(scratch, file):
    data, _ = file
    with scratch() as folder:
        path = folder / "corpus.csv"
        path.write_bytes(data)
        items = read(path)
    rows = csv_rows(data)
    if rows is None:
        assert len(items) == 1 and isinstance(items[0], IngestError)
    else:
        assert len(items) == records(rows)


@fuzz(weight=1, table=parquet_table(), dictionary=st.booleans())
def test_parquet_one_record_per_row(scratch, table, dictionary):
    pytest.importorskip("pyarrow")
    columns, rows = table
    with scratch() as folder:
        path = folder / "corpus.parquet"
        path.write_bytes(parquet_bytes(columns, rows, dictionary))
        items = read(path)
    if "text" in columns:
        assert len(items) == records(rows)
    else:
        assert len(items) == 1 and isinstance(items[0], IngestError)


@fuzz(weight=0.5, table=parquet_table(), cut=st.integers(0, 10**6),
      junk=st.binary(max_size=64))
def test_parquet_damaged(scratch, table, cut, junk):
    pytest.importorskip("pyarrow")
    columns, rows = table
    data = parquet_bytes(columns, rows, False)
    data = data[: cut % len(data)] + junk
    with scratch() as folder:
        path = folder / "corpus.parquet"
        path.write_bytes(data)
        items = read(path)
    assert len(items) <= rows + 1
