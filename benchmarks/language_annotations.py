"""Hand-marked writer's-language and passive spans in real copy (issue 14): load them with
their text, check them, re-run the draw of the sentences added to the difficulty set.

    python benchmarks/language_annotations.py               # counts per part and category
    python benchmarks/language_annotations.py --draw-extra  # the added sentences, as CSV
    python benchmarks/language_annotations.py --show 17     # sentence row 17 in context

Two files under ``benchmarks/annotations/`` hold only ids, character offsets and short
hashes (the texts are licensed and never copied into the repo):
``language_sentences.csv`` (every annotated sentence, spans or none) and
``language_spans.csv`` (every marked span). :func:`load_set` re-reads the texts from
``../shared/data`` and attaches them in memory. Offsets are into the same article texts as
the difficulty set's (``sentence_ratings.read_texts``). Guide: ``docs/annotation.md``;
format, draw and split: ``benchmarks/annotations/README.md``. Nothing here writes a file.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from functools import lru_cache, partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentence_ratings import (  # noqa: E402
    _WORD,  # noqa: E402
    MIN_WORDS,
    SHARED,
    SOURCES,
    AlignmentError,
    is_english,
    part_of,
    read_texts,
    sha1_8,
)
from sentence_ratings import (  # noqa: E402  (a sibling script, not a package)
    CSV_PATH as RATINGS_PATH,
)

REPO = Path(__file__).resolve().parents[1]
SENTENCES_PATH = REPO / "benchmarks" / "annotations" / "language_sentences.csv"
SPANS_PATH = REPO / "benchmarks" / "annotations" / "language_spans.csv"
SENTENCE_COLUMNS = ["set", "article_id", "start", "end", "sha1_8", "words", "part",
                    "rating", "origin"]
SPAN_COLUMNS = ["set", "article_id", "start", "end", "sha1_8", "category",
                "editor_worthy", "in_quote"]
#: Where a sentence row comes from: the difficulty set or a draw (held2*: language_draw_held2).
ORIGINS = ("difficulty", "extra", "extra-voice", "extra-held", "more-voice", "more-listed",
           "news-plain", "news-phrase", "edge-first", "edge-phrase", "edge2-first",
           "edge2-phrase", "edge3-first", "edge3-phrase", "news2-plain", "news2-phrase",
           "edge4-first", "edge4-phrase", "held2-web", "held2-news", "held2b-web")
CATEGORIES = ("filler", "hedge", "intensifier", "weasel", "padding", "meta", "passive")
#: Sentences added to the difficulty set's 480: one prose sentence from each of this many
#: WCXB pages that the difficulty set does not use (web copy, where fillers, hedges and
#: intensifiers are denser than in news).
EXTRA_SET = "wcxb"
EXTRA_COUNT = 60  # per draw: ``extra`` and ``extra-voice``
#: The ``extra-voice`` draw: sentences in the writer's own voice, where fillers, hedges and
#: intensifiers are denser (a property of the words, not of the analyser's findings).
VOICE_WORDS = frozenset("i me my we us our you your".split())
VOICE_MIN_WORDS = 8
#: The ``extra-held`` draw: more sentences by the ``extra-voice`` rule, from held-out pages
#: only, so that the two parts are about the same size and the tune part stays as it was.
#: At most this many: the held-out pages run out first (86 sentences).
HELD_COUNT = 120
#: Drawn sentences left out because they are not prose sentences (guide: prose only), by
#: (article_id, start): the draw goes on to the next page, so every other draw is unchanged.
EXTRA_EXCLUDED: dict[tuple[str, int], str] = {
    ("4825", 1136): "a product specification row",
    ("5583", 2884): "a fragment without a verb",
    ("4178", 2173): "a list row without a verb",
    ("4151", 0): "a label: value row",
    ("4995", 9991): "a link's text",
    ("5292", 2501): "a label: value row",
    ("4587", 5413): "a step heading",
    ("5628", 2484): "a list row without final punctuation",
    ("4668", 2572): "a link's text",
    ("4260", 7115): "a question heading of an FAQ",
    ("2534", 12615): "a heading run into the sentence",
    ("0224", 4819): "a label: value row",
    ("1657", 22907): "a label: value row",
    ("5326", 5530): "a list run into one line",
    ("0262", 13899): "a label: value row",
    ("5676", 22143): "a label: value row",
    ("5013", 1221): "a list row without final punctuation",
    ("0275", 2872): "a reference-list entry",
    ("5647", 4639): "a list row without final punctuation",
    ("4362", 10432): "a truncated teaser",
}
#: Difficulty-set rows not taken: the 12 noted ``frag`` (a phone number, a list label, a
#: code comment…) are not prose sentences.
SKIP_NOTES = frozenset({"frag"})
#: ... and one more, found while annotating: not a prose sentence.
SKIP_ROWS: dict[tuple[str, str, int], str] = {
    ("wcxb", "5407", 3588): "a sentence run into a block of program code",
}


def read_sentences(path: Path = SENTENCES_PATH) -> list[dict]:
    """The sentence rows, numbers as ints."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        for key in ("start", "end", "words", "rating"):
            row[key] = int(row[key])
    return rows


