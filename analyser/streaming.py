"""Scoring a corpus with flat memory: the ``analyser score`` table, written as it is made.

Each analysed article leaves two small things behind and is then dropped: its score row
with its story item (pickled to a spool file) and its body (appended to a text spool, read
back only for the few pairs of articles similar enough to be copies of one text). Story
grouping needs the whole corpus, so the ``story`` column is filled by a second, light
pass: the story items are read back from the spool into grouping's packed matrix (a few
hundred bytes per article), then the rows are read back in order and written, a chunk at
a time, into the output. The output is a temporary file renamed into place only at the
end (:func:`analyser.export.atomic_open`).

The table is the one :attr:`analyser.corpus.Corpus.articles` gives, byte for byte: the
columns in order of first appearance, ``story`` after ``source``, the versions last, and
each column typed as pandas types the whole frame (an integer column that has a gap or a
float anywhere in the corpus is written as floats in every chunk).
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

import pandas as pd

from .export import records
from .tables import article_row
from .version import RULESET_VERSION, __version__

#: Rows written per chunk in the second pass.
CHUNK_ROWS = 512
#: Score table formats; ``parquet`` needs pyarrow and an output file.
FORMATS = ("csv", "json", "jsonl", "parquet")
VERSIONS = {"analyser_version": __version__, "ruleset_version": RULESET_VERSION}


@dataclass
class ColumnTypes:
    """The columns seen so far, in order of first appearance, and what each holds."""

    order: dict[str, None] = field(default_factory=dict)
    kinds: dict[str, set[str]] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)
    rows: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows += 1
        for key, value in row.items():
            self.order.setdefault(key, None)
            self.present[key] = self.present.get(key, 0) + 1
            kind = ("none" if value is None else "bool" if isinstance(value, bool)
                    else "int" if isinstance(value, int)
                    else "float" if isinstance(value, float)
                    else "str" if isinstance(value, str) else "other")
            self.kinds.setdefault(key, set()).add(kind)

    def merge(self, other: ColumnTypes) -> None:
        """Add the columns another part of the corpus saw (after this part's)."""
        self.rows += other.rows
        for key in other.order:
            self.order.setdefault(key, None)
            self.present[key] = self.present.get(key, 0) + other.present.get(key, 0)
            self.kinds.setdefault(key, set()).update(other.kinds.get(key, ()))

    def kinds_of(self, key: str) -> set[str]:
        kinds = set(self.kinds.get(key, ()))
        if self.present.get(key, 0) < self.rows:
            kinds.add("none")
        return kinds

    def widened(self) -> list[str]:
        """Integer columns pandas makes float over the whole corpus (a gap or a float)."""
        return [k for k in self.order
                if "int" in (kinds := self.kinds_of(k)) and kinds <= {"int", "float", "none"}
                and kinds != {"int"}]

    def names(self) -> list[str]:
        """The table's columns: ``story`` after ``source``, the versions last."""
        cols = [c for c in self.order if c not in VERSIONS]
        at = cols.index("source") + 1 if "source" in cols else len(cols)
        return [*cols[:at], "story", *cols[at:], *VERSIONS]

    def arrow_schema(self):
        """The Parquet schema: one type per column for every row group."""
        import pyarrow as pa

        def arrow_type(kinds: set[str]):
            kinds = kinds - {"none"}
            if kinds == {"bool"}:
                return pa.bool_()
            if kinds == {"int"}:
                return pa.int64()
            if kinds and kinds <= {"int", "float"}:
                return pa.float64()
            return pa.string()

        return pa.schema([(c, pa.string() if c == "story" or c in VERSIONS
                           else arrow_type(self.kinds_of(c))) for c in self.names()])


class _Spool:
    """Append-only pickles on disk, read back in order (as many times as needed)."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.count = 0

    def add(self, obj: Any) -> None:
        pickle.dump(obj, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Any]:
        self.file.flush()
        self.file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.file)
        self.file.seek(0, 2)

    def close(self) -> None:
        self.file.close()


class _Texts:
    """Article bodies on disk, read back by index (for the copy check of story grouping)."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.ends = array("q", [0])

    def add(self, text: str) -> None:
        self.file.seek(0, 2)
        self.ends.append(self.ends[-1] + self.file.write(text.encode("utf-8")))

    def __call__(self, i: int) -> str:
        self.file.flush()
        self.file.seek(self.ends[i])
        return self.file.read(self.ends[i + 1] - self.ends[i]).decode("utf-8")

    def close(self) -> None:
        self.file.close()


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class TableSink:
    """Writes the table a chunk (a DataFrame) at a time in one format."""

    def __init__(self, fmt: str, out: IO, columns: ColumnTypes) -> None:
        self.fmt, self.out, self.first = fmt, out, True
        self.writer = None
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self.schema = columns.arrow_schema()
            self.writer = pq.ParquetWriter(out, self.schema)

    def write(self, df: pd.DataFrame) -> None:
        if self.fmt == "csv":
            df.to_csv(self.out, index=False, header=self.first, lineterminator="\n")
        elif self.fmt == "jsonl":
            for row in records(df):
                self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "json":  # json.dump(list, indent=2), one element at a time
            for row in records(df):
                text = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                self.out.write(("[\n  " if self.first else ",\n  ") + text)
                self.first = False
        elif self.writer is not None:
            import pyarrow as pa

            self.writer.write_table(pa.Table.from_pandas(df, schema=self.schema,
                                                         preserve_index=False))
        self.first = False

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.first else "\n]\n")
        elif self.writer is not None:
            self.writer.close()


