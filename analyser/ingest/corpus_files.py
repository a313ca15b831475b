"""Corpus files: JSONL (optionally gzipped), CSV and Parquet, one article per row, streamed.

Lines are read with a size limit (:data:`~analyser.ingest.decode.MAX_ROW_BYTES`), so no
row, however much a compressed file inflates, is held in memory whole before it is
refused. A gzip file cut short keeps the rows before the cut and ends with one error.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import DecodeError, InputError, UnreadableInputError, UnsupportedInputError
from .decode import MAX_ROW_BYTES, detect_encoding
from .files import open_regular

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".parquet")


def is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in CORPUS_SUFFIXES)


class CorpusFileError(UnreadableInputError):
    """The corpus file as a whole cannot be read (no ``text`` column, no rows, a row over
    the size limit ...): one error."""


class TruncatedFileError(CorpusFileError):
    """A compressed corpus file ends before its end: the rows before the cut are kept."""


#: Where a lone carriage return ends a line: lines split as Python's universal newlines do
#: (\n, \r\n, \r), although the bytes are split at \n only.
_AFTER_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


def _open_bytes(path: Path) -> BinaryIO:
    raw = open_regular(path)
    return gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw


def _too_long(line: int) -> CorpusFileError:
    return CorpusFileError(f"line {line}: longer than {MAX_ROW_BYTES:,} bytes (the limit "
                           "for one corpus row)")


def _byte_lines(raw: BinaryIO) -> Iterator[bytes]:
    """The lines of a binary stream (split at \\n, ends kept), each read with a size limit:
    a longer line raises :class:`CorpusFileError` as soon as the limit is passed."""
    n = 0
    while True:
        try:
            line = raw.readline(MAX_ROW_BYTES + 1)
        except EOFError:  # gzip: the compressed stream stops before its end marker
            raise TruncatedFileError(
                f"compressed file is cut short after line {n} (truncated); the rows before "
                "the cut were read") from None
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise CorpusFileError(f"corrupt compressed file ({exc})") from None
        if not line:
            return
        n += 1
        if len(line) > MAX_ROW_BYTES:
            raise _too_long(n)
        yield line


def _text_lines(raw: BinaryIO, encoding: str) -> Iterator[str]:
    """The decoded lines of a binary stream, ends kept (universal newlines)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    for line in _byte_lines(raw):
        text = decoder.decode(line)
        if "\r" in text:
            yield from filter(None, _AFTER_LONE_CR.split(text))
        else:
            yield text


def file_encoding(path: Path) -> str:
    """UTF-8 when the whole file is UTF-8, else cp1252, else latin-1 (with a warning
    naming the file): the rule pages follow, applied to a file streamed twice. A gzip
    file cut short is judged on what it holds (the reading of its rows reports the cut)."""
    def chunks() -> Iterator[bytes]:
        with _open_bytes(path) as raw:
            try:
                yield from _byte_lines(raw)
            except TruncatedFileError:
                return

    return detect_encoding(chunks, str(path))


def iter_rows(path: Path, skip: int = 0,
              ) -> Iterator[tuple[int, dict[str, Any] | InputError | None]]:
    """Yield (row number, row dict) — or (row number, error) for an unreadable row.
    ``skip``: the first ``skip`` rows of a JSON Lines file are yielded as None, unparsed
    (a worker reading a partition further on in the file).

    Raises CorpusFileError when the file as a whole cannot be read: no ``text`` column
    (CSV, Parquet), no rows at all, a line over the size limit, a corrupt compressed
    file; after the rows before it, a gzip file cut short.
    """
    name = path.name.lower()
    if name.endswith(".parquet"):
        rows = _parquet_rows(path)
    elif name.endswith(".csv"):
        rows = _csv_rows(path, file_encoding(path))
    else:
        rows = _jsonl_rows(path, file_encoding(path), skip)
    count = 0
    for row in rows:
        count += 1
        yield row
    if not count:
        raise CorpusFileError("corpus file has no rows")


def _jsonl_rows(path: Path, encoding: str,
                skip: int = 0) -> Iterator[tuple[int, dict | InputError | None]]:
    with _open_bytes(path) as raw:
        for i, line in enumerate(_text_lines(raw, encoding), 1):
            if not line.strip():
                continue
            if skip:
                skip -= 1
                yield i, None
                continue
            try:
                row = json.loads(line)
            except (ValueError, RecursionError) as exc:  # bad JSON, a huge integer, deep nesting
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
                yield i, DecodeError(f"line {i}: invalid JSON ({why})")
                continue
            if not isinstance(row, dict):
                yield i, DecodeError(f"line {i}: not a JSON object")
                continue
            if "\\ud" in line.lower():  # an escaped surrogate, maybe alone: no text holds it
                row = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
                       for k, v in row.items()}
            yield i, row


#: Half of a UTF-16 pair with no other half (json.loads joins whole pairs): JSON may
#: spell one, no UTF-8 text can hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict | InputError]]:
    # The field limit is the csv module's own (one for the process): a quoted field that
    # runs on over many lines stops there too.
    csv.field_size_limit(MAX_ROW_BYTES)
    with _open_bytes(path) as raw:
        reader = csv.DictReader(_text_lines(raw, encoding))
        try:
            _require_text_column(reader.fieldnames)
            yield from enumerate(reader, start=1)
        except csv.Error as exc:
            reason = (f"a field longer than {MAX_ROW_BYTES:,} characters (the limit for one "
                      "corpus row)" if "field limit" in str(exc) else str(exc))
            raise CorpusFileError(f"line {reader.reader.line_num}: {reason}") from None


def _require_text_column(columns: list[str] | None) -> None:
    if columns is None:  # not even a header line
        raise CorpusFileError("corpus file has no rows")
    if "text" not in columns:
        # a broken header can hold line breaks: the message stays one line
        shown = ", ".join(" ".join(c.split()) for c in columns[:12] if c) or "none"
        raise CorpusFileError(f"no 'text' column (columns: {shown})")


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict | InputError]]:
    try:
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        raise UnsupportedInputError(
            "reading Parquet needs pyarrow: pip install 'analyser[parquet]'") from exc
    n = 0
    with open_regular(path) as fh:
        table = pq.ParquetFile(fh)
        _require_text_column(list(table.schema_arrow.names))
        for batch in table.iter_batches(batch_size=256):
            for row in batch.to_pylist():
                n += 1
                text = row.get("text")
                if isinstance(text, str) and len(text) > MAX_ROW_BYTES:
                    yield n, UnreadableInputError(
                        f"row {n}: text longer than {MAX_ROW_BYTES:,} characters (the limit "
                        "for one corpus row)")
                    continue
                yield n, row
