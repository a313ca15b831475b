"""The Dask engine: the same per-article analysis on a ``dask.distributed`` cluster.

``analyser score CORPUS --engine dask [--scheduler tcp://HOST:PORT] -o DIR`` (see
docs/scale.md) reads corpus files (JSONL, CSV, Parquet; a folder or a glob of them) and
writes ``DIR/part-NNNNN.parquet`` with the columns and values of the local run, row for
row:

1. **Plan**: every corpus file is cut into partitions (:func:`partition_rows`: about
   ``TASKS_PER_WORKER`` per worker, at most ``PARTITION_ROWS`` rows), in the order the
   local run reads them; the plan is saved in ``DIR/_plan.json``.
2. **Analyse** (on the workers): a partition's articles are read by the worker and
   analysed with :func:`analyser.corpus.iter_analyses`' per-article function; the score
   rows, story items, bodies and per-record errors come back to the client, which saves
   them as ``DIR/_work/part-NNNNN.pkl``. A re-run with the same plan skips every partition
   already saved (an interrupted run resumes); a record that fails is reported and skipped,
   it never stops the run.
3. **Finish** (on the client, a partition at a time): ids made unique as the local run
   makes them, stories grouped over the whole corpus (a few hundred bytes per article),
   and each partition written as Parquet with one schema; ``DIR/_summary.json`` lists what
   was skipped and why.

Dask is an optional extra (``pip install 'analyser[dask]'``): nothing here imports it until
an engine or a client is asked for. :func:`analyse_dataframe` maps the analysis over a
``dask.dataframe`` with a ``text`` column.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import pickle
import sys
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .errors import OutputError, UsageError
from .settings import Settings

log = logging.getLogger(__name__)

#: Articles per partition (a task): small enough to spread a corpus over the workers and
#: to lose little work to an interruption, large enough to amortise the task overhead.
PARTITION_ROWS = 250
#: A corpus is cut into at least this many partitions per worker where it can be ...
TASKS_PER_WORKER = 8
#: ... but no partition smaller than this (each task reads its file up to its rows).
MIN_PARTITION_ROWS = 25
#: Dask settings of the LocalCluster's workers (see docs/scale.md for other clusters).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
#: On Linux, worker processes forked from this one start with the analyser and its
#: libraries already imported (elsewhere fork is unsafe or missing: Dask's default spawn).
FORK_CONFIG = {"distributed.worker.multiprocessing-method": "fork"}
#: What a worker imports to analyse a partition: imported before the workers are forked.
WORKER_MODULES = ("analyser.corpus", "analyser.ingest.sources", "analyser.stories.table",
                  "analyser.streaming", "analyser.tables")
PLAN = "_plan.json"
SUMMARY = "_summary.json"
WORK = "_work"
#: Partitions whose results the finishing pass keeps loaded at once (copy checks).
PART_CACHE = 4


def _require_dask():
    try:
        import distributed
    except ModuleNotFoundError:
        raise UsageError("--engine dask needs Dask: pip install 'analyser[dask]'") from None
    return distributed


@dataclass(frozen=True)
class Partition:
    """Rows ``start``..``stop`` of one corpus file, read as the local run reads them."""

    path: str
    start: int
    stop: int
    outlet: str | None = None

    @property
    def key(self) -> list:
        return [self.path, self.start, self.stop]


def _inputs(paths: Sequence[str]) -> list[str]:
    """The inputs with quoted globs expanded (a shell expands unquoted ones)."""
    out: list[str] = []
    for item in paths:
        if any(c in item for c in "*?[") and not os.path.exists(item):
            out += sorted(glob.glob(item)) or [item]
        else:
            out.append(item)
    return out


def count_rows(paths: Sequence[str], *, follow_links: bool = False,
               ) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    """(path, rows) of every corpus file among ``paths``, in the local run's order, and
    (source, reason) for inputs that cannot be read this way."""
    from .ingest.corpus_files import is_corpus_file, iter_rows
    from .ingest.sources import IngestError, expand

    counts: list[tuple[str, int]] = []
    skipped: list[tuple[str, str]] = []
    for found in expand(_inputs(paths), follow_links=follow_links):
        if isinstance(found, IngestError):
            skipped.append((found.source, found.reason))
            continue
        item, path, _ = found
        if path is None or not path.is_file() or not is_corpus_file(path):
            skipped.append((item, "the Dask engine reads corpus files (.jsonl, .csv, "
                                  ".parquet); score pages with the local engine"))
            continue
        try:
            counts.append((str(path), sum(1 for _ in iter_rows(path))))
        except (OSError, ValueError) as exc:
            skipped.append((str(path), f"cannot read corpus file: {exc}"))
    return counts, skipped


def cut(counts: Sequence[tuple[str, int]], rows: int,
        outlet: str | None = None) -> list[Partition]:
    """Each file's rows in partitions of ``rows`` (the last of a file shorter)."""
    return [Partition(path, s, min(s + rows, count), outlet)
            for path, count in counts for s in range(0, count, rows)]


