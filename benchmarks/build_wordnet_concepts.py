"""Build ``analyser/metrics/data/wordnet_concepts.txt`` from the WordNet 3.0 database files.

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb /tmp/wn
    python benchmarks/build_wordnet_concepts.py /tmp/wn/usr/share/wordnet

One line per word stem (the restatement model's stem, :func:`word_term`) of a single-word
WordNet lemma at least ``MIN_ZIPF`` frequent in English: ``stem<TAB>concepts<TAB>antonyms``.
*Concepts* are the lemma's first ``SENSES`` synsets in each part of speech (plus, for an
adjective, the synsets WordNet marks as similar), renumbered, and kept only when two stems
or more share them: two words that share a concept can say the same thing ("shut" /
"close", "fog" / "mist", "jobless" / "unemployed"). *Antonyms* are the stems WordNet gives
as the lemma's antonyms ("win" / "lose", "pass" / "fail"): a later sentence that says the
opposite is a changed outcome, not a restatement. The licence travels with the data
(``analyser/metrics/data/WORDNET_LICENSE.txt``).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "analyser" / "metrics" / "data" / "wordnet_concepts.txt"
SENSES = 3
MIN_ZIPF = 2.5
POS = (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r"))


def _data_pointers(root: Path, pos: str, tag: str):
    """(synset id, lemmas, [(symbol, target id, source/target word numbers)])."""
    for line in (root / f"data.{pos}").open(encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        n = int(f[3], 16)
        lemmas = [f[4 + 2 * k].lower() for k in range(n)]
        i = 4 + 2 * n
        ptrs = []
        for _ in range(int(f[i])):
            sym, tgt, tpos, st = f[i + 1 : i + 5]
            ptrs.append((sym, ("a" if tpos == "s" else tpos) + tgt, st))
            i += 4
        yield tag + f[0], lemmas, ptrs


def build(root: Path) -> dict[str, tuple[list[int], list[str]]]:
    """stem -> (concept numbers, antonym stems)."""
    from wordfreq import zipf_frequency

    from analyser.metrics.restatement import word_term

    similar: dict[str, set[str]] = defaultdict(set)
    lemmas_of: dict[str, list[str]] = {}
    antonyms: dict[str, set[str]] = defaultdict(set)
    for pos, tag in POS:
        for sid, lemmas, ptrs in _data_pointers(root, pos, tag):
            lemmas_of[sid] = lemmas
            for sym, tgt, st in ptrs:
                if sym == "&":
                    similar[sid].add(tgt)
                elif sym == "!" and st != "0000":
                    antonyms[(sid, int(st[:2], 16))].add((tgt, int(st[2:], 16)))
    concepts: dict[str, set[str]] = defaultdict(set)
    opposite: dict[str, set[str]] = defaultdict(set)
    for pos, tag in POS:
        for line in (root / f"index.{pos}").open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            lemma = f[0]
            if not lemma.isalpha() or zipf_frequency(lemma, "en") < MIN_ZIPF:
                continue
            stem = word_term(lemma)
            if stem is None:
                continue
            offsets = f[4 + int(f[3]) + 2 :]
            for off in offsets[:SENSES]:
                sid = tag + off
                concepts[stem].add(sid)
                concepts[stem].update(similar.get(sid, ()))
                names = lemmas_of.get(sid, [])
                k = names.index(lemma) + 1 if lemma in names else 0
                for (tsid, tk) in antonyms.get((sid, k), ()):
                    other = lemmas_of.get(tsid, [])
                    if 0 < tk <= len(other) and other[tk - 1].isalpha():
                        t = word_term(other[tk - 1])
                        if t is not None and t != stem:
                            opposite[stem].add(t)
    shared = Counter(c for cs in concepts.values() for c in cs)
    numbers: dict[str, int] = {}
    out = {}
    for stem in sorted(set(concepts) | set(opposite)):
        keep = sorted(c for c in concepts.get(stem, ()) if shared[c] >= 2)
        nums = [numbers.setdefault(c, len(numbers)) for c in keep]
        if nums or opposite.get(stem):
            out[stem] = (nums, sorted(opposite.get(stem, ())))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    table = build(Path(args[0]))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# stem<TAB>concepts<TAB>antonyms, from WordNet 3.0 (see WORDNET_LICENSE.txt)"
                 "; built by benchmarks/build_wordnet_concepts.py\n")
        for stem, (nums, opp) in table.items():
            fh.write(f"{stem}\t{' '.join(map(str, nums))}\t{' '.join(opp)}\n")
    print(f"{len(table)} stems -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
