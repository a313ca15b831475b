"""Group the tellings of one event by different outlets into stories.

1. **Signatures** (:mod:`.signature`): each article's heaviest terms, weighted by rarity
   in English, L2-normalised.
2. **Candidate links**: cosine similarity of every pair of articles from *different*
   outlets, computed as sparse matrix products a block of rows at a time (the block
   sized so its memory stays bounded, whatever the size of the corpus); a pair is a
   candidate from ``LINK_SIMILARITY`` on, and only when the two dates (where both are
   known) lie within ``WINDOW_DAYS``.
3. **Copies**: a candidate pair whose bodies are near-duplicates (word 5-gram Jaccard of
   ``COPY_JACCARD`` or more, the definition ``analyser duplicates`` uses) is one text run
   twice — wire copy, or one outlet's text published twice — not two tellings. The later
   copy joins its first copy's story but is not a telling: it never links stories and never
   counts in a comparison.
4. **Average linkage**: candidate links are taken strongest first; two groups merge only
   when the *mean* similarity of all their cross pairs reaches ``LINK_SIMILARITY``
   (computed exactly from the groups' summed vectors), when the merged group spans at
   most ``WINDOW_DAYS`` of dates and holds at most ``MAX_STORY_ARTICLES`` articles. Single
   linkage would chain a corpus into one story through one shared name; this does not.
5. **Stories**: groups told by two or more outlets. Ids are ``story-1``, ``story-2``, …
   in the order of each story's first article.

Cost: the blocked products are near-linear when signatures are short and rare terms
dominate them; the merge is linear in the candidate links.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .signature import Signature

#: Mean cosine similarity of two groups' articles from which they are one story.
LINK_SIMILARITY = 0.20
#: Articles further apart than this (days, both dated) are never one story.
WINDOW_DAYS = 4
#: Word 5-gram Jaccard from which two bodies are copies of one text.
COPY_JACCARD = 0.8
#: Signature similarity from which a pair is checked for being a copy.
COPY_CANDIDATE = 0.6
#: Shingle sets held at once while copies are checked.
SHINGLE_CACHE = 512
#: No story grows beyond this many articles (a runaway merge is a topic, not an event).
MAX_STORY_ARTICLES = 60
#: Products are computed a block of rows at a time, the block sized so that it touches at
#: most this many (row, article) pairs: the peak memory of a block is bounded, whatever the
#: size of the corpus.
BLOCK_PAIRS = 250_000
#: Rows whose block costs are summed at once (bounds that pass's memory too).
_COST_ROWS = 4_096


@dataclass(frozen=True)
class StoryItem:
    """What grouping reads of one article."""

    id: str
    outlet: str
    signature: Signature
    published: str | None = None

@dataclass
class Stories:
    """The grouping of a corpus: per item its story ("" when none) and copy status."""

    story: list[str]
    #: Per item: index of the item it is a copy of, or -1.
    copy_of: list[int]
    #: Per item: mean similarity to the other tellings of its story (nan when none).
    cohesion: list[float] = field(default_factory=list)


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date of an ISO date or date-time string; None when there is none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


@dataclass
class _Corpus:
    """The items packed for grouping: a sparse signature matrix and per-item columns (the
    items themselves are not kept, so a corpus costs a few hundred bytes per article)."""

    matrix: object
    outlet: object  # numpy int array: outlet number per item
    day: list  # date or None per item


def _pack(items: Iterable[StoryItem], use_dates: bool) -> _Corpus:
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    outlets: dict[str, int] = {}
    # 32-bit term numbers and offsets (the matrix's own index type, so nothing is copied)
    # while they fit; 64-bit past 2**31 terms.
    indptr, indices, data = array("i", [0]), array("i"), array("f")
    outlet, days = array("q"), []
    for item in items:
        for term, weight in item.signature:
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(weight)
        if len(indices) >= 2**31 - 1 and indptr.typecode == "i":
            indptr, indices = array("q", indptr), array("q", indices)
        indptr.append(len(indices))
        outlet.append(outlets.setdefault(item.outlet, len(outlets)))
        days.append(parse_date(item.published) if use_dates else None)
    index = np.int32 if indices.typecode == "i" else np.int64
    matrix = sparse.csr_matrix(
        (np.frombuffer(data, dtype=np.float32), np.frombuffer(indices, dtype=index),
         np.frombuffer(indptr, dtype=index)),
        shape=(len(days), max(len(vocab), 1)),
    )
    return _Corpus(matrix, np.frombuffer(outlet, dtype=np.int64), days)


class _Links:
    """Candidate pairs (similarity, i, j), strongest first, held as three packed arrays
    (12 bytes a pair: a corpus full of copies has many) and read back as tuples."""

    STEP = 65_536

    def __init__(self, parts: list[list]) -> None:
        import numpy as np

        # ``parts`` holds one list of blocks per column: each column is joined and its
        # blocks dropped before the next, then put in order one at a time, so at most one
        # column is held twice at any moment.
        columns = []
        for blocks in parts:
            columns.append(np.concatenate(blocks))
            blocks.clear()
        order = np.lexsort((columns[2], columns[1], -columns[0]))  # similarity down, i, j
        for k in range(3):
            columns[k] = columns[k][order]
        self.sims, self.rows, self.cols = columns

    def __len__(self) -> int:
        return len(self.sims)

    def __iter__(self) -> Iterator[tuple[float, int, int]]:
        for at in range(0, len(self.sims), self.STEP):
            part = slice(at, at + self.STEP)
            yield from zip(self.sims[part].tolist(), self.rows[part].tolist(),
                           self.cols[part].tolist(), strict=True)


def _candidates(packed: _Corpus, floor: float) -> _Links:
    """Pairs (similarity, i, j), i < j, within the date window: from different outlets at
    ``floor`` or more, from one outlet at ``COPY_CANDIDATE`` or more; strongest first."""
    import numpy as np

    matrix, outlet = packed.matrix, packed.outlet
    day = np.array([d.toordinal() if d is not None else -1 for d in packed.day],
                   dtype=np.int64)
    index = np.int32 if matrix.shape[0] < 2**31 else np.int64
    transposed = matrix.T.tocsr()
    parts: list[list] = [[], [], []]
    for start, stop in _blocks(matrix):
        block = matrix[start:stop] @ transposed
        # Only the products at ``floor`` or more are looked at further (most are below
        # it): their rows are found from the block's row offsets, so no array as long as
        # the whole product is made beyond the product itself.
        at = np.flatnonzero(block.data >= floor)
        sims = block.data[at]
        cols = block.indices[at].astype(np.int64)
        rows = np.searchsorted(block.indptr, at, side="right") - 1 + start
        del block, at
        # Same-outlet pairs are kept only to be checked as copies (an outlet that runs one
        # text twice tells the story once); they never link a story.
        keep = (cols > rows) & ((outlet[rows] != outlet[cols]) | (sims >= COPY_CANDIDATE))
        dated = (day[rows] >= 0) & (day[cols] >= 0)
        keep &= ~dated | (np.abs(day[rows] - day[cols]) <= WINDOW_DAYS)
        for column, values in zip(parts, (sims[keep], rows[keep].astype(index),
                                          cols[keep].astype(index)), strict=True):
            column.append(values)
        del sims, rows, cols, keep, dated
    del transposed
    return _Links(parts)


def _blocks(matrix) -> list[tuple[int, int]]:
    """Row ranges whose products each touch about ``BLOCK_PAIRS`` pairs at most (a row
    touches the articles that share one of its terms: the sum of its terms' postings)."""
    import numpy as np

    n = matrix.shape[0]
    if not matrix.nnz:
        return [(0, n)]
    # Articles per term (a bincount a slice at a time: it widens what it counts to 64 bits).
    postings = np.zeros(matrix.shape[1], dtype=np.int64)
    for lo in range(0, matrix.nnz, _COST_ROWS * 64):
        postings += np.bincount(matrix.indices[lo:lo + _COST_ROWS * 64],
                                minlength=matrix.shape[1])
    # Per row, the sum of its terms' postings: differences of a running sum over the
    # row's stored values (empty rows cost 0), taken ``_COST_ROWS`` rows at a time so that
    # no array as long as the whole matrix is made.
    indptr, cost = matrix.indptr.astype(np.int64), np.empty(n, dtype=np.int64)
    for a in range(0, n, _COST_ROWS):
        b = min(a + _COST_ROWS, n)
        lo = indptr[a]
        running = np.zeros(indptr[b] - lo + 1, dtype=np.int64)
        np.cumsum(postings[matrix.indices[lo:indptr[b]]], out=running[1:])
        cost[a:b] = running[indptr[a + 1:b + 1] - lo] - running[indptr[a:b] - lo]
    out, start, total = [], 0, 0
    for i, c in enumerate(cost.tolist()):
        if i > start and total + c > BLOCK_PAIRS:
            out.append((start, i))
            start, total = i, 0
        total += c
    out.append((start, n))
    return out


def _copies(n: int, links, text_of: Callable[[int], str] | None) -> list[int]:
    """Per item: the earlier item it is a copy of (following chains to the first), or -1.

    Identical bodies (after collapsing white space) are told by a hash; only the other
    candidate pairs have their shingles compared, with at most ``SHINGLE_CACHE`` shingle
    sets held at a time, so memory stays bounded on a corpus full of copies.
    """
    import hashlib
    from collections import OrderedDict

    from ..duplicates import jaccard, shingles

    if text_of is None:
        return [-1] * n
    copy_of = list(range(n))
    digests: dict[int, bytes] = {}
    # Keyed by body digest: the copies of one text share one shingle set.
    cache: OrderedDict[bytes, set[str]] = OrderedDict()

    def digest(i: int) -> bytes:
        if i not in digests:
            norm = " ".join((text_of(i) or "").split())
            digests[i] = hashlib.sha1(norm.encode("utf-8")).digest() if norm else b""
        return digests[i]

    def shingled(i: int) -> set[str]:
        key = digest(i)  # shingles are words only: equal for equal collapsed bodies
        if key in cache:
            cache.move_to_end(key)
        else:
            cache[key] = shingles(text_of(i) or "")
            if len(cache) > SHINGLE_CACHE:
                cache.popitem(last=False)
        return cache[key]

    def root(i: int) -> int:
        while copy_of[i] != i:
            i = copy_of[i]
        return i

    for sim, i, j in links:
        if sim < COPY_CANDIDATE:
            break  # links are strongest first
        ri, rj = root(i), root(j)
        if ri == rj or not digest(i) or not digest(j):
            continue
        if digest(i) == digest(j) or jaccard(shingled(i), shingled(j)) >= COPY_JACCARD:
            copy_of[max(ri, rj)] = min(ri, rj)
    return [root(i) if root(i) != i else -1 for i in range(n)]


class _Groups:
    """Average-linkage groups with their summed vectors, sizes and date ranges. A group's
    vector is made only when it first merges (most articles never do)."""

    def __init__(self, packed: _Corpus, use_dates: bool) -> None:
        n = packed.matrix.shape[0]
        self.matrix = packed.matrix
        self.parent = list(range(n))
        self.size = [1] * n
        self.vec: dict[int, dict[int, float]] = {}
        self.first = list(packed.day)
        self.last = list(packed.day)
        self.use_dates = use_dates

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def _vector(self, root: int) -> dict[int, float]:
        if root not in self.vec:
            row = self.matrix[root]
            self.vec[root] = dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))
        return self.vec[root]

    def mean_similarity(self, a: int, b: int) -> float:
        va, vb = self._vector(a), self._vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(w * vb.get(t, 0.0) for t, w in va.items())
        return dot / (self.size[a] * self.size[b])

    def _span(self, a: int, b: int) -> tuple[dt.date | None, dt.date | None]:
        firsts = [d for d in (self.first[a], self.first[b]) if d is not None]
        lasts = [d for d in (self.last[a], self.last[b]) if d is not None]
        return (min(firsts) if firsts else None), (max(lasts) if lasts else None)

    def span_ok(self, a: int, b: int) -> bool:
        first, last = self._span(a, b)
        return first is None or (last - first).days <= WINDOW_DAYS

    def merge(self, a: int, b: int) -> None:
        if self.size[a] < self.size[b]:
            a, b = b, a
        va = self._vector(a)
        for t, w in self._vector(b).items():
            va[t] = va.get(t, 0.0) + w
        del self.vec[b]
        self.first[a], self.last[a] = self._span(a, b)
        self.parent[b] = a
        self.size[a] += self.size[b]


