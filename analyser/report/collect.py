"""What the report keeps of a corpus, collected one analysed article at a time.

The report draws per-article rows (scores, metadata), per-article finding counts, the
article views and a sample of sentences; it never needs every analysis at once. So
:func:`collect` reads analyses as they are produced and keeps:

* each article's score row (spooled to disk, read back into the articles frame at the
  end) and its story item (for story grouping, as ``analyser score`` streams it);
* its own (unquoted) findings counted by category, and by phrase for the phrase chart;
* its view, compressed into :class:`~analyser.report.views.ViewStore`;
* its sentences only if it is in a random sample of at most :data:`SAMPLE_ARTICLES`
  articles (reservoir sampling, fixed seed): the sentence-level charts are drawn from
  that sample, and the page says so when it is one;
* its body in a text spool, read back for the near-duplicate list and the copy check.

The result, :class:`ReportData`, has the frames the charts read (``articles``,
``sentences``, ``stories``, ``paired``) plus ``finding_counts`` and ``own_word_counts``
in place of the findings frame and the analyses.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

import pandas as pd

from ..analysis import Analysis
from ..catalog import SCORECARD
from ..outlets import named_outlet
from ..streaming import _progress, _Spool, _Texts, chunks, release_caches
from ..tables import article_row, versioned
from .frames import PHRASE_CATEGORIES, finding_counts
from .views import Tables, ViewStore, index_short, view_body, view_meta

#: Articles whose sentences the sentence-level charts are drawn from, at most.
SAMPLE_ARTICLES = 1000
#: Seed of the sentence sample (the same corpus gives the same page).
SEED = 20261203


@dataclass
class Sample:
    """Which articles' sentences the sentence-level charts read."""

    articles: int = 0
    sampled: int = 0
    sentences: int = 0

    @property
    def partial(self) -> bool:
        return self.sampled < self.articles

    def note(self) -> str:
        """The sentence in a chart's caption that states the sample ("" when complete)."""
        if not self.partial:
            return ""
        return (f"Drawn from a random sample of {self.sampled:,} of the {self.articles:,} "
                f"articles ({self.sentences:,} sentences).")