def read_spans(path: Path = SPANS_PATH) -> list[dict]:
    """The span rows, offsets as ints."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["start"], row["end"] = int(row["start"]), int(row["end"])
    return rows


def _check(rows: list[dict], texts: dict[str, dict[str, str]], name: str) -> None:
    """Attach ``text`` to each row, or raise AlignmentError naming the CSV line."""
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"{name} line {n} ({row['set']} {row['article_id']} {row['start']}:{row['end']})"
        article = texts[row["set"]].get(row["article_id"])
        if article is None:
            raise AlignmentError(f"{where}: no such article in {SOURCES[row['set']][0]}")
        piece = article[row["start"]:row["end"]]
        if sha1_8(piece) != row["sha1_8"]:
            raise AlignmentError(f"{where}: the text at these offsets has sha1_8 "
                                 f"{sha1_8(piece)}, the CSV says {row['sha1_8']}")
        row["text"] = piece


def load_set(shared: Path = SHARED, sentences_path: Path = SENTENCES_PATH,
             spans_path: Path = SPANS_PATH) -> tuple[list[dict], list[dict], dict]:
    """(sentences, spans, texts): rows with ``text`` attached in memory, and the article
    texts by set and id. Raises AlignmentError on a missing article or a hash mismatch,
    FileNotFoundError when a source file is absent."""
    sentences, spans = read_sentences(sentences_path), read_spans(spans_path)
    texts = {name: read_texts(shared, name) for name in sorted({r["set"] for r in sentences})}
    _check(sentences, texts, sentences_path.name)
    _check(spans, texts, spans_path.name)
    return sentences, spans, texts


def _pool(text: str, origin: str) -> list:
    """The sentences a draw may choose from on one page."""
    from analyser.document import parse

    prose = [s for s in parse(text).sentences if s.kind == "prose" and s.words >= MIN_WORDS]
    if origin == "extra":
        return prose
    # extra-voice and extra-held
    return [s for s in prose if s.words >= VOICE_MIN_WORDS
            and VOICE_WORDS & set(_WORD.findall(text[s.start:s.end].lower()))]


def _origin(drawn: int) -> str | None:
    """Which draw the next sentence belongs to, given how many were drawn before it."""
    for origin, end in (("extra", EXTRA_COUNT), ("extra-voice", 2 * EXTRA_COUNT),
                        ("extra-held", 2 * EXTRA_COUNT + HELD_COUNT)):
        if drawn < end:
            return origin
    return None


def draw_extra(shared: Path = SHARED) -> list[dict]:
    """The added sentences (see the README). WCXB pages that are English and not in the
    difficulty set, in a seeded random order over their sorted keys, give one sentence
    each, chosen uniformly (seeded): first 60 ``extra`` draws (any prose sentence of at
    least 3 words), then, on the pages after those, 60 ``extra-voice`` draws (a prose
    sentence of at least 8 words with a first- or second-person pronoun), then, on the
    pages after those that fall in the held-out part, 120 ``extra-held`` draws by the
    ``extra-voice`` rule. A page with nothing to draw, a text already drawn and the draws
    in EXTRA_EXCLUDED are skipped."""
    with RATINGS_PATH.open(encoding="utf-8", newline="") as fh:
        used = {r["article_id"] for r in csv.DictReader(fh) if r["set"] == EXTRA_SET}
    pages = sorted((k, t) for k, t in read_texts(shared, EXTRA_SET).items()
                   if k not in used and is_english(t))
    random.Random("language-spans:extra:pages").shuffle(pages)
    rngs = {origin: random.Random(f"language-spans:{origin}:sentences")
            for origin in ("extra", "extra-voice", "extra-held")}
    rows: list[dict] = []
    seen: set[str] = set()
    for key, text in pages:
        origin = _origin(len(rows))
        if origin is None:
            break
        if text in seen or (origin == "extra-held" and part_of(EXTRA_SET, key) != "heldout"):
            continue
        seen.add(text)
        pool = _pool(text, origin)
        if not pool:
            continue
        s = rngs[origin].choice(pool)
        if (key, s.start) in EXTRA_EXCLUDED:
            continue
        rows.append({"set": EXTRA_SET, "article_id": key, "start": s.start, "end": s.end,
                     "sha1_8": sha1_8(text[s.start:s.end]), "words": s.words,
                     "part": part_of(EXTRA_SET, key), "rating": "", "origin": origin})
    return rows


#: The ``more-*`` draws (added to reach usable counts per category in each part): pages of
#: WCXB and the Scrapinghub set used by no earlier draw, in a seeded random order; per page
#: one ``more-voice`` sentence (the ``extra-voice`` rule, unfiltered) and, when there is one,
#: one other ``more-listed`` sentence by the same rule that also contains an entry of the
#: independent word lists below (never the analyser's rules or lexicons). Pages are taken
#: until each part has MORE_PAGES pages with a draw.
MORE_SETS = ("wcxb", "aeb")
MORE_PAGES = 30
#: Word lists from ``../shared/data/hedges/lexicons`` (npm ``hedges``, ``fillers``,
#: ``weasels`` by Titus Wormer; write-good's weasel words): context-free, MIT.
MORE_LEXICONS = ("wooorm_hedges.txt", "wooorm_fillers.txt", "wooorm_weasels.txt",
                 "write_good_weasel_words.txt")
#: Drawn ``more-*`` sentences left out as not prose, by (article_id, start); the page's
#: other draw is kept.
MORE_EXCLUDED: dict[tuple[str, int], str] = {
    ("0316", 685): "a list row (course name and description)",
    ("4121", 535): "a label: value row",
    ("06ee193de4bd611f7fafbab0c59b0f6fe3495093516720632cd093b24c7a0e98", 4537):
        "a fragment of a sentence split at an abbreviation",
    ("1657", 24198): "a label: value row",
    ("1657", 24538): "a label: value row",
    ("5326", 4273): "a list run into one line",
    ("2534", 9904): "a heading run into the sentence",
}


def _listed(shared: Path) -> frozenset[str]:
    """The entries of the independent word lists, lower case."""
    from sentence_ratings import data_dir

    folder = data_dir(shared) / "hedges" / "lexicons"
    return frozenset(line.strip().lower() for name in MORE_LEXICONS
                     for line in (folder / name).read_text(encoding="utf-8").splitlines()
                     if line.strip())


def _has_listed(sentence: str, listed: frozenset[str]) -> bool:
    """Whether a list entry (one word or a phrase) occurs as whole words in the sentence."""
    words = _WORD.findall(sentence.lower())
    joined = f" {' '.join(words)} "
    return any(f" {entry} " in joined for entry in listed)


def draw_more(shared: Path = SHARED) -> list[dict]:
    """The ``more-voice`` and ``more-listed`` sentences (see MORE_SETS and the README)."""
    with RATINGS_PATH.open(encoding="utf-8", newline="") as fh:
        used = {(r["set"], r["article_id"]) for r in csv.DictReader(fh)}
    used |= {(r["set"], r["article_id"]) for r in draw_extra_cached(shared)}
    listed = _listed(shared)
    pages = sorted((name, k, t) for name in MORE_SETS
                   for k, t in read_texts(shared, name).items()
                   if (name, k) not in used and is_english(t))
    random.Random("language-spans:more:pages").shuffle(pages)
    rng = random.Random("language-spans:more:sentences")
    taken = Counter()
    rows: list[dict] = []
    seen: set[str] = set()
    for name, key, text in pages:
        part = part_of(name, key)
        if text in seen or taken[part] >= MORE_PAGES:
            continue
        seen.add(text)
        pool = _pool(text, "extra-voice")
        if not pool:
            continue
        taken[part] += 1
        free = rng.choice(pool)
        picks = [(free, "more-voice")]
        others = [s for s in pool if s is not free
                  and _has_listed(text[s.start:s.end], listed)]
        if others:
            picks.append((rng.choice(others), "more-listed"))
        for s, origin in sorted(picks, key=lambda p: p[0].start):
            if (key, s.start) in MORE_EXCLUDED:
                continue
            rows.append({"set": name, "article_id": key, "start": s.start, "end": s.end,
                         "sha1_8": sha1_8(text[s.start:s.end]), "words": s.words,
                         "part": part, "rating": "", "origin": origin})
    return rows


#: The ``news-*`` draws (edited news, where weasels and stock phrases are more common than on
#: web pages): outlets articles (BASIL-dev) that no earlier draw used, in a seeded random
#: order, then BBC articles the same way; per article one ``news-plain`` prose sentence of
#: at least VOICE_MIN_WORDS words (unfiltered) and, when there is one, one other
#: ``news-phrase`` sentence of that length that contains an entry of two or more words of
#: the independent lists (MORE_LEXICONS and too-wordy's, NEWS_LEXICON). Articles are taken
#: until each part has its NEWS_ROUNDS quota of articles with a draw.
NEWS_SETS = ("outlets", "bbc")
#: Articles per part of each round; round 2 (``news2-*``) follows the same rule on the
#: articles after those of round 1, with its own seeded generator.
NEWS_ROUNDS = (35, 20)
NEWS_LEXICON = REPO / "benchmarks" / "annotations" / "lexicons" / "too_wordy.txt"
#: Drawn ``news-*`` sentences left out as not prose, by (article_id, start).
NEWS_EXCLUDED: dict[tuple[str, int], str] = {}


def _phrases(shared: Path) -> frozenset[str]:
    """The entries of two or more words of the independent lists."""
    own = (line.strip().lower() for line in NEWS_LEXICON.read_text(encoding="utf-8")
           .splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(e for e in (*_listed(shared), *own) if " " in e)


def draw_news(shared: Path = SHARED, round_no: int = 1) -> list[dict]:
    """The ``news-plain`` and ``news-phrase`` sentences (see NEWS_SETS and the README), or
    with ``round_no`` 2 the ``news2-*`` round on the articles after round 1's."""
    with RATINGS_PATH.open(encoding="utf-8", newline="") as fh:
        used = {(r["set"], r["article_id"]) for r in csv.DictReader(fh)}
    phrases = _phrases(shared)
    articles = []
    for name in NEWS_SETS:
        some = sorted((name, k, t) for k, t in read_texts(shared, name).items()
                      if (name, k) not in used)
        random.Random(f"language-spans:news:{name}").shuffle(some)
        articles += some
    prefix = "news" if round_no == 1 else f"news{round_no}"
    rng = random.Random(f"language-spans:{prefix}:sentences")
    quota = NEWS_ROUNDS[round_no - 1]
    if round_no > 1:  # start after the last article the round before took
        before = {(r["set"], r["article_id"]) for r in draw_news(shared, round_no - 1)}
        last = max(i for i, (name, key, _) in enumerate(articles) if (name, key) in before)
        articles = articles[last + 1:]
    from analyser.document import parse

    taken: Counter = Counter()
    rows: list[dict] = []
    seen: set[str] = set()
    for name, key, text in articles:
        part = part_of(name, key)
        if text in seen or taken[part] >= quota:
            continue
        seen.add(text)
        pool = [s for s in parse(text).sentences
                if s.kind == "prose" and s.words >= VOICE_MIN_WORDS]
        if not pool:
            continue
        taken[part] += 1
        plain = rng.choice(pool)
        picks = [(plain, f"{prefix}-plain")]
        others = [s for s in pool if s is not plain
                  and _has_listed(text[s.start:s.end], phrases)]
        if others:
            picks.append((rng.choice(others), f"{prefix}-phrase"))
        for s, origin in sorted(picks, key=lambda p: p[0].start):
            if (key, s.start) in NEWS_EXCLUDED:
                continue
            rows.append({"set": name, "article_id": key, "start": s.start, "end": s.end,
                         "sha1_8": sha1_8(text[s.start:s.end]), "words": s.words,
                         "part": part, "rating": "", "origin": origin})
    return rows


