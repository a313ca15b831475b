"""Near-duplicate articles across a corpus: exact hashing, then MinHash LSH, then a check.

1. **Exact**: bodies equal after collapsing whitespace (SHA-1 of the normalised text) form
   one group at similarity 1.0 without further work.
2. **Near**: one representative per distinct body is shingled into lower-cased word
   ``SHINGLE``-grams (a body shorter than that is one shingle); a MinHash of ``NUM_PERM``
   permutations goes into datasketch's ``MinHashLSH`` at the requested Jaccard
   ``threshold``, whose banding returns candidate pairs.
3. **Verified**: each candidate pair is kept only if the *exact* Jaccard of the two shingle
   sets reaches ``threshold`` (MinHash only estimates it), so there are no false positives
   beyond the definition, and LSH misses are rare for pairs well above the threshold.

Groups are the connected components of exact and verified pairs; a group's
``similarity`` is the lowest verified Jaccard among the pairs that joined it (1.0 for
identical bodies). Texts with no words are never grouped. Cost: linear in the corpus
for shingling and hashing, plus the candidate checks.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping

from .tokens import PLAIN_WORD_RE

SHINGLE = 5
NUM_PERM = 128
#: Shingle sets held at once while candidate pairs are checked (with ``text_of``).
SHINGLE_CACHE = 512


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Lower-cased word ``k``-gram shingles of a text (one shingle if it is shorter)."""
    words = PLAIN_WORD_RE.findall(text.lower())
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(items: Iterable[tuple[str, str]], threshold: float = 0.8, *,
                    text_of: Callable[[int], str] | None = None) -> list[dict]:
    """Groups of duplicate and near-duplicate texts among ``(id, text)`` pairs.

    Returns ``[{"ids": [...], "similarity": float}]``: ids in input order, groups ordered
    by their first id's position; only groups of two or more. The pairs are read once, as
    they come. With ``text_of(i)`` (item ``i``'s text, from wherever the caller keeps it)
    no text or shingle set is kept: each distinct body leaves only its MinHash (about
    1 kB), and the few candidate pairs are re-read and re-shingled to be checked, at most
    ``SHINGLE_CACHE`` shingle sets held at a time. Without it every distinct body's
    shingle set is kept.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    near = _Near(threshold) if threshold < 1.0 else None
    ids: list[str] = []
    rep_of_hash: dict[bytes, int] = {}
    rep: list[int] = []  # per item: index of its representative (first identical body)
    for i, (ident, text) in enumerate(items):
        ids.append(ident)
        norm = " ".join(text.split())
        if not PLAIN_WORD_RE.search(norm):
            rep.append(-1)
            continue
        r = rep_of_hash.setdefault(hashlib.sha1(norm.encode("utf-8")).digest(), i)
        rep.append(r)
        if r == i and near is not None:
            near.add(i, text, keep=text_of is None)
    del rep_of_hash

    uf = _UnionFind(len(ids))
    weakest: dict[tuple[int, int], float] = {}  # edge -> similarity
    for i, r in enumerate(rep):
        if r >= 0 and r != i:
            uf.union(r, i)
            weakest[(r, i)] = 1.0
    if near is not None:
        for i, j, sim in near.verified(text_of):
            uf.union(i, j)
            weakest[(i, j)] = sim
    return _groups(ids, rep, uf, weakest)


class _Near:
    """MinHash LSH over the distinct bodies, and the exact check of its candidate pairs."""

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        # One set of permutations for every body (the ones each MinHash would draw).
        template = MinHash(num_perm=NUM_PERM)
        self.permutations, self.scheme = template.permutations, template.scheme
        self.hashes: dict = {}
        self.sets: dict[int, set[str]] = {}

    def add(self, i: int, text: str, *, keep: bool) -> None:
        from datasketch import MinHash

        sh = shingles(text)
        m = MinHash(num_perm=NUM_PERM, permutations=self.permutations, scheme=self.scheme)
        m.update_batch([s.encode("utf-8") for s in sh])
        self.hashes[i] = m
        self.lsh.insert(str(i), m)
        if keep:
            self.sets[i] = sh

    def verified(self, text_of: Callable[[int], str] | None) -> Iterator[tuple[int, int, float]]:
        """Candidate pairs (i < j) whose exact Jaccard reaches the threshold."""
        cache: OrderedDict[int, set[str]] = OrderedDict()

        def shingled(i: int) -> set[str]:
            if text_of is None:
                return self.sets[i]
            if i in cache:
                cache.move_to_end(i)
            else:
                cache[i] = shingles(text_of(i))
                if len(cache) > SHINGLE_CACHE:
                    cache.popitem(last=False)
            return cache[i]

        if len(self.hashes) < 2:
            return
        for i in sorted(self.hashes):
            for key in self.lsh.query(self.hashes[i]):
                j = int(key)
                if j > i and (sim := jaccard(shingled(i), shingled(j))) >= self.threshold:
                    yield i, j, sim


def _groups(ids: list[str], rep: list[int], uf: _UnionFind,
            weakest: dict[tuple[int, int], float]) -> list[dict]:
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        if rep[i] >= 0:
            groups.setdefault(uf.find(i), []).append(i)
    sims: dict[int, float] = {}
    for (a, _b), s in weakest.items():
        root = uf.find(a)
        sims[root] = min(sims.get(root, 1.0), s)
    out = []
    for root, members in sorted(groups.items(), key=lambda kv: kv[1][0]):
        if len(members) > 1:
            out.append({"ids": [ids[i] for i in members], "similarity": round(sims[root], 4)})
    return out


def duplicate_lines(groups: list[dict], sources: Mapping[str, tuple[str, str, str | None]],
                    articles: int, threshold: float) -> Iterator[str]:
    """``analyser duplicates`` as text: a heading per group, a line per article (``sources``
    maps id to its source, outlet and title), then a summary."""
    for n, group in enumerate(groups, 1):
        kind = "identical" if group["similarity"] >= 1.0 else (
            f"similarity {group['similarity']:.2f}")
        yield f"group {n} ({len(group['ids'])} articles, {kind}):"
        for ident in group["ids"]:
            source, outlet, title = sources[ident]
            label = f" [{outlet}]" if outlet else ""
            yield f"  {ident}{label}  {title or ''}  ({source})"
    in_groups = sum(len(g["ids"]) for g in groups)
    yield (f"{articles} articles, {len(groups)} groups of near-duplicates ({in_groups} "
           f"articles) at Jaccard >= {threshold:g} over 5-word shingles")