@dataclass
class ReportData:
    """The report's data for a corpus (see the module docstring)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    finding_counts: pd.DataFrame
    own_word_counts: dict[str, int]
    stories: pd.DataFrame
    views: ViewStore
    tables: Tables
    index: list[tuple[str, str, str]]  # per article: id, short title, named outlet
    sample: Sample
    duplicates: list[dict] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # ids in duplicate groups only
    errors: list = field(default_factory=list)
    findings = None  # not kept: see finding_counts

    @cached_property
    def paired(self) -> pd.DataFrame:
        """As :attr:`analyser.Corpus.paired`."""
        from ..stories import outlet_effects

        return versioned(outlet_effects(self.articles, self.stories, basis="stories"))

    def __len__(self) -> int:
        return len(self.index)

    def close(self) -> None:
        self.views.close()


class _Collector:
    """The per-article part of :func:`collect`."""

    def __init__(self, sample_articles: int, views: ViewStore | None = None) -> None:
        self.rows, self.items, self.texts = _Spool(), _Spool(), _Texts()
        self.views, self.tables = views or ViewStore(), Tables()
        self.index: list[tuple[str, str, str]] = []
        self.metas: list[SimpleNamespace] = []
        self.counts: Counter = Counter()
        self.own_words: dict[str, int] = {}
        self.reservoir: list[tuple[int, list[dict]]] = []
        self.cap, self.rng = sample_articles, random.Random(SEED)

    def add(self, a: Analysis) -> None:
        from ..stories.table import story_item

        n = len(self.index)
        row = article_row(a)
        self.rows.add(row)
        self.items.add(story_item(a))
        self.texts.add(a.text)
        self.index.append((a.id, index_short(a), named_outlet(a.outlet)))
        self.metas.append(SimpleNamespace(id=a.id, outlet=a.outlet, title=a.title,
                                          published=a.published))
        self.own_words[a.id] = a.own_words
        for f in a.findings:
            own = not f.in_quote  # a category found only in quotations is kept, at 0
            # One string per distinct phrase, however many articles use it.
            phrase = sys.intern(f.text) if own and f.category in PHRASE_CATEGORIES else ""
            self.counts[(a.id, f.category, phrase)] += int(own)
        self.views.add(view_meta(a, score_texts(row)), view_body(a, self.tables))
        self._sample(n, a)

    def _sample(self, n: int, a: Analysis) -> None:
        if len(self.reservoir) < self.cap:
            self.reservoir.append((n, self._sentences(a)))
            return
        j = self.rng.randrange(n + 1)
        if j < self.cap:
            self.reservoir[j] = (n, self._sentences(a))

    @staticmethod
    def _sentences(a: Analysis) -> list[dict]:
        return [{"article_id": a.id, "outlet": a.outlet, **s} for s in a.sentences]


def _articles_frame(rows: _Spool) -> pd.DataFrame:
    """The articles frame from the spooled rows, a chunk at a time (as
    :func:`analyser.tables.articles_frame` builds it in one go)."""
    parts = [pd.DataFrame(chunk) for chunk in chunks(rows, 2048)]
    df = pd.concat(parts, ignore_index=True, sort=False) if len(parts) > 1 else parts[0]
    return versioned(df.infer_objects())


def score_texts(row: dict) -> list[str]:
    """An article's value of every :data:`~analyser.catalog.SCORECARD` measure as the
    scorecard writes it (one rounding, done here, not in the page)."""
    from .data import _finite, _fmt

    return [_fmt(_finite(row.get(s.name)), s.digits) for s in SCORECARD]


def collect(results: Iterable, *, on_error: Callable | None = None,
            sample_articles: int = SAMPLE_ARTICLES, progress: bool | None = False,
            views: ViewStore | None = None) -> ReportData:
    """Collect the report's data from analyses and input errors (as
    :func:`analyser.corpus.iter_analyses` yields them), one at a time. ``progress``: a
    progress bar on standard error (None: when it is a terminal); ``views``: where the
    article views go (default: a :class:`ViewStore` with the page's cap)."""
    from ..ingest import IngestError
    from ..stories import group_stories, story_frame

    c = _Collector(sample_articles, views)
    errors: list = []
    bar = _progress(progress)
    for item in results:
        if bar is not None:
            bar.update(1)
        if isinstance(item, IngestError):
            errors.append(item)
            if on_error:
                on_error(item)
            continue
        c.add(item)
    if bar is not None:
        bar.close()
    c.views.flush()
    release_caches()
    try:
        if not c.index:
            return _empty(c, errors)
        articles = _articles_frame(c.rows)
        grouping = group_stories(iter(c.items), text_of=c.texts)
        articles.insert(list(articles.columns).index("source") + 1, "story", grouping.story)
        stories = versioned(story_frame(c.metas, grouping))
        duplicates = _duplicates(c)
    finally:
        c.rows.close()
        c.items.close()
    kept = sorted(c.reservoir, key=lambda x: x[0])
    rows = [s for _, sents in kept for s in sents]
    sentences = versioned(pd.DataFrame(
        rows, columns=None if rows else ["article_id", "outlet", "index", "text"]))
    members = {i for g in duplicates for i in g["ids"]}
    titles = {m.id: m.title or m.id for m in c.metas if m.id in members}
    c.texts.close()
    return ReportData(
        articles=articles, sentences=sentences, finding_counts=_counts_frame(c.counts),
        own_word_counts=c.own_words, stories=stories, views=c.views, tables=c.tables,
        index=c.index, sample=Sample(len(c.index), len(kept), len(rows)),
        duplicates=duplicates, titles=titles, errors=errors)


def _duplicates(c: _Collector) -> list[dict]:
    from ..duplicates import find_duplicates

    # Read back from the text spool as they are checked: no text is held in memory.
    return find_duplicates(((ident, c.texts(i)) for i, (ident, _, _) in enumerate(c.index)),
                           text_of=c.texts)


def _counts_frame(counts: Counter) -> pd.DataFrame:
    rows = [(i, cat, phrase, n) for (i, cat, phrase), n in counts.items()]
    return pd.DataFrame(rows, columns=["article_id", "category", "phrase", "n"])


def _empty(c: _Collector, errors: list) -> ReportData:
    c.texts.close()
    c.rows.close()
    c.items.close()
    return ReportData(
        articles=pd.DataFrame(), sentences=pd.DataFrame(),
        finding_counts=_counts_frame(Counter()), own_word_counts={},
        stories=pd.DataFrame(), views=c.views, tables=c.tables, index=[],
        sample=Sample(), errors=errors)


def from_corpus(corpus) -> ReportData:
    """The report's data for an in-memory :class:`analyser.Corpus`."""
    if isinstance(corpus, ReportData):
        return corpus
    data = collect(corpus.analyses)
    data.errors = list(getattr(corpus, "errors", []))
    # The corpus's own frames (all of them in memory already): all sentences, no sample.
    data.articles, data.sentences = corpus.articles, corpus.sentences
    data.stories = getattr(corpus, "stories", data.stories)
    if getattr(corpus, "findings", None) is not None:
        data.finding_counts = finding_counts(SimpleNamespace(findings=corpus.findings))
    data.sample = Sample(len(data.index), len(data.index), len(data.sentences))
    return data


def collect_paths(paths, *, outlet: str | None = None, settings=None, jobs: int = 1,
                  on_error: Callable | None = None, follow_links: bool = False,
                  progress: bool | None = None) -> ReportData:
    """:func:`collect` over files, folders, URLs and corpus files, read and analysed one
    at a time (the arguments of :func:`analyser.corpus.analyse_paths`)."""
    from ..corpus import iter_path_analyses
    from ..settings import DEFAULT_SETTINGS

    return collect(iter_path_analyses(list(paths), outlet=outlet,
                                      settings=settings or DEFAULT_SETTINGS, jobs=jobs,
                                      follow_links=follow_links),
                   on_error=on_error, progress=progress)
