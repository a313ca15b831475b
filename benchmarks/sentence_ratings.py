"""Sentence difficulty ratings (issue 16): load them with their text, check them, re-run
the sampling that chose them.

    python benchmarks/sentence_ratings.py              # counts per set, part and rating
    python benchmarks/sentence_ratings.py --show 17    # row 17 with its neighbours
    python benchmarks/sentence_ratings.py --sample     # the sampling re-run, unrated CSV
    python benchmarks/sentence_ratings.py --recheck    # the re-rated 60 in context, unrated
    python benchmarks/sentence_ratings.py --agreement  # first against second ratings

``benchmarks/annotations/sentence_difficulty.csv`` holds only ids, character offsets and a
short hash of each sentence: the texts are licensed and are never copied into the repo.
:func:`load_ratings` re-reads them from ``../shared/data`` and attaches each sentence's text
in memory. The offsets are into the text :func:`analyser.document.parse` was given: the
corpus row's ``text`` field (BBC, outlets) or the ground truth's ``articleBody``
(extraction sets), unchanged. See ``benchmarks/annotations/README.md`` and the rating guide
``docs/annotation/sentence_difficulty.md``. Nothing here writes a file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CSV_PATH = REPO / "benchmarks" / "annotations" / "sentence_difficulty.csv"
#: The second rating of a random 60, made after all the others (see the README).
RECHECK_PATH = REPO / "benchmarks" / "annotations" / "sentence_difficulty_recheck.csv"
RECHECK_SIZE = 60
SHARED = REPO.parent / "shared" / "data"

#: set name -> (path under ../shared/data, kind of file)
SOURCES = {
    "bbc": ("news/news.jsonl.gz", "jsonl"),
    "outlets": ("outlets/basil-dev.jsonl.gz", "jsonl"),
    "wcxb": ("extraction/wcxb-dev/ground-truth.json", "truth"),
    "aeb": ("extraction/scrapinghub-aeb/ground-truth.json", "truth"),
}
#: Sentences drawn per set: 40% BBC, 30% outlets, 30% extraction (two thirds of it from
#: the recent WCXB pages, one third from the 2019 Scrapinghub pages).
QUOTAS = {"bbc": 192, "outlets": 144, "wcxb": 96, "aeb": 48}
LONG_WORDS = 20  # the "long" draws come from sentences of at least this many words
MIN_WORDS = 3
TUNE_SHARE = 60  # percent of articles (by hash of set and id) in the tune part
COLUMNS = ["set", "article_id", "start", "end", "sha1_8", "words", "part", "rating",
           "draw", "note"]
#: Drawn sentences that were not rated (guide, rule 8: not English), by (set, article_id,
#: start). The sampler still makes the draw, so that every later draw stays the same, but
#: does not count it: the set's quota is made up by one more draw at its end.
EXCLUDED: dict[tuple[str, str, int], str] = {
    ("wcxb", "5407", 5545): "a line of program code, not English prose",
}

_FUNCTION_WORDS = frozenset(
    "the and of to a in is that for it on was with as are be by this have from at".split())
_WORD = re.compile(r"\w+")


class AlignmentError(ValueError):
    """A row's offsets no longer point at the sentence that was rated."""


def sha1_8(sentence: str) -> str:
    """First 8 hex digits of the sha1 of the sentence's UTF-8 bytes."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:8]


def part_of(set_name: str, article_id: str) -> str:
    """``tune`` or ``heldout``, by a hash of the article, so that one article's sentences
    are never on both sides."""
    digest = hashlib.sha1(f"part:{set_name}:{article_id}".encode()).hexdigest()
    return "tune" if int(digest[:8], 16) % 100 < TUNE_SHARE else "heldout"


def data_dir(shared: Path) -> Path:
    """``../shared/data`` given either it or ``../shared``."""
    return shared / "data" if (shared / "data" / "news").is_dir() else shared


def read_texts(shared: Path, set_name: str) -> dict[str, str]:
    """Article id -> the text that was parsed, in the file's order."""
    rel, kind = SOURCES[set_name]
    path = data_dir(shared) / rel
    if not path.is_file():
        raise FileNotFoundError(f"{set_name}: {path} not found (the shared data sets live "
                                "beside the repo, in ../shared/data)")
    if kind == "truth":
        truth = json.loads(path.read_text(encoding="utf-8"))
        return {key: item["articleBody"] for key, item in truth.items()}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {row["id"]: row["text"] for row in rows}


