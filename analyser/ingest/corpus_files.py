"""Corpus files: JSONL (optionally gzipped), CSV and Parquet, one article per row, streamed."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".parquet")


def is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in CORPUS_SUFFIXES)


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | Exception]]:
    """Yield (row number, row dict) — or (row number, error) for an unreadable row."""
    name = path.name.lower()
    if name.endswith(".parquet"):
        yield from _parquet_rows(path)
    elif name.endswith(".csv"):
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(newline="", encoding="utf-8-sig") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=1):
                yield i, row
    else:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as raw:
            for i, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield i, ValueError(f"line {i}: invalid JSON ({exc.msg})")
                    continue
                if not isinstance(row, dict):
                    yield i, ValueError(f"line {i}: not a JSON object")
                    continue
                yield i, row


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | Exception]]:
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        raise ValueError("reading Parquet needs pyarrow: pip install 'analyser[parquet]'") from exc
    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            n += 1
            yield n, row
