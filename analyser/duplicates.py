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
from collections.abc import Iterable, Iterator, Mapping

from .tokens import PLAIN_WORD_RE

SHINGLE = 5
NUM_PERM = 128


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


def find_duplicates(items: Iterable[tuple[str, str]], threshold: float = 0.8) -> list[dict]:
    """Groups of duplicate and near-duplicate texts among ``(id, text)`` pairs.

    Returns ``[{"ids": [...], "similarity": float}]``: ids in input order, groups ordered
    by their first id's position; only groups of two or more.
    """
    from datasketch import MinHash, MinHashLSH

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    pairs = list(items)
    ids: list[str] = []
    rep_of_hash: dict[str, int] = {}
    rep: list[int] = []  # per item: index of its representative (first identical body)
    for i, (ident, text) in enumerate(pairs):
        ids.append(ident)
        norm = " ".join(text.split())
        if not PLAIN_WORD_RE.search(norm):
            rep.append(-1)
            continue
        h = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        rep.append(rep_of_hash.setdefault(h, i))

    uf = _UnionFind(len(ids))
    weakest: dict[tuple[int, int], float] = {}  # edge -> similarity
    for i, r in enumerate(rep):
        if r >= 0 and r != i:
            uf.union(r, i)
            weakest[(r, i)] = 1.0

    reps = sorted(set(rep_of_hash.values()))
    if len(reps) > 1 and threshold < 1.0:
        texts: dict[int, set[str]] = {}
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        hashes: dict[int, MinHash] = {}
        for i in reps:
            sh = shingles(pairs[i][1])
            texts[i] = sh
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch([s.encode("utf-8") for s in sh])
            hashes[i] = m
            lsh.insert(str(i), m)
        for i in reps:
            for key in lsh.query(hashes[i]):
                j = int(key)
                if j <= i:
                    continue
                sim = jaccard(texts[i], texts[j])
                if sim >= threshold:
                    uf.union(i, j)
                    weakest[(i, j)] = sim

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
