"""The ``held2-*`` draw of the hand-marked language set (issue 14): new held-out sentences.

    python benchmarks/language_draw_held2.py --draw-held2 1   # round 1's rows (unrated), CSV

Added after the rules were tuned on the tune part, to give the held-out part more spans of
filler, weasel and meta. Only articles and pages that **no row of the set uses (in any
part)** and that ``part_of`` puts in the held-out part are drawn, so the split and every
earlier row stay as they were:

- ``held2-web``: every such English WCXB and Scrapinghub page (few are left), in a seeded
  order; from each, up to HELD2_WEB_PER_PAGE prose sentences of at least VOICE_MIN_WORDS
  words, a seeded sample kept in text order (web copy, where the writer's language is dense);
- ``held2-news``: BBC articles in a seeded order (the outlets set has no unused held-out
  article), HELD2_NEWS_PER_ARTICLE such sentences each, until HELD2_NEWS_ARTICLES articles;
- round 2, ``held2b-web``: on the same web pages, up to HELD2B_WEB_PER_PAGE more of those
  sentences that round 1 did not draw, with its own seeded generator (round 1 unchanged).

The choice uses only the segmentation (prose or not, word count), never a finding. Rows in
HELD2_EXCLUDED (not prose) are dropped without replacement. Nothing here writes a file.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from language_annotations import (  # noqa: E402  (a sibling script, not a package)
    SENTENCE_COLUMNS,
    SENTENCES_PATH,
    VOICE_MIN_WORDS,
    read_sentences,
)
from sentence_ratings import SHARED, is_english, part_of, read_texts, sha1_8  # noqa: E402

HELD2_WEB_SETS = ("wcxb", "aeb")
HELD2_WEB_PER_PAGE = 8
HELD2_NEWS_SET = "bbc"
HELD2_NEWS_ARTICLES = 60
HELD2_NEWS_PER_ARTICLE = 2
HELD2B_WEB_PER_PAGE = 12
#: Drawn sentences left out because they are not prose sentences, by (article_id, start).
HELD2_EXCLUDED: dict[tuple[str, int], str] = {
    ("65bf3048b500bbd84928d9122f99617ca898216b91add1d8b2ac09c670484a5c", 7671):
        "a fragment without a finite verb",
    ("1657", 24198): "a label: value row",
    ("1657", 24656): "a label: value row",
    ("5647", 1873): "a specification row",
    ("5647", 7900): "a label: value row without final punctuation",
    ("5647", 18946): "a label: value row without final punctuation",
    ("5647", 26601): "a label: value row without final punctuation",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 2125):
        "a label: value row",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 2297):
        "a label: value row",
    ("3ce1c8fdf6ad2ded9e48a68be71eb069fc453ef1b75f47698428a1fdda0deb24", 35):
        "a label: value row",
    ("3ce1c8fdf6ad2ded9e48a68be71eb069fc453ef1b75f47698428a1fdda0deb24", 400):
        "a label: value row",
    ("bbc-sport-134", 1289): "a fixture list row",
    ("bbc-sport-134", 1640): "a fixture list row",
    ("1657", 8742): "a specification row",
    ("5647", 8049): "a label: value row without final punctuation",
    ("5647", 16390): "a label: value row without final punctuation",
    ("5647", 24051): "a label: value row without final punctuation",
    ("5647", 28757): "a label: value row",
    ("1ee91d1fce65e09be8b8d2d29eab771546d98ca2ba5c862941e660e9fec12432", 3237):
        "a pull-quote heading",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 1995):
        "a label: value row",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 2463):
        "a label: value row",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 2608):
        "a label: value row",
    ("961bd85ca85aaf791b278cc4a60058e92d57c4f32a3411cf8e7d802af183c926", 2725):
        "a label: value row",
}


def _sample(text: str, n: int, rng: random.Random, skip: frozenset = frozenset()) -> list:
    """Up to ``n`` prose sentences of VOICE_MIN_WORDS+ words not starting at an offset in
    ``skip``, seeded, in text order."""
    from analyser.document import parse

    pool = [s for s in parse(text).sentences
            if s.kind == "prose" and s.words >= VOICE_MIN_WORDS and s.start not in skip]
    return sorted(rng.sample(pool, min(n, len(pool))), key=lambda s: s.start)


def _rows(name: str, key: str, text: str, picks: list, origin: str) -> list[dict]:
    return [{"set": name, "article_id": key, "start": s.start, "end": s.end,
             "sha1_8": sha1_8(text[s.start:s.end]), "words": s.words, "part": "heldout",
             "rating": "", "origin": origin}
            for s in picks if (key, s.start) not in HELD2_EXCLUDED]


def _fresh(shared: Path, names: tuple[str, ...], used: set, web: bool) -> list[tuple]:
    """Held-out articles of ``names`` used by no row, sorted, duplicates of text once."""
    out, seen = [], set()
    for name in names:
        for key, text in sorted(read_texts(shared, name).items()):
            if ((name, key) in used or part_of(name, key) != "heldout" or text in seen
                    or (web and not is_english(text))):
                continue
            seen.add(text)
            out.append((name, key, text))
    return out


def draw_held2(shared: Path = SHARED, sentences_path: Path = SENTENCES_PATH,
               round_no: int = 1) -> list[dict]:
    """The ``held2-web`` and ``held2-news`` rows, or with ``round_no`` 2 the ``held2b-web``
    rows (see the module docstring)."""
    used = {(r["set"], r["article_id"]) for r in read_sentences(sentences_path)
            if not r["origin"].startswith("held2")}
    rows: list[dict] = []
    pages = _fresh(shared, HELD2_WEB_SETS, used, web=True)
    random.Random("language-spans:held2:pages").shuffle(pages)
    rng = random.Random("language-spans:held2-web:sentences")
    first = [(p, _sample(p[2], HELD2_WEB_PER_PAGE, rng)) for p in pages]
    if round_no == 2:
        rng = random.Random("language-spans:held2b-web:sentences")
        for (name, key, text), picks in first:
            skip = frozenset(s.start for s in picks)
            more = _sample(text, HELD2B_WEB_PER_PAGE, rng, skip)
            rows += _rows(name, key, text, more, "held2b-web")
        return rows
    for (name, key, text), picks in first:
        rows += _rows(name, key, text, picks, "held2-web")
    articles = _fresh(shared, (HELD2_NEWS_SET,), used, web=False)
    random.Random("language-spans:held2:articles").shuffle(articles)
    rng = random.Random("language-spans:held2-news:sentences")
    taken = 0
    for name, key, text in articles:
        if taken >= HELD2_NEWS_ARTICLES:
            break
        picks = _sample(text, HELD2_NEWS_PER_ARTICLE, rng)
        if picks:
            taken += 1
            rows += _rows(name, key, text, picks, "held2-news")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data")
    ap.add_argument("--draw-held2", dest="round_no", type=int, choices=(1, 2), required=True,
                    help="re-run round 1 (held2-web, held2-news) or 2 (held2b-web)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    writer = csv.DictWriter(sys.stdout, SENTENCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(draw_held2(args.shared, round_no=args.round_no))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