def plan(paths: Sequence[str], *, outlet: str | None = None, follow_links: bool = False,
         rows: int = PARTITION_ROWS) -> tuple[list[Partition], list[tuple[str, str]]]:
    """The partitions of every corpus file among ``paths``, in the local run's order, and
    (source, reason) for inputs that cannot be read this way."""
    counts, skipped = count_rows(paths, follow_links=follow_links)
    return cut(counts, rows, outlet), skipped


def partition_rows(total: int, workers: int, out: str | os.PathLike | None = None) -> int:
    """Rows per partition: the size a saved plan in ``out`` used (a resumed run cuts the
    corpus as the first run did), else enough partitions for ``TASKS_PER_WORKER`` each
    (the last partitions then leave a worker idle only briefly), between
    ``MIN_PARTITION_ROWS`` and ``PARTITION_ROWS``."""
    saved = Path(out) / PLAN if out is not None else None
    if saved is not None and saved.is_file():
        try:
            keys = json.loads(saved.read_text(encoding="utf-8"))
            return max(stop - start for _, start, stop in keys)
        except (ValueError, TypeError):
            pass  # an unreadable plan is refused by _output_folder
    share = -(-total // (max(workers, 1) * TASKS_PER_WORKER))
    return max(MIN_PARTITION_ROWS, min(PARTITION_ROWS, share))


def analyse_partition(part: Partition, settings: Settings) -> dict:
    """Analyse one partition (on a worker): per article in order, its raw id and either
    its score row, story item and body, or its error."""
    from .corpus import _safe_analyse
    from .errors import InternalError
    from .ingest.sources import IngestError, _read_corpus
    from .stories.table import story_item
    from .streaming import ColumnTypes
    from .tables import article_row

    columns = ColumnTypes()
    out: dict = {"ids": [], "rows": [], "items": [], "texts": [], "errors": [],
                 "columns": columns}
    # The rows before the partition are skipped unparsed where the format allows it.
    articles = _read_corpus(Path(part.path), part.outlet, lambda rid: rid, skip=part.start)
    for article in islice(articles, part.start, part.stop):
        if isinstance(article, IngestError):
            out["errors"].append((article.source, article.reason, article.kind))
            continue
        done = _safe_analyse(article, settings)
        if isinstance(done, (IngestError, InternalError)):
            kind = "internal" if isinstance(done, InternalError) else done.kind
            reason = done.reason if isinstance(done, IngestError) else done.detail
            out["ids"].append((article.id, False))
            out["errors"].append((done.source, reason, kind))
            continue
        row = article_row(done)
        columns.add(row)
        out["ids"].append((article.id, True))
        out["rows"].append(row)
        out["items"].append(story_item(done))
        out["texts"].append(done.text)
    return out


@dataclass
class DaskRun:
    """What a run did: partitions analysed now and before, articles, skipped records."""

    partitions: int = 0
    resumed: int = 0
    articles: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"partitions": self.partitions, "resumed": self.resumed,
                "articles": self.articles, "skipped": len(self.skipped),
                "skipped_records": [{"source": s, "reason": r} for s, r in self.skipped]}