#: The ``edge-*`` draws (meta comments and stock phrases sit at the start of web copy and in
#: longer phrases): WCXB and Scrapinghub pages, used or not, in a seeded random order; per
#: page the first prose sentence of at least VOICE_MIN_WORDS words that no earlier draw
#: holds (``edge-first``, chosen by position only) and, when there is one, one other such
#: sentence that contains an entry of three or more words of the independent lists
#: (``edge-phrase``). Pages are taken until each part has its EDGE_ROUNDS quota of pages.
EDGE_SETS = ("wcxb", "aeb")
#: Pages per part of each round: later rounds (``edge2-*``, ``edge3-*``) follow the same rule
#: on the pages after those of the round before, in the same order, each with its own
#: seeded generator.
EDGE_ROUNDS = (25, 15, 15, 20)
EDGE_ORIGINS = tuple(f"{'edge' if n == 1 else f'edge{n}'}-{kind}"
                     for n in range(1, len(EDGE_ROUNDS) + 1) for kind in ("first", "phrase"))
#: Drawn ``edge-*`` sentences left out as not prose, by (article_id, start).
EDGE_EXCLUDED: dict[tuple[str, int], str] = {
    ("0477", 0): "a fragment of a sentence split at an abbreviation",
    ("4458", 167): "a heading and byline run into the sentence",
    ("3ce1c8fdf6ad2ded9e48a68be71eb069fc453ef1b75f47698428a1fdda0deb24", 35):
        "a label: value row",
    ("2020", 41): "a list of author names",
    ("4362", 0): "a heading without a verb",
}