def read_csv(path: Path = CSV_PATH) -> list[dict]:
    """The stored rows, numbers as ints (``rating`` None where not rated yet)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        for key in ("start", "end", "words"):
            row[key] = int(row[key])
        row["rating"] = int(row["rating"]) if row.get("rating") else None
    return rows


def load_ratings(shared: Path, csv_path: Path = CSV_PATH) -> list[dict]:
    """The rated sentences, each row with ``text`` (the sentence) attached in memory.

    ``shared`` is ``../shared/data`` (or ``../shared``). Raises :class:`AlignmentError` when
    a row's article is missing or its offsets no longer give the sentence that was rated
    (its ``sha1_8`` differs), and FileNotFoundError when a source file is absent.
    """
    rows = read_csv(csv_path)
    texts = {name: read_texts(shared, name) for name in sorted({r["set"] for r in rows})}
    for n, row in enumerate(rows, start=2):  # line 1 of the CSV is the header
        where = f"{csv_path.name} line {n} ({row['set']} {row['article_id']} " \
                f"{row['start']}:{row['end']})"
        article = texts[row["set"]].get(row["article_id"])
        if article is None:
            raise AlignmentError(f"{where}: no such article in {SOURCES[row['set']][0]}")
        sentence = article[row["start"]:row["end"]]
        if sha1_8(sentence) != row["sha1_8"]:
            raise AlignmentError(
                f"{where}: the text at these offsets has sha1_8 {sha1_8(sentence)}, the CSV "
                f"says {row['sha1_8']}: the source text has changed since it was rated")
        row["text"] = sentence
    return rows


# -- the sampling scheme ------------------------------------------------------------------

def is_english(text: str) -> bool:
    """Crude but enough for these pages: common English function words make up at least
    8% of the words (English prose: 20-35%). It drops the 19 foreign pages of the
    Scrapinghub set, and 2 English ones that are mostly tables or lists."""
    words = _WORD.findall(text.lower())
    return bool(words) and sum(w in _FUNCTION_WORDS for w in words) / len(words) >= 0.08


def _articles(shared: Path, set_name: str) -> list[tuple[str, str]]:
    """(id, text) in a seeded random order: exact duplicate texts (133 in BBC) kept once,
    under their first id; extraction pages only when English."""
    seen: set[str] = set()
    out = []
    for key, text in read_texts(shared, set_name).items():
        if text in seen or (SOURCES[set_name][1] == "truth" and not is_english(text)):
            continue
        seen.add(text)
        out.append((key, text))
    out.sort()
    random.Random(f"sentence-ratings:{set_name}").shuffle(out)
    return out


def sample(shared: Path) -> list[dict]:
    """Draw the sentences to rate (see the README): per set, articles in seeded random order,
    one to three prose sentences of at least 3 words from each, draws alternating between
    *uniform* (any such sentence of the article) and *long* (one of 20+ words; uniform when
    the article has none left), a sentence whose text was already drawn skipped."""
    from analyser.document import parse

    rows, seen = [], set()
    for set_name, quota in QUOTAS.items():
        rng = random.Random(f"sentence-ratings:draws:{set_name}")
        taken = draws = 0
        for article_id, text in _articles(shared, set_name):
            if taken == quota:
                break
            doc = parse(text)
            pool = [s for s in doc.sentences if s.kind == "prose" and s.words >= MIN_WORDS]
            for _ in range(rng.randint(1, 3)):
                if taken == quota:
                    break
                free = [s for s in pool if " ".join(text[s.start:s.end].lower().split())
                        not in seen]
                long = [s for s in free if s.words >= LONG_WORDS]
                draw = "long" if draws % 2 and long else "uniform"
                choice = rng.choice(long if draw == "long" else free) if free else None
                if choice is None:
                    break
                draws += 1
                sentence = text[choice.start:choice.end]
                seen.add(" ".join(sentence.lower().split()))
                if (set_name, article_id, choice.start) in EXCLUDED:
                    continue
                taken += 1
                rows.append({"set": set_name, "article_id": article_id,
                             "start": choice.start, "end": choice.end,
                             "sha1_8": sha1_8(sentence), "words": choice.words,
                             "part": part_of(set_name, article_id), "rating": "",
                             "draw": draw, "note": ""})
    return rows


# -- reliability --------------------------------------------------------------------------

def recheck_indices(n_rows: int) -> list[int]:
    """Rows of the CSV re-rated for reliability, in the (shuffled) order they were shown."""
    idx = sorted(random.Random("sentence-ratings:recheck").sample(range(n_rows), RECHECK_SIZE))
    random.Random("recheck-order").shuffle(idx)
    return idx


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in order[i:j + 1]:
            ranks[k] = (i + j) / 2 + 1  # ties share their average rank
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho: Pearson's correlation of the average ranks."""
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return cov / var if var else float("nan")


