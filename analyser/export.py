"""Writing outputs safely: atomic files and the score table formats.

Every file is written to a temporary file beside its target and renamed into place, so an
interrupted run never leaves a half-written output.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pandas as pd

FORMATS = ("csv", "json", "jsonl")


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    with atomic_open(path) as fh:
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


def export_frames(
    frames: Iterable[tuple[str, pd.DataFrame]], folder: str | os.PathLike
) -> list[Path]:
    """Write each frame as CSV (and Parquet when pyarrow is installed) into ``folder``."""
    folder = Path(folder)
    written = []
    try:
        import pyarrow  # noqa: F401

        parquet = True
    except ModuleNotFoundError:
        parquet = False
    for name, df in frames:
        with atomic_open(folder / f"{name}.csv") as fh:
            df.to_csv(fh, index=False, lineterminator="\n")
        written.append(folder / f"{name}.csv")
        if parquet:
            with atomic_open(folder / f"{name}.parquet", "wb") as fh:
                df.to_parquet(fh, index=False)
            written.append(folder / f"{name}.parquet")
    return written