def draw_edge(shared: Path = SHARED, sentences_path: Path = SENTENCES_PATH,
              round_no: int = 1) -> list[dict]:
    """The ``edge-first`` and ``edge-phrase`` sentences (see EDGE_SETS and the README), or
    with ``round_no`` > 1 the ``edge<n>-*`` round on the pages after the round before."""
    from analyser.document import parse

    held = {(r["set"], r["article_id"], r["start"]) for r in read_sentences(sentences_path)
            if r["origin"] not in EDGE_ORIGINS}
    long_phrases = frozenset(e for e in _phrases(shared) if e.count(" ") >= 2)
    pages = sorted((name, k, t) for name in EDGE_SETS
                   for k, t in read_texts(shared, name).items() if is_english(t))
    random.Random("language-spans:edge:pages").shuffle(pages)
    prefix = "edge" if round_no == 1 else f"edge{round_no}"
    rng = random.Random(f"language-spans:{prefix}:sentences")
    quota = EDGE_ROUNDS[round_no - 1]
    if round_no > 1:  # start after the last page the round before took
        before = {(r["set"], r["article_id"])
                  for r in draw_edge(shared, sentences_path, round_no - 1)}
        last = max(i for i, (name, key, _) in enumerate(pages) if (name, key) in before)
        pages = pages[last + 1:]
    taken: Counter = Counter()
    rows: list[dict] = []
    seen: set[str] = set()
    for name, key, text in pages:
        part = part_of(name, key)
        if text in seen or taken[part] >= quota:
            continue
        seen.add(text)
        pool = [s for s in parse(text).sentences if s.kind == "prose"
                and s.words >= VOICE_MIN_WORDS and (name, key, s.start) not in held]
        if not pool:
            continue
        taken[part] += 1
        picks = [(pool[0], f"{prefix}-first")]
        others = [s for s in pool[1:] if _has_listed(text[s.start:s.end], long_phrases)]
        if others:
            picks.append((rng.choice(others), f"{prefix}-phrase"))
        for s, origin in picks:
            if (key, s.start) in EDGE_EXCLUDED:
                continue
            rows.append({"set": name, "article_id": key, "start": s.start, "end": s.end,
                         "sha1_8": sha1_8(text[s.start:s.end]), "words": s.words,
                         "part": part, "rating": "", "origin": origin})
    return rows