def group_stories(items: Iterable[StoryItem], *, use_dates: bool = True,
                  link_similarity: float = LINK_SIMILARITY,
                  text_of: Callable[[int], str] | None = None) -> Stories:
    """Stories among ``items``: tellings of one event by two or more outlets.

    ``text_of(i)`` gives item ``i``'s body, read only for the few pairs similar enough to
    be copies of one text; without it no article is taken for a copy.
    """
    packed = _pack(items, use_dates)
    n = packed.matrix.shape[0]
    if n == 0:
        return Stories([], [], [])
    links = _candidates(packed, min(link_similarity, COPY_CANDIDATE))
    copy_of = _copies(n, links, text_of)
    groups = _Groups(packed, use_dates)
    outlet = packed.outlet
    for sim, i, j in links:
        if sim < link_similarity:
            break
        if copy_of[i] >= 0 or copy_of[j] >= 0 or outlet[i] == outlet[j]:
            continue
        a, b = groups.find(i), groups.find(j)
        if a == b or groups.size[a] + groups.size[b] > MAX_STORY_ARTICLES:
            continue
        if groups.mean_similarity(a, b) >= link_similarity and groups.span_ok(a, b):
            groups.merge(a, b)
    return _label(packed, groups, copy_of)


def _label(packed: _Corpus, groups: _Groups, copy_of: list[int]) -> Stories:
    n = len(copy_of)
    members: dict[int, list[int]] = {}
    for i in range(n):
        if copy_of[i] < 0:
            members.setdefault(groups.find(i), []).append(i)
    story = [""] * n
    cohesion = [float("nan")] * n
    count = 0
    for root in sorted(members, key=lambda r: members[r][0]):
        group = members[root]
        if len({int(packed.outlet[i]) for i in group}) < 2:
            continue
        count += 1
        name = f"story-{count}"
        sub = packed.matrix[group]
        sims = (sub @ sub.T).toarray()
        for k, i in enumerate(group):
            story[i] = name
            others = [float(sims[k, m]) for m in range(len(group)) if m != k]
            cohesion[i] = round(sum(others) / len(others), 4)
    for i, original in enumerate(copy_of):
        if original >= 0:
            story[i] = story[original]
    return Stories(story, copy_of, cohesion)
