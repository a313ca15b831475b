"""Writing outputs safely: the one output writer, and the score table formats.

Every output goes through :func:`atomic_open`: regular files only, written to a temporary
``.<name>.XXXXXXXX.part`` file beside the target and renamed over it, so an interrupted or
killed run never leaves a half-written output. :func:`output_target` checks a path before
any work: it refuses an input of the run, a folder, a device, a FIFO or a socket, and a
place where no file can be created; a symlink to a regular file is written through (the
link is kept). Temporary files left by a killed run are removed by the next write.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import OutputError

try:
    import fcntl
except ModuleNotFoundError:  # Windows: stale files are told by their age alone
    fcntl = None  # type: ignore[assignment]

FORMATS = ("csv", "json", "jsonl")
#: The tables ``--export`` writes, in order.
EXPORT_TABLES = ("articles", "sentences", "findings", "stories", "paired")

#: An input to protect: a path, or an open file descriptor (standard input).
Protected = str | os.PathLike | int

PART_SUFFIX = ".part"
# tempfile.mkstemp's random part: eight of [a-z0-9_]
_PART_RANDOM = re.compile(r"[a-z0-9_]{8}")
#: Temporary files older than this process are a killed run's leftovers.
_RUN_STARTED = time.time()
# Write errors that are the place's fault, not a bug: reported as one line, exit 2.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})

_KINDS = (
    (stat.S_ISDIR, "is a folder; give a file name"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _stat(path: str | os.PathLike, given: str) -> os.stat_result | None:
    """``os.stat`` (symlinks followed); None when nothing is there."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:  # a symlink loop, a folder that cannot be searched, a long name
        raise OutputError(f"{given}: {exc.strerror or exc}") from None


def _same_file(st: os.stat_result, inputs: Iterable[Protected]) -> str | None:
    """The input that is the file ``st`` describes, if any (hard links and symlinks too)."""
    for item in inputs:
        try:
            other = os.fstat(item) if isinstance(item, int) else os.stat(item)
        except (OSError, ValueError):
            continue
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return "standard input" if isinstance(item, int) else os.fspath(item)
    return None


def _check_folder(target: Path, given: str) -> None:
    """The nearest existing folder above ``target`` must be a folder a file can be created
    in: tried with a real temporary file (permission bits alone mislead root, read-only
    mounts and special file systems)."""
    folder = target.parent
    while (st := _stat(folder, given)) is None and folder != folder.parent:
        folder = folder.parent
    if st is None or not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{given}: cannot create a file there: {folder} is not a folder")
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=PART_SUFFIX)
    except OSError as exc:
        raise OutputError(f"{given}: cannot write in {folder}: {exc.strerror or exc}") from None
    os.close(fd)
    os.unlink(probe)


def output_target(path: str | os.PathLike, *, inputs: Iterable[Protected] = ()) -> Path:
    """The regular file that writing ``path`` replaces: ``path``, or the file a symlink
    there points to. Raises :class:`~analyser.errors.OutputError` when ``path`` is one of
    ``inputs``, a folder, a device, a FIFO or a socket, or when no file can be created
    there. Call it before any work, so a bad output path costs nothing."""
    given = os.fspath(path)
    if not given:
        raise OutputError("the output path is empty")
    st = _stat(given, given)
    if st is None and given.endswith((os.sep, os.altsep or os.sep)):
        raise OutputError(f"{given}: names a folder that does not exist; give a file name")
    if st is not None:
        for test, reason in _KINDS:
            if test(st.st_mode):
                raise OutputError(f"{given}: {reason}")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{given}: is not a regular file")
        same = _same_file(st, inputs)
        if same is not None:
            which = "" if same == given else f" ({same})"
            raise OutputError(f"{given}: is an input of this run{which}; inputs are never "
                              f"overwritten")
    target = Path(os.path.realpath(given))
    _check_folder(target, given)
    return target


def check_export(folder: str | os.PathLike, *, inputs: Iterable[Protected] = ()) -> list[Path]:
    """The files :func:`export_frames` writes into ``folder``, each checked as
    :func:`output_target` does; ``folder`` itself must be a folder or not exist yet."""
    given = os.fspath(folder)
    st = _stat(given, given)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{given}: is not a folder (--export names a folder)")
    inputs = list(inputs)
    paths = export_paths(given)
    for path in paths:
        output_target(path, inputs=inputs)
    return paths


def _in_use(path: str) -> bool:
    """Whether a running writer holds ``path`` (its lock, see :func:`atomic_open`)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # not ours to judge: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def remove_stale_parts(target: Path, before: float | None = None) -> list[Path]:
    """Remove the temporary files a killed run left beside ``target``: only our own
    pattern (``.<name>.XXXXXXXX.part``), only regular files older than ``before`` (this
    process's start) and held by no running writer."""
    before = _RUN_STARTED if before is None else before
    prefix = f".{target.name}."
    removed = []
    with os.scandir(target.parent) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(PART_SUFFIX)
                    and _PART_RANDOM.fullmatch(name[len(prefix):-len(PART_SUFFIX)])):
                continue
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_mtime >= before or _in_use(entry.path):
                continue
            with suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else the umask's default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                *, inputs: Iterable[Protected] = ()):
    """Open a temporary file beside the target of ``path`` (see :func:`output_target`)
    and rename it over the target only when the block succeeds. Missing folders are
    created. Raises :class:`~analyser.errors.OutputError` for a path that cannot or must
    not be written, before the block runs, and when the disk fills up."""
    given = os.fspath(path)
    target = output_target(given, inputs=inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(target)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                   suffix=PART_SUFFIX)
    except OSError as exc:
        raise OutputError(f"{given}: cannot write: {exc.strerror or exc}") from None
    lock = -1
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            lock = os.dup(fd)  # held until the rename: the next run's cleaning spares it
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            yield fh
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno in _NO_ROOM:
            raise OutputError(f"{given}: cannot write: {exc.strerror}") from None
        raise
    finally:
        if lock >= 0:
            os.close(lock)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike, text: str, *,
                      inputs: Iterable[Protected] = ()) -> Path:
    """Write ``text`` through :func:`atomic_open`; returns ``path``."""
    with atomic_open(path, inputs=inputs) as fh:
        fh.write(text)
    return Path(path)


def _clean(value: Any) -> Any:
    """JSON-safe scalar: NaN and infinities become null; numpy scalars become Python ones."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def write_table(df: pd.DataFrame, fmt: str, out: IO[str]) -> None:
    """Write a frame as CSV, a JSON array, or JSON Lines."""
    if fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        json.dump(records(df), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in records(df):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _parquet() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ModuleNotFoundError:
        return False
    return True


def export_paths(folder: str | os.PathLike, names: Sequence[str] = EXPORT_TABLES) -> list[Path]:
    """The files :func:`export_frames` writes for the tables ``names``: CSV, and Parquet
    when pyarrow is installed."""
    suffixes = (".csv", ".parquet") if _parquet() else (".csv",)
    return [Path(folder) / f"{name}{suffix}" for name in names for suffix in suffixes]


def export_frames(
    frames: Iterable[tuple[str, pd.DataFrame]], folder: str | os.PathLike
) -> list[Path]:
    """Write each frame as CSV (and Parquet when pyarrow is installed) into ``folder``."""
    written = []
    frames = dict(frames)
    for path in export_paths(folder, list(frames)):
        df = frames[path.stem]
        if path.suffix == ".csv":
            with atomic_open(path) as fh:
                df.to_csv(fh, index=False, lineterminator="\n")
        else:
            with atomic_open(path, "wb") as fh:
                df.to_parquet(fh, index=False)
        written.append(path)
    return written
