"""Opening input files: regular files only, never blocking, within the size cap.

A named pipe, a device or a socket is never opened for reading: opening a named pipe
blocks until a writer comes, and reading a device may never end. ``os.stat`` decides
before the file is opened, and the file is opened non-blocking and checked again, so a
file swapped for a pipe in between cannot hang the run either.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ..errors import UnsupportedInputError
from .decode import MAX_FILE_BYTES

#: Opening a named pipe with O_NONBLOCK returns at once (no writer needed); O_NOCTTY keeps
#: a terminal device from becoming the process's controlling terminal. 0 where the
#: platform lacks them (Windows has no named pipes in the file system).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(
    os, "O_BINARY", 0)

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is ("a named pipe", "a socket" ...)."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a special file"


def not_regular(mode: int) -> UnsupportedInputError:
    """The error for an input that is not a regular file."""
    return UnsupportedInputError(
        f"not a regular file ({file_kind(mode)}); to read a stream, pipe it to standard "
        "input and give -")


def too_large(limit: int = MAX_FILE_BYTES, what: str = "file") -> UnsupportedInputError:
    """The error for a file (or standard input) over the size cap."""
    return UnsupportedInputError(f"{what} larger than {limit // 1_000_000} MB")


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """Open ``path`` (following symbolic links) for reading in binary, only if it is a
    regular file. Raises :class:`UnsupportedInputError` for anything else and OSError
    when it cannot be opened."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise not_regular(mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between the stat and the open
            raise not_regular(mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see :func:`open_regular`);
    a larger file raises :class:`UnsupportedInputError` without being read."""
    with open_regular(path) as fh:
        if os.fstat(fh.fileno()).st_size > limit:
            raise too_large(limit)
        data = fh.read(limit + 1)  # a file still growing is cut off at the cap as well
    if len(data) > limit:
        raise too_large(limit)
    return data