def _output_folder(out: str | os.PathLike, parts: list[Partition]) -> Path:
    """The output folder, created; refused when it holds a run of other inputs."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{out}: is not a folder (--engine dask writes a folder of parts)")
    keys = [p.key for p in parts]
    saved = folder / PLAN
    if saved.exists():
        if json.loads(saved.read_text(encoding="utf-8")) != keys:
            raise OutputError(f"{out}: holds a run over other inputs; give a new folder or "
                              "remove it")
    else:
        (folder / WORK).mkdir(parents=True, exist_ok=True)
        _write_atomic(saved, json.dumps(keys).encode("utf-8"))
    (folder / WORK).mkdir(parents=True, exist_ok=True)
    return folder


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _work_file(folder: Path, i: int) -> Path:
    return folder / WORK / f"part-{i:05d}.pkl"


def _load(folder: Path, i: int) -> dict:
    with _work_file(folder, i).open("rb") as fh:
        return pickle.load(fh)


def _analyse_all(client, parts: list[Partition], folder: Path, settings: Settings,
                 progress: bool, run: DaskRun) -> None:
    """Submit every partition not yet saved; save each result as it arrives."""
    from distributed import as_completed

    todo = [i for i in range(len(parts)) if not _work_file(folder, i).exists()]
    run.resumed = len(parts) - len(todo)
    if run.resumed:
        log.info("resuming: %d of %d partitions already done", run.resumed, len(parts))
    settings_future = client.scatter(settings, broadcast=True)
    futures = {client.submit(analyse_partition, parts[i], settings_future,
                             key=f"analyser-part-{i}-{os.getpid()}"): i for i in todo}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(parts), initial=run.resumed, unit=" partitions", file=sys.stderr)
    for future in as_completed(futures):
        i = futures[future]
        _write_atomic(_work_file(folder, i), pickle.dumps(future.result(),
                                                          pickle.HIGHEST_PROTOCOL))
        future.release()
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


class _Finished:
    """The saved partitions, read back one at a time (a few held for the copy checks)."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder, self.count = folder, count
        self.cache: OrderedDict[int, dict] = OrderedDict()
        self.where: list[tuple[int, int]] = []  # per article: (partition, index in it)

    def part(self, i: int) -> dict:
        if i in self.cache:
            self.cache.move_to_end(i)
        else:
            self.cache[i] = _load(self.folder, i)
            if len(self.cache) > PART_CACHE:
                self.cache.popitem(last=False)
        return self.cache[i]

    def items(self) -> Iterator:
        for i in range(self.count):
            for k, item in enumerate(self.part(i)["items"]):
                self.where.append((i, k))
                yield item

    def text(self, n: int) -> str:
        i, k = self.where[n]
        return self.part(i)["texts"][k]


def _finish(folder: Path, count: int, run: DaskRun) -> None:
    """Unique ids, stories over the whole corpus, and the Parquet parts (one schema)."""
    from .stories import group_stories
    from .streaming import ColumnTypes, TableSink, write_rows

    columns = ColumnTypes()
    seen: dict[str, int] = defaultdict(int)
    finished = _Finished(folder, count)
    for i in range(count):
        part = finished.part(i)
        columns.merge(part["columns"])
        run.skipped += [(s, r) for s, r, _ in part["errors"]]
    stories = group_stories(finished.items(), text_of=finished.text)
    n = 0
    for i in range(count):
        part = finished.part(i)
        rows = iter(part["rows"])
        pairs = []
        for rid, analysed in part["ids"]:  # the local run's ids: "x", "x-2", ...
            seen[rid] += 1
            if analysed:
                row = next(rows)
                row["id"] = rid if seen[rid] == 1 else f"{rid}-{seen[rid]}"
                pairs.append((row, stories.story[n]))
                n += 1
        target = folder / f"part-{i:05d}.parquet"
        tmp = target.with_name(f".{target.name}.part")
        with tmp.open("wb") as fh:
            write_rows(pairs, columns, TableSink("parquet", fh, columns))
        os.replace(tmp, target)
        run.files.append(target)
    run.articles = n


def score_corpus(paths: Sequence[str], out: str | os.PathLike, *, client=None,
                 settings: Settings | None = None, outlet: str | None = None,
                 follow_links: bool = False, rows: int | None = None,
                 progress: bool = False) -> DaskRun:
    """Score corpus files on a Dask ``client`` (default: a LocalCluster sized to this
    machine) into partitioned Parquet in ``out``; see the module docstring. ``rows`` per
    partition: by default sized to the corpus and the workers (:func:`partition_rows`)."""
    from .analysis import validate_settings
    from .settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    validate_settings(settings)
    counts, skipped = count_rows(paths, follow_links=follow_links)
    if rows is None:
        workers = (len(client.scheduler_info().get("workers", ())) if client is not None
                   else local_workers())
        rows = partition_rows(sum(c for _, c in counts), workers, out)
    parts = cut(counts, rows, outlet)
    folder = _output_folder(out, parts)
    run = DaskRun(partitions=len(parts), skipped=list(skipped))
    if parts:
        if client is None:
            with local_client() as own:
                _analyse_all(own, parts, folder, settings, progress, run)
        else:
            _analyse_all(client, parts, folder, settings, progress, run)
        _finish(folder, len(parts), run)
    _write_atomic(folder / SUMMARY, json.dumps(run.as_dict(), indent=2).encode("utf-8"))
    return run


def local_workers() -> int:
    """Worker processes of the default LocalCluster: one per core."""
    return os.cpu_count() or 1


