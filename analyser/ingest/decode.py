"""Turning bytes into text: binary detection and encoding fallbacks."""

from __future__ import annotations

import warnings

#: Inputs larger than this are refused (bytes).
MAX_FILE_BYTES = 50_000_000


class DecodeError(ValueError):
    """The bytes are not a text page (empty, binary)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters in the first 8 KB, mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM); fall back to cp1252, then latin-1, with a warning."""
    if not data.strip():
        raise DecodeError("empty file")
    if looks_binary(data):
        raise DecodeError("binary file, not a text page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(f"{name}: not UTF-8; decoded as {encoding}", stacklevel=2)
        return text
    raise DecodeError("cannot decode text")  # latin-1 decodes anything; kept for safety
