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

from ..errors import DecodeError, UnreadableInputError, UnsupportedInputError
from .decode import detect_encoding

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".parquet")


def is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in CORPUS_SUFFIXES)


#: Bytes read at a time when checking a corpus file's encoding.
_CHUNK = 1 << 20


class CorpusFileError(UnreadableInputError):
    """The corpus file as a whole cannot be read (no ``text`` column ...): one error."""


def _open_bytes(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def file_encoding(path: Path) -> str:
    """UTF-8 when the whole file is UTF-8, else cp1252, else latin-1 (with a warning
    naming the file): the rule pages follow, applied to a file streamed twice."""
    def chunks() -> Iterator[bytes]:
        with _open_bytes(path) as raw:
            yield from iter(lambda: raw.read(_CHUNK), b"")

    return detect_encoding(chunks, str(path))


def iter_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | DecodeError]]:
    """Yield (row number, row dict) — or (row number, error) for an unreadable row.

    Raises CorpusFileError when the file has no ``text`` column (CSV, Parquet).
    """
    name = path.name.lower()
    if name.endswith(".parquet"):
        yield from _parquet_rows(path)
        return
    encoding = file_encoding(path)
    if name.endswith(".csv"):
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(newline="", encoding=encoding) as fh:
            reader = csv.DictReader(fh)
            _require_text_column(reader.fieldnames or [])
            for i, row in enumerate(reader, start=1):
                yield i, row
        return
    with _open_bytes(path) as raw:
        for i, line in enumerate(io.TextIOWrapper(raw, encoding=encoding), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield i, DecodeError(f"line {i}: invalid JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield i, DecodeError(f"line {i}: not a JSON object")
                continue
            yield i, row


def _require_text_column(columns: list[str]) -> None:
    if "text" not in columns:
        shown = ", ".join(c for c in columns[:12] if c) or "none"
        raise CorpusFileError(f"no 'text' column (columns: {shown})")


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | DecodeError]]:
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        raise UnsupportedInputError(
            "reading Parquet needs pyarrow: pip install 'analyser[parquet]'") from exc
    n = 0
    table = pq.ParquetFile(path)
    _require_text_column(list(table.schema_arrow.names))
    for batch in table.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            n += 1
            yield n, row
