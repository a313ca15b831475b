"""The optional ``sources.csv`` manifest beside input files: file, outlet, title, published, url."""

from __future__ import annotations

import csv
from pathlib import Path

MANIFEST_NAME = "sources.csv"
FIELDS = ("file", "outlet", "title", "published", "url")


def load_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of ``folder/sources.csv`` keyed by file name; empty when there is none."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"file", "outlet"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: manifest lacks column(s) {', '.join(sorted(missing))}")
        return {
            row["file"]: {k: (row.get(k) or "").strip() for k in FIELDS}
            for row in reader
            if row.get("file")
        }
