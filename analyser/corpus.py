"""Analysing many inputs: a :class:`Corpus` of analyses with its pandas frames."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from . import tables
from .analysis import Analysis, analyse_article, validate_settings
from .errors import InputError, InternalError
from .ingest import IngestError, iter_articles
from .models import Article
from .settings import DEFAULT_SETTINGS, Settings
from .stories import Stories, group_analyses, outlet_effects, story_frame
from .streaming import chunks

log = logging.getLogger(__name__)

#: Show a progress bar on a terminal from this many articles on.
PROGRESS_FROM = 20
#: With ``jobs`` > 1: articles per task sent to a worker, and tasks in flight per worker.
POOL_CHUNK = 8
POOL_WINDOW = 8


@dataclass
class Corpus:
    """Analysed articles plus the inputs that failed. Frames are built on first use."""

    analyses: list[Analysis] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @cached_property
    def grouping(self) -> Stories:
        """Which articles tell one story (:func:`analyser.stories.group_stories`)."""
        return group_analyses(self.analyses)

    @cached_property
    def articles(self) -> pd.DataFrame:
        """One row per article: metadata (with its ``story``: "" when no other outlet told
        it) and every score."""
        df = tables.articles_frame(self.analyses)
        df.insert(list(df.columns).index("source") + 1, "story", self.grouping.story)
        return df

    @cached_property
    def stories(self) -> pd.DataFrame:
        """One row per article in a story told by two or more outlets
        (:func:`analyser.stories.story_frame`)."""
        return tables.versioned(story_frame(self.analyses, self.grouping))

    @cached_property
    def paired(self) -> pd.DataFrame:
        """Per outlet and scorecard measure: the mean difference from the other outlets on
        the same stories, with its bootstrap 95% interval over stories
        (:func:`analyser.stories.outlet_effects`); empty when no story is shared."""
        return tables.versioned(outlet_effects(self.articles, self.stories, basis="stories"))

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence."""
        return tables.sentences_frame(self.analyses)

    @cached_property
    def findings(self) -> pd.DataFrame:
        """One row per finding."""
        return tables.findings_frame(self.analyses)

    @cached_property
    def outlets(self) -> pd.DataFrame:
        """Per-outlet aggregates of the article scores."""
        return tables.outlet_frame(self.articles)

    def __len__(self) -> int:
        return len(self.analyses)


def _safe_analyse(article: Article, settings: Settings,
                  keep: Callable[[Analysis], Any] | None = None,
                  ) -> Analysis | Any | IngestError | InternalError:
    """One article's analysis (or ``keep(analysis)``); an input error as a record (one bad
    article never stops the others), and a bug as an InternalError naming the article,
    with its traceback (a worker process cannot hand back the live traceback)."""
    source = article.source or article.id
    try:
        done = analyse_article(article, settings)
        return keep(done) if keep is not None else done
    except InputError as exc:
        return IngestError(source, str(exc) or exc.kind, exc.kind)
    except Exception as exc:  # a bug: re-raised by iter_analyses in the calling process
        log.debug("internal error while analysing %s", source, exc_info=True)
        return InternalError(source, f"{type(exc).__name__}: {exc}", traceback.format_exc())


def _raise_bugs(result: Any) -> Any:
    if isinstance(result, InternalError):
        raise result
    return result


#: Settings for every article, or a function giving each article its own (per-file
#: configuration, :class:`analyser.config.SettingsResolver`).
SettingsFor = Settings | Callable[[Article], Settings]


def iter_analyses(
    articles: Iterable[Article | IngestError],
    settings: SettingsFor = DEFAULT_SETTINGS,
    jobs: int = 1,
    keep: Callable[[Analysis], Any] | None = None,
) -> Iterator[Analysis | Any | IngestError]:
    """Analyse articles in order, in this process or in a pool of ``jobs`` processes.

    ``keep`` (a module-level function, so that it pickles) is applied to each analysis
    where it is made and its result yielded instead: with ``jobs`` > 1 that runs in the
    workers, so only what the caller reads is pickled back, and the calling process's own
    work (which competes with the workers for the cores) stays small.
    """
    settings_for = settings if callable(settings) else (lambda _a: settings)
    if jobs <= 1:
        for item in articles:
            yield item if isinstance(item, IngestError) else _raise_bugs(
                _safe_analyse(item, settings_for(item), keep))
        return
    # Chunks of articles amortise the pickling cost; a window of chunks in flight keeps
    # memory bounded on huge corpora, and is refilled as each chunk is consumed so that no
    # worker waits for the slowest chunk of a batch.
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in chunks(articles, POOL_CHUNK):
            todo = [a for a in chunk if not isinstance(a, IngestError)]
            done = pool.submit(_analyse_chunk, todo, [settings_for(a) for a in todo], keep)
            window.append((chunk, done))
            if len(window) > jobs * POOL_WINDOW:
                yield from _in_order(*window.popleft())
        while window:
            yield from _in_order(*window.popleft())


def _analyse_chunk(articles: list[Article], settings: list[Settings],
                   keep: Callable[[Analysis], Any] | None = None) -> list:
    return [_safe_analyse(a, s, keep) for a, s in zip(articles, settings, strict=True)]


def _in_order(chunk: list, done) -> Iterator[Analysis | IngestError]:
    results = iter(done.result())
    for item in chunk:
        yield item if isinstance(item, IngestError) else _raise_bugs(next(results))


def iter_path_analyses(
    paths: Sequence[str], *, outlet: str | None = None,
    settings: SettingsFor = DEFAULT_SETTINGS, jobs: int = 1, follow_links: bool = False,
    keep: Callable[[Analysis], Any] | None = None,
) -> Iterator[Analysis | Any | IngestError]:
    """Read and analyse the inputs one at a time (see :func:`analyse_paths`), without
    keeping them: what a streamed run consumes (``keep``: see :func:`iter_analyses`)."""
    return iter_analyses(iter_articles(list(paths), outlet=outlet,
                                       follow_links=follow_links), settings, jobs, keep)


def analyse_paths(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    *,
    outlet: str | None = None,
    settings: SettingsFor = DEFAULT_SETTINGS,
    jobs: int = 1,
    progress: bool | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    follow_links: bool = False,
) -> Corpus:
    """Analyse files, folders, URLs and corpus files into a :class:`Corpus`.

    Inputs that cannot be read or analysed are collected in ``Corpus.errors`` (and passed
    to ``on_error`` as they happen); the others are analysed regardless. ``settings`` is
    one :class:`Settings` for every article or a function of the article. Symbolic links
    in a folder that lead out of it are read only with ``follow_links``.
    """
    if isinstance(settings, Settings):
        validate_settings(settings)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    inputs = [os.fspath(p) for p in paths]  # as given: ingest reports them verbatim
    corpus = Corpus()
    results = iter_analyses(
        iter_articles(inputs, outlet=outlet, follow_links=follow_links), settings, jobs)
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, disable=None, delay=1.0,
                   miniters=PROGRESS_FROM)
    started = time.perf_counter()
    for item in results:
        if isinstance(item, IngestError):
            corpus.errors.append(item)
            if on_error:
                on_error(item)
        else:
            corpus.analyses.append(item)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    log.info("analysed %d articles (%d inputs failed) in %.1f s", len(corpus.analyses),
             len(corpus.errors), time.perf_counter() - started)
    return corpus