def local_client(workers: int | None = None):
    """A client of a LocalCluster: one single-threaded worker process per core (the
    analysis is pure Python: threads would share one interpreter lock)."""
    distributed = _require_dask()
    import importlib

    import dask

    # The workers' statistical profiler walks every thread's stack each 10 ms: time taken
    # from the analysis, for a dashboard this cluster does not serve. Forked workers
    # inherit this process's imports; spawned ones would each import the analyser and its
    # libraries again before their first partition (seconds of CPU per worker).
    config = dict(WORKER_CONFIG)
    if sys.platform.startswith("linux"):
        config.update(FORK_CONFIG)
        for name in WORKER_MODULES:
            importlib.import_module(name)
    with dask.config.set(config):
        cluster = distributed.LocalCluster(n_workers=workers or local_workers(),
                                           threads_per_worker=1, processes=True,
                                           dashboard_address=None)
    return _Owned(distributed.Client(cluster), cluster)


class _Owned:
    """A client and the cluster it owns, closed together."""

    def __init__(self, client, cluster) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self):
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        self.cluster.close()


def _refuse_inputs(out: str, protected: Sequence) -> None:
    """The output folder must be no input of the run, nor hold one (a re-run would read
    its own parts)."""
    folder = Path(os.path.realpath(out))
    for p in protected:
        if isinstance(p, int):
            continue
        path = Path(os.path.realpath(p))
        if path == folder or folder in path.parents:
            raise OutputError(f"{out}: holds an input of this run ({os.fspath(p)}); give "
                              "another folder")


def score_command(args, resolver, protected: Sequence) -> int:
    """``analyser score --engine dask``: the exit status (2 when a record was skipped)."""
    distributed = _require_dask()
    inputs = list(args.paths)
    if not inputs or not args.output:
        raise UsageError("--engine dask reads corpus files and writes a folder: give "
                         "PATH ... -o DIR")
    _refuse_inputs(args.output, protected)
    options = {"settings": resolver.for_path(inputs[0]), "outlet": args.outlet,
               "follow_links": args.follow_links, "progress": sys.stderr.isatty()}
    if args.scheduler:
        with distributed.Client(args.scheduler) as client:
            run = score_corpus(inputs, args.output, client=client, **options)
    else:
        run = score_corpus(inputs, args.output, **options)
    for source, reason in run.skipped:
        print(f"analyser: error: {source}: {reason}".replace("\n", " "), file=sys.stderr)
    print(f"analyser: {run.articles} articles in {run.partitions} partitions "
          f"({run.resumed} done before); {len(run.skipped)} skipped", file=sys.stderr)
    print(args.output)
    return 2 if run.skipped or not run.articles else 0


def analyse_dataframe(ddf, settings: Settings | None = None):
    """Map the analysis over a ``dask.dataframe`` with a ``text`` column (and optionally
    ``id``, ``title``, ``outlet``, ``url``, ``published``): a lazy frame of score rows, one
    per input row, numbers as floats, with an ``error`` column ("" when the row was
    analysed). Stories need the whole corpus and are not grouped here."""
    import pandas as pd

    from .analysis import validate_settings
    from .settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    validate_settings(settings)
    sample = pd.DataFrame({"text": ["One short sentence to learn the columns."]})
    meta = score_frame(sample, settings).iloc[:0]
    return ddf.map_partitions(score_frame, settings, list(meta.columns), meta=meta)


def score_frame(df, settings: Settings, columns: Sequence[str] | None = None):
    """One pandas partition's score rows (see :func:`analyse_dataframe`)."""
    import pandas as pd

    from .corpus import _safe_analyse
    from .models import Article
    from .tables import article_row

    rows = []
    for n, rec in enumerate(df.to_dict(orient="records")):
        values = {k: None if v is None or v != v else str(v) for k, v in rec.items()
                  if k in ("id", "title", "outlet", "url", "published")}
        rid = values.get("id") or f"row-{n}"
        article = Article(id=rid, raw=str(rec.get("text") or ""), source=rid,
                          outlet=values.get("outlet") or "", title=values.get("title"),
                          url=values.get("url"), published=values.get("published"),
                          preclean=True)
        done = _safe_analyse(article, settings) if article.raw.strip() else None
        if done is None:  # as the corpus reader says of such a row
            rows.append({"id": rid, "error": "row has no 'text'"})
        elif hasattr(done, "scores"):
            rows.append({**article_row(done), "error": ""})
        else:  # an input error (reason) or a bug (detail): the row says which
            rows.append({"id": rid, "error": getattr(done, "reason", None)
                         or f"internal error: {getattr(done, 'detail', '')}"})
    out = pd.DataFrame(rows, index=df.index, columns=columns)
    numeric = out.select_dtypes("number").columns
    out[numeric] = out[numeric].astype("float64")
    return out