def write_rows(rows: Iterable[tuple[dict, str]], columns: ColumnTypes, sink: TableSink) -> None:
    """Write (score row, story) pairs through ``sink`` a chunk at a time, each chunk typed
    as the whole table is (``columns``), then close it."""
    names, widened = columns.names(), columns.widened()
    for chunk in chunks(({**row, "story": story, **VERSIONS} for row, story in rows),
                        CHUNK_ROWS):
        df = pd.DataFrame(chunk, columns=names)
        for col in widened:
            df[col] = df[col].astype("float64")
        sink.write(df)
    sink.close()


def release_caches() -> None:
    """Empty the analysis's bounded per-word caches (every ``lru_cache`` of more than one
    entry in the analyser's modules; the loaded resources stay). Called once a streamed
    run has analysed its last article: the passes over the whole corpus that follow then
    reuse that memory instead of adding to the peak. Results never depend on a cache."""
    for name, module in list(sys.modules.items()):
        if name != "analyser" and not name.startswith("analyser."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and hasattr(value, "cache_clear") and (info().maxsize or 0) > 1:
                value.cache_clear()
    _trim_heap()


def release_resources() -> None:
    """Drop the language resources too (what :mod:`analyser.resources` loads: CMUdict's
    syllable counts, wordfreq's table, the Punkt parameters, the word lists, and wordfreq's
    own caches of them), after :func:`release_caches`. For a streamed ``score`` once its
    last article is analysed: the passes over the whole corpus read none of them, so they
    grow into that memory instead of adding to the peak. They are loaded again on first
    use should the process analyse more; results never depend on it."""
    from . import resources

    release_caches()
    owners = [resources, sys.modules.get("wordfreq")]
    for module in owners:
        for value in list(vars(module).values()) if module is not None else ():
            if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                value.cache_clear()
    wordfreq = owners[1]
    if wordfreq is not None and isinstance(getattr(wordfreq, "_wf_cache", None), dict):
        wordfreq._wf_cache.clear()
    _trim_heap()


def _trim_heap() -> None:
    """Hand the freed heap back to the system (glibc), so the passes that follow grow
    from what is still in use, not from the analysis's high-water mark."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused all the same
        pass


class ScoreRecord(NamedTuple):
    """What the score table keeps of one analysis: its score row, its story item and its
    body (for the copy check of story grouping)."""

    row: dict[str, Any]
    item: Any
    text: str


def score_record(analysis) -> ScoreRecord:
    """The :class:`ScoreRecord` of one analysis (made in the worker with ``-j``: see
    :func:`analyser.corpus.iter_analyses`' ``keep``)."""
    from .stories.table import story_item

    return ScoreRecord(article_row(analysis), story_item(analysis), analysis.text)


@dataclass
class StreamResult:
    """What a streamed run did: articles written and inputs that failed."""

    articles: int = 0
    errors: list = field(default_factory=list)
    seconds: float = 0.0


def _progress(show: bool | None):
    if not (sys.stderr.isatty() if show is None else show):
        return None
    from tqdm import tqdm

    from .corpus import PROGRESS_FROM

    return tqdm(unit=" articles", file=sys.stderr, disable=None, delay=1.0,
                miniters=PROGRESS_FROM)


def score_stream(results: Iterable, open_out: Callable[[], Any] | None, fmt: str, *,
                 on_error: Callable | None = None, progress: bool | None = None,
                 ) -> StreamResult:
    """Write the score table of ``results`` (analyses, or their :class:`ScoreRecord`, and
    input errors, as :func:`analyser.corpus.iter_analyses` yields them) in ``fmt``.

    ``open_out()`` is a context manager giving the file to write (None: standard output),
    entered only once every article is analysed and at least one was (so nothing is
    written when none could be).
    Memory stays flat in the size of the corpus: see the module docstring.
    """
    from .ingest import IngestError
    from .stories import group_stories

    result = StreamResult()
    started = time.perf_counter()
    spool, texts, columns = _Spool(), _Texts(), ColumnTypes()
    bar = _progress(progress)
    try:
        for item in results:
            if bar is not None:
                bar.update(1)
            if isinstance(item, IngestError):
                result.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            record = item if isinstance(item, ScoreRecord) else score_record(item)
            columns.add(record.row)
            spool.add((record.row, record.item))
            texts.add(record.text)
        if bar is not None:
            bar.close()
        result.articles = spool.count
        if not spool.count:
            return result
        release_resources()
        stories = group_stories((s for _, s in spool), text_of=texts)
        with open_out() if open_out else nullcontext(sys.stdout) as out:
            rows = ((row, stories.story[i]) for i, (row, _) in enumerate(spool))
            write_rows(rows, columns, TableSink(fmt, out, columns))
    finally:
        spool.close()
        texts.close()
    result.seconds = time.perf_counter() - started
    return result