@lru_cache(maxsize=4)
def draw_extra_cached(shared: Path = SHARED) -> tuple[dict, ...]:
    """:func:`draw_extra`, computed once per ``shared`` (it parses every page)."""
    return tuple(draw_extra(shared))


def draw_all(shared: Path = SHARED) -> list[dict]:
    """Every draw of added sentences, in the order they were made."""
    return [*draw_extra_cached(shared), *draw_more(shared),
            *(row for n in range(1, len(NEWS_ROUNDS) + 1) for row in draw_news(shared, n)),
            *(row for n in range(1, len(EDGE_ROUNDS) + 1)
              for row in draw_edge(shared, round_no=n))]


def context(text: str, start: int, before: int = 2, after: int = 1) -> str:
    """The sentence at ``start`` with its neighbours, for reading it in its article."""
    from analyser.document import parse

    doc = parse(text)
    i = doc.sentence_at(start)
    lines = [f"  -{i - j}: {doc.sentence_text(j)}" for j in range(max(0, i - before), i)]
    lines.append(f"  >> {doc.sentence_text(i)}")
    lines += [f"  +{j - i}: {doc.sentence_text(j)}"
              for j in range(i + 1, min(len(doc.sentences), i + 1 + after))]
    return "\n".join(lines)


def counts(sentences: list[dict], spans: list[dict]) -> str:
    """Sentences per part and set, and spans per part and category (editor-worthy, quoted)."""
    part_of_article = {(r["set"], r["article_id"]): r["part"] for r in sentences}
    lines = [f"{'part':<8} {'sentences':>9} {'articles':>8}"]
    for part in ("tune", "heldout", "all"):
        sel = [r for r in sentences if part in ("all", r["part"])]
        lines.append(f"{part:<8} {len(sel):>9} "
                     f"{len({(r['set'], r['article_id']) for r in sel}):>8}")
    lines += ["", f"{'category':<12} {'part':<8} {'spans':>6} {'worthy':>7} {'quoted':>7}"]
    for cat in CATEGORIES:
        for part in ("tune", "heldout", "all"):
            sel = [s for s in spans if s["category"] == cat
                   and part in ("all", part_of_article[(s["set"], s["article_id"])])]
            c = Counter((s["editor_worthy"], s["in_quote"]) for s in sel)
            worthy = c[("yes", "no")] + c[("yes", "yes")]
            quoted = c[("no", "yes")] + c[("yes", "yes")]
            lines.append(f"{cat:<12} {part:<8} {len(sel):>6} {worthy:>7} {quoted:>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data")
    ap.add_argument("--draw-extra", action="store_true",
                    help="re-run the draw of the added sentences; unrated rows as CSV")
    ap.add_argument("--draw-more", action="store_true",
                    help="re-run the more-voice / more-listed draw; unrated rows as CSV")
    ap.add_argument("--draw-news", dest="news_round", type=int, metavar="ROUND",
                    help="re-run round ROUND (1, 2) of the news-* draw; unrated rows as CSV")
    ap.add_argument("--draw-edge", dest="edge_round", type=int, metavar="ROUND",
                    help="re-run round ROUND (1-4) of the edge-* draw; unrated rows as CSV")
    ap.add_argument("--show", type=int, metavar="ROW", help="print a sentence row in context")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    draws = ((args.edge_round, partial(draw_edge, round_no=args.edge_round or 1)),
             (args.news_round, partial(draw_news, round_no=args.news_round or 1)),
             (args.draw_more, draw_more),
             (args.draw_extra, draw_extra))
    draw = next((fn for wanted, fn in draws if wanted), None)
    if draw is not None:
        writer = csv.DictWriter(sys.stdout, SENTENCE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(draw(args.shared))
        return 0
    sentences, spans, texts = load_set(args.shared)
    if args.show is not None:
        row = sentences[args.show]
        print(f"[{args.show}] {row['set']} {row['article_id']} {row['start']}:{row['end']}")
        print(context(texts[row["set"]][row["article_id"]], row["start"]))
        return 0
    print(counts(sentences, spans))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