def agreement(rows: list[dict], recheck_path: Path = RECHECK_PATH) -> str:
    """Exact and within-one agreement and Spearman between the first and second ratings."""
    first = {(r["set"], r["article_id"], r["start"]): r["rating"] for r in rows}
    with recheck_path.open(encoding="utf-8", newline="") as fh:
        pairs = [(first[(r["set"], r["article_id"], int(r["start"]))], int(r["rating"]))
                 for r in csv.DictReader(fh)]
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    n = len(pairs)
    exact = sum(x == y for x, y in pairs)
    near = sum(abs(x - y) <= 1 for x, y in pairs)
    changed = Counter(f"{x}->{y}" for x, y in pairs if x != y)
    return (f"re-rated {n}: exact {exact} ({exact / n:.0%}), within one {near} ({near / n:.0%}), "
            f"Spearman {spearman(a, b):.3f}; changes: {dict(changed) or 'none'}")


# -- printing -----------------------------------------------------------------------------

def counts(rows: list[dict]) -> str:
    """One table: sentences (and articles) per set and part, by rating."""
    ratings = sorted({r["rating"] for r in rows}, key=lambda x: (x is None, x))
    head = f"{'set':<8} {'part':<8} " + " ".join(f"{'r' + str(x):>5}" for x in ratings) \
        + f" {'total':>6} {'articles':>8}"
    lines = [head, "-" * len(head)]
    for set_name in [s for s in SOURCES if any(r["set"] == s for r in rows)] + ["all"]:
        for part in ("tune", "heldout", "both"):
            sel = [r for r in rows if set_name in ("all", r["set"]) and part in ("both", r["part"])]
            by = Counter(r["rating"] for r in sel)
            cells = " ".join(f"{by[x]:>5}" for x in ratings)
            arts = len({(r["set"], r["article_id"]) for r in sel})
            lines.append(f"{set_name:<8} {part:<8} {cells} {len(sel):>6} {arts:>8}")
    return "\n".join(lines)


def show(rows: list[dict], texts: dict[str, dict[str, str]], index: int, *,
         blind: bool = False, label: str | None = None) -> str:
    """Row ``index`` (0-based) with the sentence before and after it, for reading the
    rating in context (printed only); ``blind`` leaves out the rating, the note and the
    row's identity, for a second rater."""
    from analyser.document import parse

    row = rows[index]
    text = texts[row["set"]][row["article_id"]]
    doc = parse(text)
    i = doc.sentence_at(row["start"])
    before = doc.sentence_text(i - 1) if i > 0 else ""
    after = doc.sentence_text(i + 1) if i + 1 < len(doc.sentences) else ""
    head = label or f"[{index}] {row['set']} {row['article_id']} {row['start']}:{row['end']} " \
        f"{row['words']} words, {row['part']}, rated {row['rating']} {row['note']}"
    if blind:
        head = label or f"[{index}]"
    return f"{head}\n  before: {before}\n  >> {text[row['start']:row['end']]}\n  after:  {after}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data")
    ap.add_argument("--show", type=int, metavar="ROW", help="print a row in its context")
    ap.add_argument("--sample", action="store_true",
                    help="re-run the sampling; unrated rows as CSV on stdout")
    ap.add_argument("--recheck", action="store_true",
                    help="print the rows re-rated for reliability in context, without ratings")
    ap.add_argument("--agreement", action="store_true",
                    help="agreement between the first and the second ratings")
    args = ap.parse_args(argv)
    if args.sample:
        sys.path.insert(0, str(REPO))
        writer = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sample(args.shared))
        return 0
    if args.agreement:
        print(agreement(read_csv()))
        return 0
    rows = load_ratings(args.shared)
    if args.show is not None or args.recheck:
        sys.path.insert(0, str(REPO))
        texts = {name: read_texts(args.shared, name) for name in SOURCES}
        picks = [args.show] if args.show is not None else recheck_indices(len(rows))
        for n, i in enumerate(picks):
            print(show(rows, texts, i, blind=args.recheck, label=f"R{n}" if args.recheck else None))
        return 0
    print(counts(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
