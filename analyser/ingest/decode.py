"""Turning bytes into text: binary detection and encoding fallbacks."""

from __future__ import annotations

import codecs
import warnings
from collections.abc import Callable, Iterable

from ..errors import DecodeError, EmptyInputError

#: Inputs larger than this are refused (bytes).
MAX_FILE_BYTES = 50_000_000
#: One corpus row is at most this long, decompressed (bytes of a JSONL or CSV line,
#: characters of a CSV field or a Parquet text): a longer one is refused when met, before
#: it is read whole, so a small gzip file that inflates to one huge line cannot exhaust
#: memory. Far above any article (a long feature is under 100 KB).
MAX_ROW_BYTES = 10_000_000


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters in the first 8 KB, mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


#: Byte-order marks and the codecs they announce (UTF-32 first: its LE mark starts with
#: UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The fallbacks after UTF-8, in order (latin-1 decodes any byte).
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` announces, or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16/32 with a BOM; fall back to cp1252,
    then latin-1, with a warning naming the file."""
    codec = bom_encoding(data)
    if codec in ("utf-16", "utf-32"):  # its NUL bytes are code units, not a binary file
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise DecodeError(f"cannot decode text (invalid {codec.upper()})") from None
    else:
        if not data.strip():
            raise EmptyInputError("empty file")
        if looks_binary(data):
            raise DecodeError("binary file, not a text page")
        text = _decode_bytes(data, name)
    if not text.replace("\ufeff", "").strip():  # only a byte-order mark (and blanks): empty
        raise EmptyInputError("empty file")
    return text


def _decode_bytes(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(f"{name}: not UTF-8; decoded as {encoding}", stacklevel=3)
        return text
    raise DecodeError("cannot decode text")  # latin-1 decodes anything; kept for safety


def detect_encoding(chunks: Callable[[], Iterable[bytes]], name: str) -> str:
    """The encoding to read a stream with: UTF-8 when all of it decodes as UTF-8 (a BOM is
    allowed), else cp1252, else latin-1, with a warning naming the file. ``chunks`` gives
    the stream's bytes afresh on each call: one pass for a UTF-8 file, at most three."""
    for encoding in ("utf-8-sig", *FALLBACK_ENCODINGS):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for chunk in chunks():
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            warnings.warn(f"{name}: not UTF-8; decoded as {encoding}", stacklevel=2)
        return encoding
    return FALLBACK_ENCODINGS[-1]  # latin-1 decodes anything; kept for safety
